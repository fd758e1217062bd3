// Short names of operations, meetings and agreements the document names in full: "Licorne" after "Operation
// Licorne", "Crans-Montana" after the "Crans-Montana conference".
import { findAgain } from '../../pipeline/find-again.ts';
import type { DocumentContext } from '../../pipeline/types.ts';
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type LexiconEntry } from '../../lexicon/schema.ts';
import { NEVER_NAMES } from '../../vocabulary.ts';
import { matchKey } from '../../text/fold.ts';
import { namesPattern } from '../../text/patterns.ts';
import { STOPWORDS } from '../../topics/stopwords.ts';

/** Head words after which the name before them is a named meeting's or agreement's place ("Crans-Montana conference"). */
export const SHORT_NAME_HEAD = /^((?:\p{Lu}[\p{L}\p{M}'’]*)(?:[ -]\p{Lu}[\p{L}\p{M}'’]*)?)\s+(?:conference|summit|talks|agreement|agreements|accord|accords|declaration|peace agreement|peace accord|peace accords|peace talks|process)\b/iu;

/**
 * The short name of an operation, meeting or agreement the document names in full: "Licorne" for
 * "Operation Licorne", "Crans-Montana" for the "Crans-Montana conference". Only names that are no other
 * lexicon entity (so "Algiers" stays the city) and no common word qualify.
 */
export function shortNamesOf(entry: LexiconEntry, lexicon: CompiledLexicon): string[] {
  const shorts = new Set<string>();
  for (const form of [entry.label, ...entry.aliases]) {
    const short = entry.type === 'mission' ? /^Operation\s+(\p{Lu}[\p{L}\p{M}'’-]+)$/u.exec(form)?.[1] : SHORT_NAME_HEAD.exec(form)?.[1];
    if (short === undefined || short.length < 4 || !/^\p{Lu}/u.test(short)) continue;
    const key = matchKey(short);
    if (lexicon.surfaceKeys.has(key) || lexicon.demonymKeys.has(key)) continue;
    if (short.split(/[ -]/).some((word) => NEVER_NAMES.has(word.toLowerCase()) || STOPWORDS.has(word.toLowerCase()))) continue;
    shorts.add(short);
  }
  return [...shorts];
}

/**
 * Short names of operations, meetings and agreements named in full earlier in the document ("the Licorne
 * force", "since Crans-Montana") are mentions of them; a short name two named entities share is left alone.
 */
export function recogniseShortNames(state: DocumentContext, lexicon: CompiledLexicon): void {
  const firstSentence = new Map<string, number>();
  for (const [sentence, list] of state.mentions) {
    for (const mention of list) {
      if (mention.how === 'lexicon' && sentence < (firstSentence.get(mention.entity) ?? Infinity)) firstSentence.set(mention.entity, sentence);
    }
  }
  const owners = new Map<string, string[]>();
  for (const id of [...firstSentence.keys()].sort()) {
    const entry = lexicon.get(id);
    if (!entry || (entry.type !== 'mission' && entry.type !== 'event' && entry.type !== 'agreement')) continue;
    for (const short of shortNamesOf(entry, lexicon)) owners.set(short, [...(owners.get(short) ?? []), id]);
  }
  const shorts = [...owners].filter(([, ids]) => ids.length === 1);
  if (shorts.length === 0) return;
  findAgain(state, 'short-names', namesPattern(shorts.map(([short]) => short)), (match, sentence, text) => {
    const entity = owners.get(match[0])?.[0];
    const start = match.index;
    const end = start + match[0].length;
    if (entity === undefined || sentence < (firstSentence.get(entity) ?? Infinity)) return undefined;
    // Part of a longer capitalised name ("Crans-Montana Resort") is not the short name.
    if (/^[\s-]+\p{Lu}/u.test(text.slice(end, end + 3))) return undefined;
    return { entity, sentence, start, end, surface: match[0], how: 'lexicon', rule: 'short-name', reason: `short name of ${entity}, named in full before` };
  });
}
