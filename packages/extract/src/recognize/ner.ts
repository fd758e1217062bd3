// Finds people, places and organisations the lexicon does not know, using compromise's tagger on bounded
// sentence windows, then keeps only capitalised name runs that pass conservative junk filters.
// compromise/two is the tagger without the phrase-level finders: the same term tags, about 2.5x faster.
import nlp from 'compromise/two';
import type { CompiledLexicon } from '../lexicon/compile.ts';
import { matchKey } from '../text/fold.ts';
import { coverageMask, maskOverlaps } from './mention.ts';
import { STOPWORDS } from '../topics/stopwords.ts';
import { NAME_CONNECTORS, NEVER_NAMES, PERSON_CONNECTORS, HONORIFICS, ORGANIZATION_HEADS, PERSON_APPOSITION, PERSON_VERB_AFTER, PLACE_HEADS, ROLE_WORDS } from './words.ts';

export type NerType = 'person' | 'place' | 'organization';

/** A name found by NER: its span in the sentence and its cleaned form. */
export interface NerCandidate {
  type: NerType;
  start: number;
  end: number;
  name: string;
}

/** Context on each side of a candidate name handed to compromise with it; its cost grows with input length. */
export const NER_CONTEXT = 48;
/** Longest window handed to compromise. */
export const NER_WINDOW = 400;

interface TaggedTerm {
  text: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  post: string;
}

interface CompromiseTerm {
  text: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface CompromiseSentence {
  terms: CompromiseTerm[];
}

const taughtVersions = new Set<string>();

/** Teaches compromise the lexicon's names and our role titles once per lexicon version. */
function teach(lexicon: CompiledLexicon): void {
  if (taughtVersions.has(lexicon.version)) return;
  taughtVersions.add(lexicon.version);
  const words: Record<string, string> = {};
  const tagFor: Record<string, string> = { person: 'Person', country: 'Country', place: 'Place', mission: 'Organization', organization: 'Organization' };
  for (const entry of lexicon.entries) {
    const tag = tagFor[entry.type];
    if (!tag) continue;
    for (const alias of [entry.label, ...entry.aliases]) {
      const key = alias.toLowerCase().trim();
      if (key.length >= 3 && key.length <= 60 && !/[^\p{L}\p{M}\p{N}' .\-]/u.test(key)) words[key] = tag;
    }
  }
  for (const role of ['under-secretary-general', 'secretary-general', 'special coordinator', 'research director', 'special representative', 'force commander', 'head of mission']) {
    words[role] = 'Actor';
  }
  nlp.plugin({ words });
}

const CAPITALISED_TOKEN = /(?<![\p{L}\p{N}'’])(?:\p{Lu}|[dl]['’]\p{Lu})[\p{L}\p{M}'’\-]*/gu;

const LOCATIVE_BEFORE = /(?:^|[^\p{L}])(?:in|at|near|from)\s+$/iu;

/** True for a capitalised word that can be part of a name (not a stopword, month, title or pronoun). */
function isNameWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  return !NEVER_NAMES.has(lower) && !STOPWORDS.has(lower);
}

/** True for a word that is a title or role ("Director", "Under-Secretary-General"), not a name on its own. */
function isRoleWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '');
  return ROLE_WORDS.has(lower) || lower.split('-').every((part) => ROLE_WORDS.has(part));
}

/**
 * Spans of capitalised name words outside covered spans, merged when only spaces or connectors separate
 * them. The sentence's first word counts only as part of a longer run.
 */
export function candidateRuns(text: string, covered: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const runs: { start: number; end: number; words: number; names: number }[] = [];
  const firstWord = /^[^\p{L}\p{N}]*/u.exec(text)?.[0].length ?? 0;
  const mask = coverageMask(covered, text.length);
  CAPITALISED_TOKEN.lastIndex = 0;
  for (let match = CAPITALISED_TOKEN.exec(text); match !== null; match = CAPITALISED_TOKEN.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!isNameWord(match[0]) || maskOverlaps(mask, start, end)) continue;
    const last = runs[runs.length - 1];
    const gap = last ? text.slice(last.end, start) : '';
    const names = isRoleWord(match[0]) ? 0 : 1;
    if (last && /^(?:\s+(?:(?:of|the|for|de|du|la|le|al|el|bin|van|von|der|da|dos|y)\s+)*|-)$/u.test(gap)) {
      last.end = end;
      last.words += 1;
      last.names += names;
    } else {
      runs.push({ start, end, words: 1, names });
    }
  }
  // A lone capitalised word can only become a place, and only after a locative preposition; skip the rest
  // without calling the tagger.
  return runs
    .filter((run) => run.names > 0)
    .filter((run) => run.words > 1 || (run.start !== firstWord && LOCATIVE_BEFORE.test(text.slice(Math.max(0, run.start - 8), run.start))))
    .map(({ start, end }) => ({ start, end }));
}

