// Collects candidate key phrases in a document for corpus-level topics: runs of content words between
// stopwords and punctuation (as keyword extractors such as RAKE cut them), with entity mentions removed.
import { coverageMask, maskOverlaps } from '../recognize/mention.ts';
import { lexicalTags } from '../recognize/ner.ts';
import { STOPWORDS } from './stopwords.ts';

const MAX_WORDS = 4;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*|[\p{N}]+|[^\p{L}\p{N}\s]/gu;

/** Lower-cases a phrase the way topics are keyed (typographic apostrophes unified, last word singular). */
export function normalizePhrase(phrase: string): string {
  return singularLast(phrase.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim());
}

/** "armed groups" → "armed group", "atrocities" → "atrocity"; leaves "process", "status", "crisis" alone. */
function singularLast(phrase: string): string {
  return phrase.replace(/(\w{2,}?)(ies|sses|s)$/, (whole, stem: string, ending: string) => {
    if (ending === 'ies') return `${stem}y`;
    if (ending === 'sses') return `${stem}ss`;
    return /(?:ss|us|is|ics)$/.test(whole) ? whole : stem;
  });
}

/** The plural of a normalised phrase ("armed group" → "armed groups"). */
export function pluralPhrase(phrase: string): string {
  if (/[^aeiou]y$/.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/.test(phrase)) return `${phrase}es`;
  return `${phrase}s`;
}

/** A regex body matching a normalised phrase in singular or plural. */
export function phrasePattern(phrase: string): string {
  const escaped = phrase.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  if (/[^aeiou]y$/.test(phrase)) return `${escaped.slice(0, -1)}(?:y|ies)`;
  if (/ss$/.test(phrase)) return `${escaped}(?:es)?`;
  return `${escaped}s?`;
}

const NOT_TOPIC_TAGS = ['Adjective', 'Adverb', 'Value', 'Pronoun', 'Preposition', 'Conjunction', 'Determiner', 'Date'];

/**
 * Words compromise's lexicon knows as adjectives or adverbs end no topic ("important"); a lone word that
 * is a verb form ("help") is no topic either, while "climate change" and "armed groups" are.
 */
function isNounLike(word: string, alone: boolean): boolean {
  const tags = lexicalTags(word);
  if (tags.has('Noun')) return true;
  if (alone && /(?:al|ent|ant|ive|ous|ful|less|able|ible|ary)$/.test(word.toLowerCase())) return false;
  return !NOT_TOPIC_TAGS.some((tag) => tags.has(tag)) && !(alone && tags.has('Verb'));
}

function isContentWord(word: string): boolean {
  if (!/^\p{L}/u.test(word)) return false;
  const lower = normalizePhrase(word);
  if (STOPWORDS.has(lower) || lower.length < 3) return false;
  if (/ly$/.test(lower) && lower.length > 5) return false;
  return true;
}

/** Past participles ("mandated") and adjectives or verbs end a phrase badly; -ing nouns ("peacekeeping") are fine. */
function isGoodEnd(word: string, alone: boolean): boolean {
  return !/ed$/.test(word.toLowerCase()) && isNounLike(word, alone);
}

/**
 * Adds to `counts` every 1–4 word n-gram of content words in `text`, skipping characters inside `masked`
 * spans (entity mentions). Phrases are lower-cased; counts are occurrences.
 */
export function collectPhrases(
  text: string,
  masked: readonly { start: number; end: number }[],
  counts: Map<string, number>,
  surfaces?: Map<string, Map<string, number>>,
): void {
  let run: string[] = [];
  const flush = (): void => {
    for (let size = 1; size <= Math.min(MAX_WORDS, run.length); size += 1) {
      for (let start = 0; start + size <= run.length; start += 1) {
        const words = run.slice(start, start + size);
        const lastWord = words[words.length - 1] ?? '';
        if (!isGoodEnd(lastWord, size === 1)) continue;
        const surface = words.join(' ').toLowerCase().replace(/’/g, "'");
        const phrase = normalizePhrase(surface);
        counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
        if (surfaces) {
          const forms = surfaces.get(phrase) ?? new Map<string, number>();
          forms.set(surface, (forms.get(surface) ?? 0) + 1);
          surfaces.set(phrase, forms);
        }
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
