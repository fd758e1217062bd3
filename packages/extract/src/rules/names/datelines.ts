// The place of a dateline written in capitals ("AGOK, 12 November 2024 —") is a place even where no lexicon
// knows it.
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState, addMention, coveredSpans } from '../../pipeline/state.ts';
import { overlapsAny } from '../../recognize/mention.ts';
import { NEVER_NAMES, ROLE_WORDS } from '../../vocabulary.ts';
import { matchKey } from '../../text/fold.ts';
import { slugify } from '../../text/slug.ts';

/** A dateline in capitals at the start of a paragraph: "AGOK, 12 November 2024 —", "GOMA, March 3 –". */
export const CAPITAL_DATELINE = /^(\p{Lu}[\p{Lu}'’-]+(?:\s+\p{Lu}[\p{Lu}'’-]+){0,2}),\s+(?:\d{1,2}\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*[—–-]\s/u;

/**
 * The place of a dateline written in capitals is a place even where no lexicon knows it ("AGOK, 12 November
 * 2024 — …" is Agok); lexicon places in datelines are matched already.
 */
export function recogniseCapitalDatelines(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const sentence of state.sentences) {
    const match = CAPITAL_DATELINE.exec(sentence.text);
    const surface = match?.[1];
    if (surface === undefined || overlapsAny(coveredSpans(state, sentence.index), 0, surface.length)) continue;
    if (lexicon.surfaceKeys.has(matchKey(surface)) || surface.split(/\s+/).some((word) => NEVER_NAMES.has(word.toLowerCase()) || ROLE_WORDS.has(word.toLowerCase()))) continue;
    const label = surface.toLowerCase().replace(/(^|[\s\-'’])(\p{Ll})/gu, (_whole, separator: string, letter: string) => separator + letter.toUpperCase());
    const id = `place:${slugify(label)}`;
    if (!state.labels.has(id)) state.labels.set(id, label);
    state.types.set(id, 'place');
    addMention(state, { entity: id, sentence: sentence.index, start: 0, end: surface.length, surface, how: 'ner' });
  }
}
