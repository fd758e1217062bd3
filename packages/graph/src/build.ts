// buildGraph: folds the extraction results of a corpus into one graphology multi graph of entities,
// co-mention edges that carry their evidence sentences, and lexicon relation edges.
import { MultiUndirectedGraph } from 'graphology';
import type { DocumentExtraction, EntityRecord, SentenceRecord } from '@missiongraph/extract';
import type {
  BuildOptions,
  DocumentDate,
  DocumentTally,
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
  /** Alias → documents that use it: an alias goes when the last of them does. */
  aliases: Map<string, number>;
  mentions: number;
  /** The documents that mention it (first and last in corpus order are picked from them). */
  documents: Set<string>;
  /** Facts the extractions carry, per document, kept only for entities the lexicon gives no facts (the first wins). */
  facts?: Map<string, Record<string, FactValue>>;
  /** Sentences that mention it (once per sentence): the base of association strength. */
  sentences: number;
  /** Per document that mentions it: [mentions, sentences], what a timeline of the graph recounts by period. */
  byDocument: Map<string, [number, number]>;
}

interface PairTally {
  source: string;
  target: string;
  /** In corpus order: document order, then sentence number. */
  evidence: Evidence[];
  documents: number;
}

/**
 * What a co-mention from a list sentence (SentenceRecord.list) weighs against one from a statement: an
 * enumeration of twelve missions names them together once without saying anything about any two of them,
 * so four such sentences count as much as one sentence of conversation (docs/graph-format.md).
 */
export const LIST_CO_MENTION_WEIGHT = 0.25;

/** What one document adds to the graph's tallies; subtracting it takes exactly that back out. */
interface Contribution {
  documentId: string;
  sentenceCount: number;
  /** The document's date and where it was read, when it has one. */
  date?: DocumentDate;
  entities: { id: string; type: string; label: string; mentions: number; aliases: readonly string[]; facts?: Record<string, FactValue>; sentences: number }[];
  /** Per pair key: its ends and this document's evidence (sentence order). */
  pairs: Map<string, { source: string; target: string; evidence: Evidence[] }>;
}

/** A GraphBuilder's tallies as plain JSON (GraphBuilder.fromState reads them back): what an incremental rebuild starts from. */
export interface GraphBuilderState {
  format: typeof BUILDER_STATE_FORMAT;
  documents: { id: string; sentenceCount: number; date?: DocumentDate }[];
  /** Per document (same order), its evidence sentences: [sentence, text, speaker?, time?, 1 when a list sentence]. */
  sentences: ([number, string, string | null, string | null] | [number, string, string | null, string | null, 1])[][];
  /** `byDocument`: [mentions, sentences] in each of `documents`, same order. */
  entities: { id: string; type: string; labels: [string, number][]; aliases: [string, number][]; mentions: number; documents: number[]; byDocument: [number, number][]; facts?: [number, Record<string, FactValue>][]; sentences: number }[];
  /** [key, source, target, documents, evidence as [document index, sentence] pairs flattened]. */
  pairs: [string, string, string, number, number[]][];
}

export const BUILDER_STATE_FORMAT = 'missiongraph-builder-state/2';

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
  if (sentence?.list === true) item.list = true;
  return item;
}

/**
 * Builds the entity graph of a corpus one document at a time, so a caller can let each extraction go once it is
 * added: the builder keeps only tallies and the evidence sentences. A document's contribution can be taken out again
 * (`remove`, given the same extraction), so a rebuild updates the previous build's tallies instead of starting over.
 * Corpus order (first/last document, evidence order) is `options.documentOrder` when given, otherwise the order in
 * which documents were added. A sentence's Evidence object is shared by every edge it supports (evidence is
 * read-only). `finish` inserts nodes and edges sorted by key, so the result depends only on the documents in it.
 */
export class GraphBuilder {
  readonly #options: BuildOptions;
  readonly #topicScores: Map<string, TopicScore> | undefined;
  readonly #entities = new Map<string, EntityTally>();
  readonly #pairs = new Map<string, PairTally>();
  /** Document id → sentence count; in add order. */
  readonly #documents = new Map<string, number>();
  /** Each dated document's date and where it was read (document.date, document.dateSource). */
  readonly #documentDates = new Map<string, DocumentDate>();
  /** Add order of each document ever added, the corpus order when no documentOrder is given. */
  readonly #addedAt = new Map<string, number>();
  #sentenceTotal = 0;
  #finished = false;

