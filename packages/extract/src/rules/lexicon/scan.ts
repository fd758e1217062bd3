// Lexicon scan: every alias, ambiguous alias, short form and demonym of the lexicon found in the document at once;
// unambiguous aliases become mentions, the rest wait for the whole document (rules/lexicon/ambiguous.ts).
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type SurfaceForm, isDescriptiveForcesName } from '../../lexicon/matcher.ts';
import { type DocumentState, addMention } from '../../pipeline/state.ts';
import { insideLongerName } from '../shared.ts';
import { isEnglishWord, isGivenName } from '../../recognize/ner.ts';
import { slugify } from '../../text/slug.ts';
import { type LongerPersonName, longerPersonName } from './longer-person-names.ts';

/** Lexicon pass: unambiguous aliases become mentions; ambiguous forms wait for the whole document. */
export interface PendingHit {
  sentence: number;
  start: number;
  end: number;
  surface: string;
  entityIds: string[];
  /** A country-bound name written without its country: when unresolved, NER may still read it. */
  short: boolean;
}

export function recogniseLexicon(state: DocumentState, lexicon: CompiledLexicon, useNer: boolean): PendingHit[] {
  const pending: PendingHit[] = [];
  const texts = state.sentences.map((sentence) => sentence.text);
  const lowerCase = writtenWithoutCapitals(texts);
  const hitsBySentence = lexicon.matcher.scanAll(texts, lowerCase ? namesReadableInLowerCase : undefined);
  for (const sentence of state.sentences) {
    for (const hit of hitsBySentence[sentence.index] ?? []) {
      const entity = hit.entityIds[0];
      // Without capitals, a place named by a common word or a given name ("turkey", "chad") is one only after a preposition of place.
      if (lowerCase && entity !== undefined && wordOrGivenName(hit.surface) && !LOWER_CASE_PLACE_BEFORE.test(sentence.text.slice(Math.max(0, hit.start - 12), hit.start))) continue;
      // A country's short form glued to a currency sign names the currency: "US$2.6 billion", "A$ 40", "HK$".
      if (entity?.startsWith('country:') && isCurrencyPrefix(sentence.text, hit.end)) continue;
      if (hit.kind === 'alias' && entity !== undefined) {
        // A generated gazetteer name inside a longer capitalised name ("Teatro Colón") is part of that name.
        if (isGazetteerEntry(lexicon, entity) && insideLongerName(sentence.text, hit.start, hit.end) && !afterAcronym(sentence.text, hit.start)) continue;
        // A person matched inside a longer name the text writes yields to that name (rules/lexicon/longer-person-names.ts).
        const person = lowerCase ? undefined : lexicon.get(entity);
        const longer = person?.type === 'person' ? longerPersonName(sentence.text, hit.start, hit.end, person, (hitsBySentence[sentence.index] ?? []).filter((other) => other !== hit)) : undefined;
        if (longer !== undefined) {
          addLongerPersonName(state, lexicon, sentence.index, hit.surface, entity, longer, useNer);
          continue;
        }
        addMention(state, { entity, sentence: sentence.index, start: hit.start, end: hit.end, surface: hit.surface, how: 'lexicon', rule: 'alias', reason: `lexicon alias "${hit.surface}" of ${entity}` });
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

/**
 * The mention of a longer name around a lexicon person: the entry's when the name holds all of the entry's name
 * parts, else a new person named by the text (left out of a lexicon-only run, which names lexicon entries only).
 */
function addLongerPersonName(state: DocumentState, lexicon: CompiledLexicon, sentence: number, matched: string, entity: string, longer: LongerPersonName, useNer: boolean): void {
  const span = { sentence, start: longer.start, end: longer.end, surface: longer.surface };
  if (longer.sameEntry) {
    addMention(state, { entity, ...span, how: 'lexicon', rule: 'alias-in-longer-name', reason: `"${longer.surface}" holds every name part of ${entity}, matched as "${matched}"` });
    return;
  }
  if (!useNer) return;
  const id = `person:${slugify(longer.surface)}`;
  if (lexicon.get(id) === undefined) {
    if (!state.labels.has(id)) state.labels.set(id, longer.surface);
    state.types.set(id, 'person');
  }
  addMention(state, { entity: id, ...span, how: 'rule', rule: 'longer-person-name', reason: `"${longer.surface}" is a longer name than "${matched}" (${entity}) without all of its name parts: another person` });
}

/** True when a currency sign follows a name at once ("US$", "NZ$"), or after one space with an amount ("US $ 40"). */
export function isCurrencyPrefix(text: string, end: number): boolean {
  return /^(?:[$€£¥]|\s[$€£¥]\s?\d)/u.test(text.slice(end, end + 4));
}

/** True for the places data/lexicon/gazetteer.json generates from GeoNames and ISO 3166-2 (facts.source says which). */
function isGazetteerEntry(lexicon: CompiledLexicon, id: string): boolean {
  const source = lexicon.get(id)?.facts?.['source'];
  return typeof source === 'string' && (source.startsWith('GeoNames ') || source.startsWith('ISO 3166-2 '));
}

/** True when the word right before `start` is an acronym ("UNMISS Bentiu"): a mission's base, not a longer name. */
function afterAcronym(text: string, start: number): boolean {
  return /(?:^|[^\p{L}])\p{Lu}{2,}\s+$/u.test(text.slice(Math.max(0, start - 20), start));
}

/** A preposition of place right before a name: "in chad", "from turkey". */
const LOWER_CASE_PLACE_BEFORE = /(?:^|[^\p{L}])(?:in|at|near|from|to|around|outside|towards?|into|via|through|across|inside|throughout)\s+$/iu;

/** One word that compromise knows as an English word or a given name. */
function wordOrGivenName(surface: string): boolean {
  const word = surface.trim();
  return /^[\p{L}]+$/u.test(word) && (isEnglishWord(word) || isGivenName(word));
}

/**
 * True for a document written (nearly) without capitals, such as automatic captions or a lower-case
 * transcript ("so the mission in south sudan, unmiss, ..."): capitals tell nothing there, so lexicon names
 * are also read in lower case. At least 15 words (a short clip's captions), and under 2% of them capitalised (the pronoun "I" aside).
 */
export function writtenWithoutCapitals(texts: readonly string[]): boolean {
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
      // Past 2% of the words looked at, the answer is no whatever follows.
      if (capitalised >= enough * 0.02) return false;
    }
    if (words >= enough) break;
  }
  return words >= 15 && capitalised < words * 0.02;
}

/**
 * Lexicon forms that still read as a name written in lower case: unambiguous aliases of four letters or more,
 * of several words ("south sudan", "security council"), one word English does not otherwise use ("malakal",
 * "kenya"), or a mission's acronym ("unmiss"); "the mediterranean" and organisations' acronyms ("civic") stay words.
 */
export function namesReadableInLowerCase(form: SurfaceForm): boolean {
  if (form.kind !== 'alias' || form.entityId.startsWith('concept:') || form.text.replace(/[^\p{L}]/gu, '').length < 4) return false;
  const words = form.text.trim().replace(/^the\s+/iu, '').split(/\s+/);
  // "the armed forces of nigeria" describes the country's forces (see isDescriptiveForcesName).
  if (isDescriptiveForcesName(words)) return false;
  if (words.length > 1) return true;
  const word = words[0] ?? '';
  // A country or place named by an English word ("turkey", "georgia"): read, then kept only after a preposition of place (recogniseLexicon).
  if (isEnglishWord(word)) return form.entityId.startsWith('country:');
  // Acronyms: only missions' ("unmiss", "monusco"); an organisation's may be a word ("civic", "hippo").
  return word !== word.toUpperCase() || form.entityId.startsWith('mission:');
}
