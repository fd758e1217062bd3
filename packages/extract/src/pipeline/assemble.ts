// Builds a document's output records from the settled mentions: entities sorted by id, mentions and
// co-mentions in document order, the evidence sentences.
import { type CompiledLexicon } from '../lexicon/compile.ts';
import { type DocumentState } from './state.ts';
import type { readDocument } from '../readers/read.ts';
import { type CoMentionRecord, type DocumentExtraction, type EntityRecord, type MentionRecord, type SentenceRecord, type SourceDocument } from '../types.ts';

/** Builds the output records: entities sorted by id, mentions and co-mentions in document order. */
export function assemble(
  doc: SourceDocument,
  parsed: ReturnType<typeof readDocument>,
  state: DocumentState,
  lexicon: CompiledLexicon,
  speakerIds: ReadonlyMap<string, string>,
  affiliations: ReadonlyMap<string, string>,
  topicCandidateList: { phrase: string; count: number; label: string }[] | undefined,
  warnings: string[],
): DocumentExtraction {
  const mentions: MentionRecord[] = [];
  const coMentions: CoMentionRecord[] = [];
  const evidence: SentenceRecord[] = [];
  const surfaces = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const sentence of parsed.sentences) {
    const list = (state.mentions.get(sentence.index) ?? []).sort((a, b) => a.start - b.start || a.end - b.end || (a.entity < b.entity ? -1 : 1));
    if (list.length === 0) continue;
    evidence.push(sentence);
    for (const mention of list) {
      mentions.push({ entity: mention.entity, sentence: mention.sentence, start: mention.start, end: mention.end, surface: mention.surface });
      surfaces.set(mention.entity, (surfaces.get(mention.entity) ?? new Set()).add(mention.surface));
      counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
    }
    const ids = [...new Set(list.map((mention) => mention.entity))].sort();
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const coMention: CoMentionRecord = { source: ids[i] ?? '', target: ids[j] ?? '', sentence: sentence.index };
        // A sentence that only lists things (SentenceRecord.list) links them weakly: the graph weighs such pairs less.
        if (sentence.list === true) coMention.list = true;
        coMentions.push(coMention);
      }
    }
  }
  const turns = new Map<string, number>();
  for (const sentence of parsed.sentences) {
    const id = sentence.speaker === undefined ? undefined : speakerIds.get(sentence.speaker);
    if (id !== undefined) turns.set(id, (turns.get(id) ?? 0) + 1);
  }
  // A speaker's label is a form the document writes their name in, even when the text never does.
  for (const [speaker, id] of speakerIds) surfaces.set(id, (surfaces.get(id) ?? new Set()).add(speaker));
  // So is a delegation named in a speaker label ("Mr. Wood (United States of America)"); like the label, it
  // is in no sentence and forms no co-mention.
  for (const [delegation, id] of affiliations) surfaces.set(id, (surfaces.get(id) ?? new Set()).add(delegation));
  const entityIds = [...new Set([...counts.keys(), ...speakerIds.values(), ...affiliations.values()])].sort();
  const entities: EntityRecord[] = entityIds.map((id) => {
    const entry = lexicon.get(id);
    const record: EntityRecord = {
      id,
      label: entry?.label ?? state.labels.get(id) ?? id,
      type: entry?.type ?? state.types.get(id) ?? 'person',
      aliases: [...(surfaces.get(id) ?? [])].sort(),
      mentions: counts.get(id) ?? 0,
    };
    if (entry?.facts) record.facts = { ...entry.facts };
    else if (state.facts.has(id)) record.facts = { ...state.facts.get(id) };
    if (turns.has(id)) record.speakerSentences = turns.get(id);
    return record;
  });
  const extraction: DocumentExtraction = {
    document: {
      id: doc.id,
      format: parsed.format,
      sentenceCount: parsed.sentences.length,
      characters: typeof doc.text === 'string' ? doc.text.length : 0,
      speakers: parsed.speakers,
    },
    sentences: evidence,
    entities,
    mentions,
    coMentions,
    warnings,
  };
  if (parsed.title !== undefined) extraction.document.title = parsed.title;
  if (parsed.date !== undefined) extraction.document.date = parsed.date;
  Object.assign(extraction.document, parsed.dateSource && { dateSource: parsed.dateSource }, parsed.keywords && { keywords: parsed.keywords }, parsed.symbol && { symbol: parsed.symbol });
  if (topicCandidateList) extraction.topicCandidates = topicCandidateList;
  return extraction;
}
