// buildGraph: folds the extraction results of a corpus into one graphology multi graph of entities,
// co-mention edges that carry their evidence sentences, and lexicon relation edges.
import { MultiUndirectedGraph } from 'graphology';
import type { DocumentExtraction, EntityRecord, SentenceRecord } from '@missiongraph/extract';
import type {
  BuildOptions,
  DocumentDate,
  EdgeAttributes,
  Evidence,
  FactValue,
  GraphAttributes,
  NodeAttributes,
  RelationKind,
  TopicScore,
} from './types.ts';

export type MissionGraph = MultiUndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

interface EntityTally {
  id: string;
  type: string;
  /** Label → mentions under that label, to pick the most used one. */
  labels: Map<string, number>;
  aliases: Set<string>;
  mentions: number;
  documents: number;
  firstDocument: string;
  lastDocument: string;
  facts?: Record<string, FactValue>;
  /** Sentences (document index, sentence index) that mention it: the base of association strength. */
  sentences: number;
}

interface PairTally {
  source: string;
  target: string;
  evidence: Evidence[];
  /** Evidence from list sentences (an enumeration, a table row, a keyword line), shown after the rest. */
  listEvidence: Evidence[];
  documents: number;
}

/**
 * What a co-mention from a list sentence (SentenceRecord.list) weighs against one from a statement: an
 * enumeration of twelve missions names them together once without saying anything about any two of them,
 * so four such sentences count as much as one sentence of conversation (docs/graph-format.md).
 */
export const LIST_CO_MENTION_WEIGHT = 0.25;

/** String order by UTF-16 code units, the same everywhere (localeCompare is not). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps the JSON-safe facts (strings, finite numbers, booleans, string arrays), sorted by name. */
function cleanFacts(facts: Record<string, unknown> | undefined): Record<string, FactValue> | undefined {
  if (!facts) return undefined;
  const kept: Record<string, FactValue> = {};
  for (const name of Object.keys(facts).sort(compareStrings)) {
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    const value = facts[name];
    if (typeof value === 'string' || typeof value === 'boolean') kept[name] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) kept[name] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) kept[name] = [...value];
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function pickLabel(labels: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  // Most mentioned label; ties go to the first in string order.
  for (const [label, count] of [...labels].sort((a, b) => compareStrings(a[0], b[0]))) {
    if (count > bestCount) {
      best = label;
      bestCount = count;
    }
  }
  return best;
}

function evidenceOf(documentId: string, sentence: SentenceRecord | undefined, index: number): Evidence {
  const item: Evidence = { document: documentId, sentence: index, text: sentence?.text ?? '' };
  if (sentence?.speaker !== undefined) item.speaker = sentence.speaker;
  if (sentence?.time !== undefined) item.time = sentence.time;
  return item;
}

/**
 * Builds the entity graph of a corpus one document at a time, so a caller can let each extraction go once it is
 * added: the builder keeps only tallies and the evidence sentences. Documents must be added in corpus order (it
 * decides first/last document and the order of evidence). A sentence's Evidence object is shared by every edge it
 * supports (evidence is read-only). `finish` inserts nodes and edges sorted by key, so the result is deterministic.
 */
export class GraphBuilder {
  readonly #options: BuildOptions;
  readonly #topicScores: Map<string, TopicScore> | undefined;
  readonly #entities = new Map<string, EntityTally>();
  readonly #pairs = new Map<string, PairTally>();
  #documents = 0;
  #sentenceTotal = 0;
  /** Each dated document's date and where it was read (document.date, document.dateSource). */
  readonly #documentDates: [string, DocumentDate][] = [];
  #finished = false;

  constructor(options: BuildOptions = {}) {
    this.#options = options;
    this.#topicScores = options.topics ? new Map(options.topics.map((topic) => [topic.id, topic])) : undefined;
  }

