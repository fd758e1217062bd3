// extractDocument: reads a document, recognises and resolves its entities, and returns them with
// their mentions, the sentences that carry them, and every same-sentence co-mention as evidence.
import type { CompiledLexicon } from './lexicon/compile.ts';
import type { SurfaceForm } from './lexicon/matcher.ts';
import { defaultLexicon } from './lexicon/default.ts';
import { readDocument } from './readers/read.ts';
import { resolveDescriptiveMissions } from './recognize/descriptive.ts';
import { type WorkingMention, overlapsAny } from './recognize/mention.ts';
import { type NerCandidate, TAGGER_WINDOWS_PER_DOCUMENT, type TaggerBudget, findNames, headTypeOf, isEnglishWord, lexicalTags } from './recognize/ner.ts';
import { isPersonName, joinSurnames } from './recognize/people.ts';
import { foldText, matchKey } from './text/fold.ts';
import { NOT_AFTER_WORD, NOT_BEFORE_WORD, namesPattern } from './text/patterns.ts';
import { slugify } from './text/slug.ts';
import { HONORIFICS, NEVER_NAMES, ORGANIZATION_HEADS, ROLE_WORDS } from './recognize/words.ts';
import { ACRONYM_IN_PARENTHESES, looksLikeAcronym, nameSpelledBy } from './recognize/acronyms.ts';
import { citedAuthors, citedTitles } from './recognize/citations.ts';
import { STOPWORDS } from './topics/stopwords.ts';
import type { LexiconEntry } from './lexicon/schema.ts';
import { collectPhrases, normalizePhrase, phrasePattern } from './topics/candidates.ts';
import type { CoMentionRecord, DocumentExtraction, EntityRecord, EntityType, MentionRecord, SentenceRecord, SourceDocument } from './types.ts';

/** Bump whenever extraction output can change for the same input; part of the CLI's cache key. */
export const EXTRACTOR_VERSION = '1.13.0';

export interface ExtractOptions {
  /** The lexicon to recognise with (default: defaultLexicon()). */
  lexicon?: CompiledLexicon;
  /** Collect topic candidates, and mark the document's best ones as `topic` mentions (default false). */
  topics?: boolean;
  /** Find names the lexicon does not know with compromise (default true). */
  useNer?: boolean;
}

interface DocumentState {
  sentences: readonly SentenceRecord[];
  mentions: Map<number, WorkingMention[]>;
  /** Spans the lexicon explains without a mention (demonyms, unresolved ambiguous forms). */
  blocked: Map<number, { start: number; end: number }[]>;
  labels: Map<string, string>;
  types: Map<string, EntityType>;
}

function addMention(state: DocumentState, mention: WorkingMention): void {
  const list = state.mentions.get(mention.sentence) ?? [];
  list.push(mention);
  state.mentions.set(mention.sentence, list);
}

function coveredSpans(state: DocumentState, sentence: number): { start: number; end: number }[] {
  return [...(state.mentions.get(sentence) ?? []), ...(state.blocked.get(sentence) ?? [])];
}

/** Lexicon pass: unambiguous aliases become mentions; ambiguous forms wait for the whole document. */
interface PendingHit {
  sentence: number;
  start: number;
  end: number;
  surface: string;
  entityIds: string[];
  /** A country-bound name written without its country: when unresolved, NER may still read it. */
  short: boolean;
}

function recogniseLexicon(state: DocumentState, lexicon: CompiledLexicon): PendingHit[] {
  const pending: PendingHit[] = [];
  const texts = state.sentences.map((sentence) => sentence.text);
  const hitsBySentence = lexicon.matcher.scanAll(texts, writtenWithoutCapitals(texts) ? namesReadableInLowerCase : undefined);
  for (const sentence of state.sentences) {
    for (const hit of hitsBySentence[sentence.index] ?? []) {
      const entity = hit.entityIds[0];
      if (hit.kind === 'alias' && entity !== undefined) {
        // A generated gazetteer name inside a longer capitalised name ("Teatro Colón") is part of that name.
        if (isGazetteerEntry(lexicon, entity) && insideLongerName(sentence.text, hit.start, hit.end) && !afterAcronym(sentence.text, hit.start)) continue;
        addMention(state, { entity, sentence: sentence.index, start: hit.start, end: hit.end, surface: hit.surface, how: 'lexicon' });
      } else if (hit.kind === 'ambiguous' || hit.kind === 'short') {
        pending.push({ sentence: sentence.index, start: hit.start, end: hit.end, surface: hit.surface, entityIds: hit.entityIds, short: hit.kind === 'short' });
      } else {
        const blocked = state.blocked.get(sentence.index) ?? [];
        blocked.push({ start: hit.start, end: hit.end });
        state.blocked.set(sentence.index, blocked);
      }
    }
  }
  return pending;
}

/** "in", "at", "near", "from", "to", "around", "outside", "towards", "into", "via", "through" right before a name. */
const PLACE_PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:in|at|near|from|to|around|outside|towards?|into|via|through|across)\s+$/iu;

/** True for the places data/lexicon/gazetteer.json generates from GeoNames and ISO 3166-2 (facts.source says which). */
function isGazetteerEntry(lexicon: CompiledLexicon, id: string): boolean {
  const source = lexicon.get(id)?.facts?.['source'];
  return typeof source === 'string' && (source.startsWith('GeoNames ') || source.startsWith('ISO 3166-2 '));
}

/** True when the word right before `start` is an acronym ("UNMISS Bentiu"): a mission's base, not a longer name. */
function afterAcronym(text: string, start: number): boolean {
  return /(?:^|[^\p{L}])\p{Lu}{2,}\s+$/u.test(text.slice(Math.max(0, start - 20), start));
}

/**
 * True for a document written (nearly) without capitals, such as automatic captions or a lower-case
 * transcript ("so the mission in south sudan, unmiss, ..."): capitals tell nothing there, so lexicon names
 * are also read in lower case. At least 40 words, and under 2% of them capitalised (the pronoun "I" aside).
 */
