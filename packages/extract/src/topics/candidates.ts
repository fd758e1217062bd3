// Collects candidate key phrases of a document: noun-phrase shapes cut from the runs of content words between
// stopwords, punctuation and entity mentions, with "signs of early warning" read as "early warning signs".
import { overlapsAny } from '../recognize/mention.ts';
import { lexicalTags } from '../recognize/ner.ts';
import { isCommonWord } from './background.ts';
import { STOPWORDS } from './stopwords.ts';

/** Longest candidate, in words. */
export const MAX_WORDS = 4;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*|[\p{N}]+|[^\p{L}\p{N}\s]/gu;

/** Lower-cases a phrase the way topics are keyed (typographic apostrophes unified, last word singular). */
export function normalizePhrase(phrase: string): string {
  return singularLast(phrase.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim());
}

/** "armed groups" → "armed group", "atrocities" → "atrocity", "crises" → "crisis"; leaves "process", "status", "crisis" alone. */
function singularLast(phrase: string): string {
  if (/[^s]ses$/.test(phrase) && isCommonWord(`${/\S+$/.exec(phrase)![0].slice(0, -2)}is`)) return `${phrase.slice(0, -2)}is`;
  return phrase.replace(/(\w{2,}?)(ies|sses|s)$/, (whole, stem: string, ending: string) => {
    if (ending === 'ies') return `${stem}y`;
    if (ending === 'sses') return `${stem}ss`;
    return /(?:ss|us|is|ics)$/.test(whole) ? whole : stem;
  });
}

/**
 * The key of a phrase in either order: "signs of early warning" and "early warning signs" are both
 * "early warning sign", "protection of civilians" is "civilian protection" (words lower-cased, each
 * part's last word singular). A phrase with no " of " is normalizePhrase's key.
 */
export function topicKey(phrase: string): string {
  const lower = phrase.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
  const match = /^(\S+) of (?:the )?(.+)$/.exec(lower);
  if (match === null) return singularLast(lower);
  return `${singularLast(match[2]!)} ${singularLast(match[1]!)}`;
}

/** The plural of a normalised phrase ("armed group" → "armed groups"). */
export function pluralPhrase(phrase: string): string {
  if (/[^aeiou]y$/.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  if (/(?:s|x|ch|sh)$/.test(phrase)) return `${phrase}es`;
  return `${phrase}s`;
}

/** A regex body matching a normalised phrase in singular or plural. */
export function phrasePattern(phrase: string): string {
  const escaped = phrase.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/ /g, '\\s+');
  if (/[^aeiou]y$/.test(phrase)) return `${escaped.slice(0, -1)}(?:y|ies)`;
  if (/ss$/.test(phrase)) return `${escaped}(?:es)?`;
  if (/s$/.test(phrase)) return `${escaped}?`;
  return `${escaped}s?`;
}

/**
 * An adjective by English's own evidence: compromise's lexicon says so (and not a noun), or the word has an
 * adverb in -ly that spoken English uses ("political" → "politically", "military" → "militarily",
 * "democratic" → "democratically", "possible" → "possibly"). Such a word may open a phrase, never end one.
 */
function isAdjectiveLike(lower: string): boolean {
  const tags = lexicalTags(lower);
  if (tags.has('Adjective') && !tags.has('Noun')) return true;
  if (lower.length < 5 || /s$/.test(lower)) return false;
  if (isCommonWord(`${lower}ly`, 5)) return true;
  if (/y$/.test(lower) && isCommonWord(`${lower.slice(0, -1)}ily`, 5)) return true;
  if (/ic$/.test(lower) && isCommonWord(`${lower}ally`, 5)) return true;
  return /le$/.test(lower) && isCommonWord(`${lower.slice(0, -1)}y`, 5);
}

