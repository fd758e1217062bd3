// Veto: academic units named in the byline lines at a document's head ("Department of International Relations,
// 2022") are metadata, so neither they nor the places inside them are mentions.
import { type DocumentState } from '../../pipeline/state.ts';
import { overlapsAny } from '../../recognize/mention.ts';

/** An academic or research unit's name: "Department of International Relations", "University of Ljubljana". */
export const AFFILIATION_NAME = /(?<![\p{L}])(?:Department|Faculty|University|Institute|School|College|Centre|Center)\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:and|of|for|the|in)\s+)*\p{Lu}[\p{L}\p{M}'’-]*)*/gu;

/**
 * Bylines and affiliation lines at the head of a document ("Working paper, Department of International
 * Relations, 2022") are metadata, not text about the subject: the academic units they name, and the places
 * inside those names, are no mentions. A head line is one before the first sentence of twelve words or more
 * that carries a year and a list separator.
 */
export function dropAffiliations(state: DocumentState): void {
  for (const sentence of state.sentences) {
    if (sentence.text.split(/\s+/).length >= 12 && /[.!?]["”’)]?$/u.test(sentence.text)) break;
    if (!/\b(?:19|20)\d\d\b/.test(sentence.text) || !/[,·|]/.test(sentence.text)) continue;
    const list = state.mentions.get(sentence.index);
    if (!list) continue;
    AFFILIATION_NAME.lastIndex = 0;
    const spans = [...sentence.text.matchAll(AFFILIATION_NAME)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
    if (spans.length === 0) continue;
    state.mentions.set(sentence.index, list.filter((mention) => !overlapsAny(spans, mention.start, mention.end)));
  }
}
