// Collects candidate key phrases of a document: noun-phrase shapes cut from the runs of content words between
// stopwords, punctuation and entity mentions, with "signs of early warning" read as "early warning signs".
import { overlapsAny } from '../recognize/mention.ts';
import { lexicalTags } from '../recognize/ner.ts';
import { isCommonWord, wordSpecificity } from './background.ts';
import { NO_WORDS, type PhraseCounter, keyWordId, whenKeyWordsForgotten } from './phrase-counter.ts';
import { mayPassBackground } from './score.ts';
import { STOPWORDS } from './stopwords.ts';

/** Longest candidate, in words. */
export const MAX_WORDS = 4;

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

/** What a word of the text is, decided once per process for each way it is written. */
interface WordInfo {
  /** As written, without a possessive 's. */
  surface: string;
  /** Lower-cased, typographic apostrophes unified. */
  lower: string;
  /** `lower` singular (what a phrase ending on it is keyed by). */
  singular: string;
  /** A content word, "of", "the", or anything else (a break). */
  kind: 'content' | 'of' | 'the' | 'break';
  /** Where it may stand in a phrase (content words only; filled on first use). */
  role: WordRole | undefined;
  /** wordSpecificity of `lower` and of `singular` (content words only). */
  specificity: number;
  singularSpecificity: number;
  /** keyWordId of `lower`, of `singular` and of `surface`. */
  lowerId: number;
  singularId: number;
  surfaceId: number;
}

