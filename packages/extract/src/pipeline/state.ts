// The working state one document's recognition passes share: mentions by sentence, spans the lexicon explains
// without a mention, labels and types of new entities, and the helpers that read and change it.
import { type WorkingMention } from '../recognize/mention.ts';
import { type EntityType, type SentenceRecord } from '../types.ts';

export interface DocumentState {
  sentences: readonly SentenceRecord[];
  mentions: Map<number, WorkingMention[]>;
  /** Spans the lexicon explains without a mention (demonyms, unresolved ambiguous forms). */
  blocked: Map<number, { start: number; end: number }[]>;
  labels: Map<string, string>;
  types: Map<string, EntityType>;
}

export function addMention(state: DocumentState, mention: WorkingMention): void {
  const list = state.mentions.get(mention.sentence) ?? [];
  list.push(mention);
  state.mentions.set(mention.sentence, list);
}

export function coveredSpans(state: DocumentState, sentence: number): { start: number; end: number }[] {
  return [...(state.mentions.get(sentence) ?? []), ...(state.blocked.get(sentence) ?? [])];
}

/** How often each entity is mentioned so far in the document, and the first sentence that names it. */
export function tallyMentions(state: DocumentState): { counts: Map<string, number>; firstSentence: Map<string, number> } {
  const counts = new Map<string, number>();
  const firstSentence = new Map<string, number>();
  for (const [sentence, list] of state.mentions) {
    for (const mention of list) {
      counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
      if (sentence < (firstSentence.get(mention.entity) ?? Infinity)) firstSentence.set(mention.entity, sentence);
    }
  }
  return { counts, firstSentence };
}
