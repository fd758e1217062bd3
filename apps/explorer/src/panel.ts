// The details panel (region "Details"): an entity's type, lexicon facts, mentions, documents, neighbours
// ranked by weight and evidence sentences, or a link's evidence. All text is set with textContent.
import type { Evidence, FactValue } from '@missiongraph/graph';
import type { CommunitySummary } from './communities.ts';
import { element, highlightedText } from './dom.ts';
import { keepsSentence, type FilterState, type Visibility } from './filters.ts';
import { colorForCommunity, type ExplorerGraph } from './graph-model.ts';

/** What the filters keep, so the panel lists the same links and sentences as the map. */
export interface PanelFilter {
  visibility: Visibility;
  filters: FilterState;
}

const PAGE = 20;

export interface PanelActions {
  selectNode: (key: string) => void;
  selectEdge: (key: string) => void;
  selectCommunity: (id: number) => void;
}

/** Association strength in words: how many times more often than chance two entities are named together. */
export function strengthInWords(strength: number): string {
  if (strength >= 1.05) return `named together ${strength.toPrecision(3)}× as often as chance would give`;
  if (strength > 0.95) return 'named together about as often as chance would give';
  return `named together less often than chance would give (${strength.toPrecision(3)}×)`;
}

const RELATION_WORDS: Record<string, string> = {
  'host-country': 'is hosted by',
  'succeeded-by': 'was succeeded by',
};

const FACT_NAMES: Record<string, string> = {
  fullName: 'Full name',
  hostCountry: 'Host country',
  startYear: 'Started',
  endYear: 'Ended',
  status: 'Status',
  predecessor: 'Predecessor',
  successor: 'Successor',
  kind: 'Kind',
  iso3: 'ISO code',
};

