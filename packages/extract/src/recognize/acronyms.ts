// In-document acronym definitions: "the Lord's Resistance Army (LRA)" and "the LRA (Lord's Resistance Army)"
// bind the acronym to the name for the rest of the document; the initials check finds the name's start.

/** Small words a name's initials skip ("Coalition of Patriots for Change" → CPC; "Front pour la ..." → F.). */
const SKIPPED_WORDS = new Set(
  'of the for and on in at to by with de du des la le les l d pour et en au aux del los las y e do da das dos na no di per al el'.split(' '),
);

/** An acronym in parentheses: two or more capitals, at most twelve characters ("LRA", "SPLM-IO", "FDLR"). */
export const ACRONYM_IN_PARENTHESES = /\(\s*(\p{Lu}[\p{L}\p{N}&-]{1,11})\s*\)/gu;

/** True for a token written like an acronym: at least two capitals and no more lower-case letters than capitals. */
export function looksLikeAcronym(token: string): boolean {
  const capitals = token.replace(/[^\p{Lu}]/gu, '').length;
  const lower = token.replace(/[^\p{Ll}]/gu, '').length;
  return capitals >= 2 && lower <= capitals && /^\p{Lu}/u.test(token);
}

/**
 * The span of the name whose initials spell `acronym`, ending at `end` (just before the parenthesis): words
 * are read backwards, each capital of the acronym must open one word (hyphenated parts count as words),
 * small words may be skipped, any other word breaks the match. The first word must be capitalised.
 */
export function nameSpelledBy(text: string, end: number, acronym: string): { start: number; end: number } | undefined {
  const letters = [...acronym.replace(/[^\p{Lu}]/gu, '')];
  if (letters.length < 2 || letters.length > 8) return undefined;
  const before = text.slice(Math.max(0, end - 160), end);
  const offset = end - before.length;
  const words: { text: string; start: number; end: number }[] = [];
  const pattern = /[\p{L}\p{M}\p{N}'’]+/gu;
  for (let match = pattern.exec(before); match !== null; match = pattern.exec(before)) {
    words.push({ text: match[0], start: offset + match.index, end: offset + match.index + match[0].length });
  }
  const last = words[words.length - 1];
  if (!last || text.slice(last.end, end).trim() !== '') return undefined;
  // Words are read backwards; a small word may be skipped or spell a letter ("Movement-in-Opposition" → IO),
  // so try skipping it first and spelling with it second (memoised: words × letters states at most).
  const failed = new Set<number>();
  const firstWordOf = (index: number, letter: number): number | undefined => {
    if (letter < 0) return index + 1;
    if (index < 0 || failed.has(index * 16 + letter)) return undefined;
    const word = words[index];
    const next = words[index + 1];
    // Only spaces and hyphens may separate the words of one name.
    if (!word || (next && !/^[\s-]+$/u.test(text.slice(word.end, next.start)))) return undefined;
    const small = SKIPPED_WORDS.has(word.text.toLowerCase().replace(/['’]$/, ''));
    const initial = word.text.replace(/^[dl]['’]/iu, '')[0]?.toUpperCase();
    const found =
      (small ? firstWordOf(index - 1, letter) : undefined) ??
      (initial === letters[letter] && (letter > 0 || /^\p{Lu}/u.test(word.text)) ? firstWordOf(index - 1, letter - 1) : undefined);
    if (found === undefined) failed.add(index * 16 + letter);
    return found;
  };
  const first = firstWordOf(words.length - 1, letters.length - 1);
  const start = first === undefined ? undefined : words[first]?.start;
  if (start === undefined || !/^\p{Lu}/u.test(text.slice(start, start + 1))) return undefined;
  return { start, end: last.end };
}