function writtenWithoutCapitals(texts: readonly string[]): boolean {
  let words = 0;
  let capitalised = 0;
  // The first few thousand words show how a document is written; a long one is not read to the end for this.
  const enough = 4000;
  const word = /\p{L}[\p{L}\p{M}'’]*/gu;
  for (const text of texts) {
    word.lastIndex = 0;
    for (let match = word.exec(text); match !== null && words < enough; match = word.exec(text)) {
      words += 1;
      const first = match[0][0] ?? '';
      if (first !== first.toLowerCase() && !/^I(?:['’]\p{L}+)?$/u.test(match[0])) capitalised += 1;
    }
    if (words >= enough) break;
  }
  return words >= 40 && capitalised < words * 0.02;
}

/**
 * Lexicon forms that still read as a name written in lower case: unambiguous aliases of four letters or more,
 * of several words ("south sudan", "security council"), one word English does not otherwise use ("malakal",
 * "kenya"), or a mission's acronym ("unmiss"); "the mediterranean" and organisations' acronyms ("civic") stay words.
 */
function namesReadableInLowerCase(form: SurfaceForm): boolean {
  if (form.kind !== 'alias' || form.entityId.startsWith('concept:') || form.text.replace(/[^\p{L}]/gu, '').length < 4) return false;
  const words = form.text.trim().replace(/^the\s+/iu, '').split(/\s+/);
  if (words.length > 1) return true;
  const word = words[0] ?? '';
  if (isEnglishWord(word)) return false;
  // Acronyms: only missions' ("unmiss", "monusco"); an organisation's may be a word ("civic", "hippo").
  return word !== word.toUpperCase() || form.entityId.startsWith('mission:');
}

/**
 * What an entry belongs to by its lexicon facts: a mission's hosts, a group's country, an affiliate's or
 * caucus's parent body ("the A3" where the Security Council is spoken of).
 */
function anchorsOf(lexicon: CompiledLexicon, id: string): string[] {
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

/** True when the document names the title of a person's role (facts.role "Secretary-General 2017–" → "Secretary-General"). */
function roleNamedIn(state: DocumentState, lexicon: CompiledLexicon, id: string): boolean {
  const role = lexicon.get(id)?.facts?.role;
  const title = typeof role === 'string' ? role.split(/\s+(?:for|of)\s+|\s+\d/)[0]?.trim() : undefined;
  if (title === undefined || title.length < 4) return false;
  const pattern = new RegExp(`(?<![\\p{L}\\-])${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\-])`, 'u');
  return state.sentences.some((sentence) => pattern.test(sentence.text));
}

/**
 * True when a span sits inside a longer capitalised name: a capitalised word right before it that is no
 * small word ("Rwandan Armed Forces"; not "In Congo"), or "of/in/for" and a capitalised word right after it
 * ("Armed Forces of Liberia").
 */
function insideLongerName(text: string, start: number, end: number): boolean {
  const before = /(\p{L}[\p{L}\p{M}'’-]*)\s+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
  const lower = before?.toLowerCase() ?? '';
  if (before !== undefined && /^\p{Lu}/u.test(before) && !STOPWORDS.has(lower) && !NEVER_NAMES.has(lower)) return true;
  // "of October 2020" dates the name; a month after "of" starts no longer name.
  const after = /^\s+(?:of|in|for)\s+(?:the\s+)?(\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(text.slice(end, end + 40))?.[1];
  return after !== undefined && !NEVER_NAMES.has(after.toLowerCase());
}

/** How often each entity is mentioned so far in the document, and the first sentence that names it. */
function tallyMentions(state: DocumentState): { counts: Map<string, number>; firstSentence: Map<string, number> } {
  const counts = new Map<string, number>();
  const firstSentence = new Map<string, number>();
  for (const [sentence, list] of state.mentions) {
    for (const mention of list) {
      counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
      if (sentence < (firstSentence.get(mention.entity) ?? Infinity)) firstSentence.set(mention.entity, sentence);
    }
  }
  return { counts, firstSentence };
}

/**
 * An ambiguous form names an entity only when exactly one of its entities is named unambiguously in the
 * document, or, when several are, exactly one has its capital (facts.capital) named in the same sentence,
 * or, when none is, exactly one is anchored (host country, country) to a country or place the document names.
 */
function resolveAmbiguous(state: DocumentState, pending: readonly PendingHit[], lexicon: CompiledLexicon): void {
  const { counts: named, firstSentence: firstNamed } = tallyMentions(state);
  const mainCountry = documentCountry(named, lexicon);
  for (const hit of pending) {
    // A short or ambiguous form inside a longer capitalised name ("Transitional Presidential Council") is
    // part of that name: it names nothing here, and NER may read the whole name.
    if (insideLongerName(state.sentences[hit.sentence]?.text ?? '', hit.start, hit.end)) continue;
    // A gazetteer place whose name is also an English word ("Man", "Split", "Tyre") needs a preposition of place
    // before it ("in Man", "from Split"), besides its country named in the document.
    const sentenceText = state.sentences[hit.sentence]?.text ?? '';
    const candidates = hit.entityIds.filter((id) => lexicon.get(id)?.facts?.['ambiguity'] !== 'english word' || PLACE_PREPOSITION_BEFORE.test(sentenceText.slice(Math.max(0, hit.start - 12), hit.start)));
    if (candidates.length === 0) {
      const blocked = state.blocked.get(hit.sentence) ?? [];
      blocked.push({ start: hit.start, end: hit.end });
      state.blocked.set(hit.sentence, blocked);
      continue;
    }
    // A country-bound short form ("Defence Forces") refers back to a body named in full before it, not to one
    // the document only names later (Ireland's "Defence Forces" in a subject line, the Israel Defense Forces further on).
    let resolved = candidates.filter((id) => named.has(id) && (!hit.short || (firstNamed.get(id) ?? Infinity) <= hit.sentence));
    if (resolved.length > 1) {
      // Several candidates named: the one whose capital the same sentence names ("the Congo ... Brazzaville").
      const inSentence = new Set((state.mentions.get(hit.sentence) ?? []).map((mention) => mention.entity));
      const byCapital = resolved.filter((id) => {
        const capital = lexicon.get(id)?.facts?.['capital'];
        return typeof capital === 'string' && inSentence.has(capital);
      });
      if (byCapital.length === 1) resolved = byCapital;
    }
    if (resolved.length === 0 && hit.short) {
      // A country-bound name written without its country ("Armed Forces", "National Elections Commission",
      // "Liberation Army") is generic: it names the body of the country the document is about, and only
      // where one country clearly is (a passing mention of Liberia in a text on Mali is not enough).
      resolved = mainCountry === undefined ? [] : candidates.filter((id) => anchorsOf(lexicon, id).includes(mainCountry));
    } else if (resolved.length === 0) {
      // None named: the one candidate anchored to a country or place the document names ("the MSS" in a
      // text about Haiti; "UPC" in a text about the Central African Republic); for a person's surname, the
      // one whose role the document names ("Guterres" where the Secretary-General is spoken of).
      resolved = candidates.filter((id) =>
        lexicon.get(id)?.type === 'person' ? roleNamedIn(state, lexicon, id) : anchorsOf(lexicon, id).some((anchor) => named.has(anchor)),
      );
      // Several anchored: the one whose country the document is about, named at least twice as often as
      // any other candidate's ("UPC" in a text on the Central African Republic that names the DRC once).
      if (resolved.length > 1) {
        const weight = (id: string): number => Math.max(0, ...anchorsOf(lexicon, id).map((anchor) => named.get(anchor) ?? 0));
        const ranked = resolved.map((id) => ({ id, weight: weight(id) })).sort((a, b) => b.weight - a.weight);
        const [top, next] = ranked;
        if (top && next && top.weight >= 2 && top.weight >= 2 * next.weight) resolved = [top.id];
      }
    }
    const entity = resolved[0];
    if (resolved.length === 1 && entity !== undefined) {
      addMention(state, { entity, sentence: hit.sentence, start: hit.start, end: hit.end, surface: hit.surface, how: 'ambiguous' });
    } else if (!hit.short) {
      const blocked = state.blocked.get(hit.sentence) ?? [];
      blocked.push({ start: hit.start, end: hit.end });
      state.blocked.set(hit.sentence, blocked);
    }
  }
}

/**
 * The country a document is about: the country it names most, counting its own mentions and those of the
 * missions, places and bodies anchored to it (UNFICYP and Nicosia speak of Cyprus), at least twice as often
 * as any other country; undefined when no country stands out.
 */
function documentCountry(named: ReadonlyMap<string, number>, lexicon: CompiledLexicon): string | undefined {
  const weights = new Map<string, number>();
  for (const [id, count] of named) {
    for (const country of new Set([id, ...anchorsOf(lexicon, id)])) {
      if (country.startsWith('country:')) weights.set(country, (weights.get(country) ?? 0) + count);
    }
  }
  const ranked = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [top, next] = ranked;
  if (!top || (next !== undefined && top[1] < 2 * next[1])) return undefined;
  return top[0];
}

const RESOLUTION_YEAR = String.raw`(?:\s*\((?:19|20)\d{2}\))?`;
/** One resolution: "Security Council resolution 2284 (2016)", "Resolution No. 2719", "UNSCR 1325", "S/RES/2692 (2023)". */
const RESOLUTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}/])(?:(?:(?:(?:UN|U\.N\.|United Nations)\s+)?(?:Security Council|UNSC)\s+)?[Rr]esolution\s+(?:(?:[Nn]o\.|[Nn]umber)\s*)?|(?:UNSCR|SCR)\s*|S\/RES\/)(\d{3,4})${RESOLUTION_YEAR}(?![\p{L}\p{N}])`,
  'gu',
);
/** Several resolutions after one plural word: "resolutions 1325 (2000), 1820 and 1888" (each number is one). */
const RESOLUTION_LIST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:Security Council|UNSC)\s+)?(?:[Rr]esolutions|UNSCRs)\s+\d{3,4}${RESOLUTION_YEAR}(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)\d{3,4}${RESOLUTION_YEAR})+(?![\p{L}\p{N}])`,
  'gu',
);

/**
 * Security Council resolutions cited by number ("Security Council resolution 2284 (2016)", "resolution
 * 2098", "UNSCR 1325", "resolutions 2719 and 2720") are agreements, `agreement:resolution-<number>`; the
 * Security Council named inside is nested.
 */
function recogniseResolutions(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const sentence of state.sentences) {
    if (!/esolutions?\s+(?:(?:[Nn]o\.|[Nn]umber)\s*)?\d|SCRs?\s*\d|S\/RES\/\d/.test(sentence.text)) continue;
    const found: { start: number; end: number; number: string }[] = [];
    RESOLUTION_LIST.lastIndex = 0;
    for (let match = RESOLUTION_LIST.exec(sentence.text); match !== null; match = RESOLUTION_LIST.exec(sentence.text)) {
      const numbers = [...match[0].matchAll(/(?<!\()\b\d{3,4}\b(?!\))/gu)];
      numbers.forEach((number, i) => {
        const start = i === 0 ? match.index : match.index + (number.index ?? 0);
        found.push({ start, end: match.index + (number.index ?? 0) + number[0].length, number: number[0] });
      });
    }
    RESOLUTION.lastIndex = 0;
    for (let match = RESOLUTION.exec(sentence.text); match !== null; match = RESOLUTION.exec(sentence.text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (!found.some((other) => other.start < end && start < other.end)) found.push({ start, end, number: match[1] ?? '' });
    }
    for (const { start, end, number } of found) {
      const id = `agreement:resolution-${number}`;
      const list = (state.mentions.get(sentence.index) ?? []).filter((mention) => mention.end <= start || mention.start >= end);
      state.mentions.set(sentence.index, list);
      if (!lexicon.get(id)) {
        state.labels.set(id, `Resolution ${number}`);
        state.types.set(id, 'agreement');
      }
      addMention(state, { entity: id, sentence: sentence.index, start, end, surface: sentence.text.slice(start, end), how: 'lexicon' });
    }
  }
}

/**
 * A resolution the document has cited by number is also named by the number alone ("resolution 1325 (2000) …
 * Before 1325, nobody asked"), as the field speaks of 1325 and 2719. Numbers that read as years (1900–2039),
 * amounts ("$1325", "1325 troops") and numbers inside other names stay what they are.
 */
function recogniseBareResolutionNumbers(state: DocumentState): void {
  const numbers = new Set<string>();
  for (const list of state.mentions.values()) {
    for (const mention of list) {
      const number = /^agreement:resolution-(\d{4})$/.exec(mention.entity)?.[1];
      if (number !== undefined && (Number(number) < 1900 || Number(number) > 2039)) numbers.add(number);
    }
  }
  if (numbers.size === 0) return;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}$€£.,/#-])(?<!\\b(?:[Pp]ages?|[Pp]p?\\.|[Nn]o\\.|[Pp]aragraph|[Pp]ara\\.?|[Aa]rticle|[Ss]ection|[Rr]oom|[Ff]light|[Rr]oute)\\s+)(${[...numbers].join('|')})(?=$|[,;:!?)”"’]|\\.(?!\\d)|['’]s\\b|\\s+(?:was|is|has|had|and|or|of|in|on|says|said|calls|called|requires|remains|which|that|to|for|itself|[—–-])(?![\\p{L}]))`,
    'gu',
  );
  for (const sentence of state.sentences) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (overlapsAny(coveredSpans(state, sentence.index), start, end)) continue;
      addMention(state, { entity: `agreement:resolution-${match[0]}`, sentence: sentence.index, start, end, surface: match[0], how: 'lexicon' });
    }
  }
}

