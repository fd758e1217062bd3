// Veto: the agency credited in a wire dateline ("GOMA (Reuters) -") is the byline, so nothing inside the
// parentheses is a mention.
import { type DocumentState } from '../../pipeline/state.ts';

/** A wire dateline with its agency credit: "PORT-AU-PRINCE, July 13, 2024 (Caribbean Wire) —", "GOMA (Reuters) -". */
export const DATELINE_CREDIT =
  /^(?:\p{Lu}[\p{Lu}\p{M}'’.\- ]{1,40}?(?:,\s+[^()—–\n]{1,40}?)?|\p{Lu}[\p{L}\p{M}'’.\- ]{1,40}?,\s+[^()—–\n]{0,40}?\d[^()—–\n]{0,20}?)\s+\(([^()]{1,40})\)\s*[—–-]\s/u;

/**
 * The agency credited in a dateline is the byline, not a mention (GUIDELINES rule 10): "(Caribbean Wire)" names
 * no Caribbean, "(UN News)" no UN.
 */
export function dropDatelineCredits(state: DocumentState): void {
  for (const sentence of state.sentences) {
    const match = DATELINE_CREDIT.exec(sentence.text);
    if (!match?.[1]) continue;
    const end = match[0].lastIndexOf(')');
    const start = match[0].lastIndexOf('(', end);
    const list = state.mentions.get(sentence.index);
    if (list) state.mentions.set(sentence.index, list.filter((mention) => mention.end <= start || mention.start >= end));
  }
}
