// The graph of a period: which documents fall in a date range, and the entities, co-mention weights and
// association strengths recounted over those documents only, as buildGraph counts them; also GEXF spells.
import type Graph from 'graphology-types';
import { associationStrength, LIST_CO_MENTION_WEIGHT } from './build.ts';
import type { DocumentDate, DocumentTally } from './types.ts';

/** A co-mention edge as the timeline needs it: its key, ends and the documents (and list flag) of its evidence. */
export interface TimelineEdge {
  key: string;
  source: string;
  target: string;
  evidence: readonly { document: string; list?: boolean }[];
}

/** Dates are inclusive `YYYY-MM-DD`; `undated` says whether documents without a date count in the period. */
export interface Period {
  from: string;
  to: string;
  undated: boolean;
}

/** What a period holds, recounted the way buildGraph counts a whole corpus. */
export interface PeriodNetwork {
  documents: Set<string>;
  /** Sentences in the period's documents (the base rate of association strength). */
  sentences: number;
  /** Entities named in the period: mentions and sentences naming them there. */
  entities: Map<string, { mentions: number; sentences: number }>;
  /** Co-mention edges with evidence in the period: weight (a list sentence 0.25) and association strength there. */
  edges: Map<string, { weight: number; strength: number }>;
}

/**
 * A period recounted in packed form (TimelineIndex.recount): per edge, in the index's edge order (edgePosition),
 * its weight and association strength over the period's documents; an edge without evidence there weighs 0.
 */
export interface PeriodCounts {
  documents: Set<string>;
  sentences: number;
  edgeWeights: Float64Array;
  edgeStrengths: Float64Array;
}

/** Mentions of an entity on one date (documents of that date that name it), or in the documents without a date. */
export interface MentionsOnDate {
  date: string | null;
  mentions: number;
  documents: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The documents of a graph in date order and each edge's evidence per document, packed once so a period is
 * recounted in one pass over the edges (a slider can ask for a new period on every input event).
 */
export class TimelineIndex {
  /** Dated documents by date (then id), then the undated ones by id. */
  readonly documents: readonly string[];
  readonly dates: readonly (string | null)[];
  /** Distinct dates, ascending. */
  readonly distinctDates: readonly string[];
  readonly datedCount: number;
  readonly #sentences: Float64Array;
  readonly #tallies: readonly (readonly [string, number, number][])[];
  /** The tallies packed: every entity named in a tally by ordinal, and per document its entities' ordinals and sentence counts. */
  readonly #entityCount: number;
  readonly #tallyEntities: readonly Int32Array[];
  readonly #tallySentences: readonly Float64Array[];
  readonly #edgeKeys: string[];
  readonly #edgePositions: Map<string, number>;
  /** Each edge's ends by entity ordinal (-1 for an entity no tally names). */
  readonly #edgeSourceEntity: Int32Array;
  readonly #edgeTargetEntity: Int32Array;
  /** Per edge, the range of its entries in #entryDocument / #entryWeight. */
  readonly #edgeStart: Int32Array;
  readonly #entryDocument: Int32Array;
  readonly #entryWeight: Float64Array;

