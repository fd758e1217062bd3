// Joins later references to a person with their full name in the same document: "Mr. Lacroix",
// "Lacroix" and "Under-Secretary-Lacroix" all become person:jean-pierre-lacroix.
import type { CompiledLexicon } from '../lexicon/compile.ts';
import { surnameOf } from '../lexicon/compile.ts';
import type { SentenceRecord } from '../types.ts';
import { foldText, matchKey } from '../text/fold.ts';
import { type WorkingMention, overlapsAny } from './mention.ts';
import { NOT_AFTER_WORD, NOT_BEFORE_WORD, escapeRegExp } from '../text/patterns.ts';
import { NEVER_NAMES, ROLE_WORDS } from '../vocabulary.ts';

const TITLES = String.raw`(?:(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?|Professor|Secretary-General|Under-Secretary-General|President|Prime Minister|Minister|Ambassador|General|Special Representative|Special Envoy|Judge|Sir|Dame)`;


/**
 * Finds surname references. `fullNames` maps person ids named in full in this document to their full
 * name; a surname shared by two of them is left alone. Lexicon people whose surname is unique in the
 * lexicon are also joined when a title precedes the surname ("Secretary-General Guterres").
 */
export function joinSurnames(
  sentences: readonly SentenceRecord[],
  mentionsBySentence: Map<number, WorkingMention[]>,
  fullNames: ReadonlyMap<string, string>,
  lexicon: CompiledLexicon,
): void {
  const bySurname = new Map<string, Set<string>>();
  const titledOnly: string[] = [];
  const titledIds = new Map<string, string>();
  const register = (surname: string, id: string): void => {
    if (NEVER_NAMES.has(surname.toLowerCase()) || lexicon.surfaceKeys.has(matchKey(surname))) return;
    const key = foldText(surname);
    bySurname.set(key, (bySurname.get(key) ?? new Set()).add(id));
  };
  for (const [id, name] of fullNames) {
    const surname = surnameOf(name);
    if (surname) register(surname, id);
    // Names of three words or more may carry a double surname: "Ruiz Massieu" alone, "Ms. Holguín" after a title.
    const words = name.trim().split(/\s+/).filter((word) => /^\p{Lu}/u.test(word));
    if (words.length >= 3) {
      register(words.slice(-2).join(' '), id);
      const first = foldText(words[words.length - 2] ?? '');
      if (first.length > 2 && !NEVER_NAMES.has(first.toLowerCase()) && !lexicon.surfaceKeys.has(matchKey(first))) {
        titledOnly.push(first);
        titledIds.set(matchKey(first), id);
      }
    }
  }
  const untitled = [...bySurname].filter(([, ids]) => ids.size === 1).map(([surname]) => surname);
  for (const [key, ids] of lexicon.peopleBySurname) {
    const id = ids[0];
    const entry = id === undefined ? undefined : lexicon.get(id);
    const surname = entry ? surnameOf(entry.label) : undefined;
    if (ids.length !== 1 || !id || !surname || bySurname.has(foldText(surname)) || titledIds.has(key)) continue;
    titledOnly.push(foldText(surname));
    titledIds.set(matchKey(surname), id);
  }
  if (untitled.length === 0 && titledOnly.length === 0) return;
  const titledPattern = [...new Set(titledOnly)];
  const byLength = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : 1);
  const alternatives: string[] = [];
  if (untitled.length > 0) alternatives.push(`(?<plain>${untitled.sort(byLength).map(escapeRegExp).join('|')})`);
  if (titledPattern.length > 0) alternatives.push(`${TITLES}\\s+(?<titled>${titledPattern.sort(byLength).map(escapeRegExp).join('|')})`);
  const pattern = new RegExp(`${NOT_AFTER_WORD}(?:${alternatives.join('|')})${NOT_BEFORE_WORD}`, 'g');
  const idForUntitled = new Map<string, string>();
  for (const [surname, ids] of bySurname) {
    const id = [...ids][0];
    if (ids.size === 1 && id) idForUntitled.set(surname, id);
  }
  for (const sentence of sentences) {
    const folded = foldText(sentence.text);
    const existing = mentionsBySentence.get(sentence.index) ?? [];
    const added: WorkingMention[] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
      const plain = match.groups?.['plain'];
      const surname = plain ?? match.groups?.['titled'] ?? '';
      const id = plain !== undefined ? idForUntitled.get(surname) : titledIds.get(matchKey(surname));
      if (!id) continue;
      // The surface is the surname alone; a title before it ("Mr.", "Secretary-General") is not part of the name.
      const end = match.index + match[0].length;
      const start = end - surname.length;
      if (overlapsAny(existing, start, end) || overlapsAny(added, start, end)) continue;
      // A capitalised first name right before the surname makes another form of the name ("Margaret Anstee"
      // beside "Margaret Joan Anstee"), or another person: left to the name finder.
      const wordBefore = plain === undefined ? undefined : /(\p{Lu}[\p{L}\p{M}-]+)\s+$/u.exec(sentence.text.slice(Math.max(0, start - 40), start))?.[1];
      if (wordBefore !== undefined && !ROLE_WORDS.has(wordBefore.toLowerCase()) && !NEVER_NAMES.has(wordBefore.toLowerCase()) && !wordBefore.split('-').every((part) => ROLE_WORDS.has(part.toLowerCase())) && /^\p{Lu}\p{Ll}/u.test(wordBefore) && !lexicon.surfaceKeys.has(matchKey(wordBefore))) continue;
      added.push({ entity: id, sentence: sentence.index, start, end, surface: sentence.text.slice(start, end), how: 'surname' });
    }
    if (added.length > 0) mentionsBySentence.set(sentence.index, [...existing, ...added].sort((a, b) => a.start - b.start));
  }
}

/** True when a speaker label reads like a person's name rather than an outlet, role or placeholder. */
export function isPersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return false;
  if (words.some((word) => word.length >= 2 && word === word.toUpperCase())) return false;
  if (words.some((word) => /\d/.test(word))) return false;
  const lower = words.map((word) => word.toLowerCase());
  // A role with an article ("The President", "The Chair") is no one's name.
  if (lower.every((word) => ROLE_WORDS.has(word.replace(/\.$/, '')) || word === 'the')) return false;
  const notNames = /^(?:news|radio|tv|television|press|times|post|journal|network|agency|council|committee|ministry|office|department|nations|union|speaker|host|moderator|interviewer|narrator|reporter|audience|unknown|participant|question|answer|voice|female|male|chair|panel|team|staff|group|channel|podcast|show|media)$/;
  return !lower.some((word) => notNames.test(word));
}
