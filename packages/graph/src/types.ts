// The attribute shapes of the graph missiongraph builds (see docs/graph-format.md) and the options
// of buildGraph and analyzeGraph. Plain JSON values only, so graph.export() round-trips.
import type { EntityType } from '@missiongraph/extract';

/** One sentence that names both ends of a co-mention edge. */
export interface Evidence {
  document: string;
  /** Index of the sentence in its document, from 0. */
  sentence: number;
  text: string;
  speaker?: string;
  time?: string;
  /** The sentence only lists things (SentenceRecord.list): the co-mention weighs LIST_CO_MENTION_WEIGHT. */
  list?: true;
}

export type FactValue = string | number | boolean | string[];

export interface NodeAttributes {
  label: string;
  type: EntityType | string;
  aliases: string[];
  mentions: number;
  documents: number;
  firstDocument: string;
  lastDocument: string;
  facts?: Record<string, FactValue>;
  /** Topic nodes only: the termhood score handed to buildGraph. */
  score?: number;
  x?: number;
  y?: number;
  size?: number;
  color?: string;
  community?: number;
  pagerank?: number;
  betweenness?: number;
  weightedDegree?: number;
}

export type RelationKind = 'host-country' | 'succeeded-by';
export type EdgeKind = 'co-mention' | RelationKind;

export interface EdgeAttributes {
  kind: EdgeKind;
  /** Co-mention edges: sentences naming both ends, a list sentence counting 0.25 (LIST_CO_MENTION_WEIGHT). Relation edges: 0. */
  weight: number;
  /** Co-mention edges: documents in which both ends are co-mentioned. */
  documents?: number;
  /** Co-mention edges: association strength, observed / expected co-mentions. */
  strength?: number;
  evidence?: Evidence[];
  /** Relation edges: the direction of the relation. */
  from?: string;
  to?: string;
  label?: string;
}

export interface GraphAttributes {
  /** Always `missiongraph`: marks graphs this package built. */
  creator: string;
  /** Documents in the corpus. */
  documents: number;
  /** Sentences in the corpus (the base rate of association strength). */
  sentences: number;
  /** Document id → its date, for the documents whose date is known (docs/graph-format.md, "Document dates"). */
  documentDates?: Record<string, DocumentDate>;
  /** Document id → what it holds (docs/graph-format.md, "Document tallies"): the base of a timeline's period counts. */
  documentTallies?: Record<string, DocumentTally>;
}

/** One document's sentences and, per entity it names, [mentions, sentences that name it]. */
export interface DocumentTally {
  sentences: number;
  entities: Record<string, [number, number]>;
}

/** A document's date (YYYY-MM-DD) and where it was read: header, dateline, first-page, note, name or mtime. */
export interface DocumentDate {
  date: string;
  source?: string;
}

/** What buildGraph needs of the lexicon: facts by entity id. */
export interface LexiconLookup {
  get(id: string): { id: string; facts?: Record<string, unknown> } | undefined;
}

export interface TopicScore {
  id: string;
  label: string;
  score: number;
}

export interface BuildOptions {
  lexicon?: LexiconLookup;
  /** Corpus-level topics: topic entities of the extractions are kept only if listed here, and get its label and score. */
  topics?: readonly TopicScore[];
  /** Corpus order of document ids (first/last document, evidence order); default: the order documents are added. */
  documentOrder?: (a: string, b: string) => number;
}

export interface AnalyzeOptions {
  /** Seed of Louvain's random walk and of the initial positions. Default 1. */
  seed?: number;
  /** ForceAtlas2 iterations; by default it runs until nodes barely move (with a cap). */
  layoutIterations?: number;
  /** The previous build's map: the layout starts from its positions and communities keep its ids where they match. */
  previous?: PreviousMap;
}

/** Positions and community ids of a previous build's nodes, by node key. */
export interface PreviousMap {
  positions: ReadonlyMap<string, readonly [number, number]>;
  communities: ReadonlyMap<string, number>;
  /** The graph is the previous build's (no document added, changed or removed): positions are kept as they were. */
  unchanged?: boolean;
}

/** What analyzeGraph did, for logs and benchmarks. */
export interface AnalyzeReport {
  communities: number;
  modularity: number;
  layoutIterations: number;
  layoutConverged: boolean;
  /** Sources of the betweenness computation: all nodes, or a seeded sample on big graphs. */
  betweennessSources: number;
  /** Milliseconds; layout includes ForceAtlas2 and noverlap. */
  timings: { metrics: number; communities: number; layout: number; forceAtlas2: number };
}