  #keepEntity(entity: EntityRecord): boolean {
    return entity.type !== 'topic' || !this.#topicScores || this.#topicScores.has(entity.id);
  }

  /** Adds one document's extraction (the next in corpus order). Keeps no reference to `extraction` itself. */
  add(extraction: DocumentExtraction): void {
    if (this.#finished) throw new Error('graph/GraphBuilder: add() after finish()');
    const entities = this.#entities;
    const pairs = this.#pairs;
    const documentId = extraction.document.id;
    this.#documents += 1;
    this.#sentenceTotal += extraction.document.sentenceCount;
    const { date, dateSource } = extraction.document;
    if (typeof date === 'string') this.#documentDates.push([documentId, dateSource === undefined ? { date } : { date, source: dateSource }]);
    const kept = new Set<string>();
    for (const entity of extraction.entities) {
      if (!this.#keepEntity(entity)) continue;
      kept.add(entity.id);
      let tally = entities.get(entity.id);
      if (!tally) {
        tally = {
          id: entity.id,
          type: entity.type,
          labels: new Map(),
          aliases: new Set(),
          mentions: 0,
          documents: 0,
          firstDocument: documentId,
          lastDocument: documentId,
          sentences: 0,
        };
        entities.set(entity.id, tally);
      }
      tally.labels.set(entity.label, (tally.labels.get(entity.label) ?? 0) + entity.mentions);
      for (const alias of entity.aliases) tally.aliases.add(alias);
      tally.mentions += entity.mentions;
      tally.documents += 1;
      tally.lastDocument = documentId;
      if (!tally.facts && entity.facts) tally.facts = cleanFacts(entity.facts);
    }

    // Sentences per entity, counted once per sentence however many times it is named there.
    const seenMention = new Set<string>();
    for (const mention of extraction.mentions) {
      if (!kept.has(mention.entity)) continue;
      const key = `${mention.sentence}\u0000${mention.entity}`;
      if (seenMention.has(key)) continue;
      seenMention.add(key);
      const tally = entities.get(mention.entity);
      if (tally) tally.sentences += 1;
    }

    const sentenceByIndex = new Map<number, SentenceRecord>();
    for (const sentence of extraction.sentences) sentenceByIndex.set(sentence.index, sentence);
    // One Evidence object per sentence of this document, shared by all the edges it supports.
    const evidenceBySentence = new Map<number, Evidence>();
    // Co-mentions in sentence order; one piece of evidence per pair and sentence.
    const coMentions = [...extraction.coMentions].sort(
      (a, b) => a.sentence - b.sentence || compareStrings(a.source, b.source) || compareStrings(a.target, b.target),
    );
    const seenPair = new Set<string>();
    for (const coMention of coMentions) {
      if (!kept.has(coMention.source) || !kept.has(coMention.target) || coMention.source === coMention.target) continue;
      const [source, target] =
        compareStrings(coMention.source, coMention.target) < 0
          ? [coMention.source, coMention.target]
          : [coMention.target, coMention.source];
      const pairKey = `co:${source}|${target}`;
      const sentenceKey = `${pairKey}\u0000${coMention.sentence}`;
      if (seenPair.has(sentenceKey)) continue;
      let pair = pairs.get(pairKey);
      if (!pair) {
        pair = { source, target, evidence: [], listEvidence: [], documents: 0 };
        pairs.set(pairKey, pair);
      }
      if (!seenPair.has(`${pairKey}\u0000doc`)) {
        seenPair.add(`${pairKey}\u0000doc`);
        pair.documents += 1;
      }
      seenPair.add(sentenceKey);
      let evidence = evidenceBySentence.get(coMention.sentence);
      if (!evidence) {
        evidence = evidenceOf(documentId, sentenceByIndex.get(coMention.sentence), coMention.sentence);
        evidenceBySentence.set(coMention.sentence, evidence);
      }
      (coMention.list === true ? pair.listEvidence : pair.evidence).push(evidence);
    }
  }

  /** The graph of every document added so far; the builder cannot be used afterwards. */
  finish(): MissionGraph {
    if (this.#finished) throw new Error('graph/GraphBuilder: finish() called twice');
    this.#finished = true;
    const entities = this.#entities;
    const sentenceTotal = this.#sentenceTotal;
    const graph: MissionGraph = new MultiUndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
    graph.replaceAttributes({ creator: 'missiongraph', documents: this.#documents, sentences: sentenceTotal });
    if (this.#documentDates.length > 0) {
      // Own properties in document id order, whatever the ids ("__proto__" included).
      const dates = [...this.#documentDates].sort((a, b) => compareStrings(a[0], b[0]));
      graph.setAttribute('documentDates', Object.fromEntries(dates));
    }

    for (const id of [...entities.keys()].sort(compareStrings)) {
      const tally = entities.get(id)!;
      const lexiconFacts = cleanFacts(this.#options.lexicon?.get(id)?.facts);
      const facts = lexiconFacts ?? tally.facts;
      const topic = tally.type === 'topic' ? this.#topicScores?.get(id) : undefined;
      const attributes: NodeAttributes = {
        label: topic?.label ?? pickLabel(tally.labels),
        type: tally.type,
        aliases: [...tally.aliases].sort(compareStrings),
        mentions: tally.mentions,
        documents: tally.documents,
        firstDocument: tally.firstDocument,
        lastDocument: tally.lastDocument,
      };
      if (facts) attributes.facts = facts;
      if (topic) attributes.score = topic.score;
      graph.addNode(id, attributes);
    }

    const sentencesOf = (id: string): number => entities.get(id)?.sentences ?? 0;
    for (const key of [...this.#pairs.keys()].sort(compareStrings)) {
      const pair = this.#pairs.get(key)!;
      const weight = pair.evidence.length + LIST_CO_MENTION_WEIGHT * pair.listEvidence.length;
      // Association strength: observed co-mentions (list ones weighed down) over those expected if the two were independent.
      const expected = (Math.max(1, sentencesOf(pair.source)) * Math.max(1, sentencesOf(pair.target))) / Math.max(1, sentenceTotal);
      graph.addEdgeWithKey(key, pair.source, pair.target, {
        kind: 'co-mention',
        weight,
        documents: pair.documents,
        strength: weight / expected,
        evidence: pair.listEvidence.length === 0 ? pair.evidence : [...pair.evidence, ...pair.listEvidence],
      });
    }
    this.#entities.clear();
    this.#pairs.clear();

    addRelationEdges(graph);
    return graph;
  }
}

/**
 * Builds the entity graph of a corpus. `extractions` are in corpus order (it decides first/last
 * document and the order of evidence). Deterministic: nodes and edges are inserted sorted by key.
 */
export function buildGraph(extractions: readonly DocumentExtraction[], options: BuildOptions = {}): MissionGraph {
  const builder = new GraphBuilder(options);
  for (const extraction of extractions) builder.add(extraction);
  return builder.finish();
}

/**
 * Adds the relation edges the nodes' facts name (host country, predecessor/successor) between nodes that both
 * exist, in key order, leaving out those the graph has already. buildGraph calls it once; call it again after
 * merging graphs to link entities that met only in the merge.
 */
export function addRelationEdges(graph: MissionGraph): void {
  const relations: { kind: RelationKind; from: string; to: string }[] = [];
  graph.forEachNode((id, attributes) => {
    const facts = attributes.facts;
    if (!facts) return;
    if (typeof facts.hostCountry === 'string') relations.push({ kind: 'host-country', from: id, to: facts.hostCountry });
    if (typeof facts.successor === 'string') relations.push({ kind: 'succeeded-by', from: id, to: facts.successor });
    if (typeof facts.predecessor === 'string') relations.push({ kind: 'succeeded-by', from: facts.predecessor, to: id });
  });
  const keyed = new Map<string, { kind: RelationKind; from: string; to: string }>();
  for (const relation of relations) {
    if (relation.from === relation.to || !graph.hasNode(relation.from) || !graph.hasNode(relation.to)) continue;
    const key = `rel:${relation.kind}:${relation.from}|${relation.to}`;
    if (!graph.hasEdge(key)) keyed.set(key, relation);
  }
  for (const key of [...keyed.keys()].sort(compareStrings)) {
    const relation = keyed.get(key)!;
    graph.addEdgeWithKey(key, relation.from, relation.to, {
      kind: relation.kind,
      weight: 0,
      from: relation.from,
      to: relation.to,
      label: relation.kind,
    });
  }
}