/** The WordInfo of a word as written, made anew (WordTable keeps them). */
function wordInfoOf(written: string): WordInfo {
  const surface = written.replace(/['’]s$/, '');
  const lower = surface.toLowerCase().replace(/’/g, "'");
  const singular = singularWord(lower);
  const content = /^\p{L}/u.test(lower) && !STOPWORDS.has(lower) && !STOPWORDS.has(singular) && lower.length >= 3;
  const kind = lower === 'of' || lower === 'the' ? lower : content ? 'content' : 'break';
  const specificity = kind === 'content' ? wordSpecificity(lower) : 0;
  const singularSpecificity = kind === 'content' ? (singular === lower ? specificity : wordSpecificity(singular)) : 0;
  return { surface, lower, singular, kind, role: undefined, specificity, singularSpecificity, lowerId: keyWordId(lower), singularId: keyWordId(singular), surfaceId: keyWordId(surface) };
}

/** Words kept at most: a process reading many languages stops keeping new ones, and makes them anew. */
const MAX_KEPT_WORDS = 100_000;
/**
 * The words of the text, each tokenised, case-folded and classified once for every document after, found by a
 * hash of their code units that the scanner computes as it reads them: a word is compared with the text in
 * place, never cut out of it, unless it is new. The table doubles when half full, so the words in use stay close.
 */
class WordTable {
  /** Per slot: the word's hash, and 1 + its index in `written` and `infos` (0: the slot is free). */
  private slots = new Int32Array(2 * 4096);
  private mask = 4095;
  private readonly written: string[] = [];
  private readonly infos: WordInfo[] = [];

  /** The word text[start, end), whose hash (wordHash) is `hash`. */
  lookup(text: string, start: number, end: number, hash: number): WordInfo {
    const length = end - start;
    const slots = this.slots;
    let slot = hash & this.mask;
    for (let entry = slots[2 * slot + 1]!; entry !== 0; entry = slots[2 * slot + 1]!) {
      if (slots[2 * slot] === hash) {
        const word = this.written[entry - 1]!;
        if (word.length === length && sameUnits(word, text, start)) return this.infos[entry - 1]!;
      }
      slot = (slot + 1) & this.mask;
    }
    const info = wordInfoOf(text.slice(start, end));
    if (this.infos.length < MAX_KEPT_WORDS) {
      this.written.push(text.slice(start, end));
      this.infos.push(info);
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = this.infos.length;
      if (2 * this.infos.length > this.mask) this.grow();
    }
    return info;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      let slot = old[at]! & this.mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[2 * slot] = old[at]!;
      this.slots[2 * slot + 1] = old[at + 1]!;
    }
  }
}

/** True when `text` from `start` holds the code units of `word`. */
function sameUnits(word: string, text: string, start: number): boolean {
  for (let index = 0; index < word.length; index += 1) if (word.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  return true;
}

/** The hash of a word, one code unit at a time: wordHash(wordHash(HASH_START, a), b)… */
const HASH_START = 0x811c9dc5 | 0;
function wordHash(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

let wordTable = new WordTable();
// Its words hold key word numbers: when those start again, so do the words.
whenKeyWordsForgotten(() => {
  wordTable = new WordTable();
});

function roleOfWord(word: WordInfo): WordRole {
  return (word.role ??= roleOf(word.lower));
}

/**
 * What a character is to the word scanner: a word starts at a letter and goes on over letters, marks,
 * apostrophes and hyphens; white space separates words; anything else (punctuation, digits, symbols, and a
 * mark, apostrophe or hyphen outside a word) breaks a run of words.
 */
const LETTER = 1;
const JOINER = 2;
const SPACE = 3;
const OTHER = 4;
/** The class of each UTF-16 code unit, filled on first sight (0: not yet known). */
const unitClasses = new Uint8Array(0x10000);

function classOfCodePoint(character: string): number {
  if (/^\p{L}$/u.test(character)) return LETTER;
  if (/^[\p{M}'’-]$/u.test(character)) return JOINER;
  return /^\s$/.test(character) ? SPACE : OTHER;
}

/** Added to the class of a character written as two code units (outside the Basic Multilingual Plane). */
const PAIR = 4;

/** The class of the character at `index`, plus PAIR when it takes two code units. */
function classAt(text: string, index: number): number {
  const unit = text.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return classOfCodePoint(text.slice(index, index + 2)) + PAIR;
  }
  let known = unitClasses[unit]!;
  if (known === 0) {
    known = classOfCodePoint(text[index]!);
    unitClasses[unit] = known;
  }
  return known;
}

/** Longest run of content words cut into phrases at once. */
const MAX_RUN = 12;

/** The n-grams of one run of content words that open on a non-verb and end on a noun-like word. */
function addRunPhrases(run: readonly WordInfo[], counter: PhraseCounter): void {
  for (let start = 0; start < run.length; start += 1) {
    if (!roleOfWord(run[start]!).start) continue;
    // The key of the phrase so far with all its words as they are (a key's last word is singular), and their specificity.
    let head = NO_WORDS;
    let specificityHead = 0;
    for (let size = 1; size <= MAX_WORDS && start + size <= run.length; size += 1) {
      const word = run[start + size - 1]!;
      if (size > 1 && !roleOfWord(run[start + size - 2]!).inner) break;
      const last = roleOfWord(word);
      if (last.end && (size > 1 || last.alone)) {
        const node = counter.step(head, word.singularId);
        if (counter.counts(node)) {
          const specificity = specificityHead + word.singularSpecificity;
          counter.add(node, mayPassBackground(size, specificity) ? surfaceOf(run, start, size, counter) : -1, size, specificity);
        }
      }
      if (size < MAX_WORDS) head = counter.step(head, word.lowerId);
      specificityHead += word.specificity;
    }
  }
}

/** The written-form node of the words run[start]… of a phrase of `size` words. */
function surfaceOf(run: readonly WordInfo[], start: number, size: number, counter: PhraseCounter): number {
  let surface = NO_WORDS;
  for (let index = start; index < start + size; index += 1) surface = counter.stepWritten(surface, run[index]!.surfaceId);
  return surface;
}

/** "HEAD of (the) MODIFIER": the modifier is the longest opening stretch (one or two words) of the run after "of" that ends on a noun. */
function addInvertedPhrase(head: WordInfo, article: WordInfo | undefined, after: readonly WordInfo[], counter: PhraseCounter): void {
  if (!roleOfWord(head).end) return;
  for (let size = Math.min(2, after.length); size >= 1; size -= 1) {
    const first = after[0]!;
    const last = after[size - 1]!;
    if (size > 1 && !roleOfWord(first).inner) continue;
    if (!roleOfWord(last).end || !roleOfWord(first).start) continue;
    // topicKey of "HEAD of MODIFIER": the modifier (its last word singular), then the head singular.
    const modifierKey = size === 1 ? counter.step(NO_WORDS, first.singularId) : counter.step(counter.step(NO_WORDS, first.lowerId), last.singularId);
    const node = counter.step(modifierKey, head.singularId);
    if (!counter.counts(node)) return;
    const specificity = (size === 1 ? first.singularSpecificity : first.specificity + last.singularSpecificity) + head.singularSpecificity;
    if (!mayPassBackground(size + 1, specificity)) {
      counter.add(node, -1, size + 1, specificity);
      return;
    }
    // As written: "HEAD of (the) MODIFIER".
    let surface = counter.stepWritten(counter.stepWritten(NO_WORDS, head.surfaceId), keyWordId('of'));
    if (article !== undefined) surface = counter.stepWritten(surface, article.surfaceId);
    surface = counter.stepWritten(surface, first.surfaceId);
    if (size === 2) surface = counter.stepWritten(surface, last.surfaceId);
    counter.add(node, surface, size + 1, specificity);
    return;
  }
}

/** Where the words before a run leave it: right after a run, after "RUN of", after "RUN of the", or elsewhere. */
type Link = 'none' | 'run' | 'of' | 'of the';

/** The words of one sentence being cut into runs. */
interface RunState {
  run: WordInfo[];
  link: Link;
  /** The last word of the run before, and the "the" after its "of": the head and article of an inverted phrase. */
  previousLast: WordInfo | undefined;
  article: WordInfo | undefined;
  /** The current run's own head and article, when it follows "HEAD of (the)". */
  runHead: WordInfo | undefined;
  runArticle: WordInfo | undefined;
}

/** Offers the run's phrases (and the inverted phrase joining it to the run before) and starts a new run. */
function endRun(state: RunState, counter: PhraseCounter): void {
  const run = state.run;
  addRunPhrases(run, counter);
  if (state.runHead !== undefined) addInvertedPhrase(state.runHead, state.runArticle, run, counter);
  state.previousLast = run[run.length - 1];
  run.length = 0;
  state.link = 'run';
}

/** Adds a word of the text to the runs: a content word extends the run, "of" and "the" may link two runs, anything else breaks. */
function pushWord(state: RunState, word: WordInfo, kind: WordInfo['kind'], counter: PhraseCounter): void {
  if (kind === 'content') {
    if (state.run.length === MAX_RUN) endRun(state, counter);
    if (state.run.length === 0) {
      state.runHead = state.link === 'of' || state.link === 'of the' ? state.previousLast : undefined;
      state.runArticle = state.link === 'of the' ? state.article : undefined;
    }
    state.run.push(word);
    return;
  }
  if (state.run.length > 0) endRun(state, counter);
  if (kind === 'of') state.link = state.link === 'run' ? 'of' : 'none';
  else if (kind === 'the' && state.link === 'of') {
    state.link = 'of the';
    state.article = word;
  } else state.link = 'none';
}

/**
 * Counts in `counter` every candidate phrase in `text` outside the `masked` spans (entity mentions): each 1–4 word
 * stretch of a run of content words that opens on a non-verb and ends on a noun-like word, and for
 * "HEAD of (the) MODIFIER" (the head one word, the modifier one or two) the phrase "MODIFIER HEAD". Runs are
 * cut at every other word, at punctuation and digits, at masked spans, and after 12 words.
 */
export function collectPhrases(text: string, masked: readonly { start: number; end: number }[], counter: PhraseCounter): void {
  const state: RunState = { run: [], link: 'none', previousLast: undefined, article: undefined, runHead: undefined, runArticle: undefined };
  const length = text.length;
  // Something other than white space since the last word.
  let broken = false;
  let index = 0;
  while (index < length) {
    let found = classAt(text, index);
    const width = found > PAIR ? 2 : 1;
    if (found > PAIR) found -= PAIR;
    if (found !== LETTER) {
      if (found !== SPACE) broken = true;
      index += width;
      continue;
    }
    const start = index;
    let hash = wordHash(HASH_START, text.charCodeAt(index));
    if (width === 2) hash = wordHash(hash, text.charCodeAt(index + 1));
    index += width;
    while (index < length) {
      found = classAt(text, index);
      const pair = found > PAIR;
      if (pair) found -= PAIR;
      if (found !== LETTER && found !== JOINER) break;
      hash = wordHash(hash, text.charCodeAt(index));
      if (pair) hash = wordHash(hash, text.charCodeAt(index + 1));
      index += pair ? 2 : 1;
    }
    if (broken) {
      pushWord(state, BREAK, 'break', counter);
      broken = false;
    }
    const word = wordTable.lookup(text, start, index, hash);
    pushWord(state, word, masked.length > 0 && overlapsAny(masked, start, index) ? 'break' : word.kind, counter);
  }
  if (state.run.length > 0) endRun(state, counter);
}

/** What punctuation between two words is. */
const BREAK: WordInfo = { surface: '', lower: '', singular: '', kind: 'break', role: undefined, specificity: 0, singularSpecificity: 0, lowerId: -1, singularId: -1, surfaceId: -1 };
