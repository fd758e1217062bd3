// Collects candidate key phrases in a document for corpus-level topics: runs of content words between
// stopwords and punctuation (as keyword extractors such as RAKE cut them), with entity mentions removed.
import { coverageMask, maskOverlaps } from '../recognize/mention.ts';
import { STOPWORDS } from './stopwords.ts';

const MAX_WORDS = 4;
const WORD = /[\p{L}][\p{L}\p{M}'’\-]*|[\p{N}]+|[^\p{L}\p{N}\s]/gu;

/** Lower-cases a phrase the way topics are keyed; typographic apostrophes unified. */
export function normalizePhrase(phrase: string): string {
  return phrase.toLowerCase().replace(/’/g, "'");
}

function isContentWord(word: string): boolean {
  if (!/^\p{L}/u.test(word)) return false;
  const lower = normalizePhrase(word);
  if (STOPWORDS.has(lower) || lower.length < 3) return false;
  if (/ly$/.test(lower) && lower.length > 5) return false;
  return true;
}

/** Past participles ("mandated", "deployed") end a phrase badly; -ing nouns ("peacekeeping") are fine. */
function isGoodEnd(word: string): boolean {
  return !/ed$/.test(normalizePhrase(word));
}

/**
 * Adds to `counts` every 1–4 word n-gram of content words in `text`, skipping characters inside `masked`
 * spans (entity mentions). Phrases are lower-cased; counts are occurrences.
 */
export function collectPhrases(text: string, masked: readonly { start: number; end: number }[], counts: Map<string, number>): void {
  let run: string[] = [];
  const flush = (): void => {
    for (let size = 1; size <= Math.min(MAX_WORDS, run.length); size += 1) {
      for (let start = 0; start + size <= run.length; start += 1) {
        const words = run.slice(start, start + size);
        const lastWord = words[words.length - 1] ?? '';
        if (!isGoodEnd(lastWord)) continue;
        const phrase = normalizePhrase(words.join(' '));
        counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    }
    run = [];
  };
  const mask = coverageMask(masked, text.length);
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const insideMask = maskOverlaps(mask, start, end);
    if (insideMask || !isContentWord(match[0])) {
      flush();
      continue;
    }
    run.push(match[0].replace(/['’]s$/, ''));
    if (run.length > 12) flush();
  }
  flush();
}
