// What the filters keep: entity types, minimum link weight and links per entity, documents and speakers.
// Pure functions of the graph and the filter state; the renderer only reads the resulting sets.
import { LIST_CO_MENTION_WEIGHT } from '@missiongraph/graph';
import type { ExplorerGraph, LinkAttributes } from './graph-model.ts';

/**
 * The timeline's period (timeline.ts): its dates, whether undated documents count, the documents it keeps and each
 * co-mention link's association strength recounted over them (the graph package's TimelineIndex).
 */
export interface PeriodFilter {
  from: string;
  to: string;
  undated: boolean;
  documents: ReadonlySet<string>;
  strengths: ReadonlyMap<string, number>;
}

export interface FilterState {
  hiddenTypes: Set<string>;
  minEdgeWeight: number;
  minDegree: number;
  /** Documents to keep; empty keeps all. */
  documents: Set<string>;
  /** Speakers to keep; empty keeps all. */
  speakers: Set<string>;
  /** Entities that have links in the graph but none the filters keep are hidden too (on by default). */
  hideIsolated: boolean;
  /** The timeline's period; null keeps every document, dated or not. */
  period: PeriodFilter | null;
}

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
  /** Weight of each kept co-mention link counted over the kept documents and speakers only. */
  edgeWeights: Map<string, number>;
  /** With a period: each kept co-mention link's association strength over the period's documents. */
  edgeStrengths: Map<string, number>;
}

export function emptyFilters(): FilterState {
  return { hiddenTypes: new Set(), minEdgeWeight: 1, minDegree: 0, documents: new Set(), speakers: new Set(), hideIsolated: true, period: null };
}

export function filtersAreDefault(state: FilterState): boolean {
  return (
    state.hiddenTypes.size === 0 &&
    state.minEdgeWeight <= 1 &&
    state.minDegree <= 0 &&
    state.documents.size === 0 &&
    state.speakers.size === 0 &&
    state.period === null
  );
}

/** One short phrase per active filter, for the chip bar; `remove` gives the state without that filter. */
export interface FilterChip {
  text: string;
  remove: (state: FilterState) => FilterState;
}

function copyFilters(state: FilterState): FilterState {
  return { ...state, hiddenTypes: new Set(state.hiddenTypes), documents: new Set(state.documents), speakers: new Set(state.speakers) };
}

export function filterChips(state: FilterState): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const type of [...state.hiddenTypes].sort()) {
    chips.push({ text: `no ${type}`, remove: (current) => { const next = copyFilters(current); next.hiddenTypes.delete(type); return next; } });
  }
  if (state.minEdgeWeight > 1) {
    chips.push({ text: `links of ${state.minEdgeWeight}+ sentences`, remove: (current) => ({ ...copyFilters(current), minEdgeWeight: 1 }) });
  }
  if (state.minDegree > 0) {
    chips.push({ text: `entities with ${state.minDegree}+ links`, remove: (current) => ({ ...copyFilters(current), minDegree: 0 }) });
  }
  for (const document of [...state.documents].sort()) {
    chips.push({ text: `document: ${document}`, remove: (current) => { const next = copyFilters(current); next.documents.delete(document); return next; } });
  }
  for (const speaker of [...state.speakers].sort()) {
    chips.push({ text: `speaker: ${speaker}`, remove: (current) => { const next = copyFilters(current); next.speakers.delete(speaker); return next; } });
  }
  if (state.period !== null) {
    const { from, to, undated } = state.period;
    chips.push({ text: `period: ${from === to ? from : `${from} – ${to}`}${undated ? ' and undated' : ''}`, remove: (current) => ({ ...copyFilters(current), period: null }) });
  }
  if (!state.hideIsolated && !filtersAreDefault(state)) {
    chips.push({ text: 'unlinked entities shown', remove: (current) => ({ ...copyFilters(current), hideIsolated: true }) });
  }
  return chips;
}

/** Whether the document filter and the timeline's period narrow the documents. */
function narrowsDocuments(state: FilterState): boolean {
  return state.documents.size > 0 || state.period !== null;
}

/** Whether a document is kept by the document filter and the timeline's period. */
export function keepsDocument(state: FilterState, document: string): boolean {
  return (state.documents.size === 0 || state.documents.has(document)) && (state.period === null || state.period.documents.has(document));
}

/** Whether an evidence sentence is kept by the document and speaker filters and the period. */
export function keepsSentence(state: FilterState, sentence: { document: string; speaker?: string }): boolean {
  if (narrowsDocuments(state) && !keepsDocument(state, sentence.document)) return false;
  if (state.speakers.size > 0 && !(sentence.speaker && state.speakers.has(sentence.speaker))) return false;
  return true;
}

