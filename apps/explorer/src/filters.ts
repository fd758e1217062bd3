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
  strengths: EdgeCounts;
  /** Each co-mention link's weight over the period's documents (links without evidence there are absent). */
  weights: EdgeCounts;
}

/** A number per link, read by the link's key (undefined for a link that has none): a Map, or a view of packed counts. */
export interface EdgeCounts {
  get(key: string): number | undefined;
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
 * The graph packed once for filtering (ends, weights and kinds of links as numbers), so that a slider moving
 * recounts 100k links in a tight loop instead of walking graphology's objects. Built on first use per graph.
 */
interface FilterIndex {
  order: number;
  size: number;
  nodeKeys: string[];
  nodeTypes: string[];
  /** Whether the entity has any link in the graph. */
  nodeLinked: Uint8Array;
  edgeKeys: string[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  edgeLinks: LinkAttributes[];
  edgeCoMention: Uint8Array;
}

const filterIndexes = new WeakMap<ExplorerGraph, FilterIndex>();

function filterIndexOf(graph: ExplorerGraph): FilterIndex {
  const cached = filterIndexes.get(graph);
  if (cached && cached.order === graph.order && cached.size === graph.size) return cached;
  const nodeKeys: string[] = [];
  const nodeTypes: string[] = [];
  const ordinal = new Map<string, number>();
  graph.forEachNode((node, attributes) => {
    ordinal.set(node, nodeKeys.length);
    nodeKeys.push(node);
    nodeTypes.push(attributes.type);
  });
  const nodeLinked = new Uint8Array(nodeKeys.length);
  const edgeKeys: string[] = [];
  const edgeLinks: LinkAttributes[] = [];
  const edgeSource = new Int32Array(graph.size);
  const edgeTarget = new Int32Array(graph.size);
  const edgeCoMention = new Uint8Array(graph.size);
  graph.forEachEdge((edge, link, source, target) => {
    const at = edgeKeys.length;
    edgeKeys.push(edge);
    edgeLinks.push(link);
    edgeSource[at] = ordinal.get(source)!;
    edgeTarget[at] = ordinal.get(target)!;
    edgeCoMention[at] = isCoMention(link) ? 1 : 0;
    nodeLinked[edgeSource[at]!] = 1;
    nodeLinked[edgeTarget[at]!] = 1;
  });
  const index = { order: graph.order, size: graph.size, nodeKeys, nodeTypes, nodeLinked, edgeKeys, edgeSource, edgeTarget, edgeLinks, edgeCoMention };
  filterIndexes.set(graph, index);
  return index;
}

/**
 * The entities and links the filters keep. A co-mention link stays when both ends are kept and its
 * weight (over the kept documents/speakers) reaches the minimum; lexicon relations stay when both ends
 * are kept. With a document or speaker filter, an entity stays only if it is named there. Then entities
 * with fewer kept links than the minimum go, with their links.
 */
export function computeVisibility(graph: ExplorerGraph, state: FilterState): Visibility {
  const index = filterIndexOf(graph);
  const { nodeKeys, edgeKeys, edgeSource, edgeTarget, edgeLinks, edgeCoMention } = index;
  const narrowedDocuments = narrowsDocuments(state);
  const narrowed = narrowedDocuments || state.speakers.size > 0;
  const keptInDocuments = (list: readonly string[]) => list.some((document) => keepsDocument(state, document));
  const candidate = new Uint8Array(nodeKeys.length);
  for (let node = 0; node < nodeKeys.length; node += 1) {
    if (state.hiddenTypes.has(index.nodeTypes[node]!)) continue;
    if (narrowedDocuments && state.speakers.size === 0) {
      const listed = graph.getNodeAttribute(nodeKeys[node]!, 'documentList');
      if (listed.length > 0 && !keptInDocuments(listed)) continue;
    }
    candidate[node] = 1;
  }
  // The period alone narrows the documents: its recount (the TimelineIndex) already holds each link's weight there.
  const periodWeights = state.period !== null && state.documents.size === 0 && state.speakers.size === 0 ? state.period.weights : null;
  const weights = new Float64Array(edgeKeys.length);
  const keptEdge = new Uint8Array(edgeKeys.length);
  const namedInSelection = new Uint8Array(nodeKeys.length);
  for (let edge = 0; edge < edgeKeys.length; edge += 1) {
    const source = edgeSource[edge]!;
    const target = edgeTarget[edge]!;
    if (candidate[source] === 0 || candidate[target] === 0) continue;
    if (edgeCoMention[edge] === 1) {
      const link = edgeLinks[edge]!;
      const weight = !narrowed ? link.weight : periodWeights !== null && link.evidence.length > 0 ? (periodWeights.get(edgeKeys[edge]!) ?? 0) : filteredWeight(link, state);
      if (narrowed && weight > 0) {
        namedInSelection[source] = 1;
        namedInSelection[target] = 1;
      }
      // The lowest setting (1) hides nothing: a list sentence's link weighs 0.25 (LIST_CO_MENTION_WEIGHT) and is still a link.
      if (weight <= 0 || (state.minEdgeWeight > 1 && weight < state.minEdgeWeight)) continue;
      weights[edge] = weight;
    }
    keptEdge[edge] = 1;
  }

  if (narrowed) {
    for (let node = 0; node < nodeKeys.length; node += 1) {
      if (candidate[node] === 0 || namedInSelection[node] === 1) continue;
      const inDocuments = state.speakers.size === 0 && keptInDocuments(graph.getNodeAttribute(nodeKeys[node]!, 'documentList'));
      if (!inDocuments) candidate[node] = 0;
    }
  }

  const degree = new Int32Array(nodeKeys.length);
  for (let edge = 0; edge < edgeKeys.length; edge += 1) {
    if (keptEdge[edge] === 0) continue;
    const source = edgeSource[edge]!;
    const target = edgeTarget[edge]!;
    if (candidate[source] === 0 || candidate[target] === 0) {
      keptEdge[edge] = 0;
      continue;
    }
    degree[source] = degree[source]! + 1;
    degree[target] = degree[target]! + 1;
  }

  const defaults = filtersAreDefault(state);
  const nodes = new Set<string>();
  const keptNode = new Uint8Array(nodeKeys.length);
  for (let node = 0; node < nodeKeys.length; node += 1) {
    if (candidate[node] === 0) continue;
    const kept = degree[node]!;
    if (kept < state.minDegree) continue;
    if (state.hideIsolated && kept === 0 && index.nodeLinked[node] === 1 && !defaults) continue;
    keptNode[node] = 1;
    nodes.add(nodeKeys[node]!);
  }
  const edges = new Set<string>();
  const edgeWeights = new Map<string, number>();
  const edgeStrengths = new Map<string, number>();
  for (let edge = 0; edge < edgeKeys.length; edge += 1) {
    if (keptEdge[edge] === 0 || keptNode[edgeSource[edge]!] === 0 || keptNode[edgeTarget[edge]!] === 0) continue;
    const key = edgeKeys[edge]!;
    edges.add(key);
    if (edgeCoMention[edge] === 0) continue;
    edgeWeights.set(key, weights[edge]!);
    const strength = state.period?.strengths.get(key);
    if (strength !== undefined) edgeStrengths.set(key, strength);
  }
  return { nodes, edges, edgeWeights, edgeStrengths };
}

/** Number of entities of each type in the graph, for the legend. */
export function countByType(graph: ExplorerGraph): Map<string, number> {
  const counts = new Map<string, number>();
  graph.forEachNode((_node, attributes) => counts.set(attributes.type, (counts.get(attributes.type) ?? 0) + 1));
  return counts;
}