/** Descriptive mission phrases replace the country mentions inside them, and swallow mentions they cover. */
function applyDescriptiveMissions(state: DocumentState, lexicon: CompiledLexicon, documentYear: number | undefined): void {
  for (const sentence of state.sentences) {
    const list = state.mentions.get(sentence.index);
    if (!list || !list.some((mention) => lexicon.missionsByHost.has(mention.entity))) continue;
    const resolved = resolveDescriptiveMissions(sentence.text, list, lexicon, documentYear);
    const phrases = resolved.filter((mention) => mention.how === 'descriptive');
    if (phrases.length === 0) continue;
    state.mentions.set(
      sentence.index,
      resolved.filter((mention) => mention.how === 'descriptive' || !overlapsAny(phrases, mention.start, mention.end)),
    );
  }
}

/** Head words after which the name before them is a named meeting's or agreement's place ("Crans-Montana conference"). */
const SHORT_NAME_HEAD = /^((?:\p{Lu}[\p{L}\p{M}'’]*)(?:[ -]\p{Lu}[\p{L}\p{M}'’]*)?)\s+(?:conference|summit|talks|agreement|agreements|accord|accords|declaration|peace agreement|peace accord|peace accords|peace talks|process)\b/iu;

/**
 * The short name of an operation, meeting or agreement the document names in full: "Licorne" for
 * "Operation Licorne", "Crans-Montana" for the "Crans-Montana conference". Only names that are no other
 * lexicon entity (so "Algiers" stays the city) and no common word qualify.
 */
