// The details panel (region "Details"): an entity's type, lexicon facts, mentions, documents, neighbours
// ranked by weight and evidence sentences, or a link's evidence. All text is set with textContent.
import type { Evidence, FactValue } from '@missiongraph/graph';
import { element, highlightedText } from './dom.ts';
import type { ExplorerGraph } from './graph-model.ts';

const PAGE = 20;

export interface PanelActions {
  selectNode: (key: string) => void;
  selectEdge: (key: string) => void;
}

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

  showNode(graph: ExplorerGraph, key: string, shown: boolean): void {
    const entity = graph.getNodeAttributes(key);
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

    const neighbours = this.neighbours(graph, key);
    parts.push(element('h3', { text: `Linked to (${neighbours.length})` }));
    parts.push(
      this.pagedList(
        neighbours,
        (neighbour) => {
          const other = graph.getNodeAttributes(neighbour.key);
          const name = element('button', { text: other.label, attributes: { type: 'button', title: `Show ${other.type}` } });
          name.addEventListener('click', () => this.actions.selectNode(neighbour.key));
          const detail = neighbour.weight > 0 ? plural(neighbour.weight, 'sentence') : neighbour.relations.join(', ');
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
          return element('li', { children: [swatch, name, weight] });
        },
        'neighbours',
      ),
    );

    const evidence = this.collectEvidence(graph, key);
    parts.push(element('h3', { text: `Evidence (${evidence.length})` }));
    const terms = [entity.label, ...entity.aliases];
    parts.push(this.pagedList(evidence, (sentence) => this.evidenceItem(sentence, terms), 'evidence'));
    this.region.replaceChildren(...parts);
  }

  showEdge(graph: ExplorerGraph, key: string, shown: boolean): void {
    const link = graph.getEdgeAttributes(key);
    const [source, target] = graph.extremities(key);
    const from = link.from && graph.hasNode(link.from) ? link.from : source;
    const to = from === source ? target : source;
    const parts: Node[] = [];
    const title = element('h2');
    title.append(this.entityButton(graph, from), document.createTextNode(link.kind === 'co-mention' ? ' — ' : ' → '), this.entityButton(graph, to));
    parts.push(title, element('p', { className: 'kind', text: link.kind === 'co-mention' ? 'named in the same sentence' : link.kind }));
    if (!shown) parts.push(element('p', { className: 'placeholder', text: 'Hidden by the current filters.' }));
    const rows: [string, Node][] = [];
    if (link.kind === 'co-mention') rows.push(['Sentences', document.createTextNode(link.weight.toLocaleString('en'))]);
    if (link.documentCount > 0) rows.push(['Documents', document.createTextNode(link.documentCount.toLocaleString('en'))]);
    if (link.strength !== undefined) rows.push(['Strength', document.createTextNode(link.strength.toPrecision(3))]);
    if (rows.length > 0) parts.push(this.definitionList(rows));
    if (link.documentList.length > 0) {
      parts.push(element('h3', { text: 'Documents' }), this.pagedList(link.documentList, (name) => element('li', { text: name })));
    }
    const terms = [from, to].flatMap((end) => {
      const attributes = graph.getNodeAttributes(end);
      return [attributes.label, ...attributes.aliases];
    });
    parts.push(element('h3', { text: `Evidence (${link.evidence.length})` }));
    parts.push(this.pagedList(link.evidence, (sentence) => this.evidenceItem(sentence, terms), 'evidence'));
    this.region.replaceChildren(...parts);
  }

  private kindLine(type: string, colour: string, key: string): HTMLElement {
    const swatch = element('span', { className: 'swatch inline', attributes: { 'aria-hidden': 'true' } });
    swatch.style.background = colour;
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

  private neighbours(graph: ExplorerGraph, key: string): Neighbour[] {
    const byKey = new Map<string, Neighbour>();
    graph.forEachEdge(key, (edge, link, source, target) => {
      const other = source === key ? target : source;
      let neighbour = byKey.get(other);
      if (!neighbour) {
        neighbour = { key: other, weight: 0, relations: [], edges: [] };
        byKey.set(other, neighbour);
      }
      if (link.kind === 'co-mention') {
        neighbour.weight += link.weight;
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
  private collectEvidence(graph: ExplorerGraph, key: string): Evidence[] {
    const seen = new Map<string, Evidence>();
    graph.forEachEdge(key, (_edge, link) => {
      for (const sentence of link.evidence) {
        const id = `${sentence.document}\u0000${sentence.sentence}`;
        if (!seen.has(id)) seen.set(id, sentence);
      }
    });
    return [...seen.values()].sort((a, b) => a.document.localeCompare(b.document) || a.sentence - b.sentence);
  }
}
