// Finds people, places and organisations the lexicon does not know, using compromise's tagger on bounded
// sentence windows, then keeps only capitalised name runs that pass conservative junk filters.
// compromise/two is the tagger without the phrase-level finders: the same term tags, about 2.5x faster.
import nlp from 'compromise/two';
import type { CompiledLexicon } from '../lexicon/compile.ts';
import { foldText, matchKey } from '../text/fold.ts';
import { coverageMask, maskOverlaps } from './mention.ts';
import { isCommonWord, isRareWord, zipfFrequency } from '../topics/background.ts';
import { STOPWORDS } from '../topics/stopwords.ts';
import { AGREEMENT_HEADS, EVENT_FIRST_WORDS, EVENT_HEADS, HONORIFICS, NAME_CONNECTORS, NEVER_NAMES, ORGANIZATION_HEADS, PERSON_APPOSITION, PERSON_CONNECTORS, PERSON_ONLY_PARTICLES, PERSON_VERB_AFTER, PLACE_FIRST_WORDS, PLACE_HEADS, ROLE_WORDS } from '../vocabulary.ts';

/** The tagger's name and installed version ("compromise@14.17.0"): its output is part of extraction's, so of cache keys. */
export const TAGGER_VERSION = `compromise@${(nlp as unknown as { version: string }).version}`;

export type NerType = 'person' | 'place' | 'organization' | 'agreement' | 'event';

/** A name found by NER: its span in the sentence and its cleaned form. */
export interface NerCandidate {
  type: NerType;
  start: number;
  end: number;
  name: string;
  /** Set when the name is a singular/plural variant of a lexicon name ("Department of Peace Operation"). */
  entityId?: string;
}

/** What a sentence's lexicon mentions tell the name finder. */
export interface NameContext {
  /** Start of each covered span, by its end. */
  coveredByEnd: ReadonlyMap<number, number>;
  /** Spans of place and country mentions, for lists of places ("Cauca, Nariño and Antioquia"). */
  places: readonly { start: number; end: number }[];
  /** Spans of people already found in the sentence, for lists of people ("Christopher Ross, then Horst Köhler"). */
  people?: readonly { start: number; end: number }[];
  /** Spans of organisations the lexicon named in the sentence, for their organs ("ECOWAS Commission"). */
  bodies?: readonly { start: number; end: number }[];
}

/** The lexicon entity a name names when its last word is read in the singular or plural, if exactly one. */
function lexiconVariant(name: string, lexicon: CompiledLexicon): string | undefined {
  const key = matchKey(name);
  const variants = key.endsWith('s') ? [key.slice(0, -1)] : [`${key}s`];
  for (const variant of variants) {
    const ids = lexicon.surfaceKeys.get(variant);
    if (ids && ids.length === 1) return ids[0];
  }
  return undefined;
}

/** Context on each side of a candidate name handed to compromise with it; its cost grows with input length. */
export const NER_CONTEXT = 20;
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
  normal?: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface CompromiseSentence {
  terms: CompromiseTerm[];
}

/**
 * What a compiled lexicon tells the tagger: its names' tags (Person, Country, Place, Organization) and our role
 * titles (Actor), by lower-case form. Each compiled lexicon has its own, laid over compromise's tags of the
 * window; compromise's shared model is never changed, so compiling or using a lexicon changes no other tagging.
 */
interface LexiconTagging {
  /** One-word forms and their tag. */
  words: ReadonlyMap<string, string>;
  /** Forms of several words by their first word: the words and the tag. */
  phrases: ReadonlyMap<string, readonly { words: readonly string[]; tag: string }[]>;
  /** lexicalTags results for this lexicon, by word key. */
  cache: Map<string, ReadonlySet<string>>;
}

const taggings = new WeakMap<CompiledLexicon, LexiconTagging>();

/** The tagger state of one compiled lexicon, built on first use. */
function taggingOf(lexicon: CompiledLexicon): LexiconTagging {
  const known = taggings.get(lexicon);
  if (known) return known;
  const forms = new Map<string, string>();
  const tagFor: Record<string, string> = { person: 'Person', country: 'Country', place: 'Place', mission: 'Organization', organization: 'Organization' };
  for (const entry of lexicon.entries) {
    const tag = tagFor[entry.type];
    if (!tag) continue;
    for (const alias of [entry.label, ...entry.aliases]) {
      const key = alias.toLowerCase().trim();
      if (key.length >= 3 && key.length <= 60 && !/[^\p{L}\p{M}\p{N}' .-]/u.test(key)) forms.set(key, tag);
    }
  }
  for (const role of ['under-secretary-general', 'secretary-general', 'special coordinator', 'research director', 'special representative', 'force commander', 'head of mission']) {
    forms.set(role, 'Actor');
  }
  const words = new Map<string, string>();
  const phrases = new Map<string, { words: string[]; tag: string }[]>();
  for (const [form, tag] of forms) {
    const parts = form.split(/\s+/);
    if (parts.length === 1) words.set(form, tag);
    else phrases.set(parts[0] ?? '', [...(phrases.get(parts[0] ?? '') ?? []), { words: parts, tag }]);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  const tagging: LexiconTagging = { words, phrases, cache: new Map() };
  taggings.set(lexicon, tagging);
  return tagging;
}

/** A tag with its parent tags in compromise's tag set ("Country" → Place, ProperNoun, Noun). */
function withParents(tag: string): Set<string> {
  const model = (nlp as unknown as { model(): CompromiseModel }).model();
  return new Set([tag, ...(model.one.tagSet[tag]?.parents ?? [])]);
}

/** Lays the lexicon's tags over tagged terms: a lexicon form (one word or several in a row) takes its tag. */
function applyLexiconTags(terms: TaggedTerm[], normals: readonly string[], tagging: LexiconTagging): void {
  for (let index = 0; index < terms.length; index += 1) {
    const normal = normals[index] ?? '';
    const phrase = tagging.phrases.get(normal)?.find((candidate) => candidate.words.every((word, offset) => normals[index + offset] === word));
    if (phrase) {
      for (let offset = 0; offset < phrase.words.length; offset += 1) {
        const term = terms[index + offset];
        if (term) term.tags = withParents(phrase.tag);
      }
      index += phrase.words.length - 1;
      continue;
    }
    const tag = tagging.words.get(normal);
    const term = terms[index];
    if (tag !== undefined && term) term.tags = withParents(tag);
  }
}

const CAPITALISED_TOKEN = /(?<![\p{L}\p{N}'’])(?:\p{Lu}|[dl]['’]\p{Lu})[\p{L}\p{M}'’-]*/gu;

const LOCATIVE_BEFORE =
  /(?:^|[^\p{L}])(?:(?:in|at|near|from|around|outside|across|towards?|into|through|via)\s+(?:the\s+)?|(?:village|town|city|district|province|neighbourhood|neighborhood|municipality|island|region)\s+of\s+)$/iu;

/** How much text before a run the locative test looks at ("the neighbourhood of "). */
const LOCATIVE_REACH = 24;

/** True when a run sits in a list next to a place or country mention ("Cauca, Nariño and Antioquia"). */
function inPlaceList(text: string, run: { start: number; end: number }, places: readonly { start: number; end: number }[]): boolean {
  return places.some((place) => {
    if (place.end <= run.start) return /^(?:,\s*|,?\s+(?:and|or)\s+)$/.test(text.slice(place.end, run.start));
    if (place.start >= run.end) return /^(?:,\s*|,?\s+(?:and|or)\s+)$/.test(text.slice(run.end, place.start));
    return false;
  });
}

/** True when a run sits in a list next to a person's name ("Christopher Ross, then Horst Köhler"). */
function inPersonList(text: string, run: { start: number; end: number }, people: readonly { start: number; end: number }[]): boolean {
  const separator = /^(?:,\s*(?:then\s+|and\s+|or\s+)?|,?\s+(?:and|or|then)\s+)$/;
  return people.some((person) => (person.end <= run.start ? separator.test(text.slice(person.end, run.start)) : person.start >= run.end && separator.test(text.slice(run.end, person.start))));
}

/** True for a capitalised word that can be part of a name (not a stopword, month, title or pronoun). */
function isNameWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '');
  // Head nouns that are also generic words ("Area" in "Abyei Administrative Area") still end names.
  return !NEVER_NAMES.has(lower) && (!STOPWORDS.has(lower) || PLACE_HEADS.has(lower) || ORGANIZATION_HEADS.has(lower));
}

/** True for a word that is a title or role ("Director", "Under-Secretary-General"), not a name on its own. */
function isRoleWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '');
  return ROLE_WORDS.has(lower) || lower.split('-').every((part) => ROLE_WORDS.has(part));
}

