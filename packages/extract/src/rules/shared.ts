// Small readings of a sentence and of lexicon facts that several rule families share: a span inside a
// longer capitalised name, the anchors (host country, parent) an entry belongs to, the document's year.
import { type CompiledLexicon } from '../lexicon/compile.ts';
import { NEVER_NAMES } from '../vocabulary.ts';
import { STOPWORDS } from '../topics/stopwords.ts';

/**
 * True when a span sits inside a longer capitalised name: a capitalised word right before it that is no
 * small word ("Rwandan Armed Forces"; not "In Congo"), or "of/in/for" and a capitalised word right after it
 * ("Armed Forces of Liberia").
 */
export function insideLongerName(text: string, start: number, end: number): boolean {
  const before = /(\p{L}[\p{L}\p{M}'’-]*)\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const lower = before?.toLowerCase() ?? '';
  if (before !== undefined && /^\p{Lu}/u.test(before) && !STOPWORDS.has(lower) && !NEVER_NAMES.has(lower)) return true;
  // "of October 2020" dates the name; a month after "of" starts no longer name.
  const after = /^\s+(?:of|in|for)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(text.slice(end, end + 40))?.[1];
  return after !== undefined && !NEVER_NAMES.has(after.toLowerCase());
}

/**
 * What an entry belongs to by its lexicon facts: a mission's hosts, a group's country, an affiliate's or
 * caucus's parent body ("the A3" where the Security Council is spoken of).
 */
export function anchorsOf(lexicon: CompiledLexicon, id: string): string[] {
  const facts = lexicon.get(id)?.facts;
  if (facts === undefined) return [];
  const anchors: string[] = [];
  for (const key of ['hostCountry', 'hostPlace', 'country', 'parent'] as const) {
    const value = facts[key];
    if (typeof value === 'string') anchors.push(value);
  }
  const hosts = facts['hostCountries'];
  if (Array.isArray(hosts)) anchors.push(...hosts);
  return anchors;
}

export function documentYear(date: string | undefined): number | undefined {
  const year = date ? Number(date.slice(0, 4)) : Number.NaN;
  return Number.isFinite(year) ? year : undefined;
}