function factName(key: string): string {
  return FACT_NAMES[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

interface Neighbour {
  key: string;
  weight: number;
  relations: string[];
  edges: string[];
}

export class DetailsPanel {
  constructor(
    private readonly region: HTMLElement,
    private readonly actions: PanelActions,
  ) {}

  clear(): void {
    this.region.replaceChildren(
      element('p', { className: 'placeholder', text: 'Select an entity or a link to read the evidence behind it.' }),
    );
  }

  showMissing(what: string): void {
    this.region.replaceChildren(element('p', { className: 'placeholder', text: `${what} is not in this graph.` }));
  }

  showNode(graph: ExplorerGraph, key: string, filter: PanelFilter | null): void {
    const entity = graph.getNodeAttributes(key);
    const shown = filter ? filter.visibility.nodes.has(key) : true;
    const parts: Node[] = [
      element('h2', { text: entity.label }),
      this.kindLine(entity.type, entity.color, key),
    ];
    if (!shown) parts.push(element('p', { className: 'placeholder', text: 'Hidden by the current filters.' }));

    const factRows: [string, Node][] = Object.entries(entity.facts).map(([name, value]) => [factName(name), this.factValue(graph, value)]);
    if (factRows.length > 0) parts.push(element('h3', { text: 'Facts' }), this.definitionList(factRows));
    const fileRows: [string, Node][] = Object.entries(entity.fileAttributes ?? {}).map(([name, value]) => [name, document.createTextNode(String(value))]);
    if (fileRows.length > 0) parts.push(element('h3', { text: 'Attributes' }), this.definitionList(fileRows));

    const mentionRows: [string, Node][] = [
      ['Mentions', document.createTextNode(entity.mentions.toLocaleString('en'))],
      ['Documents', document.createTextNode(entity.documentCount.toLocaleString('en'))],
    ];
    if (entity.aliases.length > 0) mentionRows.push(['Named as', document.createTextNode(entity.aliases.join(', '))]);
    if (entity.firstDocument) mentionRows.push(['First in', document.createTextNode(entity.firstDocument)]);
    if (entity.lastDocument && entity.lastDocument !== entity.firstDocument) {
      mentionRows.push(['Last in', document.createTextNode(entity.lastDocument)]);
    }
    parts.push(element('h3', { text: 'Mentions' }), this.definitionList(mentionRows));
    if (entity.documentList.length > 0) {
      parts.push(element('h3', { text: 'Documents' }), this.pagedList(entity.documentList, (name) => element('li', { text: name })));
    }

    const allNeighbours = this.neighbours(graph, key, null);
    const neighbours = filter ? this.neighbours(graph, key, filter) : allNeighbours;
    const linkedTitle =
      neighbours.length === allNeighbours.length ? `Linked to (${neighbours.length})` : `Linked to (${neighbours.length} shown of ${allNeighbours.length})`;
    parts.push(element('h3', { text: linkedTitle }));
    parts.push(
      this.pagedList(
        neighbours,
        (neighbour) => {
          const other = graph.getNodeAttributes(neighbour.key);
          const name = element('button', { text: other.label, attributes: { type: 'button', title: `Show ${other.type}` } });
          name.addEventListener('click', () => this.actions.selectNode(neighbour.key));
          const detail = neighbour.weight > 0 ? plural(neighbour.weight, 'sentence') : `${neighbour.relations.join(', ')} (reference data)`;
          const weight = element('button', {
            className: 'weight',
            text: detail,
            attributes: { type: 'button', 'aria-label': `Evidence linking ${entity.label} and ${other.label}` },
          });
          const firstEdge = neighbour.edges[0];
          weight.addEventListener('click', () => {
            if (firstEdge) this.actions.selectEdge(firstEdge);
          });
          const swatch = element('span', { className: 'swatch inline', attributes: { 'aria-hidden': 'true' } });
          swatch.style.background = other.color;
          return element('li', { attributes: { 'data-key': neighbour.key }, children: [swatch, name, weight] });
        },
        'neighbours',
      ),
    );

    const allEvidence = this.collectEvidence(graph, key, null);
    const evidence = filter ? this.collectEvidence(graph, key, filter) : allEvidence;
    parts.push(
      element('h3', {
        text: evidence.length === allEvidence.length ? `Evidence (${evidence.length})` : `Evidence (${evidence.length} shown of ${allEvidence.length})`,
      }),
    );
    const terms = [entity.label, ...entity.aliases];
    parts.push(this.pagedList(evidence, (sentence) => this.evidenceItem(sentence, terms), 'evidence'));
    this.region.replaceChildren(...parts);
  }

  showEdge(graph: ExplorerGraph, key: string, filter: PanelFilter | null): void {
    const link = graph.getEdgeAttributes(key);
    const shown = filter ? filter.visibility.edges.has(key) : true;
    const [source, target] = graph.extremities(key);
    const from = link.from && graph.hasNode(link.from) ? link.from : source;
    const to = from === source ? target : source;
    const parts: Node[] = [];
    const title = element('h2');
    title.append(this.entityButton(graph, from), document.createTextNode(link.kind === 'co-mention' ? ' — ' : ' → '), this.entityButton(graph, to));
    parts.push(title, element('p', { className: 'kind', text: link.kind === 'co-mention' ? 'named in the same sentence' : `${link.kind} (reference data)` }));
    if (!shown) parts.push(element('p', { className: 'placeholder', text: 'Hidden by the current filters.' }));
    if (link.kind !== 'co-mention') {
      const fromLabel = graph.getNodeAttribute(from, 'label');
      const toLabel = graph.getNodeAttribute(to, 'label');
      const fact = link.kind === 'host-country' ? 'hostCountry' : link.kind === 'succeeded-by' ? 'successor / predecessor' : link.kind;
      parts.push(
        element('p', {
          className: 'reference-note',
          text:
            `This link comes from the reference data (the lexicon), not from a sentence: ${fromLabel} ${RELATION_WORDS[link.kind] ?? link.kind} ${toLabel} ` +
            `(fact "${fact}" of ${from}). It has no evidence sentences of its own.`,
        }),
      );
    }
    const rows: [string, Node][] = [];
    if (link.kind === 'co-mention') rows.push(['Sentences', document.createTextNode((filter?.visibility.edgeWeights.get(key) ?? link.weight).toLocaleString('en'))]);
    if (link.documentCount > 0) rows.push(['Documents', document.createTextNode(link.documentCount.toLocaleString('en'))]);
    // With a timeline period, the strength recounted over the period's documents (filters.ts, edgeStrengths).
    const periodStrength = filter?.visibility.edgeStrengths.get(key);
    const strength = periodStrength ?? link.strength;
    if (strength !== undefined) rows.push([periodStrength === undefined ? 'Strength' : 'Strength in the period', document.createTextNode(`${strength.toPrecision(3)}: ${strengthInWords(strength)}`)]);
    if (rows.length > 0) parts.push(this.definitionList(rows));
    if (link.documentList.length > 0) {
      parts.push(element('h3', { text: 'Documents' }), this.pagedList(link.documentList, (name) => element('li', { text: name })));
    }
    const terms = [from, to].flatMap((end) => {
      const attributes = graph.getNodeAttributes(end);
      return [attributes.label, ...attributes.aliases];
    });
    const evidence = filter ? link.evidence.filter((sentence) => keepsSentence(filter.filters, sentence)) : link.evidence;
    if (link.kind === 'co-mention' || link.evidence.length > 0) {
      parts.push(
        element('h3', {
          text: evidence.length === link.evidence.length ? `Evidence (${evidence.length})` : `Evidence (${evidence.length} shown of ${link.evidence.length})`,
        }),
      );
      parts.push(this.pagedList(evidence, (sentence) => this.evidenceItem(sentence, terms), 'evidence'));
    }
    this.region.replaceChildren(...parts);
  }

  /** A community's own Details: its name and size, members by centrality, strongest links and documents. */
  showCommunity(graph: ExplorerGraph, community: CommunitySummary): void {
    const swatch = element('span', { className: 'swatch inline', attributes: { 'aria-hidden': 'true' } });
    swatch.style.background = colorForCommunity(community.id);
    const parts: Node[] = [
      element('h2', { text: community.name }),
      element('p', { className: 'kind', children: [swatch, element('span', { text: `community ${community.id} · ${community.members.length.toLocaleString('en')} ${community.members.length === 1 ? 'entity' : 'entities'}` })] }),
      element('h3', { text: `Members (${community.members.length})` }),
      this.pagedList(
        community.members,
        (member) => {
          const button = this.entityButton(graph, member);
          const kind = element('span', { className: 'weight', text: graph.getNodeAttribute(member, 'type') });
          return element('li', { children: [button, kind] });
        },
        'neighbours',
      ),
      element('h3', { text: `Strongest links (${community.strongestLinks.length})` }),
      this.pagedList(
        community.strongestLinks,
        (edge) => {
          const [source, target] = graph.extremities(edge);
          const link = graph.getEdgeAttributes(edge);
          const button = element('button', {
            text: `${graph.getNodeAttribute(source, 'label')} — ${graph.getNodeAttribute(target, 'label')}`,
            attributes: { type: 'button' },
          });
          button.addEventListener('click', () => this.actions.selectEdge(edge));
          const weight = element('span', { className: 'weight', text: link.kind === 'co-mention' ? plural(link.weight, 'sentence') : 'reference data' });
          return element('li', { children: [button, weight] });
        },
        'neighbours',
      ),
      element('h3', { text: `Documents (${community.documents.length})` }),
      this.pagedList(community.documents, (document) =>
        element('li', { children: [element('span', { text: document.name }), element('span', { className: 'weight', text: `${document.members} named` })] }),
        'neighbours',
      ),
    ];
    this.region.replaceChildren(...parts);
  }

  private kindLine(type: string, color: string, key: string): HTMLElement {
    const swatch = element('span', { className: 'swatch inline', attributes: { 'aria-hidden': 'true' } });
    swatch.style.background = color;
    return element('p', { className: 'kind', children: [swatch, element('span', { text: type }), element('span', { className: 'id', text: key })] });
  }

  private entityButton(graph: ExplorerGraph, key: string): HTMLElement {
    const button = element('button', { className: 'entity-link', text: graph.getNodeAttribute(key, 'label'), attributes: { type: 'button' } });
    button.addEventListener('click', () => this.actions.selectNode(key));
    return button;
  }

  private factValue(graph: ExplorerGraph, value: FactValue): Node {
    const values = Array.isArray(value) ? value : [value];
    const holder = element('span');
    values.forEach((item, position) => {
      if (position > 0) holder.append(', ');
      if (typeof item === 'string' && graph.hasNode(item)) holder.append(this.entityButton(graph, item));
      else holder.append(String(item));
    });
    return holder;
  }

  private definitionList(rows: [string, Node][]): HTMLElement {
    const list = element('dl');
    for (const [name, value] of rows) list.append(element('dt', { text: name }), element('dd', { children: [value] }));
    return list;
  }

  /** A list showing PAGE items, with a button that shows PAGE more. */
  private pagedList<T>(items: readonly T[], render: (item: T) => HTMLElement, className = ''): HTMLElement {
    const holder = element('div');
    const list = element(className === 'evidence' ? 'ol' : 'ul', { className });
    holder.append(list);
    let shown = 0;
    const more = element('button', { className: 'more', attributes: { type: 'button' } });
    const showMore = () => {
      const next = items.slice(shown, shown + PAGE);
      for (const item of next) list.append(render(item));
      shown += next.length;
      const remaining = items.length - shown;
      more.textContent = `Show ${Math.min(PAGE, remaining)} more of ${remaining}`;
      more.hidden = remaining <= 0;
    };
    more.addEventListener('click', showMore);
    showMore();
    if (items.length === 0) list.append(element('li', { className: 'placeholder', text: 'None' }));
    holder.append(more);
    return holder;
  }

  private evidenceItem(sentence: Evidence, terms: readonly string[]): HTMLElement {
    const quote = element('blockquote');
    quote.append(highlightedText(sentence.text, terms));
    const source = [sentence.document || 'unknown document', sentence.speaker, sentence.time].filter(Boolean).join(' · ');
    return element('li', { children: [quote, element('div', { className: 'source', text: source })] });
  }

  private neighbours(graph: ExplorerGraph, key: string, filter: PanelFilter | null): Neighbour[] {
    const byKey = new Map<string, Neighbour>();
    graph.forEachEdge(key, (edge, link, source, target) => {
      if (filter && !filter.visibility.edges.has(edge)) return;
      const other = source === key ? target : source;
      let neighbour = byKey.get(other);
      if (!neighbour) {
        neighbour = { key: other, weight: 0, relations: [], edges: [] };
        byKey.set(other, neighbour);
      }
      if (link.kind === 'co-mention') {
        neighbour.weight += filter?.visibility.edgeWeights.get(edge) ?? link.weight;
        neighbour.edges.unshift(edge);
      } else {
        neighbour.relations.push(link.kind);
        neighbour.edges.push(edge);
      }
    });
    return [...byKey.values()].sort(
      (a, b) =>
        b.weight - a.weight ||
        graph.getNodeAttribute(a.key, 'label').localeCompare(graph.getNodeAttribute(b.key, 'label')) ||
        a.key.localeCompare(b.key),
    );
  }

  /** Sentences behind an entity's co-mention links, each once, in document and sentence order. */
  private collectEvidence(graph: ExplorerGraph, key: string, filter: PanelFilter | null): Evidence[] {
    const seen = new Map<string, Evidence>();
    graph.forEachEdge(key, (edge, link) => {
      if (filter && !filter.visibility.edges.has(edge)) return;
      for (const sentence of link.evidence) {
        if (filter && !keepsSentence(filter.filters, sentence)) continue;
        const id = `${sentence.document}\u0000${sentence.sentence}`;
        if (!seen.has(id)) seen.set(id, sentence);
      }
    });
    return [...seen.values()].sort((a, b) => a.document.localeCompare(b.document) || a.sentence - b.sentence);
  }
}