/** "on" joins a head noun to what follows it: "Committee on Missing Persons", "Agreement on the Cessation of Hostilities". */
function headBeforeOn(text: string, end: number, gap: string): boolean {
  if (!/^\s+on\s+(?:the\s+)?$/u.test(gap)) return false;
  const word = (/[\p{L}\p{M}'’-]+$/u.exec(text.slice(Math.max(0, end - 30), end))?.[0] ?? '').toLowerCase();
  return ORGANIZATION_HEADS.has(word) || AGREEMENT_HEADS.has(word) || EVENT_HEADS.has(word);
}

/**
 * Lower-case nouns after a capitalised run that make it an armed group's name: "the Kata Mbolo militia", "the
 * Gran Ravine gang", and each of two coordinated names: "clashes between Ngok Dinka and Twic Dinka groups".
 */
const GROUP_NOUN_AFTER_ONE_WORD = /^\s+(?:militias?|gang|rebel\s+(?:group|movement)|armed\s+group)\b/u;
/** After a name of two words or more, also a plural ("Twic Dinka groups"), which after one word is a category ("Aid groups"). */
const GROUP_NOUN_AFTER = /^(?:\s+and\s+\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,2})?\s+(?:militias?|gang|groups|factions|rebel\s+(?:group|movement)|armed\s+groups?)\b/u;

/** Lower-case place nouns after a capitalised run that make it a place: "Abu Shouk camp", "the Kutum district", "the Lunda provinces". */
const PLACE_NOUN_AFTER =
  /^\s+(?:camps?|districts?|provinces?|count(?:y|ies)|regions?|valleys?|villages?|towns?|prefectures?|localit(?:y|ies)|neighbourhoods?|neighborhoods?|(?:(?:displacement|IDP|refugee|transit|cantonment)\s+)?(?:sites?|camps?|settlements?)|territor(?:y|ies)|chiefdoms?|municipalit(?:y|ies)|health\s+zones?)\b/u;


/** A lower-case occupation right before a name introduces a person: "the German diplomat Volker Perthes". */
const OCCUPATION_BEFORE =
  /(?:^|[^\p{L}])(?:diplomat|prosecutor|judge|lawyer|journalist|activist|midwife|nurse|doctor|politician|economist|scholar|historian|researcher|colleague|teacher|farmer|mediator|warlord|businessman|businesswoman|official|officer|general|envoy|leader)\s+$/u;

/** Lower-case nouns after a capitalised run that make it a named meeting: "the Crans-Montana conference". */
const EVENT_NOUN_AFTER = /^\s+(?:conference|summit|peace\s+talks)\b/u;

/** An organisation head and its complement before an "and" inside a run ("Committee on Foreign Affairs and Defence"). */
const HEAD_WITH_COMPLEMENT_BEFORE_AND = new RegExp(`(?<![\\p{L}])(?:${[...ORGANIZATION_HEADS].join('|')})\\s+(?:of|on|for)\\s+.*\\sand\\s`, 'iu');

/**
 * "Mahbooba Karimi of the Afghan Women's Learning Network": a name of words English does not use, then "of the"
 * and a body's name (capitalised words ending in an organisation head), is a person speaking for that body.
 */
function affiliatedWithBody(words: readonly string[], after: string): boolean {
  if (words.length < 2 || words.length > 3 || !words.every((word) => isCapitalised(word) && isRareWord(word))) return false;
  const body = /^\s+of\s+the\s+((?:\p{Lu}[\p{L}\p{M}'’-]*\s+){0,5}(\p{Lu}[\p{L}\p{M}'’-]*))(?![\p{L}'’-])/u.exec(after);
  return body !== null && ORGANIZATION_HEADS.has((body[2] ?? '').toLowerCase());
}

/** Two or three capitalised words English does not use, none a head noun: the shape of a person's name. */
function rareNameRun(run: string): boolean {
  const words = run.split(/\s+/u);
  return words.length >= 2 && words.length <= 3 && words.every((word) => /^\p{Lu}\p{Ll}/u.test(word) && isRareWord(word) && headTypeOf([word.toLowerCase()], 1) === undefined && !PLACE_HEADS.has(word.toLowerCase()));
}

/** The start of a list item or a labelled field before a name: "•\t", "- ", "Chair:\t", "Minutes: ". */
const LIST_ITEM_BEFORE = /^\s*(?:[•·▪*–-]\s*|\p{Lu}[\p{L} ]{1,20}:\s+)(?:(?:Rev|Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$/u;
/** An affiliation after a listed name: "Comfort Tarpeh – Liberia Peacebuilding Network", "Jane Doe (UNDP)". */
const AFFILIATION_AFTER = /^(?:\s+[–—-]\s+\p{Lu}|\s+\(\p{Lu})/u;
/** After a listed name, an affiliation or nothing more on the line ("Minutes:\tSamuel K. Dolo"). */
const AFFILIATION_OR_LINE_END = new RegExp(`${AFFILIATION_AFTER.source}|^\\s*$`, 'u');

/** Nouns that end the name of a mission or a force. Lower case. */
const MISSION_NOUNS = new Set(['mission', 'operation', 'force', 'forces', 'presence']);

/** Heads of a body's organs, which take the body's name before them: "ECOWAS Commission", "AU Peace Fund". Lower case. */
const ORGAN_HEADS = new Set(['commission', 'secretariat', 'fund', 'parliament', 'court', 'council', 'assembly', 'bank', 'office', 'directorate', 'department', 'mission']);

/**
 * Spans of capitalised name words outside covered spans, merged when only spaces or connectors separate
 * them. The sentence's first word counts only as part of a longer run.
 */
export function candidateRuns(
  text: string,
  covered: readonly { start: number; end: number }[],
  places: readonly { start: number; end: number }[] = [],
  people: readonly { start: number; end: number }[] = [],
  bodies: readonly { start: number; end: number }[] = [],
): { start: number; end: number }[] {
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
    // An initial and its period stay inside a name: "Lester B. Pearson", "E. L. M. Burns".
    const afterInitial = last !== undefined && /^\.[ \t]+$/.test(gap) && /(?<![\p{L}\p{N}.])\p{Lu}$/u.test(text.slice(Math.max(0, last.end - 2), last.end));
    // A tab separates cells (an infobox's label from its value), never the words of one name.
    // "Ngozi Okonjo of the Women Peace Network": two or three rare words before "of the" are a person's name, not
    // the start of a longer one; the body after stays a run of its own.
    // "the CNDD-FDD of Pierre Nkurunziza": an acronym before "of" is a body, and the name after it its leader's.
    const personBeforeBody =
      last !== undefined && ((/^\s+of\s+the\s+$/u.test(gap) && rareNameRun(text.slice(last.start, last.end))) || (/^\s+of\s+$/u.test(gap) && /^\p{Lu}[\p{Lu}\p{N}-]+$/u.test(text.slice(last.start, last.end))));
    if (last && !gap.includes('\t') && !personBeforeBody && (afterInitial || /^(?:\s+(?:(?:of|the|for|and|de|du|la|le|al|el|bin|bint|ibn|ben|van|von|der|den|da|dos|das|di|y|ould|mint|ag)\s+)*(?:(?:al|el|ad|ash|as|an|ar|at|az)-)?|-)$/u.test(gap) || headBeforeOn(text, last.end, gap)) && !/\band\s+the\b/.test(gap)) {
      last.end = end;
      last.words += 1;
      last.names += names;
    } else {
      runs.push({ start, end, words: 1, names });
    }
  }
  // "X and Y" is one name only when it ends in an organisation, agreement or event head
  // ("Truth and Reconciliation Commission"); otherwise it is two ("Juan Manuel Santos and Rodrigo Londoño").
  const pieces: typeof runs = [];
  for (const run of runs) {
    const runText = text.slice(run.start, run.end);
    const lastWord = (/[\p{L}\p{M}'’-]+$/u.exec(runText)?.[0].toLowerCase() ?? '').replace(/['’]s$/, '');
    const head = headTypeOf([lastWord], 1);
    // A head with its complement before the "and" keeps the whole run: "Committee on Foreign Affairs and Defence".
    const headWithComplement = /\sand\s/.test(runText) && HEAD_WITH_COMPLEMENT_BEFORE_AND.test(runText);
    if (!/\sand\s/.test(runText) || head === 'organization' || head === 'agreement' || head === 'event' || headWithComplement) {
      pieces.push(run);
      continue;
    }
    let offset = run.start;
    for (const part of runText.split(/(\sand\s)/)) {
      if (!/\sand\s/.test(part)) {
        const words = part.trim().split(/\s+/).length;
        pieces.push({ start: offset, end: offset + part.length, words, names: 1 });
      }
      offset += part.length;
    }
  }
  runs.splice(0, runs.length, ...pieces);
  // A lone capitalised word can only become a place, and only after a locative preposition; skip the rest
  // without calling the tagger.
  return runs
    .filter((run) => run.names > 0)
    .filter(
      (run) =>
        run.words > 1 ||
        (run.start !== firstWord && GROUP_NOUN_AFTER_ONE_WORD.test(text.slice(run.end, run.end + 30))) ||
        // "the Lushagala displacement site"; not "the Hazara neighbourhood of Dasht-e-Barchi", where a people's name describes it.
        (run.start !== firstWord &&
          PLACE_NOUN_AFTER.test(text.slice(run.end, run.end + 40)) &&
          !/^\s+(?:[\p{Ll}A-Z]+\s+){1,2}of\s/u.test(text.slice(run.end, run.end + 40)) &&
          isRareWord(text.slice(run.start, run.end))) ||
        (run.start !== firstWord && LOCATIVE_BEFORE.test(text.slice(Math.max(0, run.start - LOCATIVE_REACH), run.start))) ||
        inPlaceList(text, run, places) ||
        (headTypeOf([text.slice(run.start, run.end).toLowerCase()], 1) !== undefined && places.some((place) => place.end === run.start - 1)) ||
        (text.slice(run.start, run.end) === 'Process' && places.some((place) => place.end === run.start - 1)) ||
        (ORGAN_HEADS.has(text.slice(run.start, run.end).toLowerCase()) && bodies.some((body) => body.end === run.start - 1)) ||
        (places.some((place) => place.end === run.start - 1 && LOCATIVE_BEFORE.test(text.slice(Math.max(0, place.start - LOCATIVE_REACH), place.start))) &&
          isRareWord(text.slice(run.start, run.end))) ||
        (['agreement', 'event'].includes(headTypeOf([text.slice(run.start, run.end).toLowerCase()], 1) ?? '') && people.some((person) => person.end === run.start - 1)),
    )
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
function tagWindow(text: string, offset: number, lexicon: CompiledLexicon): TaggedTerm[] {
  const terms: TaggedTerm[] = [];
  const normals: string[] = [];
  for (const sentence of nlp(text).json({ offset: true }) as CompromiseSentence[]) {
    for (const term of sentence.terms) {
      terms.push({ text: term.text, start: offset + term.offset.start, end: offset + term.offset.start + term.offset.length, tags: new Set(term.tags), post: term.post });
      normals.push(term.normal ?? term.text.toLowerCase());
    }
  }
  applyLexiconTags(terms, normals, taggingOf(lexicon));
  return terms;
}

/** A capitalised name word, counting Arabic names written with a lower-case article ("al-Bashir", "el-Sisi"). */
const isCapitalised = (word: string): boolean => /^(?:\p{Lu}|(?:al|el|ad|ash|as|an|ar|at|az)-\p{Lu})/u.test(word);
/** A word in capitals ("UNITED", "UN"); an initial with its period ("B.") is not one. */
const isAllCaps = (word: string): boolean => !/^\p{Lu}\.$/u.test(word) && word.length >= 2 && word === word.toUpperCase() && /\p{Lu}/u.test(word);


/** How many tagger windows one document may still use; bounds the time NER takes per document. */
export interface TaggerBudget {
  windows: number;
}

/** Tagger windows allowed per document by default. */
export const TAGGER_WINDOWS_PER_DOCUMENT = 16;

/**
 * Finds names in one sentence. `covered` are spans the lexicon already explains (mentions and demonyms);
 * names overlapping them are not proposed. Returns [] quickly when no capitalised token needs explaining.
 * Words are first looked up in compromise's lexicon; its tagger runs only on small windows around runs
 * of 2–4 capitalised words that no rule decided, at most `budget.windows` times per document.
 */
export function findNames(
  text: string,
  covered: readonly { start: number; end: number }[],
  lexicon: CompiledLexicon,
  budget: TaggerBudget = { windows: TAGGER_WINDOWS_PER_DOCUMENT },
  places: readonly { start: number; end: number }[] = [],
  people: readonly { start: number; end: number }[] = [],
  bodies: readonly { start: number; end: number }[] = [],
): NerCandidate[] {
  const runs = candidateRuns(text, covered, places, people, bodies);
  if (runs.length === 0) return [];
  const context: { coveredByEnd: ReadonlyMap<number, number>; places: readonly { start: number; end: number }[]; people: readonly { start: number; end: number }[]; bodies: readonly { start: number; end: number }[] } = {
    coveredByEnd: new Map(covered.map((span) => [span.end, span.start])),
    places,
    people,
    bodies,
  };
  const candidates: NerCandidate[] = [];
  const add = (candidate: NerCandidate): void => {
    if (!candidates.some((known) => known.start < candidate.end && candidate.start < known.end)) candidates.push(candidate);
  };
  // First pass: words looked up in compromise's lexicon decide most runs without running its tagger.
  const undecided: { start: number; end: number }[] = [];
  const seen = new Set<number>();
  let pending = runs;
  // Places found extend lists of places ("Cauca, Nariño and Antioquia"): look again, a few rounds at most.
  for (let round = 0; round < 3 && pending.length > 0; round += 1) {
    for (const run of pending) {
      seen.add(run.start);
      const decision = classifyRun(lexicalTerms(text, run, lexicon), text, lexicon, context, false);
      if (decision === 'undecided') {
        if (!undecided.some((known) => known.start === run.start)) undecided.push(run);
      } else if (decision) {
        add(decision);
        const index = undecided.findIndex((known) => known.start === run.start);
        if (index >= 0) undecided.splice(index, 1);
      }
    }
    const places = [...context.places, ...candidates.filter((candidate) => candidate.type === 'place')];
    if (places.length === context.places.length) break;
    context.places = places;
    // A run passed over before is read again once a place found next to it puts it in a list ("the Mugunga and
    // Lushagala displacement sites", where only the second is known to be a place by the noun after it).
    pending = candidateRuns(text, covered, places, people, bodies).filter(
      (run) => !seen.has(run.start) || (inPlaceList(text, run, places) && !candidates.some((known) => known.start < run.end && run.start < known.end)),
    );
  }
  // A run of two to four capitalised words listed with a person's name is a person too ("Peter van Walsum,
  // then Christopher Ross, then Horst Köhler"); each one found extends the list.
  for (let changed = true; changed; ) {
    changed = false;
    const knownPeople = [...context.people, ...candidates.filter((candidate) => candidate.type === 'person')];
    for (const run of [...undecided]) {
      const words = text.slice(run.start, run.end).split(/\s+/);
      if (words.length < 2 || words.length > 4 || !words.every(isCapitalised) || MISSION_NOUNS.has((words[words.length - 1] ?? '').toLowerCase()) || !inPersonList(text, run, knownPeople)) continue;
      if (headTypeOf(words.map((word) => word.toLowerCase()), words.length) !== undefined) continue;
      add({ type: 'person', start: run.start, end: run.end, name: text.slice(run.start, run.end).replace(/['’]s$/, '') });
      undecided.splice(undecided.indexOf(run), 1);
      changed = true;
    }
  }
  if (undecided.length === 0 || budget.windows <= 0) return candidates.sort((a, b) => a.start - b.start);
  // Second pass: the tagger, on small windows around the runs left, for the tags context gives.
  const guarded = guardText(text);
  for (const window of windows(guarded, undecided)) {
    if (budget.windows <= 0) break;
    budget.windows -= 1;
    const terms = tagWindow(guarded.slice(window.start, window.end), window.start, lexicon);
    for (const run of capitalisedRuns(terms, text, covered)) {
      if (!undecided.some((span) => span.start < run[run.length - 1]!.end && run[0]!.start < span.end)) continue;
      const decision = classifyRun(run, text, lexicon, context, true);
      if (decision && decision !== 'undecided') add(decision);
    }
  }
  return candidates.sort((a, b) => a.start - b.start);
}

const tagCache = new Map<string, ReadonlySet<string>>();

/**
 * Tags of a word in compromise's lexicon (with their parent tags), or in `lexicon`'s names when given (a
 * lexicon name takes its lexicon tag, as compromise reads a word it was taught); capitalised unknown words are
 * proper nouns. compromise's model is only read.
 */
export function lexicalTags(word: string, lexicon?: CompiledLexicon): ReadonlySet<string> {
  const key = word.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '');
  const tagging = lexicon === undefined ? undefined : taggingOf(lexicon);
  const cache = tagging?.cache ?? tagCache;
  const cached = cache.get(key);
  if (cached) return cached;
  const model = (nlp as unknown as { model(): CompromiseModel }).model();
  const tags = new Set<string>();
  // "Sérgio" is in compromise's lexicon as "sergio": look words up with and without their diacritics.
  const folded = foldText(key);
  const parts = [key, ...(key.includes('-') ? key.split('-') : [])];
  for (const part of folded === key ? parts : [...parts, ...parts.map(foldText)]) {
    const found = tagging?.words.get(part) ?? model.one.lexicon[part];
    for (const tag of found === undefined ? [] : Array.isArray(found) ? found : [found]) {
      tags.add(tag);
      for (const parent of model.one.tagSet[tag]?.parents ?? []) tags.add(parent);
    }
  }
  if (tags.size === 0 && /^\p{Lu}/u.test(word)) tags.add('ProperNoun');
  if (cache.size < 50_000) cache.set(key, tags);
  return tags;
}

/** compromise's own lexicon as shipped (nothing is added to it): what English says of a word. */
const SHIPPED_LEXICON: Readonly<Record<string, string | string[] | undefined>> = { ...(nlp as unknown as { model(): CompromiseModel }).model().one.lexicon };

/** Tags of names, not words: a form compromise ships with only these is a proper name ("mali", "jordan"). */
const NAME_TAGS = new Set(['ProperNoun', 'Place', 'Country', 'City', 'Region', 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Organization']);

/**
 * True when compromise's shipped lexicon knows a lower-case word as an ordinary English word ("civic",
 * "nice", "turkey" aside: a country first). Independent of any lexicon, so the same in every run.
 */
export function isEnglishWord(word: string): boolean {
  const found = SHIPPED_LEXICON[word.toLowerCase()];
  if (found === undefined) return false;
  const model = (nlp as unknown as { model(): CompromiseModel }).model();
  const tags = new Set<string>();
  for (const tag of Array.isArray(found) ? found : [found]) {
    tags.add(tag);
    for (const parent of model.one.tagSet[tag]?.parents ?? []) tags.add(parent);
  }
  return ![...tags].some((tag) => NAME_TAGS.has(tag));
}

/** True when compromise's shipped lexicon knows a lower-case word as a given name ("chad", "jordan"). */
export function isGivenName(word: string): boolean {
  const found = SHIPPED_LEXICON[word.toLowerCase()];
  if (found === undefined) return false;
  const model = (nlp as unknown as { model(): CompromiseModel }).model();
  for (const tag of Array.isArray(found) ? found : [found]) {
    if (tag === 'FirstName' || tag === 'MaleName' || tag === 'FemaleName') return true;
    if ((model.one.tagSet[tag]?.parents ?? []).includes('FirstName')) return true;
  }
  return false;
}

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[] | undefined>; tagSet: Record<string, { parents?: string[] } | undefined> };
}

/** The words of a candidate run as terms tagged from the lexicon alone. */
function lexicalTerms(text: string, run: { start: number; end: number }, lexicon: CompiledLexicon): TaggedTerm[] {
  const terms: TaggedTerm[] = [];
  const word = /[\p{L}\p{M}\p{N}'’.-]+/gu;
  const slice = text.slice(run.start, run.end);
  for (let match = word.exec(slice); match !== null; match = word.exec(slice)) {
    const start = run.start + match.index;
    terms.push({ text: match[0], start, end: start + match[0].length, tags: lexicalTags(match[0], lexicon), post: ' ' });
  }
  return terms;
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
    // An initial's period does not end the name: "Lester B. Pearson", "E. L. M. Burns".
    const initial = /^\p{Lu}$/u.test(word) && /^\.\s*$/.test(term.post);
    if ((!initial && /[^\s'’-]/.test(term.post.trim().replace(/^['’]s?/, ''))) || term.post.includes('\t')) close();
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



/** The type a run's head noun gives it: the last word (or the first, for "Agreement on ..."). */
export function headTypeOf(lowerWords: readonly string[], count: number): NerType | undefined {
  const first = lowerWords[0] ?? '';
  const last = lowerWords[lowerWords.length - 1] ?? '';
  if (AGREEMENT_HEADS.has(last) || (last === 'understanding' && lowerWords[lowerWords.length - 3] === 'memorandum')) return 'agreement';
  // "Agreement Monitoring Committee": a body named after an agreement is an organisation.
  if (ORGANIZATION_HEADS.has(last) && count >= 2) return 'organization';
  if (count >= 3 && AGREEMENT_HEADS.has(first)) return 'agreement';
  if (EVENT_HEADS.has(last)) return 'event';
  if (ORGANIZATION_HEADS.has(last)) return 'organization';
  if (PLACE_HEADS.has(last)) return 'place';
  return undefined;
}

/** A credit line's name: "Photo: MINUSMA/Sylvain Liechti". */
const PHOTO_CREDIT_BEFORE = /(?:photo|photos|credit|image|picture)\s*(?:credit\s*)?:\s*(?:[\p{L}\p{N}.\- ]{1,30}\/\s*)?$/iu;

/** A word spoken this often in SUBTLEX-US is everyday English ("music", "crowd"), no surname in a caption. */
const CAPTION_ENGLISH_WORD_COUNT = 50;

/** Honorifics a caption in capitals may put before the name ("DR AOIFE BRENNAN"): not part of it. */
const CAPTION_HONORIFICS = new Set(['DR', 'DR.', 'MR', 'MR.', 'MRS', 'MRS.', 'MS', 'MS.', 'PROF', 'PROF.', 'SIR', 'DAME']);

/**
 * A name caption in capitals, as subtitles and documentaries introduce people: "JOSEPH TOKPAH, former combatant:",
 * "[DR AOIFE BRENNAN, military historian]", "[JEAN-PIERRE MUKENDI, former teacher, Lubumbashi]". The role in lower
 * case after the comma is what makes it a person; a bracketed sound cue ("[MUSIC PLAYING]") has none.
 */
function nameCaption(run: readonly TaggedTerm[], text: string): NerCandidate | undefined {
  let from = 0;
  while (from < run.length - 1 && CAPTION_HONORIFICS.has(run[from]?.text ?? '')) from += 1;
  const first = run[from];
  const last = run[run.length - 1];
  if (!first || !last || run.length - from < 2 || run.length - from > 4) return undefined;
  const surface = text.slice(first.start, last.end);
  if (!isAllCaps(surface) || !/^[\p{Lu}' -]+$/u.test(surface)) return undefined;
  const after = text.slice(last.end, last.end + 100);
  const bracketed = /\[\s*(?:(?:DR|MR|MRS|MS|PROF|SIR|DAME)\.?\s+)?$/u.test(text.slice(Math.max(0, first.start - 8), first.start));
  // In brackets, where sound cues are written too ("[CROWD CHEERING, distant]"), one word must be a given name or
  // no everyday English word.
  const bracketedName =
    bracketed &&
    /^,\s+\p{Ll}[\p{L}\p{M}' ,.-]{1,80}\]/u.test(after) &&
    run.slice(from).some((term) => isGivenName(term.text) || term.text.split('-').some((part) => !isCommonWord(part.toLowerCase(), CAPTION_ENGLISH_WORD_COUNT)));
  if (!/^,\s+\p{Ll}[\p{L}\p{M}' -]{1,60}:/u.test(after) && !bracketedName) return undefined;
  const name = surface.toLowerCase().replace(/(^|[\s\-'])(\p{Ll})/gu, (_whole, separator: string, letter: string) => separator + letter.toUpperCase());
  return { type: 'person', start: first.start, end: last.end, name };
}

/**
 * A role and a comma before a name set off by commas: "the Special Representative, Mahamat Saleh Annadif, said";
 * not a list of domains after a role ("Director for United Nations, International Organizations, Human Rights").
 */
const ROLE_BEFORE_COMMA =
  /(?:^|[^\p{L}])(?:head|chief|director|representative|envoy|commander|coordinator|spokesperson|spokesman|spokeswoman|minister|president|ambassador|adviser|advisor|leader|secretary-general|under-secretary-general|chair|chairperson|founder|prosecutor|judge|mediator|rapporteur|commissioner|administrator|governor|mayor)(?:\s+(?:of|for|to)\s+[^,;.:!?]{1,60}(?:,\s+[^,;.:!?]{1,30}\s+and\s+[^,;.:!?]{1,30})?)?(?:\s*\([^()]{1,20}\))?\s*,\s*$/iu;

/** A title or honorific just before a run ("Lieutenant General Aroldo Lázaro", "Ms. Ngozi Adeyemi"). */
function titledBefore(text: string, start: number): boolean {
  const titleBefore = /([\p{L}-]+)\.?\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  return titleBefore !== undefined && isCapitalised(titleBefore) && HONORIFICS.has(titleBefore.toLowerCase());
}

/**
 * The person named after a title that joins a body's head noun (or a qualifier) to a role: "Police Chief
 * Frantz Elbé", "Army Chief of Staff" is no person (no name after it). The role is the last title word, at
 * least one word stands before it, every word before it is a head noun or a role word, and two to four
 * capitalised words that are no heads or roles follow.
 */
function nameAfterCompoundTitle(terms: readonly TaggedTerm[], text: string): NerCandidate | undefined {
  const lower = terms.map((term) => term.text.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, ''));
  let role = -1;
  for (let index = 1; index < lower.length; index += 1) if (HONORIFICS.has(lower[index] ?? '')) role = index;
  if (role < 1) return undefined;
  const title = lower.slice(0, role);
  const person = terms.slice(role + 1);
  const personFirst = person[0];
  const personLast = person[person.length - 1];
  if (!personFirst || !personLast || person.length < 2 || person.length > 4) return undefined;
  if (!title.every((word) => ORGANIZATION_HEADS.has(word) || ROLE_WORDS.has(word))) return undefined;
  if (!person.every((term) => isCapitalised(term.text) && !ROLE_WORDS.has(term.text.toLowerCase()) && !ORGANIZATION_HEADS.has(term.text.toLowerCase()) && isNameWord(term.text))) return undefined;
  if (headTypeOf(person.map((term) => term.text.toLowerCase()), person.length) !== undefined) return undefined;
  return { type: 'person', start: personFirst.start, end: personLast.end, name: text.slice(personFirst.start, personLast.end).replace(/['’]s$/, '') };
}

/**
 * A body whose name ends in a place: "Observer Group Golan" (UNTSO's observers on the Golan), "Task Force
 * Kivu". When a run ending in an organisation head is followed by a place mention that ends the capitalised
 * words, the place is the end of the body's name.
 */
function withPlaceAfter(candidate: NerCandidate, lastWord: string, text: string, context: NameContext): NerCandidate {
  if (!ORGANIZATION_HEADS.has(lastWord) || text[candidate.end] !== ' ') return candidate;
  const place = context.places.find((span) => span.start === candidate.end + 1);
  if (!place || /^\s+\p{Lu}/u.test(text.slice(place.end, place.end + 3)) || /^['’]s/u.test(text.slice(place.end))) return candidate;
  return { ...candidate, end: place.end, name: text.slice(candidate.start, place.end) };
}

/** How common (Zipf) a capitalised word must be to read as an English word, not a place, inside a title. */
const TITLE_WORD_ZIPF = 3.9;

/**
 * One everyday word after a preposition that itself follows a capitalised word is a title's word, not a place:
 * "Partnership in Peace and Security", "Women in Development" ("fighting in Sake" stays a place).
 */
function commonWordInsideTitle(words: readonly string[], before: string): boolean {
  if (words.length !== 1) return false;
  if (!/(?:^|[^\p{L}])\p{Lu}[\p{Ll}\p{M}'’-]+\s+(?:in|at|for|from|of|through|towards?)\s+$/u.test(before)) return false;
  return zipfFrequency((words[0] ?? '').toLowerCase()) >= TITLE_WORD_ZIPF;
}

/**
 * "Belisario Betancur from Colombia, Reinaldo Figueredo from Venezuela": a two-to-four-word name of rare words
 * (or given names) followed by "from" and a country or place is a person introduced by nationality or home.
 */
function fromCountryAfter(words: readonly string[], lowerWords: readonly string[], after: string, end: number, context: NameContext): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const from = /^\s+from\s+(?:the\s+)?/u.exec(after);
  if (!from || !context.places.some((place) => place.start === end + from[0].length)) return false;
  return lowerWords.every((word, index) => isGivenName(words[index] ?? '') || isRareWord(word));
}

/** Decides whether a run is a person, place or organisation, or junk. */
function classifyRun(
  run: readonly TaggedTerm[],
  text: string,
  lexicon: CompiledLexicon,
  context: NameContext,
  final: boolean,
): NerCandidate | 'undecided' | undefined {
  const caption = nameCaption(run, text);
  if (caption) return caption;
  const { terms, titled } = stripTitles(run);
  const first = terms[0];
  const last = terms[terms.length - 1];
  if (!first || !last) return undefined;
  // A title made of a body's head and a role, then a name: "(Haiti) Police Chief Frantz Elbé", "Army Chief
  // Taoreed Lagbaja", "Interior Minister X". The name after the role is the person.
  const titledName = nameAfterCompoundTitle(terms, text);
  if (titledName) return titledName;
  // A list item that is a name and an affiliation ("• Comfort Tarpeh – Liberia Peacebuilding Network"): the name is
  // a person's, even when its first word is also an English verb.
  if (terms.length >= 2 && terms.length <= 3 && LIST_ITEM_BEFORE.test(text.slice(0, first.start)) && AFFILIATION_AFTER.test(text.slice(last.end, last.end + 4))) {
    const listed = terms.map((term) => term.text);
    if (listed.every((word) => /^\p{Lu}\p{Ll}/u.test(word) && !ORGANIZATION_HEADS.has(word.toLowerCase()) && !PLACE_HEADS.has(word.toLowerCase())) && listed.some((word) => isRareWord(word))) {
      return { type: 'person', start: first.start, end: last.end, name: text.slice(first.start, last.end) };
    }
  }
  const start = first.start;
  let end = last.end;
  const name = text.slice(start, end).replace(/['’]s$/, '');
  end = start + name.length;
  const words = terms.map((term) => term.text.replace(/['’]s$/, ''));
  const lowerWords = words.map((word) => word.toLowerCase().replace(/\.$/, ''));
  // Junk: headline capitals, initials alone ("P. F." of a reference list), dates, verbs, role titles, lexicon names, demonyms.
  if (words.some(isAllCaps) || words.every((word) => /^\p{Lu}\.?$/u.test(word))) return undefined;
  if (lowerWords.some((word) => NEVER_NAMES.has(word) && !NAME_CONNECTORS.has(word))) return undefined;
  if (lowerWords.every((word) => ROLE_WORDS.has(word) || NAME_CONNECTORS.has(word))) return undefined;
  // A verb, adverb, pronoun or date at either end makes a fragment ("Says Council"); adjectives may sit inside.
  const lastIsHead = headTypeOf([last.text.toLowerCase()], 1) !== undefined || /\bMemorandum of Understanding$/u.test(text.slice(first.start, last.end));
  // A lone head noun right after a lexicon name is the end of that name ("Berlin Process", "Annan Plan"), not a verb.
  const headAfterName = terms.length === 1 && (lastIsHead || last.text === 'Process') && /^\s$/.test(text.slice(first.start - 1, first.start)) && context.coveredByEnd.has(first.start - 1);
  // "Mount Hermon", "Camp Faouar", "Storm Daniel": a place's or storm's first word is no verb there.
  const namedByFirstWord = terms.length >= 2 && terms.length <= 3 && (PLACE_FIRST_WORDS.has(first.text.toLowerCase()) || EVENT_FIRST_WORDS.has(first.text.toLowerCase()));
  const junkAtEdge = !headAfterName && (lastIsHead && terms.length > 1 ? [first] : namedByFirstWord ? [last] : [first, last]).some(
    (term) => ['Verb', 'Adverb', 'Pronoun', 'Date', 'Month', 'WeekDay', 'Value', 'Language'].some((tag) => term.tags.has(tag)) && !term.tags.has('Person') && !term.tags.has('Place'),
  );
  if (junkAtEdge || (terms.length === 1 && first.tags.has('Adjective'))) return undefined;
  const key = matchKey(name);
  if (lexicon.surfaceKeys.has(key) || lexicon.demonymKeys.has(key)) return undefined;
  if (!/^[\p{L}\p{M}'’.\- ]+$/u.test(name) || name.length < 3 || name.length > 80) return undefined;
  const runStartsSentence = /^[^\p{L}\p{N}]*$/u.test(text.slice(0, run[0]?.start ?? 0));
  const lastWord = lowerWords[lowerWords.length - 1] ?? '';
  const after = text.slice(end, end + 60);
  const before = text.slice(Math.max(0, start - LOCATIVE_REACH), start);
  const hasRoleWord = lowerWords.some((word, index) => index > 0 && HONORIFICS.has(word));

  if (words.length >= 2) {
    const variant = lexiconVariant(name, lexicon);
    const entry = variant === undefined ? undefined : lexicon.get(variant);
    if (entry && (entry.type === 'organization' || entry.type === 'place' || entry.type === 'person')) {
      return { type: entry.type, start, end, name, entityId: entry.id };
    }
  }
  // A run right after a lexicon name: with a head noun the two make one name ("Timbuktu Super Camp",
  // "Liberia National Police", "Ankara Declaration"); without one it only describes the lexicon entity.
  const wordBefore = /(\p{Lu}[\p{L}\p{M}'’-]+)\s$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const coveredBeforeStart = /^\s$/.test(text.slice(start - 1, start)) ? context.coveredByEnd.get(start - 1) : undefined;
  const followsDemonym =
    (wordBefore !== undefined && lexicon.demonymKeys.has(matchKey(wordBefore))) ||
    (coveredBeforeStart !== undefined && lexicon.demonymKeys.has(matchKey(text.slice(coveredBeforeStart, start - 1))));
  const lexiconStart = /^\s$/.test(text.slice(start - 1, start)) ? context.places.find((place) => place.end === start - 1)?.start : undefined;
  const followsLexiconName = /^\s$/.test(text.slice(start - 1, start)) && context.coveredByEnd.has(start - 1);
  const headType = headTypeOf(lowerWords, words.length);
  // "Process" after a place names a diplomatic track ("the Berlin Process"); alone it is the domain's word.
  // A body's head and its complement after a place name it too: "Ethiopia Ministry of Foreign Affairs".
  const placeHeadType =
    headType ??
    (lowerWords.length === 1 && lowerWords[0] === 'process' ? 'event' : undefined) ??
    (lowerWords.length >= 3 && ORGANIZATION_HEADS.has(lowerWords[0] ?? '') && ['of', 'for', 'on'].includes(lowerWords[1] ?? '') ? 'organization' : undefined);
  // "the Kinshasa Government", "the Mali Government": a description of the government seated there, not a longer name.
  const describesGovernment = lowerWords.length === 1 && lowerWords[0] === 'government';
  if (!followsDemonym && lexiconStart !== undefined && placeHeadType !== undefined && !hasRoleWord && !describesGovernment) {
    // A lexicon form with its article ("the Sudan") lends the name its words, not the article: "the Sudan
    // Revolutionary Front" is the Sudan Revolutionary Front.
    let nameStart = lexiconStart + (/^the\s+/u.exec(text.slice(lexiconStart, start))?.[0].length ?? 0);
    // Places joined by a dash share the name: "the Belgrade–Pristina Dialogue", "Ethiopia-Eritrea Boundary Commission".
    for (let joined = context.places.find((place) => place.end === nameStart - 1 && /[–—-]/u.test(text[nameStart - 1] ?? '')); joined; ) {
      nameStart = joined.start;
      joined = context.places.find((place) => place.end === nameStart - 1 && /[–—-]/u.test(text[nameStart - 1] ?? ''));
    }
    return { type: placeHeadType, start: nameStart, end, name: text.slice(nameStart, end) };
  }
  // A plan or agreement named after a person the document names: "the Annan Plan", "the Baker Plan".
  const personBefore = /^\s$/.test(text.slice(start - 1, start)) ? context.people?.find((person) => person.end === start - 1) : undefined;
  if (personBefore && words.length === 1 && (headType === 'agreement' || headType === 'event')) {
    return { type: headType, start: personBefore.start, end, name: text.slice(personBefore.start, end) };
  }
  // A rare word after a place named after a locative preposition extends that place's name: "in San Francisco
  // Gotera" is a town of its own, not San Francisco.
  if (lexiconStart !== undefined && words.length === 1 && placeHeadType === undefined && !hasRoleWord && !first.tags.has('FirstName') && !first.tags.has('Person')) {
    const placeBefore = text.slice(Math.max(0, lexiconStart - LOCATIVE_REACH), lexiconStart);
    if (LOCATIVE_BEFORE.test(placeBefore) && isRareWord(lowerWords[0] ?? '') && !/^\s+\p{Lu}/u.test(after) && /^[\p{L}\p{M}'’-]+$/u.test(name)) {
      return { type: 'place', start: lexiconStart, end, name: text.slice(lexiconStart, end) };
    }
  }
  // An organ of a body the lexicon names, written after it: "the ECOWAS Commission", "the SADC Secretariat".
  const bodyBefore = /^\s$/.test(text.slice(start - 1, start)) ? context.bodies?.find((body) => body.end === start - 1) : undefined;
  if (bodyBefore && !hasRoleWord && words.length <= 3 && ORGAN_HEADS.has(lastWord) && /^[^\p{L}\p{N}]*(?:$|[^\s\p{L}]|\s+\p{Ll})/u.test(after)) {
    return { type: 'organization', start: bodyBefore.start, end, name: text.slice(bodyBefore.start, end) };
  }
  if (!followsDemonym && followsLexiconName) return undefined;
  if ((headType === 'agreement' || headType === 'event') && words.length >= 2 && !hasRoleWord) return { type: headType, start, end, name };
  // An organisation head inside the run, followed by its complement: "Transitional Government of National Unity".
  const innerHead = lowerWords.some((word, index) => index > 0 && ORGANIZATION_HEADS.has(word) && ['of', 'for', 'on'].includes(lowerWords[index + 1] ?? ''));
  if (ORGANIZATION_HEADS.has(lowerWords[0] ?? '') || ORGANIZATION_HEADS.has(lastWord) || (innerHead && !isRoleWord(words[0] ?? ''))) {
    // "Government of President Touadera" describes a government by its leader: not a name, but a full name
    // after the title is the leader ("the Government of President Félix Tshisekedi").
    if (hasRoleWord) {
      const titleIndex = lowerWords.findLastIndex((word) => HONORIFICS.has(word));
      const person = terms.slice(titleIndex + 1);
      const personFirst = person[0];
      const personLast = person[person.length - 1];
      if (!personFirst || !personLast || person.length < 2 || person.length > 4 || !person.every((term) => isCapitalised(term.text))) return undefined;
      return { type: 'person', start: personFirst.start, end: personLast.end, name: text.slice(personFirst.start, personLast.end).replace(/['’]s$/, '') };
    }
    // A demonym right before an organisation belongs to its name ("Malian Armed Forces").
    const demonym = /(\p{Lu}[\p{L}\p{M}'’-]+)\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
    if (demonym && lexicon.demonymKeys.has(matchKey(demonym[1] ?? ''))) {
      const withDemonym = start - demonym[0].length;
      return { type: 'organization', start: withDemonym, end, name: text.slice(withDemonym, end) };
    }
    // A demonym of several words ("South African National Defence Force").
    if (followsDemonym && coveredBeforeStart !== undefined) {
      return { type: 'organization', start: coveredBeforeStart, end, name: text.slice(coveredBeforeStart, end) };
    }
    if (words.length >= 2) return withPlaceAfter({ type: 'organization', start, end, name }, lastWord, text, context);
    return undefined;
  }
  if (PLACE_HEADS.has(lastWord) && words.length >= 2) return { type: 'place', start, end, name };
  if (words.length >= 2 && words.length <= 3 && PLACE_FIRST_WORDS.has(lowerWords[0] ?? '') && !titled) return { type: 'place', start, end, name };
  // A lower-case place noun after the run: "Abu Shouk camp", "the Kutum district".
  // Not after a demonym, which makes the run a people's or a faith's ("Serbian Orthodox sites").
  if (PLACE_NOUN_AFTER.test(after) && !followsDemonym && !hasRoleWord && !titled && !titledBefore(text, start) && words.length <= 3) return { type: 'place', start, end, name };
  // A lower-case group noun after the run: "the Azande Ani Kpi Gbe militia", "the Twa rebels".
  if ((words.length >= 2 ? GROUP_NOUN_AFTER : GROUP_NOUN_AFTER_ONE_WORD).test(after) && !hasRoleWord && !titledBefore(text, start) && !first.tags.has('FirstName')) return { type: 'organization', start, end, name };
  // Named storms: "Storm Daniel", "Cyclone Idai".
  if (EVENT_FIRST_WORDS.has(lowerWords[0] ?? '') && words.length >= 2 && words.length <= 3 && !titled) return { type: 'event', start, end, name };
  // A lower-case meeting noun after a run that is no known place: "the Crans-Montana conference".
  const eventNoun = EVENT_NOUN_AFTER.exec(after);
  if (eventNoun && !hasRoleWord && !hasTag(terms, 'Person', 'Place', 'City', 'Country', 'Organization')) {
    const eventEnd = end + eventNoun[0].length;
    return { type: 'event', start, end: eventEnd, name: text.slice(start, eventEnd) };
  }
  // "the Special Representative, Alioune Blondin Beye of Mali, said": the country after "of" is the person's.
  const ofPlace = /^\s+of\s+/u.exec(after);
  const placeAfter = ofPlace ? context.places.find((place) => place.start === end + ofPlace[0].length) : undefined;
  const afterNationality = placeAfter ? text.slice(placeAfter.end, placeAfter.end + 60) : after;
  const personTagged = terms.every((term) => term.tags.has('Person') || term.tags.has('ProperNoun')) && hasTag(terms, 'FirstName', 'LastName', 'MaleName', 'FemaleName');
  // A title or honorific just before the run ("Lieutenant General Aroldo Lázaro", "Ms. Ngozi Adeyemi"):
  // the run is the person it introduces, whether or not the tagger knows the first name.
  // A particle only people's names carry, between capitalised words: "Peter van Walsum", "Mohamed Lemine ould Bah".
  const personParticle = lowerWords.some((word, index) => index > 0 && index < lowerWords.length - 1 && PERSON_ONLY_PARTICLES.has(word));
  const personSignal =
    personTagged ||
    (LIST_ITEM_BEFORE.test(text.slice(0, start)) && AFFILIATION_OR_LINE_END.test(after) && words.length <= 4 && lowerWords.every((word) => !ORGANIZATION_HEADS.has(word) && !PLACE_HEADS.has(word))) ||
    affiliatedWithBody(words, after) ||
    personParticle ||
    titled ||
    titledBefore(text, start) ||
    PHOTO_CREDIT_BEFORE.test(text.slice(Math.max(0, start - 60), start)) ||
    fromCountryAfter(words, lowerWords, after, end, context) ||
    PERSON_APPOSITION.test(after) ||
    (ROLE_BEFORE_COMMA.test(text.slice(Math.max(0, start - 120), start)) && /^\s*(?:,|[.!?;]?["”’]?\s*$)/u.test(afterNationality) && !/^\s*,\s*\p{Lu}[\p{L}\p{M}'’\- ]{0,40}(?:,|\s+and\s)/u.test(afterNationality)) ||
    PERSON_VERB_AFTER.test(after) ||
    (OCCUPATION_BEFORE.test(text.slice(Math.max(0, start - 30), start)) && words.length <= 3) ||
    (first.tags.has('FirstName') && words.length >= 2);
  // A run ending in a mission's or a force's noun names a body, whatever title comes before it ("the head of the Verification Mission, X").
  const bodyNoun = MISSION_NOUNS.has(lastWord) || headTypeOf([lastWord], 1) !== undefined;
  if (personSignal && !bodyNoun && words.length >= 2 && words.length <= 5 && words.every((word, index) => isCapitalised(word) || (index > 0 && PERSON_CONNECTORS.has(word.toLowerCase())))) {
    return { type: 'person', start, end, name };
  }
  if (terms.every((term) => term.tags.has('Place') || term.tags.has('City') || term.tags.has('Country') || term.tags.has('Region') || NAME_CONNECTORS.has(term.text.toLowerCase()))) {
    if (words.length > 1 || !runStartsSentence) return { type: 'place', start, end, name };
  }
  // "in Chapter VII", "in Resolution 2098", "in Administration": numbered or abstract nouns are not places.
  const numberedOrAbstract = /^\s+(?:\d|[IVXLC]+\b)/.test(after) || /(?:tion|ment|ness|ity|ance|ence|ship|ism|affair)s?$/.test(lastWord);
  const locative =
    (LOCATIVE_BEFORE.test(before) && (words.length > 1 || !/the\s+$/i.test(before)) && !commonWordInsideTitle(words, before)) || inPlaceList(text, { start, end }, context.places);
  if (words.length <= 3 && !numberedOrAbstract && locative && !hasTag(terms, 'Organization', 'Person') && !runStartsSentence) {
    return { type: 'place', start, end, name };
  }
  // Without a decisive signal, a run of several words may still be a name the tagger recognises in context.
  return !final && words.length >= 2 && words.length <= 4 && words.every(isCapitalised) ? 'undecided' : undefined;
}