/** True when a sentence may hold a name the lexicon missed; compromise runs only then. */
export function needsNer(text: string, covered: readonly { start: number; end: number }[]): boolean {
  return candidateRuns(text, covered).length > 0;
}

/** Small windows around candidate runs (merged when they touch), cut at spaces. */
function windows(text: string, runs: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  for (const run of runs) {
    let start = Math.max(0, run.start - NER_CONTEXT);
    if (start > 0) {
      const space = text.indexOf(' ', start);
      start = space >= 0 && space < run.start ? space + 1 : run.start;
    }
    let end = Math.min(text.length, run.end + NER_CONTEXT, start + NER_WINDOW);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space >= run.end) end = space;
    }
    const last = result[result.length - 1];
    if (last && start <= last.end && end - last.start <= NER_WINDOW) last.end = Math.max(last.end, end);
    else result.push({ start, end });
  }
  return result;
}

/** Same-length copy fit for the tagger: URLs, e-mails and punctuation runs blanked. */
function guardText(text: string): string {
  return text
    .replace(/\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|\S+\.(?:org|com|net|int|gov|edu)\b\S*/gi, (url) => ' '.repeat(url.length))
    .replace(/[^\p{L}\p{N}\s]{3,}/gu, (run) => ' '.repeat(run.length));
}

/** Runs compromise's tagger on one window; returns its terms with offsets into the sentence. */
function tagWindow(text: string, offset: number): TaggedTerm[] {
  const terms: TaggedTerm[] = [];
  for (const sentence of nlp(text).json({ offset: true }) as CompromiseSentence[]) {
    for (const term of sentence.terms) {
      terms.push({ text: term.text, start: offset + term.offset.start, end: offset + term.offset.start + term.offset.length, tags: new Set(term.tags), post: term.post });
    }
  }
  return terms;
}

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);
const isAllCaps = (word: string): boolean => word.length >= 2 && word === word.toUpperCase() && /\p{Lu}/u.test(word);

/**
 * Finds names in one sentence. `covered` are spans the lexicon already explains (mentions and demonyms);
 * names overlapping them are not proposed. Returns [] quickly when no capitalised token needs explaining.
 */