  constructor(options: BuildOptions = {}) {
    this.#options = options;
    this.#topicScores = options.topics ? new Map(options.topics.map((topic) => [topic.id, topic])) : undefined;
  }

  #keepEntity(entity: EntityRecord): boolean {
    return entity.type !== 'topic' || !this.#topicScores || this.#topicScores.has(entity.id);
  }

  /** Corpus order of two document ids. */
  #compareDocuments(a: string, b: string): number {
    if (this.#options.documentOrder !== undefined) return this.#options.documentOrder(a, b);
    return (this.#addedAt.get(a) ?? Infinity) - (this.#addedAt.get(b) ?? Infinity);
  }

  #compareEvidence(a: Evidence, b: Evidence): number {
    return a.document === b.document ? a.sentence - b.sentence : this.#compareDocuments(a.document, b.document);
  }

  /** What the extraction adds: entities kept, their sentence counts, and the pairs with one Evidence per sentence. */
  #contribution(extraction: DocumentExtraction): Contribution {
    const documentId = extraction.document.id;
    const kept = new Map<string, Contribution['entities'][number]>();
    for (const entity of extraction.entities) {
      if (!this.#keepEntity(entity)) continue;
      const previous = kept.get(entity.id);
      const facts = entity.facts !== undefined && this.#options.lexicon?.get(entity.id)?.facts === undefined ? cleanFacts(entity.facts) : undefined;
      if (previous) {
        // The same entity twice in one extraction counts as one document, as it always has.
        previous.mentions += entity.mentions;
        continue;
      }
      kept.set(entity.id, { id: entity.id, type: entity.type, label: entity.label, mentions: entity.mentions, aliases: entity.aliases, ...(facts ? { facts } : {}), sentences: 0 });
    }
    // Sentences per entity, counted once per sentence however many times it is named there.
    const seenMention = new Set<string>();
    for (const mention of extraction.mentions) {
      const entry = kept.get(mention.entity);
      if (!entry) continue;
      const key = `${mention.sentence}\u0000${mention.entity}`;
      if (seenMention.has(key)) continue;
      seenMention.add(key);
      entry.sentences += 1;
    }

    const sentenceByIndex = new Map<number, SentenceRecord>();
    for (const sentence of extraction.sentences) sentenceByIndex.set(sentence.index, sentence);
    // One Evidence object per sentence of this document, shared by all the edges it supports.
    const evidenceBySentence = new Map<number, Evidence>();
    // Co-mentions in sentence order; one piece of evidence per pair and sentence.
    const coMentions = [...extraction.coMentions].sort(
      (a, b) => a.sentence - b.sentence || compareStrings(a.source, b.source) || compareStrings(a.target, b.target),
    );
    const pairs: Contribution['pairs'] = new Map();
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
      seenPair.add(sentenceKey);
      let pair = pairs.get(pairKey);
      if (!pair) {
        pair = { source, target, evidence: [] };
        pairs.set(pairKey, pair);
      }
      let evidence = evidenceBySentence.get(coMention.sentence);
      if (!evidence) {
        evidence = evidenceOf(documentId, sentenceByIndex.get(coMention.sentence), coMention.sentence);
        evidenceBySentence.set(coMention.sentence, evidence);
      }
      pair.evidence.push(evidence);
    }
    const { date, dateSource } = extraction.document;
    const dated = typeof date === 'string' ? { date: dateSource === undefined ? { date } : { date, source: dateSource } } : {};
    return { documentId, sentenceCount: extraction.document.sentenceCount, ...dated, entities: [...kept.values()], pairs };
  }

  /** Adds one document's extraction. Keeps no reference to `extraction` itself. */
  add(extraction: DocumentExtraction): void {
    if (this.#finished) throw new Error('graph/GraphBuilder: add() after finish()');
    const documentId = extraction.document.id;
    if (this.#documents.has(documentId)) throw new Error(`graph/GraphBuilder: document "${documentId}" added twice`);
    this.#apply(this.#contribution(extraction));
  }

  #apply(contribution: Contribution): void {
    const { documentId } = contribution;
    this.#documents.set(documentId, contribution.sentenceCount);
    if (contribution.date !== undefined) this.#documentDates.set(documentId, contribution.date);
    if (!this.#addedAt.has(documentId)) this.#addedAt.set(documentId, this.#addedAt.size);
    this.#sentenceTotal += contribution.sentenceCount;
    for (const entity of contribution.entities) {
      let tally = this.#entities.get(entity.id);
      if (!tally) {
        tally = { id: entity.id, type: entity.type, labels: new Map(), aliases: new Map(), mentions: 0, documents: new Set(), sentences: 0, byDocument: new Map() };
        this.#entities.set(entity.id, tally);
      }
      tally.labels.set(entity.label, (tally.labels.get(entity.label) ?? 0) + entity.mentions);
      for (const alias of new Set(entity.aliases)) tally.aliases.set(alias, (tally.aliases.get(alias) ?? 0) + 1);
      tally.mentions += entity.mentions;
      tally.documents.add(documentId);
      tally.sentences += entity.sentences;
      tally.byDocument.set(documentId, [entity.mentions, entity.sentences]);
      if (entity.facts) (tally.facts ??= new Map()).set(documentId, entity.facts);
    }
    for (const [pairKey, part] of contribution.pairs) {
      let pair = this.#pairs.get(pairKey);
      if (!pair) {
        pair = { source: part.source, target: part.target, evidence: [], documents: 0 };
        this.#pairs.set(pairKey, pair);
      }
      pair.documents += 1;
      const first = part.evidence[0]!;
      const last = pair.evidence[pair.evidence.length - 1];
      if (last === undefined || this.#compareEvidence(last, first) < 0) pair.evidence.push(...part.evidence);
      else {
        // A document that sorts before some already added: its evidence goes in at its place in corpus order.
        pair.evidence.push(...part.evidence);
        pair.evidence.sort((a, b) => this.#compareEvidence(a, b));
      }
    }
  }

  /**
   * Takes a document's contribution back out; `extraction` must be the one that was added (the cache keeps it).
   * Afterwards the tallies are those of a builder that never saw the document.
   */
  remove(extraction: DocumentExtraction): void {
    if (this.#finished) throw new Error('graph/GraphBuilder: remove() after finish()');
    const contribution = this.#contribution(extraction);
    const { documentId } = contribution;
    if (!this.#documents.has(documentId)) throw new Error(`graph/GraphBuilder: document "${documentId}" was not added`);
    this.#documents.delete(documentId);
    this.#documentDates.delete(documentId);
    this.#sentenceTotal -= contribution.sentenceCount;
    for (const entity of contribution.entities) {
      const tally = this.#entities.get(entity.id);
      if (!tally || !tally.documents.has(documentId)) throw new Error(`graph/GraphBuilder: entity "${entity.id}" of "${documentId}" is not in the tallies`);
      tally.documents.delete(documentId);
      tally.byDocument.delete(documentId);
      if (tally.documents.size === 0) {
        this.#entities.delete(entity.id);
        continue;
      }
      const mentions = (tally.labels.get(entity.label) ?? 0) - entity.mentions;
      if (mentions > 0) tally.labels.set(entity.label, mentions);
      else tally.labels.delete(entity.label);
      for (const alias of new Set(entity.aliases)) {
        const count = (tally.aliases.get(alias) ?? 0) - 1;
        if (count > 0) tally.aliases.set(alias, count);
        else tally.aliases.delete(alias);
      }
      tally.mentions -= entity.mentions;
      tally.sentences -= entity.sentences;
      tally.facts?.delete(documentId);
    }
    for (const pairKey of contribution.pairs.keys()) {
      const pair = this.#pairs.get(pairKey);
      if (!pair) throw new Error(`graph/GraphBuilder: pair "${pairKey}" of "${documentId}" is not in the tallies`);
      pair.documents -= 1;
      if (pair.documents === 0) this.#pairs.delete(pairKey);
      else pair.evidence = pair.evidence.filter((item) => item.document !== documentId);
    }
  }

  /** The ids of the documents in the tallies, in corpus order. */
  documentIds(): string[] {
    return [...this.#documents.keys()].sort((a, b) => this.#compareDocuments(a, b));
  }

  /** The tallies as JSON-safe data, for GraphBuilder.fromState. */
  exportState(): GraphBuilderState {
    const ids = this.documentIds();
    const indexOf = new Map(ids.map((id, index) => [id, index]));
    const sentences = ids.map(() => new Map<number, Evidence>());
    for (const pair of this.#pairs.values()) {
      for (const item of pair.evidence) sentences[indexOf.get(item.document)!]!.set(item.sentence, item);
    }
    const sortedEntries = <T>(map: Map<string, T>): [string, T][] => [...map].sort((a, b) => compareStrings(a[0], b[0]));
    return {
      format: BUILDER_STATE_FORMAT,
      documents: ids.map((id) => {
        const date = this.#documentDates.get(id);
        return date === undefined ? { id, sentenceCount: this.#documents.get(id)! } : { id, sentenceCount: this.#documents.get(id)!, date };
      }),
      sentences: sentences.map((table) =>
        [...table.values()]
          .sort((a, b) => a.sentence - b.sentence)
          .map((item): GraphBuilderState['sentences'][number][number] =>
            item.list === true ? [item.sentence, item.text, item.speaker ?? null, item.time ?? null, 1] : [item.sentence, item.text, item.speaker ?? null, item.time ?? null],
          ),
      ),
      entities: sortedEntries(this.#entities).map(([id, tally]) => {
        const documents = [...tally.documents].map((document) => indexOf.get(document)!).sort((a, b) => a - b);
        return {
        id,
        type: tally.type,
        labels: sortedEntries(tally.labels),
        aliases: sortedEntries(tally.aliases),
        mentions: tally.mentions,
        documents,
        byDocument: documents.map((index) => tally.byDocument.get(ids[index]!) ?? [0, 0]),
        ...(tally.facts ? { facts: [...tally.facts].map(([document, facts]): [number, Record<string, FactValue>] => [indexOf.get(document)!, facts]).sort((a, b) => a[0] - b[0]) } : {}),
        sentences: tally.sentences,
        };
      }),
      pairs: sortedEntries(this.#pairs).map(([key, pair]) => [
        key,
        pair.source,
        pair.target,
        pair.documents,
        pair.evidence.flatMap((item) => [indexOf.get(item.document)!, item.sentence]),
      ]),
    };
  }

  /** A builder holding the tallies `exportState` gave (documents added in the state's corpus order). Throws on damaged state. */
  static fromState(state: GraphBuilderState, options: BuildOptions = {}): GraphBuilder {
    const fail = (what: string): never => {
      throw new Error(`graph/GraphBuilder.fromState: ${what}`);
    };
    if (state?.format !== BUILDER_STATE_FORMAT) fail('not a builder state');
    const builder = new GraphBuilder(options);
    const ids = state.documents.map((document) => document.id);
    const documentAt = (index: number): string => ids[index] ?? fail(`document index ${index} out of range`);
    for (const document of state.documents) {
      if (typeof document.id !== 'string' || !Number.isInteger(document.sentenceCount)) fail('bad document record');
      builder.#documents.set(document.id, document.sentenceCount);
      if (document.date !== undefined) builder.#documentDates.set(document.id, document.date);
      builder.#addedAt.set(document.id, builder.#addedAt.size);
      builder.#sentenceTotal += document.sentenceCount;
    }
    if (state.sentences.length !== ids.length) fail('sentence tables do not match the documents');
    const evidence = state.sentences.map((table, index) => {
      const byIndex = new Map<number, Evidence>();
      for (const [sentence, text, speaker, time, list] of table) {
        const item: Evidence = { document: ids[index]!, sentence, text };
        if (speaker !== null) item.speaker = speaker;
        if (time !== null) item.time = time;
        if (list === 1) item.list = true;
        byIndex.set(sentence, item);
      }
      return byIndex;
    });
    for (const entity of state.entities) {
      const tally: EntityTally = {
        id: entity.id,
        type: entity.type,
        labels: new Map(entity.labels),
        aliases: new Map(entity.aliases),
        mentions: entity.mentions,
        documents: new Set(entity.documents.map(documentAt)),
        sentences: entity.sentences,
        byDocument: new Map(),
      };
      if (!Array.isArray(entity.byDocument) || entity.byDocument.length !== entity.documents.length) fail(`entity "${entity.id}" has no per-document tallies`);
      entity.documents.forEach((index, at) => {
        const [mentions, sentences] = entity.byDocument[at]!;
        tally.byDocument.set(documentAt(index), [mentions, sentences]);
      });
      if (entity.facts) tally.facts = new Map(entity.facts.map(([document, facts]) => [documentAt(document), facts]));
      builder.#entities.set(entity.id, tally);
    }
    for (const [key, source, target, documents, flat] of state.pairs) {
      const items: Evidence[] = [];
      for (let at = 0; at < flat.length; at += 2) {
        items.push(evidence[flat[at]!]?.get(flat[at + 1]!) ?? fail(`pair "${key}" cites a sentence the state does not hold`));
      }
      builder.#pairs.set(key, { source, target, documents, evidence: items });
    }
    return builder;
  }

  /**
   * What each document holds, in document id order: its sentences and, per entity it names (id order), [mentions,
   * sentences naming it]: what a period of the graph is recounted from (timeline.ts; docs/graph-format.md).
   */
  #documentTallies(): Record<string, DocumentTally> {
    const named = new Map<string, [string, [number, number]][]>();
    for (const id of [...this.#entities.keys()].sort(compareStrings)) {
      for (const [document, counts] of this.#entities.get(id)!.byDocument) {
        let list = named.get(document);
        if (!list) named.set(document, (list = []));
        list.push([id, [counts[0], counts[1]]]);
      }
    }
    // Own properties built by fromEntries, whatever the ids ("__proto__" included).
    return Object.fromEntries(
      [...this.#documents]
        .sort((a, b) => compareStrings(a[0], b[0]))
        .map(([id, sentences]): [string, DocumentTally] => [id, { sentences, entities: Object.fromEntries(named.get(id) ?? []) }]),
    );
  }

  /** The graph of every document added so far; the builder cannot be used afterwards. */
  finish(): MissionGraph {
    if (this.#finished) throw new Error('graph/GraphBuilder: finish() called twice');
    this.#finished = true;
    const entities = this.#entities;
    const sentenceTotal = this.#sentenceTotal;
    const graph: MissionGraph = new MultiUndirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: false });
    graph.replaceAttributes({ creator: 'missiongraph', documents: this.#documents.size, sentences: sentenceTotal });
    if (this.#documentDates.size > 0) {
      // Own properties in document id order, whatever the ids ("__proto__" included).
      const dates = [...this.#documentDates].sort((a, b) => compareStrings(a[0], b[0]));
      graph.setAttribute('documentDates', Object.fromEntries(dates));
    }
    graph.setAttribute('documentTallies', this.#documentTallies());
    const byCorpusOrder = (a: string, b: string): number => this.#compareDocuments(a, b);

    for (const id of [...entities.keys()].sort(compareStrings)) {
      const tally = entities.get(id)!;
      const lexiconFacts = cleanFacts(this.#options.lexicon?.get(id)?.facts);
      const documents = [...tally.documents].sort(byCorpusOrder);
      const factDocument = tally.facts ? [...tally.facts.keys()].sort(byCorpusOrder)[0] : undefined;
      const facts = lexiconFacts ?? (factDocument !== undefined ? tally.facts!.get(factDocument) : undefined);
      const topic = tally.type === 'topic' ? this.#topicScores?.get(id) : undefined;
      const attributes: NodeAttributes = {
        label: topic?.label ?? pickLabel(tally.labels),
        type: tally.type,
        aliases: [...tally.aliases.keys()].sort(compareStrings),
        mentions: tally.mentions,
        documents: documents.length,
        firstDocument: documents[0]!,
        lastDocument: documents[documents.length - 1]!,
      };
      if (facts) attributes.facts = facts;
      if (topic) attributes.score = topic.score;
      graph.addNode(id, attributes);
    }

    const sentencesOf = (id: string): number => entities.get(id)?.sentences ?? 0;
    for (const key of [...this.#pairs.keys()].sort(compareStrings)) {
      const pair = this.#pairs.get(key)!;
      let weight = 0;
      for (const item of pair.evidence) weight += item.list === true ? LIST_CO_MENTION_WEIGHT : 1;
      graph.addEdgeWithKey(key, pair.source, pair.target, {
        kind: 'co-mention',
        weight,
        documents: pair.documents,
        strength: associationStrength(weight, sentencesOf(pair.source), sentencesOf(pair.target), sentenceTotal),
        // List sentences' evidence after the rest (each part keeps corpus order).
        evidence: pair.evidence.some((item) => item.list === true) ? [...pair.evidence.filter((item) => item.list !== true), ...pair.evidence.filter((item) => item.list === true)] : pair.evidence,
      });
    }
    this.#entities.clear();
    this.#pairs.clear();

    addRelationEdges(graph);
    return graph;
  }
}

/**
 * Association strength of a co-mention edge: the sentences naming both ends over the number expected if the two
 * were named independently (sentences naming each, over all sentences). 1 is chance; 2 is twice as often.
 */
export function associationStrength(weight: number, sentencesOfSource: number, sentencesOfTarget: number, sentenceTotal: number): number {
  const expected = (Math.max(1, sentencesOfSource) * Math.max(1, sentencesOfTarget)) / Math.max(1, sentenceTotal);
  return weight / expected;
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