function shortNamesOf(entry: LexiconEntry, lexicon: CompiledLexicon): string[] {
  const shorts = new Set<string>();
  for (const form of [entry.label, ...entry.aliases]) {
    const short = entry.type === 'mission' ? /^Operation\s+(\p{Lu}[\p{L}\p{M}'’-]+)$/u.exec(form)?.[1] : SHORT_NAME_HEAD.exec(form)?.[1];
    if (short === undefined || short.length < 4 || !/^\p{Lu}/u.test(short)) continue;
    const key = matchKey(short);
    if (lexicon.surfaceKeys.has(key) || lexicon.demonymKeys.has(key)) continue;
    if (short.split(/[ -]/).some((word) => NEVER_NAMES.has(word.toLowerCase()) || STOPWORDS.has(word.toLowerCase()))) continue;
    shorts.add(short);
  }
  return [...shorts];
}

/**
 * Short names of operations, meetings and agreements named in full earlier in the document ("the Licorne
 * force", "since Crans-Montana") are mentions of them; a short name two named entities share is left alone.
 */
function recogniseShortNames(state: DocumentState, lexicon: CompiledLexicon): void {
  const firstSentence = new Map<string, number>();
  for (const [sentence, list] of state.mentions) {
    for (const mention of list) {
      if (mention.how === 'lexicon' && sentence < (firstSentence.get(mention.entity) ?? Infinity)) firstSentence.set(mention.entity, sentence);
    }
  }
  const owners = new Map<string, string[]>();
  for (const id of [...firstSentence.keys()].sort()) {
    const entry = lexicon.get(id);
    if (!entry || (entry.type !== 'mission' && entry.type !== 'event' && entry.type !== 'agreement')) continue;
    for (const short of shortNamesOf(entry, lexicon)) owners.set(short, [...(owners.get(short) ?? []), id]);
  }
  const shorts = [...owners].filter(([, ids]) => ids.length === 1);
  if (shorts.length === 0) return;
  const pattern = namesPattern(shorts.map(([short]) => short));
  for (const sentence of state.sentences) {
    const covered = coveredSpans(state, sentence.index);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const entity = owners.get(match[0])?.[0];
      const start = match.index;
      const end = start + match[0].length;
      if (entity === undefined || sentence.index < (firstSentence.get(entity) ?? Infinity) || overlapsAny(covered, start, end)) continue;
      // Part of a longer capitalised name ("Crans-Montana Resort") is not the short name.
      if (/^[\s-]+\p{Lu}/u.test(sentence.text.slice(end, end + 3))) continue;
      const mention: WorkingMention = { entity, sentence: sentence.index, start, end, surface: match[0], how: 'lexicon' };
      addMention(state, mention);
      covered.push(mention);
    }
  }
}

/**
 * Authors of academic citations ("(Fortna 2008; Doyle and Sambanis 2006)", "Diehl (1994)", "Fortna, V. P.
 * (2008)") are people, in a document that cites at least twice (one "Srebrenica (1995)" is no citation).
 * Names the lexicon knows, demonyms and names inside other mentions are left alone. Returns the ids added.
 */
function recogniseCitations(state: DocumentState, lexicon: CompiledLexicon): Map<string, string> {
  const people = new Map<string, string>();
  const bySentence = state.sentences.map((sentence) => citedAuthors(sentence.text));
  if (bySentence.reduce((sum, authors) => sum + authors.length, 0) < 2) return people;
  // Titles of works a note cites ("Orphan of the Cold War", "Angola Unravels") name nothing (rule 3).
  for (const sentence of state.sentences) {
    const titles = citedTitles(sentence.text);
    if (titles.length === 0) continue;
    const list = state.mentions.get(sentence.index);
    if (list) state.mentions.set(sentence.index, list.filter((mention) => !overlapsAny(titles, mention.start, mention.end)));
    state.blocked.set(sentence.index, [...(state.blocked.get(sentence.index) ?? []), ...titles]);
  }
  for (const sentence of state.sentences) {
    const covered = coveredSpans(state, sentence.index);
    const authors = bySentence[sentence.index] ?? [];
    // An author whose name is also a place ("Paris (2004)", Roland Paris) is a person when the same sentence
    // cites an author the lexicon does not know: "See Paris (2004) and Howard (2008)". "Srebrenica (1995)
    // and Rwanda (1994)" cites no one.
    const citesAuthor = authors.some((author) => !lexicon.surfaceKeys.has(matchKey(author.name)) && !overlapsAny(covered, author.start, author.end));
    for (const author of authors) {
      const key = matchKey(author.name);
      const list = state.mentions.get(sentence.index) ?? [];
      const place = citesAuthor && !author.name.includes(' ') ? list.find((mention) => mention.start === author.start && mention.end === author.end && /^(?:place|country):/.test(mention.entity)) : undefined;
      if (place) {
        list.splice(list.indexOf(place), 1);
        const index = covered.findIndex((span) => span.start === place.start && span.end === place.end);
        if (index >= 0) covered.splice(index, 1);
      } else if (overlapsAny(covered, author.start, author.end) || lexicon.surfaceKeys.has(key) || lexicon.demonymKeys.has(key)) continue;
      const id = `person:${slugify(author.name)}`;
      if (!state.labels.has(id)) state.labels.set(id, author.name);
      state.types.set(id, 'person');
      people.set(id, state.labels.get(id) ?? author.name);
      const mention: WorkingMention = { entity: id, sentence: sentence.index, start: author.start, end: author.end, surface: author.name, how: 'ner' };
      addMention(state, mention);
      covered.push(mention);
    }
  }
  return people;
}

const HONORIFIC_SURNAME = /(?<![\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+(\p{Lu}[\p{L}\p{M}'’-]+)/gu;
const HONORIFIC_HINT = /(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s/;

/**
 * A surname the document writes after an honorific ("Ms. Abdelrahman") confirms the full name it writes
 * elsewhere, even when the first name is also a place ("Nyala Abdelrahman", "Georgia Paul"): the place
 * mention gives way to the person. Returns the people found, by id, with their full names.
 */
function recogniseTitledFullNames(state: DocumentState, lexicon: CompiledLexicon): Map<string, string> {
  const people = new Map<string, string>();
  const surnames = new Set<string>();
  for (const sentence of state.sentences) {
    // A plain test first: the Unicode pattern with its look-behind is slow on the many sentences without an honorific.
    if (!HONORIFIC_HINT.test(sentence.text)) continue;
    HONORIFIC_SURNAME.lastIndex = 0;
    for (let match = HONORIFIC_SURNAME.exec(sentence.text); match !== null; match = HONORIFIC_SURNAME.exec(sentence.text)) {
      const surname = (match[1] ?? '').replace(/['’]s$/u, '');
      if (!lexicon.surfaceKeys.has(matchKey(surname)) && !NEVER_NAMES.has(surname.toLowerCase())) surnames.add(surname);
    }
  }
  if (surnames.size === 0) return people;
  // A place or country named by one capitalised word, then one of those surnames: "Nyala Abdelrahman".
  const oneWord = /^\p{Lu}[\p{L}\p{M}'’-]+$/u;
  const nextWord = /\s+(\p{Lu}[\p{L}\p{M}'’-]+)(?![\p{L}\p{M}])/uy;
  const wordBefore = /[\p{L}\p{M}'’.-]/u;
  for (const sentence of state.sentences) {
    const list = state.mentions.get(sentence.index);
    if (!list) continue;
    const text = sentence.text;
    const places = list.filter((mention) => /^(?:place|country):/.test(mention.entity)).sort((a, b) => a.start - b.start);
    for (const place of places) {
      const { start, end: firstEnd } = place;
      if (!oneWord.test(text.slice(start, firstEnd)) || (start > 0 && wordBefore.test(text[start - 1] ?? ''))) continue;
      nextWord.lastIndex = firstEnd;
      const following = nextWord.exec(text);
      if (following === null) continue;
      // "Nyala Abdelrahman's": the possessive is not part of the name.
      const word = following[1] ?? '';
      const surname = surnames.has(word) ? word : word.replace(/['’]s$/u, '');
      if (!surnames.has(surname)) continue;
      const end = firstEnd + following[0].length - (word.length - surname.length);
      if (!list.includes(place) || list.some((mention) => mention !== place && mention.start < end && start < mention.end)) continue;
      const name = text.slice(start, end);
      const id = `person:${slugify(name)}`;
      if (lexicon.get(id)) continue;
      state.labels.set(id, name);
      state.types.set(id, 'person');
      people.set(id, name);
      list.splice(list.indexOf(place), 1, { entity: id, sentence: sentence.index, start, end, surface: name, how: 'ner' });
    }
  }
  return people;
}

/** A speaker label's parts: "Mr. Wood (United States of America)" → honorific, name "Wood", delegation. */
const SPEAKER_LABEL = /^(?:(Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame)\.?\s+)?(.+?)(?:\s+\(([^()]+)\))?$/u;

/**
 * Speakers: lexicon entities when the lexicon knows the name, people when the label reads like a name (an
 * honorific makes a surname alone one: "Mr. Wood"). A delegation in parentheses that the lexicon knows
 * ("(United States of America)") is an entity the document names, in `affiliations` (label → id).
 */
function resolveSpeakers(speakers: readonly string[], lexicon: CompiledLexicon, affiliations: Map<string, string> = new Map()): Map<string, string> {
  const ids = new Map<string, string>();
  for (const speaker of speakers) {
    const known = lexicon.surfaceKeys.get(matchKey(speaker));
    if (known && known.length === 1 && known[0] !== undefined) {
      ids.set(speaker, known[0]);
      continue;
    }
    const [, honorific, name = speaker, delegation] = SPEAKER_LABEL.exec(speaker.trim()) ?? [];
    if (delegation !== undefined) {
      const body = lexicon.surfaceKeys.get(matchKey(delegation));
      if (body?.length === 1 && body[0] !== undefined) affiliations.set(delegation, body[0]);
    }
    const knownName = lexicon.surfaceKeys.get(matchKey(name));
    if (knownName?.length === 1 && knownName[0] !== undefined && (honorific !== undefined || delegation !== undefined)) ids.set(speaker, knownName[0]);
    else if (!known && !knownName && (isPersonName(name) || (honorific !== undefined && /^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(name)))) ids.set(speaker, `person:${slugify(name)}`);
  }
  return ids;
}

const HEADLINE_SMALL_WORDS = new Set(['with', 'from', 'into', 'over', 'near', 'after', 'amid', 'than', 'that', 'this', 'their', 'about', 'upon', 'onto']);

/** A line without final punctuation whose content words are (nearly) all capitalised: a headline in title case. */
function isTitleCaseHeadline(text: string): boolean {
  if (/[.!?:;"”’)]\s*$/.test(text)) return false;
  const words = (text.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? []).filter((word) => !HEADLINE_SMALL_WORDS.has(word.toLowerCase()));
  if (words.length < 5) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= 0.85 && !isOneBodyName(text);
}

/**
 * A line that is one body's name, however long ("Joint Committee on Foreign Affairs and Defence"): capitalised
 * words joined by small words, no verb, with an organisation head that ends it or takes a complement.
 */
function isOneBodyName(text: string): boolean {
  if (!/^(?:The\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:of|on|for|and|the|in)\s+)*\p{Lu}[\p{L}\p{M}'’-]*)*$/u.test(text.trim())) return false;
  const words = text.trim().split(/\s+/).map((word) => word.toLowerCase());
  if (words.some((word) => lexicalTags(word).has('Verb'))) return false;
  return words.some((word, index) => ORGANIZATION_HEADS.has(word) && (index === words.length - 1 || ['of', 'on', 'for'].includes(words[index + 1] ?? '')));
}

/** An honorific right before a name: in a headline or byline line in capitals, the name after it is still a person's. */
const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+$/u;

/**
 * Spans the name finder must not propose names over: mentions and blocked spans, except a demonym inside a
 * longer capitalised name after "of" ("National Council of Timorese Resistance"), which belongs to that name.
 */
function nameFinderCovered(state: DocumentState, sentence: number, lexicon: CompiledLexicon): { start: number; end: number }[] {
  const text = state.sentences[sentence]?.text ?? '';
  const blocked = (state.blocked.get(sentence) ?? []).filter(
    (span) => !(lexicon.demonymKeys.has(matchKey(text.slice(span.start, span.end))) && /\p{Lu}[\p{L}\p{M}'’-]*\s+of\s+$/u.test(text.slice(Math.max(0, span.start - 40), span.start)) && /^\s+\p{Lu}/u.test(text.slice(span.end, span.end + 3))),
  );
  return [...(state.mentions.get(sentence) ?? []), ...blocked];
}

/** A dateline in capitals at the start of a paragraph: "AGOK, 12 November 2024 —", "GOMA, March 3 –". */
const CAPITAL_DATELINE = /^(\p{Lu}[\p{Lu}'’-]+(?:\s+\p{Lu}[\p{Lu}'’-]+){0,2}),\s+(?:\d{1,2}\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+\.?\s+\d{1,2})(?:,?\s+\d{4})?\s*[—–-]\s/u;

/**
 * The place of a dateline written in capitals is a place even where no lexicon knows it ("AGOK, 12 November
 * 2024 — …" is Agok); lexicon places in datelines are matched already.
 */
function recogniseCapitalDatelines(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const sentence of state.sentences) {
    const match = CAPITAL_DATELINE.exec(sentence.text);
    const surface = match?.[1];
    if (surface === undefined || overlapsAny(coveredSpans(state, sentence.index), 0, surface.length)) continue;
    if (lexicon.surfaceKeys.has(matchKey(surface)) || surface.split(/\s+/).some((word) => NEVER_NAMES.has(word.toLowerCase()) || ROLE_WORDS.has(word.toLowerCase()))) continue;
    const label = surface.toLowerCase().replace(/(^|[\s\-'’])(\p{Ll})/gu, (_whole, separator: string, letter: string) => separator + letter.toUpperCase());
    const id = `place:${slugify(label)}`;
    if (!state.labels.has(id)) state.labels.set(id, label);
    state.types.set(id, 'place');
    addMention(state, { entity: id, sentence: sentence.index, start: 0, end: surface.length, surface, how: 'ner' });
  }
}

/** A wire dateline with its agency credit: "PORT-AU-PRINCE, July 13, 2024 (Caribbean Wire) —", "GOMA (Reuters) -". */
const DATELINE_CREDIT =
  /^(?:\p{Lu}[\p{Lu}\p{M}'’.\- ]{1,40}?(?:,\s+[^()—–\n]{1,40}?)?|\p{Lu}[\p{L}\p{M}'’.\- ]{1,40}?,\s+[^()—–\n]{0,40}?\d[^()—–\n]{0,20}?)\s+\(([^()]{1,40})\)\s*[—–-]\s/u;

/**
 * The agency credited in a dateline is the byline, not a mention (GUIDELINES rule 10): "(Caribbean Wire)" names
 * no Caribbean, "(UN News)" no UN.
 */
function dropDatelineCredits(state: DocumentState): void {
  for (const sentence of state.sentences) {
    const match = DATELINE_CREDIT.exec(sentence.text);
    if (!match?.[1]) continue;
    const end = match[0].lastIndexOf(')');
    const start = match[0].lastIndexOf('(', end);
    const list = state.mentions.get(sentence.index);
    if (list) state.mentions.set(sentence.index, list.filter((mention) => mention.end <= start || mention.start >= end));
  }
}

/** Names found by NER become mentions; each name is then found again wherever else the document writes it. */
function recogniseNames(state: DocumentState, lexicon: CompiledLexicon, warnings: string[], docId: string): void {
  const found = new Map<string, NerCandidate>();
  const budget: TaggerBudget = { windows: TAGGER_WINDOWS_PER_DOCUMENT };
  for (const sentence of state.sentences) {
    let candidates: NerCandidate[] = [];
    const mentions = state.mentions.get(sentence.index) ?? [];
    const places = mentions.filter((mention) => mention.entity.startsWith('place:') || mention.entity.startsWith('country:'));
    const people = mentions.filter((mention) => mention.entity.startsWith('person:'));
    // A title-case headline capitalises every word, so capitals say nothing there ("Caught in Crossfire");
    // names in it are still found where the body writes them again.
    const headline = isTitleCaseHeadline(sentence.text);
    if (headline && !/(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+\p{Lu}/u.test(sentence.text)) continue;
    try {
      candidates = findNames(sentence.text, nameFinderCovered(state, sentence.index, lexicon), lexicon, budget, places, people);
      // In a headline or a byline line in title case ("POL 312: …, Dr. Helen Marsh, 4 December 2023"), only
      // people an honorific introduces.
      if (headline) candidates = candidates.filter((candidate) => candidate.type === 'person' && HONORIFIC_BEFORE.test(sentence.text.slice(0, candidate.start)));
    } catch (error) {
      warnings.push(`extract/extractDocument: ${docId}: name finder failed on sentence ${sentence.index}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const proposed of candidates) {
      const surface = sentence.text.slice(proposed.start, proposed.end);
      // One name, one entity per document: a name read once as a place ("Abu Shouk camp") stays that place
      // where a later sentence gives no such clue ("Today Abu Shouk has schools").
      const earlier = found.get(surface);
      const candidate = earlier && earlier.entityId === undefined && proposed.entityId === undefined ? { ...proposed, type: earlier.type, name: earlier.name } : proposed;
      if (candidate.entityId !== undefined) {
        addMention(state, { entity: candidate.entityId, sentence: sentence.index, start: candidate.start, end: candidate.end, surface, how: 'ner' });
        continue;
      }
      const id = `${candidate.type}:${slugify(candidate.name)}`;
      if (id.endsWith(':') || lexicon.get(id)) continue;
      // A name that takes in a lexicon name before it ("Timbuktu Super Camp") replaces that mention.
      const list = state.mentions.get(sentence.index);
      if (list) state.mentions.set(sentence.index, list.filter((mention) => mention.end <= candidate.start || mention.start >= candidate.end));
      if (!state.labels.has(id)) state.labels.set(id, candidate.name);
      state.types.set(id, candidate.type);
      found.set(surface, candidate);
      addMention(state, { entity: id, sentence: sentence.index, start: candidate.start, end: candidate.end, surface, how: 'ner' });
    }
  }
  if (found.size === 0) return;
  const pattern = namesPattern([...found.keys()]);
  for (const sentence of state.sentences) {
    const covered = coveredSpans(state, sentence.index);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const candidate = found.get(match[0]);
      if (!candidate || overlapsAny(covered, match.index, match.index + match[0].length)) continue;
      const id = `${candidate.type}:${slugify(candidate.name)}`;
      const mention: WorkingMention = { entity: id, sentence: sentence.index, start: match.index, end: match.index + match[0].length, surface: match[0], how: 'ner' };
      addMention(state, mention);
      covered.push(mention);
    }
  }
}

/**
 * True when words spelled out by an acronym read as a name: not a plural category ("Internally Displaced
 * Persons (IDPs)"), not a role ("Special Representative of the Secretary-General (SRSG)", "Head of Mission
 * (HoM)"), and headed by an organisation, mission, agreement or event noun ("Lord's Resistance Army",
 * "Mouvement patriotique pour la Centrafrique") — so "Improvised Explosive Device (IED)" is no name.
 */
function isDefinableName(name: string, acronym: string): boolean {
  if (/\p{Ll}$/u.test(acronym)) return false;
  const lower = name
    .split(/[\s-]+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word.toLowerCase().replace(/['’]s$/u, ''));
  if (lower.every((word) => ROLE_WORDS.has(word)) || (ROLE_WORDS.has(lower[0] ?? '') && lower.length <= 3)) return false;
  const all = name.toLowerCase().split(/[\s-]+/);
  return definedNameType(name) !== 'organization' || all.some((word) => ORGANIZATION_HEADS.has(word));
}

/** The type a name defined with an acronym takes from its words: a mission, else its head noun, else an organisation. */
function definedNameType(name: string): EntityType {
  const words = name.toLowerCase().split(/[\s-]+/);
  if (words.includes('mission') || words.includes('operation')) return 'mission';
  return headTypeOf(words, words.length) ?? 'organization';
}

/**
 * In-document acronym definitions. "the Lord's Resistance Army (LRA)" or "the LRA (Lord's Resistance Army)":
 * an acronym the lexicon does not know, in parentheses right after a name (or right before one), names that
 * name's entity wherever the document writes it. When no mention ends before the parenthesis, the words whose
 * initials spell the acronym ("Azande Ani Kpi Gbe (AAKG)") become the name, if they are capitalised: a
 * mission (`mission:<acronym>`), an agreement or event by its head noun, else an organisation. The first
 * definition of an acronym in the document wins.
 */
function recogniseAcronymDefinitions(state: DocumentState, lexicon: CompiledLexicon, findNew: boolean): void {
  const bound = new Map<string, string>();
  for (const sentence of state.sentences) {
    if (!sentence.text.includes('(')) continue;
    ACRONYM_IN_PARENTHESES.lastIndex = 0;
    for (let match = ACRONYM_IN_PARENTHESES.exec(sentence.text); match !== null; match = ACRONYM_IN_PARENTHESES.exec(sentence.text)) {
      const acronym = match[1] ?? '';
      if (!looksLikeAcronym(acronym) || bound.has(acronym) || lexicon.surfaceKeys.has(matchKey(acronym))) continue;
      const nameEnd = match.index - (/\s*$/u.exec(sentence.text.slice(0, match.index))?.[0].length ?? 0);
      const list = state.mentions.get(sentence.index) ?? [];
      // A mention that is only the end of a longer capitalised name does not own the acronym.
      const before = list.find((mention) => mention.end === nameEnd && mention.how !== 'ner' && !insideLongerName(sentence.text, mention.start, mention.start));
      const spelled = nameSpelledBy(sentence.text, nameEnd, acronym);
      const nerBefore = list.find((mention) => mention.end === nameEnd && mention.how === 'ner');
      // A mention that is only the end of the spelled name ("Central Bank of Kosovo (CBK)") does not own it either.
      if (before && !before.entity.startsWith('person:') && !(spelled && spelled.start < before.start)) {
        bound.set(acronym, before.entity);
      } else if (nerBefore && !nerBefore.entity.startsWith('person:') && (!spelled || spelled.start >= nerBefore.start)) {
        bound.set(acronym, nerBefore.entity);
      } else if (findNew && spelled) {
        const name = sentence.text.slice(spelled.start, spelled.end).replace(/['’]s$/u, '');
        if (!isDefinableName(name, acronym) || lexicon.demonymKeys.has(matchKey(name))) continue;
        const known = lexicon.surfaceKeys.get(matchKey(name));
        const type = definedNameType(name);
        const id = known?.length === 1 && known[0] !== undefined ? known[0] : type === 'mission' ? `mission:${slugify(acronym)}` : `${type}:${slugify(name)}`;
        if (!lexicon.get(id)) {
          if (!state.labels.has(id)) state.labels.set(id, type === 'mission' ? acronym : name);
          state.types.set(id, type);
        }
        state.mentions.set(sentence.index, list.filter((mention) => mention.end <= spelled.start || mention.start >= spelled.end));
        addMention(state, { entity: id, sentence: sentence.index, start: spelled.start, end: spelled.end, surface: sentence.text.slice(spelled.start, spelled.end), how: 'ner' });
        bound.set(acronym, id);
      }
    }
    // The reverse order: "the LRA (Lord's Resistance Army)".
    for (const mention of state.mentions.get(sentence.index) ?? []) {
      if (mention.entity.startsWith('person:') || sentence.text[mention.end] !== ')') continue;
      const acronym = /(\p{Lu}[\p{L}\p{N}&-]{1,11})\s*\(\s*$/u.exec(sentence.text.slice(Math.max(0, mention.start - 20), mention.start))?.[1];
      if (acronym === undefined || !looksLikeAcronym(acronym) || bound.has(acronym) || lexicon.surfaceKeys.has(matchKey(acronym))) continue;
      bound.set(acronym, mention.entity);
    }
  }
  if (bound.size === 0) return;
  const pattern = namesPattern([...bound.keys()]);
  for (const sentence of state.sentences) {
    const covered = coveredSpans(state, sentence.index);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const entity = bound.get(match[0]);
      if (entity === undefined || overlapsAny(covered, match.index, match.index + match[0].length)) continue;
      const mention: WorkingMention = { entity, sentence: sentence.index, start: match.index, end: match.index + match[0].length, surface: match[0], how: 'lexicon' };
      addMention(state, mention);
      covered.push(mention);
    }
  }
}

/**
 * A long form written before a known acronym in parentheses is that acronym's entity even where it is only
 * the start of a listed name: "the European Union Rule of Law Mission (EULEX)" is EULEX (whose full name
 * goes on "in Kosovo"), and the European Union and the rule of law inside it are nested, not mentions.
 */
function recogniseLongFormsOfKnownAcronyms(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const sentence of state.sentences) {
    if (!sentence.text.includes('(')) continue;
    ACRONYM_IN_PARENTHESES.lastIndex = 0;
    for (let match = ACRONYM_IN_PARENTHESES.exec(sentence.text); match !== null; match = ACRONYM_IN_PARENTHESES.exec(sentence.text)) {
      const ids = lexicon.surfaceKeys.get(matchKey(match[1] ?? ''));
      const entry = ids?.length === 1 && ids[0] !== undefined ? lexicon.get(ids[0]) : undefined;
      if (!entry) continue;
      const nameEnd = match.index - (/\s*$/u.exec(sentence.text.slice(0, match.index))?.[0].length ?? 0);
      const longForms = [entry.label, ...entry.aliases].map(matchKey).filter((key) => key.includes(' '));
      // Word starts before the parenthesis, nearest first; the longest one whose words begin a long form wins.
      let start: number | undefined;
      const words = /(?:^|\s)(?=[\p{L}\p{N}])/gu;
      const head = sentence.text.slice(Math.max(0, nameEnd - 120), nameEnd);
      const offset = nameEnd - head.length;
      for (let word = words.exec(head); word !== null; word = words.exec(head)) {
        const wordStart = offset + word.index + word[0].length;
        const key = matchKey(sentence.text.slice(wordStart, nameEnd));
        if (/^\p{Lu}/u.test(sentence.text.slice(wordStart, wordStart + 1)) && key.includes(' ') && longForms.some((form) => form.startsWith(`${key} `))) {
          start = wordStart;
          break;
        }
        if (words.lastIndex === word.index) words.lastIndex += 1;
      }
      if (start === undefined) continue;
      const from = start;
      const list = state.mentions.get(sentence.index) ?? [];
      state.mentions.set(sentence.index, list.filter((mention) => mention.end <= from || mention.start >= nameEnd));
      const blocked = state.blocked.get(sentence.index);
      if (blocked) state.blocked.set(sentence.index, blocked.filter((span) => span.end <= from || span.start >= nameEnd));
      addMention(state, { entity: entry.id, sentence: sentence.index, start: from, end: nameEnd, surface: sentence.text.slice(from, nameEnd), how: 'lexicon' });
    }
  }
}

/**
 * A city followed by "process" after "the" names a diplomatic track: "the Doha process" (the UN-convened
 * meetings on Afghanistan), "the Rabat process". Capitalised ("the Berlin Process"), NER finds it.
 */
function recogniseNamedProcesses(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const [sentence, list] of state.mentions) {
    const text = state.sentences[sentence]?.text ?? '';
    const replaced = list.map((mention) => {
      const kind = lexicon.get(mention.entity)?.facts?.kind;
      if (typeof kind !== 'string' || !kind.includes('city') || !/\bthe\s+$/iu.test(text.slice(Math.max(0, mention.start - 5), mention.start))) return mention;
      const process = /^\s+process(?![\p{L}-])/u.exec(text.slice(mention.end, mention.end + 10));
      if (!process) return mention;
      const end = mention.end + process[0].length;
      const name = text.slice(mention.start, end);
      const id = `event:${slugify(name)}`;
      if (lexicon.get(id) === undefined) {
        if (!state.labels.has(id)) state.labels.set(id, name);
        state.types.set(id, 'event');
      }
      return { ...mention, entity: id, end, surface: name, how: 'ner' as const };
    });
    state.mentions.set(sentence, replaced);
  }
}

/**
 * A place written right before a capitalised word nobody's lexicon knows, or before an organisation head, is
 * the start of a longer name, not a mention of the place: "Sahel Matin" (a programme's title), "the Sahel
 * Programme", "Nyala Abdelrahman" (a person). Where the name finder read the whole name ("Timbuktu Super
 * Camp") the place is already gone.
 */
function dropPlacesInsideLongerNames(state: DocumentState): void {
  for (const [sentence, list] of state.mentions) {
    const text = state.sentences[sentence]?.text ?? '';
    const kept = list.filter((mention) => {
      if (mention.how !== 'lexicon' || !(mention.entity.startsWith('place:') || mention.entity.startsWith('country:'))) return true;
      const next = /^ (\p{Lu}[\p{L}\p{M}'’]+)(?![\p{L}\p{M}-])/u.exec(text.slice(mention.end, mention.end + 40));
      const word = next?.[1];
      // A word in capitals after a place is a heading's next word ("MALI JUNTA EXPELS ..."), not a longer name.
      if (word === undefined || word.length < 3 || word === word.toUpperCase()) return true;
      const wordStart = mention.end + 1;
      if (list.some((other) => other !== mention && other.start < wordStart + word.length && wordStart < other.end)) return true;
      const lower = word.toLowerCase();
      // An organisation head makes the place the start of a body's name ("Sahel Programme", "Kabul Bank"),
      // except in a role title ("Haiti Police Chief": rule 4, the place is named) and before "Government",
      // which describes the government seated there ("the Kinshasa Government").
      if (ORGANIZATION_HEADS.has(lower)) {
        const following = /^\s+([\p{L}-]+)/u.exec(text.slice(wordStart + word.length, wordStart + word.length + 40))?.[1]?.toLowerCase() ?? '';
        return lower === 'government' || HONORIFICS.has(following);
      }
      if (NEVER_NAMES.has(lower) || STOPWORDS.has(lower) || ROLE_WORDS.has(lower)) return true;
      const tags = lexicalTags(word);
      return !(tags.size === 1 && tags.has('ProperNoun'));
    });
    if (kept.length !== list.length) state.mentions.set(sentence, kept);
  }
}

/**
 * A body named as "<Head> of <place>": "the Senate of Canada", "the University of Ghana", "the Parliament of
 * Kenya". The capitalised words before "of" end in an organisation head, so the place is the end of the body's
 * name, not a mention of its own. "Government of Liberia" is a description of the country's government (its
 * country is the mention), as in the eval set.
 */
function recogniseBodiesOfPlaces(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const [sentence, list] of state.mentions) {
    const text = state.sentences[sentence]?.text ?? '';
    for (const place of [...list]) {
      if (!/^(?:place|country):/.test(place.entity)) continue;
      const before = /(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*){0,3})\s+of\s+(?:the\s+)?$/u.exec(text.slice(Math.max(0, place.start - 60), place.start));
      if (!before?.[1]) continue;
      const words = before[1].split(/\s+/);
      if (words[0] === 'The') words.shift();
      const head = (words[words.length - 1] ?? '').toLowerCase();
      if (words.length === 0 || !ORGANIZATION_HEADS.has(head) || head === 'government' || words.some((word) => ROLE_WORDS.has(word.toLowerCase()) && !ORGANIZATION_HEADS.has(word.toLowerCase()))) continue;
      const start = place.start - before[0].length + before[0].indexOf(words.join(' '));
      if (list.some((other) => other !== place && other.start < place.start && start < other.end)) continue;
      if (/\p{Lu}[\p{L}\p{M}'’-]*\s+$/u.test(text.slice(Math.max(0, start - 30), start)) && !/(?:^|\s)The\s+$/u.test(text.slice(Math.max(0, start - 30), start))) continue;
      const name = text.slice(start, place.end);
      const known = lexicon.surfaceKeys.get(matchKey(name));
      const id = known?.length === 1 && known[0] !== undefined ? known[0] : `organization:${slugify(name)}`;
      if (!lexicon.get(id)) {
        if (!state.labels.has(id)) state.labels.set(id, name);
        state.types.set(id, 'organization');
      }
      list.splice(list.indexOf(place), 1, { entity: id, sentence, start, end: place.end, surface: name, how: 'ner' });
    }
  }
}

/** An academic or research unit's name: "Department of International Relations", "University of Ljubljana". */
const AFFILIATION_NAME = /(?<![\p{L}])(?:Department|Faculty|University|Institute|School|College|Centre|Center)\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:and|of|for|the|in)\s+)*\p{Lu}[\p{L}\p{M}'’-]*)*/gu;

/**
 * Bylines and affiliation lines at the head of a document ("Working paper, Department of International
 * Relations, 2022") are metadata, not text about the subject: the academic units they name, and the places
 * inside those names, are no mentions. A head line is one before the first sentence of twelve words or more
 * that carries a year and a list separator.
 */
function dropAffiliations(state: DocumentState): void {
  for (const sentence of state.sentences) {
    if (sentence.text.split(/\s+/).length >= 12 && /[.!?]["”’)]?$/u.test(sentence.text)) break;
    if (!/\b(?:19|20)\d\d\b/.test(sentence.text) || !/[,·|]/.test(sentence.text)) continue;
    const list = state.mentions.get(sentence.index);
    if (!list) continue;
    AFFILIATION_NAME.lastIndex = 0;
    const spans = [...sentence.text.matchAll(AFFILIATION_NAME)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
    if (spans.length === 0) continue;
    state.mentions.set(sentence.index, list.filter((mention) => !overlapsAny(spans, mention.start, mention.end)));
  }
}

/** Heads of a mission's name that its own texts use alone, capitalised, for it: "the Mission", "the Force". */
const MISSION_SHORT_HEADS = ['Mission', 'Force', 'Operation', 'Office'];
/** Heads of a body's name used alone for the one body of that kind a document names: "the Commission". */
const BODY_SHORT_HEADS = ['Commission', 'Committee', 'Tribunal'];

/**
 * Definite short names: "the Mission" or "the Force", capitalised, is the mission a document is about when one
 * mission dominates it (the only mission named, or named at least twice and three times as often as any other) and its name has that
 * head; "the Commission" is the one commission the document named before. Lower case ("the mission") is a
 * description, and a capitalised word after the head makes a longer name ("the Force Commander").
 */
function recogniseDefiniteShortNames(state: DocumentState, lexicon: CompiledLexicon): void {
  const { counts, firstSentence } = tallyMentions(state);
  const namesOf = (id: string): string[] => {
    const entry = lexicon.get(id);
    return entry ? [entry.label, ...entry.aliases] : [state.labels.get(id) ?? ''];
  };
  const owners = new Map<string, string>();
  /** The mission that dominates `missionCounts` (the only one, or ≥ 2 and ≥ 3× any other), by head noun. */
  const dominantByHead = (missionCounts: ReadonlyMap<string, number>): Map<string, string> => {
    const byHead = new Map<string, string>();
    const missions = [...missionCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [top, second] = missions;
    if (top && (second ? top[1] >= 2 && top[1] >= 3 * second[1] : true)) {
      for (const head of MISSION_SHORT_HEADS) if (namesOf(top[0]).some((name) => new RegExp(`\\b${head}\\b`, 'u').test(name))) byHead.set(head, top[0]);
    }
    return byHead;
  };
  for (const [head, id] of dominantByHead(new Map([...counts].filter(([id]) => id.startsWith('mission:'))))) owners.set(head, id);
  const missionHeads = new Set(MISSION_SHORT_HEADS);
  for (const head of BODY_SHORT_HEADS) {
    // The head ends the name or takes its complement: "the Joint Committee on Foreign Affairs and Defence".
    const headed = new RegExp(`\\s${head}(?:$|\\s+(?:on|of|for)\\s)`, 'u');
    const bodies = [...counts.keys()].filter((id) => !id.startsWith('mission:') && namesOf(id).some((name) => headed.test(name)));
    if (bodies.length === 1 && bodies[0] !== undefined) owners.set(head, bodies[0]);
  }
  // Where no mission dominates the whole document, the one that dominates it so far: "the Force" in a hearing
  // on UNDOF that names UNIFIL only near its end.
  const runningCounts = new Map<string, number>();
  const documentOwnsMissionHead = [...owners.keys()].some((head) => missionHeads.has(head));
  const heads = documentOwnsMissionHead ? [...owners.keys()] : [...new Set([...owners.keys(), ...MISSION_SHORT_HEADS])];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])[Tt]he\\s+(${heads.join('|')})(?:['’]s)?(?![\\p{L}\\p{N}\\-])`, 'gu');
  for (const sentence of state.sentences) {
    for (const mention of state.mentions.get(sentence.index) ?? []) {
      if (mention.entity.startsWith('mission:')) runningCounts.set(mention.entity, (runningCounts.get(mention.entity) ?? 0) + 1);
    }
    let running: Map<string, string> | undefined;
    // Only mentions block it: an ambiguous "the Commission" the lexicon could not resolve is this one.
    const covered: { start: number; end: number }[] = [...(state.mentions.get(sentence.index) ?? [])];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const head = match[1] ?? '';
      if (!owners.has(head) && running === undefined) running = dominantByHead(runningCounts);
      const entity = owners.get(head) ?? running?.get(head);
      const start = match.index + match[0].indexOf(head, 3);
      const end = start + head.length;
      if (entity === undefined || sentence.index <= (firstSentence.get(entity) ?? Infinity) - 1 || overlapsAny(covered, start, end)) continue;
      const after = sentence.text.slice(match.index + match[0].length, match.index + match[0].length + 40);
      if (/^\s+(?:\p{Lu}|(?:of|for|in|on)\s+(?:the\s+)?\p{Lu})/u.test(after)) continue;
      const mention: WorkingMention = { entity, sentence: sentence.index, start, end, surface: head, how: 'lexicon' };
      addMention(state, mention);
      covered.push(mention);
    }
  }
}

/**
 * A person found under part of a longer name also found in the document ("Ruiz Massieu" beside "Carlos
 * Ruiz Massieu") is that person: their mentions move to the full name.
 */
function mergePartialNames(state: DocumentState, fullNames: ReadonlyMap<string, string>): void {
  const people = new Map<string, string>(fullNames);
  for (const [id, label] of state.labels) if (id.startsWith('person:')) people.set(id, label);
  const moves = new Map<string, string>();
  const plain = (name: string): string => foldText(name).toLowerCase().replace(/[\s\-‐]+/gu, ' ');
  // A full name with middle names ("Margaret Joan Anstee") is the person named by first and last name alone.
  for (const [id, label] of people) {
    const words = plain(label).split(' ');
    if (words.length < 3 || (fullNames.has(id) && !state.labels.has(id))) continue;
    const short = [...people].filter(([otherId, other]) => otherId !== id && plain(other) === `${words[0]} ${words[words.length - 1]}`);
    if (short.length === 1 && short[0]) moves.set(id, short[0][0]);
  }
  for (const id of moves.keys()) people.delete(id);
  for (const [id, label] of people) {
    if (fullNames.has(id) && !state.labels.has(id)) continue;
    // Case and hyphens aside: "Van Walsum" at the start of a sentence is "Peter van Walsum", "Ould Abdallah" is
    // "Ahmedou Ould-Abdallah".
    const longer = [...people].filter(([otherId, other]) => otherId !== id && plain(other).endsWith(` ${plain(label)}`));
    const target = longer[0];
    if (longer.length === 1 && target) moves.set(id, target[0]);
  }
  if (moves.size === 0) return;
  for (const [sentence, list] of state.mentions) {
    state.mentions.set(sentence, list.map((mention) => ({ ...mention, entity: moves.get(mention.entity) ?? mention.entity })));
  }
  for (const id of moves.keys()) {
    state.labels.delete(id);
    state.types.delete(id);
  }
}

function documentYear(date: string | undefined): number | undefined {
  const year = date ? Number(date.slice(0, 4)) : Number.NaN;
  return Number.isFinite(year) ? year : undefined;
}

/** Extracts entities, mentions and co-mentions from one document. Never throws on text. */
export function extractDocument(doc: SourceDocument, options: ExtractOptions = {}): DocumentExtraction {
  const lexicon = options.lexicon ?? defaultLexicon();
  const parsed = readDocument(doc);
  const warnings = [...parsed.warnings];
  const state: DocumentState = { sentences: parsed.sentences, mentions: new Map(), blocked: new Map(), labels: new Map(), types: new Map() };
  const year = documentYear(parsed.date);

  resolveAmbiguous(state, recogniseLexicon(state, lexicon), lexicon);
  applyDescriptiveMissions(state, lexicon, year);
  recogniseResolutions(state, lexicon);
  recogniseBareResolutionNumbers(state);
  recogniseShortNames(state, lexicon);
  const citedPeople = recogniseCitations(state, lexicon);
  const titledPeople = recogniseTitledFullNames(state, lexicon);

  // People named in full in this document (lexicon, speakers, cited authors, names an honorific confirms).
  const affiliations = new Map<string, string>();
  const speakerIds = resolveSpeakers(parsed.speakers, lexicon, affiliations);
  const fullNames = new Map<string, string>([...citedPeople, ...titledPeople]);
  for (const [speaker, id] of speakerIds) {
    if (!id.startsWith('person:')) continue;
    fullNames.set(id, lexicon.get(id)?.label ?? speaker);
    if (!lexicon.get(id)) {
      state.labels.set(id, SPEAKER_LABEL.exec(speaker.trim())?.[2] ?? speaker);
      state.types.set(id, 'person');
    }
  }
  // Speakers named in the text are mentions of themselves, even where no lexicon entry knows them.
  const speakerNames = [...speakerIds].filter(([speaker, id]) => id.startsWith('person:') && !lexicon.get(id) && speaker.length > 0);
  if (speakerNames.length > 0) {
    const pattern = namesPattern(speakerNames.map(([name]) => name));
    for (const sentence of state.sentences) {
      const covered = coveredSpans(state, sentence.index);
      pattern.lastIndex = 0;
      for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
        const id = speakerIds.get(match[0]);
        if (!id || overlapsAny(covered, match.index, match.index + match[0].length)) continue;
        addMention(state, { entity: id, sentence: sentence.index, start: match.index, end: match.index + match[0].length, surface: match[0], how: 'lexicon' });
      }
    }
  }
  for (const list of state.mentions.values()) {
    for (const mention of list) {
      const entry = lexicon.get(mention.entity);
      if (entry?.type === 'person') fullNames.set(entry.id, entry.label);
    }
  }
  joinSurnames(state.sentences, state.mentions, fullNames, lexicon);

  if (options.useNer !== false) {
    recogniseCapitalDatelines(state, lexicon);
    recogniseNames(state, lexicon, warnings, doc.id);
    const nerPeople = new Map<string, string>(fullNames);
    for (const [id, label] of state.labels) if (id.startsWith('person:')) nerPeople.set(id, label);
    if (nerPeople.size > fullNames.size) joinSurnames(state.sentences, state.mentions, nerPeople, lexicon);
    mergePartialNames(state, fullNames);
  }
  recogniseAcronymDefinitions(state, lexicon, options.useNer !== false);
  recogniseLongFormsOfKnownAcronyms(state, lexicon);
  recogniseNamedProcesses(state, lexicon);
  if (options.useNer !== false) recogniseBodiesOfPlaces(state, lexicon);
  dropPlacesInsideLongerNames(state);
  dropAffiliations(state);
  dropDatelineCredits(state);
  recogniseDefiniteShortNames(state, lexicon);

  let candidates: { phrase: string; count: number; label: string }[] | undefined;
  if (options.topics === true) {
    candidates = topicCandidates(parsed.sentences, state);
    addTopicMentions(state, candidates);
  }
  return assemble(doc, parsed, state, lexicon, speakerIds, affiliations, candidates, warnings);
}

/** How many of a document's own best phrases become `topic` mentions (the corpus ranking keeps some). */
export const TOPICS_PER_DOCUMENT = 25;

/**
 * Marks the document's best candidate phrases (recurring, longer first: log2(words + 1) × count) as
 * `topic:<slug>` mentions wherever they occur outside entity mentions, so topics get sentence evidence and
 * co-mentions; the CLI keeps those that rankTopics ranks across the corpus.
 */
function addTopicMentions(state: DocumentState, candidates: readonly { phrase: string; count: number; label: string }[]): void {
  const best = candidates
    .filter((candidate) => candidate.count >= 2)
    .map((candidate) => ({ ...candidate, score: Math.log2(candidate.phrase.split(' ').length + 1) * candidate.count }))
    .sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, TOPICS_PER_DOCUMENT);
  if (best.length === 0) return;
  const phrases = [...best].sort((a, b) => b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : 1)).map((candidate) => phrasePattern(candidate.phrase));
  const pattern = new RegExp(`${NOT_AFTER_WORD}(?:${phrases.join('|')})${NOT_BEFORE_WORD}`, 'gi');
  for (const sentence of state.sentences) {
    const covered = coveredSpans(state, sentence.index);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (overlapsAny(covered, start, end)) continue;
      const phrase = normalizePhrase(match[0]);
      const id = `topic:${slugify(phrase)}`;
      if (id === 'topic:') continue;
      state.labels.set(id, best.find((candidate) => candidate.phrase === phrase)?.label ?? phrase);
      state.types.set(id, 'topic');
      const mention: WorkingMention = { entity: id, sentence: sentence.index, start, end, surface: match[0], how: 'lexicon' };
      addMention(state, mention);
      covered.push(mention);
    }
  }
}

/** Builds the output records: entities sorted by id, mentions and co-mentions in document order. */
function assemble(
  doc: SourceDocument,
  parsed: ReturnType<typeof readDocument>,
  state: DocumentState,
  lexicon: CompiledLexicon,
  speakerIds: ReadonlyMap<string, string>,
  affiliations: ReadonlyMap<string, string>,
  topicCandidateList: { phrase: string; count: number; label: string }[] | undefined,
  warnings: string[],
): DocumentExtraction {
  const mentions: MentionRecord[] = [];
  const coMentions: CoMentionRecord[] = [];
  const evidence: SentenceRecord[] = [];
  const surfaces = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const sentence of parsed.sentences) {
    const list = (state.mentions.get(sentence.index) ?? []).sort((a, b) => a.start - b.start || a.end - b.end || (a.entity < b.entity ? -1 : 1));
    if (list.length === 0) continue;
    evidence.push(sentence);
    for (const mention of list) {
      mentions.push({ entity: mention.entity, sentence: mention.sentence, start: mention.start, end: mention.end, surface: mention.surface });
      surfaces.set(mention.entity, (surfaces.get(mention.entity) ?? new Set()).add(mention.surface));
      counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
    }
    const ids = [...new Set(list.map((mention) => mention.entity))].sort();
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        coMentions.push(sentence.list === true ? { source: ids[i] ?? '', target: ids[j] ?? '', sentence: sentence.index, list: true } : { source: ids[i] ?? '', target: ids[j] ?? '', sentence: sentence.index });
      }
    }
  }
  const turns = new Map<string, number>();
  for (const sentence of parsed.sentences) {
    const id = sentence.speaker === undefined ? undefined : speakerIds.get(sentence.speaker);
    if (id !== undefined) turns.set(id, (turns.get(id) ?? 0) + 1);
  }
  // A speaker's label is a form the document writes their name in, even when the text never does.
  for (const [speaker, id] of speakerIds) surfaces.set(id, (surfaces.get(id) ?? new Set()).add(speaker));
  // So is a delegation named in a speaker label ("Mr. Wood (United States of America)"); like the label, it
  // is in no sentence and forms no co-mention.
  for (const [delegation, id] of affiliations) surfaces.set(id, (surfaces.get(id) ?? new Set()).add(delegation));
  const entityIds = [...new Set([...counts.keys(), ...speakerIds.values(), ...affiliations.values()])].sort();
  const entities: EntityRecord[] = entityIds.map((id) => {
    const entry = lexicon.get(id);
    const record: EntityRecord = {
      id,
      label: entry?.label ?? state.labels.get(id) ?? id,
      type: entry?.type ?? state.types.get(id) ?? 'person',
      aliases: [...(surfaces.get(id) ?? [])].sort(),
      mentions: counts.get(id) ?? 0,
    };
    if (entry?.facts) record.facts = { ...entry.facts };
    if (turns.has(id)) record.speakerSentences = turns.get(id);
    return record;
  });
  const extraction: DocumentExtraction = {
    document: {
      id: doc.id,
      format: parsed.format,
      sentenceCount: parsed.sentences.length,
      characters: typeof doc.text === 'string' ? doc.text.length : 0,
      speakers: parsed.speakers,
    },
    sentences: evidence,
    entities,
    mentions,
    coMentions,
    warnings,
  };
  if (parsed.title !== undefined) extraction.document.title = parsed.title;
  if (parsed.date !== undefined) extraction.document.date = parsed.date;
  Object.assign(extraction.document, parsed.dateSource && { dateSource: parsed.dateSource }, parsed.keywords && { keywords: parsed.keywords }, parsed.symbol && { symbol: parsed.symbol });
  if (topicCandidateList) extraction.topicCandidates = topicCandidateList;
  return extraction;
}

const MAX_TOPIC_CANDIDATES = 2000;

/** Candidate phrases of the whole document, entity mentions masked; the most frequent first. */
function topicCandidates(sentences: readonly SentenceRecord[], state: DocumentState): { phrase: string; count: number; label: string }[] {
  const counts = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const sentence of sentences) collectPhrases(sentence.text, coveredSpans(state, sentence.index), counts, surfaces);
  return [...counts]
    .map(([phrase, count]) => ({ phrase, count, label: mostFrequent(surfaces.get(phrase)) ?? phrase }))
    .sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, MAX_TOPIC_CANDIDATES);
}

/** The most frequent key of a count map (ties: alphabetical). */
function mostFrequent(counts: ReadonlyMap<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [key, count] of counts ?? []) {
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