export function findNames(text: string, covered: readonly { start: number; end: number }[], lexicon: CompiledLexicon): NerCandidate[] {
  const runs = candidateRuns(text, covered);
  if (runs.length === 0) return [];
  teach(lexicon);
  const guarded = guardText(text);
  const candidates: NerCandidate[] = [];
  for (const window of windows(guarded, runs)) {
    const terms = tagWindow(guarded.slice(window.start, window.end), window.start);
    for (const run of capitalisedRuns(terms, text, covered)) {
      const candidate = classifyRun(run, text, lexicon);
      if (candidate && !candidates.some((known) => known.start === candidate.start)) candidates.push(candidate);
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}

/** Maximal runs of capitalised terms (connectors allowed inside), broken at punctuation and covered spans. */
function capitalisedRuns(terms: readonly TaggedTerm[], text: string, covered: readonly { start: number; end: number }[]): TaggedTerm[][] {
  const runs: TaggedTerm[][] = [];
  let run: TaggedTerm[] = [];
  const close = (): void => {
    while (run.length > 0 && !isCapitalised(run[run.length - 1]?.text ?? '')) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  let previous: TaggedTerm | undefined;
  const mask = coverageMask(covered, text.length);
  for (const term of terms) {
    const word = text.slice(term.start, term.end);
    const inside = maskOverlaps(mask, term.start, term.end);
    const capital = (isCapitalised(word) || /^[dl]['’]\p{Lu}/u.test(word)) && isNameWord(word);
    const connector = run.length > 0 && NAME_CONNECTORS.has(word.toLowerCase());
    const hyphenated = run.length > 0 && previous !== undefined && previous.post === '-' && previous.end === term.start - 1;
    previous = term;
    if (inside || (!capital && !connector && !hyphenated)) {
      close();
      continue;
    }
    run.push({ ...term, text: word });
    if (/[^\s'’\-]/.test(term.post.trim().replace(/^['’]s?/, ''))) close();
  }
  close();
  return runs;
}

/** Drops leading titles ("Secretary-General", "Mr.") and returns the remaining terms and whether a title was seen. */
function stripTitles(run: readonly TaggedTerm[]): { terms: TaggedTerm[]; titled: boolean } {
  let index = 0;
  let titled = false;
  while (index < run.length) {
    const word = (run[index]?.text ?? '').toLowerCase().replace(/\.$/, '');
    const parts = word.split('-');
    if (ROLE_WORDS.has(word) || (parts.length > 1 && parts.every((part) => ROLE_WORDS.has(part)))) {
      titled = HONORIFICS.has(word) || parts.some((part) => HONORIFICS.has(part));
      index += 1;
    } else if (index > 0 && NAME_CONNECTORS.has(word)) {
      // "Director for X": a title followed by a connector introduces a domain, not a person.
      titled = false;
      index += 1;
    } else break;
  }
  return { terms: run.slice(index), titled };
}

function hasTag(terms: readonly TaggedTerm[], ...tags: string[]): boolean {
  return terms.some((term) => tags.some((tag) => term.tags.has(tag)));
}

/** Decides whether a run is a person, place or organisation, or junk. */
function classifyRun(
  run: readonly TaggedTerm[],
  text: string,
  lexicon: CompiledLexicon,
): NerCandidate | undefined {
  const { terms, titled } = stripTitles(run);
  const first = terms[0];
  const last = terms[terms.length - 1];
  if (!first || !last) return undefined;
  const start = first.start;
  let end = last.end;
  let name = text.slice(start, end).replace(/['’]s$/, '');
  end = start + name.length;
  const words = terms.map((term) => term.text.replace(/['’]s$/, ''));
  const lowerWords = words.map((word) => word.toLowerCase().replace(/\.$/, ''));
  // Junk: headline capitals, dates, verbs, role titles, lexicon names, demonyms.
  if (words.some(isAllCaps)) return undefined;
  if (lowerWords.some((word) => NEVER_NAMES.has(word))) return undefined;
  if (lowerWords.every((word) => ROLE_WORDS.has(word) || NAME_CONNECTORS.has(word))) return undefined;
  // A verb, adverb, pronoun or date at either end makes a fragment ("Says Council"); adjectives may sit inside.
  const junkAtEdge = [first, last].some(
    (term) => ['Verb', 'Adverb', 'Pronoun', 'Date', 'Month', 'WeekDay', 'Value', 'Language'].some((tag) => term.tags.has(tag)) && !term.tags.has('Person') && !term.tags.has('Place'),
  );
  if (junkAtEdge || (terms.length === 1 && first.tags.has('Adjective'))) return undefined;
  const key = matchKey(name);
  if (lexicon.surfaceKeys.has(key) || lexicon.demonymKeys.has(key)) return undefined;
  if (!/^[\p{L}\p{M}'’.\- ]+$/u.test(name) || name.length < 3 || name.length > 80) return undefined;
  const runStartsSentence = /^[^\p{L}\p{N}]*$/u.test(text.slice(0, run[0]?.start ?? 0));
  const lastWord = lowerWords[lowerWords.length - 1] ?? '';
  const after = text.slice(end, end + 60);
  const before = text.slice(Math.max(0, start - 12), start);

  if (ORGANIZATION_HEADS.has(lowerWords[0] ?? '') || ORGANIZATION_HEADS.has(lastWord)) {
    // A demonym right before an organisation belongs to its name ("Malian Armed Forces").
    const demonym = /(\p{Lu}[\p{L}\p{M}'’\-]+)\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
    if (demonym && lexicon.demonymKeys.has(matchKey(demonym[1] ?? ''))) {
      const withDemonym = start - demonym[0].length;
      return { type: 'organization', start: withDemonym, end, name: text.slice(withDemonym, end) };
    }
    if (words.length >= 2) return { type: 'organization', start, end, name };
    return undefined;
  }
  if (PLACE_HEADS.has(lastWord) && words.length >= 2) return { type: 'place', start, end, name };
  const personTagged = terms.every((term) => term.tags.has('Person') || term.tags.has('ProperNoun')) && hasTag(terms, 'FirstName', 'LastName', 'MaleName', 'FemaleName');
  const personSignal =
    personTagged ||
    titled ||
    PERSON_APPOSITION.test(after) ||
    PERSON_VERB_AFTER.test(after) ||
    (first.tags.has('FirstName') && words.length >= 2);
  if (personSignal && words.length >= 2 && words.length <= 5 && words.every((word, index) => isCapitalised(word) || (index > 0 && PERSON_CONNECTORS.has(word.toLowerCase())))) {
    return { type: 'person', start, end, name };
  }
  if (terms.every((term) => term.tags.has('Place') || term.tags.has('City') || term.tags.has('Country') || term.tags.has('Region') || NAME_CONNECTORS.has(term.text.toLowerCase()))) {
    if (words.length > 1 || !runStartsSentence) return { type: 'place', start, end, name };
  }
  if (words.length <= 3 && LOCATIVE_BEFORE.test(before) && !hasTag(terms, 'Organization', 'Person') && !runStartsSentence) {
    return { type: 'place', start, end, name };
  }
  return undefined;
}