  constructor(documentDates: Readonly<Record<string, DocumentDate>> | undefined, documentTallies: Readonly<Record<string, DocumentTally>> | undefined, edges: Iterable<TimelineEdge>) {
    const dateOf = (document: string): string | null => {
      const date = documentDates !== undefined && Object.hasOwn(documentDates, document) ? documentDates[document]?.date : undefined;
      return typeof date === 'string' && DATE.test(date) ? date : null;
    };
    const named = new Set<string>(documentTallies ? Object.keys(documentTallies) : []);
    const edgeList = [...edges];
    for (const edge of edgeList) for (const item of edge.evidence) named.add(item.document);
    const order = [...named].map((document) => ({ document, date: dateOf(document) }));
    order.sort((a, b) => {
      if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1;
      return a.document < b.document ? -1 : a.document > b.document ? 1 : 0;
    });
    this.documents = order.map((entry) => entry.document);
    this.dates = order.map((entry) => entry.date);
    this.datedCount = order.filter((entry) => entry.date !== null).length;
    this.distinctDates = [...new Set(order.flatMap((entry) => (entry.date === null ? [] : [entry.date])))];
    const ordinal = new Map(this.documents.map((document, index) => [document, index]));
    this.#sentences = new Float64Array(this.documents.length);
    this.#tallies = this.documents.map((document, index) => {
      const tally = documentTallies !== undefined && Object.hasOwn(documentTallies, document) ? documentTallies[document] : undefined;
      this.#sentences[index] = tally?.sentences ?? 0;
      return tally ? Object.entries(tally.entities).map(([entity, [mentions, sentences]]): [string, number, number] => [entity, mentions, sentences]) : [];
    });
    const entityOrdinal = new Map<string, number>();
    const ordinalOf = (entity: string): number => {
      let found = entityOrdinal.get(entity);
      if (found === undefined) entityOrdinal.set(entity, (found = entityOrdinal.size));
      return found;
    };
    this.#tallyEntities = this.#tallies.map((entries) => Int32Array.from(entries, ([entity]) => ordinalOf(entity)));
    this.#tallySentences = this.#tallies.map((entries) => Float64Array.from(entries, ([, , named]) => named));
    this.#entityCount = entityOrdinal.size;
    let entries = 0;
    for (const edge of edgeList) entries += edge.evidence.length;
    this.#edgeKeys = edgeList.map((edge) => edge.key);
    this.#edgePositions = new Map(this.#edgeKeys.map((key, position) => [key, position]));
    this.#edgeSourceEntity = Int32Array.from(edgeList, (edge) => entityOrdinal.get(edge.source) ?? -1);
    this.#edgeTargetEntity = Int32Array.from(edgeList, (edge) => entityOrdinal.get(edge.target) ?? -1);
    this.#edgeStart = new Int32Array(edgeList.length + 1);
    this.#entryDocument = new Int32Array(entries);
    this.#entryWeight = new Float64Array(entries);
    let at = 0;
    edgeList.forEach((edge, index) => {
      this.#edgeStart[index] = at;
      for (const item of edge.evidence) {
        this.#entryDocument[at] = ordinal.get(item.document)!;
        this.#entryWeight[at] = item.list === true ? LIST_CO_MENTION_WEIGHT : 1;
        at += 1;
      }
    });
    this.#edgeStart[edgeList.length] = at;
  }

  /** Whether the graph has dated documents and tallies to recount a period from. */
  get hasDates(): boolean {
    return this.datedCount > 0;
  }

  /** Whether the document at ordinal `index` falls in the period. */
  #inPeriod(index: number, period: Period): boolean {
    const date = this.dates[index];
    if (date === null || date === undefined) return period.undated;
    return date >= period.from && date <= period.to;
  }

  /** Where an edge's counts are in a PeriodCounts (undefined for an edge the index was not given). */
  edgePosition(key: string): number | undefined {
    return this.#edgePositions.get(key);
  }

  /**
   * The period's documents and every edge's weight and strength there, in typed arrays: what a slider needs on
   * every input event, without building maps of all entities and edges.
   */
  recount(period: Period): PeriodCounts {
    const kept = new Uint8Array(this.documents.length);
    const documents = new Set<string>();
    let sentences = 0;
    const entitySentences = new Float64Array(this.#entityCount);
    for (let index = 0; index < this.documents.length; index += 1) {
      if (!this.#inPeriod(index, period)) continue;
      kept[index] = 1;
      documents.add(this.documents[index]!);
      sentences += this.#sentences[index]!;
      const entities = this.#tallyEntities[index]!;
      const named = this.#tallySentences[index]!;
      for (let at = 0; at < entities.length; at += 1) entitySentences[entities[at]!] = entitySentences[entities[at]!]! + named[at]!;
    }
    const edgeCount = this.#edgeKeys.length;
    const edgeWeights = new Float64Array(edgeCount);
    const edgeStrengths = new Float64Array(edgeCount);
    const sentencesOf = (entity: number): number => (entity < 0 ? 0 : entitySentences[entity]!);
    for (let edge = 0; edge < edgeCount; edge += 1) {
      let weight = 0;
      for (let at = this.#edgeStart[edge]!; at < this.#edgeStart[edge + 1]!; at += 1) {
        if (kept[this.#entryDocument[at]!] === 1) weight += this.#entryWeight[at]!;
      }
      if (weight <= 0) continue;
      edgeWeights[edge] = weight;
      edgeStrengths[edge] = associationStrength(weight, sentencesOf(this.#edgeSourceEntity[edge]!), sentencesOf(this.#edgeTargetEntity[edge]!), sentences);
    }
    return { documents, sentences, edgeWeights, edgeStrengths };
  }

  /** The period's network: documents, entities, co-mention weights and strengths recounted over it. */
  network(period: Period): PeriodNetwork {
    const counts = this.recount(period);
    const entities = new Map<string, { mentions: number; sentences: number }>();
    for (let index = 0; index < this.documents.length; index += 1) {
      if (!counts.documents.has(this.documents[index]!)) continue;
      for (const [entity, mentions, named] of this.#tallies[index]!) {
        const entry = entities.get(entity);
        if (entry) {
          entry.mentions += mentions;
          entry.sentences += named;
        } else entities.set(entity, { mentions, sentences: named });
      }
    }
    const edges = new Map<string, { weight: number; strength: number }>();
    for (let edge = 0; edge < this.#edgeKeys.length; edge += 1) {
      const weight = counts.edgeWeights[edge]!;
      if (weight > 0) edges.set(this.#edgeKeys[edge]!, { weight, strength: counts.edgeStrengths[edge]! });
    }
    return { documents: counts.documents, sentences: counts.sentences, entities, edges };
  }

  /** Mentions of `entity` per date in date order, then those in undated documents (date null) when there are any. */
  mentionsOverTime(entity: string): MentionsOnDate[] {
    const byDate = new Map<string | null, MentionsOnDate>();
    for (const date of this.distinctDates) byDate.set(date, { date, mentions: 0, documents: 0 });
    this.documents.forEach((_document, index) => {
      const date = this.dates[index] ?? null;
      const found = this.#tallies[index]!.find(([id]) => id === entity);
      if (!found) return;
      let entry = byDate.get(date);
      if (!entry) byDate.set(date, (entry = { date, mentions: 0, documents: 0 }));
      entry.mentions += found[1];
      entry.documents += 1;
    });
    return [...byDate.values()];
  }
}

/** Each entity's and each co-mention edge's dates (ascending, distinct): the days of the dated documents naming it. */
export interface TimelineSpells {
  nodes: Map<string, string[]>;
  edges: Map<string, string[]>;
}

/**
 * The dates on which each entity and each co-mention edge is attested, from the graph attributes `documentDates`
 * and `documentTallies` and the edges' evidence (pass the full evidence, not a cut view). Elements named only in
 * undated documents get no entry.
 */
export function timelineSpells(
  documentDates: Readonly<Record<string, DocumentDate>> | undefined,
  documentTallies: Readonly<Record<string, DocumentTally>> | undefined,
  edges: Iterable<TimelineEdge>,
): TimelineSpells {
  const dateOf = (document: string): string | undefined => {
    const date = documentDates !== undefined && Object.hasOwn(documentDates, document) ? documentDates[document]?.date : undefined;
    return typeof date === 'string' && DATE.test(date) ? date : undefined;
  };
  const collect = (into: Map<string, Set<string>>, key: string, date: string | undefined): void => {
    if (date === undefined) return;
    let dates = into.get(key);
    if (!dates) into.set(key, (dates = new Set()));
    dates.add(date);
  };
  const nodes = new Map<string, Set<string>>();
  if (documentTallies !== undefined) {
    for (const [document, tally] of Object.entries(documentTallies)) {
      const date = dateOf(document);
      for (const entity of Object.keys(tally.entities)) collect(nodes, entity, date);
    }
  }
  const edgeDates = new Map<string, Set<string>>();
  for (const edge of edges) for (const item of edge.evidence) collect(edgeDates, edge.key, dateOf(item.document));
  const sorted = (map: Map<string, Set<string>>): Map<string, string[]> => new Map([...map].map(([key, dates]) => [key, [...dates].sort()]));
  return { nodes: sorted(nodes), edges: sorted(edgeDates) };
}

/** The co-mention edges of a built graph with their evidence, as TimelineIndex and timelineSpells take them. */
export function timelineEdges(graph: Graph): TimelineEdge[] {
  const edges: TimelineEdge[] = [];
  graph.forEachEdge((key, attributes, source, target) => {
    const evidence: unknown = attributes['evidence'];
    if (attributes['kind'] === 'co-mention' && Array.isArray(evidence)) edges.push({ key, source, target, evidence: evidence as TimelineEdge['evidence'] });
  });
  return edges;
}

/** timelineSpells of a built graph (its `documentDates`, `documentTallies` and full evidence); empty when no document has a date. */
export function graphTimelineSpells(graph: Graph): TimelineSpells {
  const attributes = graph.getAttributes();
  return timelineSpells(attributes['documentDates'] as Record<string, DocumentDate> | undefined, attributes['documentTallies'] as Record<string, DocumentTally> | undefined, timelineEdges(graph));
}