/** Documents and speakers named anywhere in the graph, sorted, for the filter lists. */
export function corpusFacets(graph: ExplorerGraph): { documents: string[]; speakers: string[] } {
  const documents = new Set<string>();
  const speakers = new Set<string>();
  graph.forEachNode((_node, attributes) => {
    for (const document of attributes.documentList) documents.add(document);
  });
  graph.forEachEdge((_edge, attributes) => {
    for (const document of attributes.documentList) documents.add(document);
    for (const sentence of attributes.evidence) {
      if (sentence.document) documents.add(sentence.document);
      if (sentence.speaker) speakers.add(sentence.speaker);
    }
  });
  const byName = (a: string, b: string) => a.localeCompare(b);
  return { documents: [...documents].sort(byName), speakers: [...speakers].sort(byName) };
}

function isCoMention(link: LinkAttributes): boolean {
  return link.kind === 'co-mention';
}

/** Co-mention weight over the kept documents and speakers (the full weight when neither is filtered), a list sentence weighing LIST_CO_MENTION_WEIGHT as in the graph package. */
function filteredWeight(link: LinkAttributes, state: FilterState): number {
  const narrowed = narrowsDocuments(state);
  if (!narrowed && state.speakers.size === 0) return link.weight;
  if (link.evidence.length === 0) {
    if (state.speakers.size > 0) return 0;
    return link.documentList.some((document) => keepsDocument(state, document)) ? link.weight : 0;
  }
  let count = 0;
  for (const sentence of link.evidence) {
    if (narrowed && !keepsDocument(state, sentence.document)) continue;
    if (state.speakers.size > 0 && !(sentence.speaker && state.speakers.has(sentence.speaker))) continue;
    count += sentence.list === true ? LIST_CO_MENTION_WEIGHT : 1;
  }
  return count;
}

/**
 * The entities and links the filters keep. A co-mention link stays when both ends are kept and its
 * weight (over the kept documents/speakers) reaches the minimum; lexicon relations stay when both ends
 * are kept. With a document or speaker filter, an entity stays only if it is named there. Then entities
 * with fewer kept links than the minimum go, with their links.
 */
export function computeVisibility(graph: ExplorerGraph, state: FilterState): Visibility {
  const narrowed = narrowsDocuments(state) || state.speakers.size > 0;
  const candidates = new Set<string>();
  graph.forEachNode((node, attributes) => {
    if (state.hiddenTypes.has(attributes.type)) return;
    if (narrowsDocuments(state) && attributes.documentList.length > 0 && state.speakers.size === 0) {
      if (!attributes.documentList.some((document) => keepsDocument(state, document))) return;
    }
    candidates.add(node);
  });

  const edgeWeights = new Map<string, number>();
  const keptEdges: string[] = [];
  const namedInSelection = new Set<string>();
  graph.forEachEdge((edge, link, source, target) => {
    if (!candidates.has(source) || !candidates.has(target)) return;
    if (isCoMention(link)) {
      const weight = filteredWeight(link, state);
      if (narrowed && weight > 0) {
        namedInSelection.add(source);
        namedInSelection.add(target);
      }
      // The lowest setting (1) hides nothing: a list sentence's link weighs 0.25 (LIST_CO_MENTION_WEIGHT) and is still a link.
      if (weight <= 0 || (state.minEdgeWeight > 1 && weight < state.minEdgeWeight)) return;
      edgeWeights.set(edge, weight);
    }
    keptEdges.push(edge);
  });

  if (narrowed) {
    for (const node of [...candidates]) {
      const listed = graph.getNodeAttribute(node, 'documentList');
      const inDocuments = state.speakers.size === 0 && listed.some((document) => keepsDocument(state, document));
      if (!namedInSelection.has(node) && !inDocuments) candidates.delete(node);
    }
  }

  const degree = new Map<string, number>();
  const edges = new Set<string>();
  for (const edge of keptEdges) {
    const [source, target] = graph.extremities(edge);
    if (!candidates.has(source) || !candidates.has(target)) continue;
    edges.add(edge);
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  }

  const nodes = new Set<string>();
  for (const node of candidates) {
    const kept = degree.get(node) ?? 0;
    if (kept < state.minDegree) continue;
    if (state.hideIsolated && kept === 0 && graph.degree(node) > 0 && !filtersAreDefault(state)) continue;
    nodes.add(node);
  }
  if (nodes.size < candidates.size) {
    for (const edge of [...edges]) {
      const [source, target] = graph.extremities(edge);
      if (!nodes.has(source) || !nodes.has(target)) {
        edges.delete(edge);
        edgeWeights.delete(edge);
      }
    }
  }
  for (const edge of [...edgeWeights.keys()]) if (!edges.has(edge)) edgeWeights.delete(edge);
  const edgeStrengths = new Map<string, number>();
  if (state.period !== null) {
    for (const edge of edgeWeights.keys()) {
      const strength = state.period.strengths.get(edge);
      if (strength !== undefined) edgeStrengths.set(edge, strength);
    }
  }
  return { nodes, edges, edgeWeights, edgeStrengths };
}

/** Number of entities of each type in the graph, for the legend. */
export function countByType(graph: ExplorerGraph): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachNode((_node, attributes) => counts.set(attributes.type, (counts.get(attributes.type) ?? 0) + 1));
  return counts;
}