/** A verb's -ing form ("monitoring", "building": "monitor" and "build" are words); "peacekeeping" is a noun. */
function isVerbForm(lower: string): boolean {
  const match = /^(.{3,}?)(?:ing)$/.exec(lower);
  if (match === null) return false;
  const stem = match[1]!;
  return isCommonWord(stem) || isCommonWord(`${stem}e`) || (/(.)\1$/.test(stem) && isCommonWord(stem.slice(0, -1)));
}

/** What a content word can be in a phrase: where it may stand. */
interface WordRole {
  /** It may be a phrase on its own. */
  alone: boolean;
  /** The phrase may end on it (a noun, not an adjective, past participle or adverb). */
  end: boolean;
  /** The phrase may open with it (not a verb: an infinitive by compromise's lexicon, an -ing form of a verb). */
  start: boolean;
  /** It may stand before another word of the phrase: not a plural (a noun before a noun is singular, "peace process"; "civilians raises expectations" is no phrase). */
  inner: boolean;
}

/** A plural or third-person -s form of a common word ("civilians", "raises"; not "process", "status", "politics"). */
function isPluralForm(lower: string): boolean {
  if (!/[^su']s$/.test(lower) || /(?:ics|ss|us|is)$/.test(lower)) return false;
  const singular = /ies$/.test(lower) ? `${lower.slice(0, -3)}y` : /(?:sh|ch|x|ss)es$/.test(lower) ? lower.slice(0, -2) : lower.slice(0, -1);
  return isCommonWord(singular);
}

const roles = new Map<string, WordRole>();

function roleOf(lower: string): WordRole {
  const known = roles.get(lower);
  if (known !== undefined) return known;
  const tags = lexicalTags(lower);
  const noun = tags.has('Noun');
  const adjective = !noun && (isAdjectiveLike(lower) || /(?:ical|istic|etic|atic|ous|ful|less)$/.test(lower));
  const participle = /ed$/.test(lower) && !noun;
  const adverb = tags.has('Adverb') || (/ly$/.test(lower) && lower.length > 5);
  const infinitive = tags.has('Infinitive') && !noun;
  // A word alone must be a noun by its shape too: not "transnational", "prioritize", "effective".
  const verb = (tags.has('Verb') && !noun) || /(?:ize|ise|ify)$/.test(lower);
  const alone = !adjective && !verb && (noun || !/(?:al|ive|ous|ful|less|able|ible|ic|ary|ent|ant)$/.test(lower));
  const role = {
    alone,
    end: !adjective && !participle && !adverb && !tags.has('Value') && !tags.has('Date'),
    start: !adverb && !(infinitive && !/(?:tion|ment|ance|ence|ity|ism)$/.test(lower)) && !isVerbForm(lower),
    inner: !adverb && !isPluralForm(lower),
  };
  if (roles.size < 50_000) roles.set(lower, role);
  return role;
}

const contentWords = new Map<string, boolean>();

function isContentWord(lower: string): boolean {
  const known = contentWords.get(lower);
  if (known !== undefined) return known;
  const content = /^\p{L}/u.test(lower) && !STOPWORDS.has(lower) && !STOPWORDS.has(singularWord(lower)) && lower.length >= 3;
  if (contentWords.size < 50_000) contentWords.set(lower, content);
  return content;
}

const singulars = new Map<string, string>();

/** A lower-case word's singular (singularLast of one word), cached. */
function singularWord(lower: string): string {
  let singular = singulars.get(lower);
  if (singular === undefined) {
    singular = singularLast(lower);
    if (singulars.size < 50_000) singulars.set(lower, singular);
  }
  return singular;
}

/** normalizePhrase of lower-case words without typographic apostrophes: all but the last as they are, the last singular. */
function keyOfWords(lowers: readonly string[]): string {
  const last = singularWord(lowers[lowers.length - 1]!);
  return lowers.length === 1 ? last : `${lowers.slice(0, -1).join(' ')} ${last}`;
}

/** One phrase occurrence: its key, the words as written. */
export interface PhraseSink {
  add(key: string, surface: string, words: readonly string[]): void;
}

/** A word of the text: a content word, "of", "the", or anything else (a break). */
interface Token {
  surface: string;
  lower: string;
  kind: 'content' | 'of' | 'the' | 'break';
}

function tokenize(text: string, masked: readonly { start: number; end: number }[]): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const surface = match[0].replace(/['’]s$/, '');
    const lower = surface.toLowerCase().replace(/’/g, "'");
    const kind = masked.length > 0 && overlapsAny(masked, match.index, match.index + match[0].length)
      ? 'break'
      : lower === 'of' || lower === 'the'
        ? lower
        : isContentWord(lower)
          ? 'content'
          : 'break';
    tokens.push({ surface, lower, kind });
  }
  return tokens;
}

/** The n-grams of one run of content words that open on a non-verb and end on a noun-like word. */
function addRunPhrases(run: readonly Token[], sink: PhraseSink): void {
  for (let start = 0; start < run.length; start += 1) {
    if (!roleOf(run[start]!.lower).start) continue;
    for (let size = 1; size <= MAX_WORDS && start + size <= run.length; size += 1) {
      if (size > 1 && !roleOf(run[start + size - 2]!.lower).inner) break;
      const last = roleOf(run[start + size - 1]!.lower);
      if (!last.end || (size === 1 && !last.alone)) continue;
      const words = run.slice(start, start + size);
      const lowers = words.map((word) => word.lower);
      sink.add(keyOfWords(lowers), words.map((word) => word.surface).join(' '), lowers);
    }
  }
}

/** "HEAD of (the) MODIFIER": the modifier is the longest opening stretch (one or two words) of the run after "of" that ends on a noun. */
function addInvertedPhrase(head: Token, article: Token | undefined, after: readonly Token[], sink: PhraseSink): void {
  if (!roleOf(head.lower).end) return;
  for (let size = Math.min(2, after.length); size >= 1; size -= 1) {
    const modifier = after.slice(0, size);
    if (size > 1 && !roleOf(modifier[0]!.lower).inner) continue;
    if (!roleOf(modifier[size - 1]!.lower).end || !roleOf(modifier[0]!.lower).start) continue;
    const written = [head.surface, 'of', ...(article ? [article.surface] : []), ...modifier.map((word) => word.surface)].join(' ');
    const key = topicKey(`${head.lower} of ${modifier.map((word) => word.lower).join(' ')}`);
    sink.add(key, written, [...modifier.map((word) => word.lower), head.lower]);
    return;
  }
}

/**
 * Offers `sink` every candidate phrase in `text` outside the `masked` spans (entity mentions): each 1–4 word
 * stretch of a run of content words that opens on a non-verb and ends on a noun-like word, and for
 * "HEAD of (the) MODIFIER" (the head one word, the modifier one or two) the phrase "MODIFIER HEAD".
 */
export function collectPhrases(text: string, masked: readonly { start: number; end: number }[], sink: PhraseSink): void {
  const tokens = tokenize(text, masked);
  let previous: Token[] = [];
  let index = 0;
  while (index < tokens.length) {
    if (tokens[index]!.kind !== 'content') {
      index += 1;
      continue;
    }
    const startIndex = index;
    while (index < tokens.length && tokens[index]!.kind === 'content' && index - startIndex < 12) index += 1;
    const run = tokens.slice(startIndex, index);
    addRunPhrases(run, sink);
    // The run before joins this one through "of" or "of the" alone.
    const between = previous.length > 0 ? tokens.slice(startIndex - (tokens[startIndex - 1]?.kind === 'the' ? 2 : 1), startIndex) : [];
    if (between[0]?.kind === 'of' && tokens[startIndex - between.length - 1] === previous[previous.length - 1]) {
      addInvertedPhrase(previous[previous.length - 1]!, between[1], run, sink);
    }
    previous = run;
  }
}
