// Acronyms defined in the document: "the Alliance of Sahel States (AES)" or "the AES (Alliance of Sahel
// States)" names that entity wherever the acronym is written; spelled-out names become new entities.
import { findAgain } from '../../pipeline/find-again.ts';
import type { DocumentContext } from '../../pipeline/types.ts';
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { addMention } from '../../pipeline/state.ts';
import { ACRONYM_IN_PARENTHESES, looksLikeAcronym, nameSpelledBy } from '../../recognize/acronyms.ts';
import { headTypeOf } from '../../recognize/ner.ts';
import { ORGANIZATION_HEADS, ROLE_WORDS } from '../../vocabulary.ts';
import { insideLongerName } from '../shared.ts';
import { matchKey } from '../../text/fold.ts';
import { namesPattern } from '../../text/patterns.ts';
import { slugify } from '../../text/slug.ts';
import { type EntityType } from '../../types.ts';

/**
 * True when words spelled out by an acronym read as a name: not a plural category ("Internally Displaced
 * Persons (IDPs)"), not a role ("Special Representative of the Secretary-General (SRSG)", "Head of Mission
 * (HoM)"), and headed by an organisation, mission, agreement or event noun ("Lord's Resistance Army",
 * "Mouvement patriotique pour la Centrafrique") — so "Improvised Explosive Device (IED)" is no name.
 */
export function isDefinableName(name: string, acronym: string): boolean {
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
export function definedNameType(name: string): EntityType {
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
export function recogniseAcronymDefinitions(state: DocumentContext, lexicon: CompiledLexicon, findNew: boolean): void {
  const bound = new Map<string, string>();
  // Acronyms the lexicon knows that the document spells out as another entity: "the Somali National Alliance
  // (SNA)" where the lexicon's SNA is the Somali National Army. The document's own definition wins there.
  const redefined = new Set<string>();
  for (const sentence of state.sentences) {
    if (!sentence.text.includes('(')) continue;
    ACRONYM_IN_PARENTHESES.lastIndex = 0;
    for (let match = ACRONYM_IN_PARENTHESES.exec(sentence.text); match !== null; match = ACRONYM_IN_PARENTHESES.exec(sentence.text)) {
      const acronym = match[1] ?? '';
      if (!looksLikeAcronym(acronym) || bound.has(acronym)) continue;
      const nameEnd = match.index - (/\s*$/u.exec(sentence.text.slice(0, match.index))?.[0].length ?? 0);
      const list = state.mentions.get(sentence.index) ?? [];
      const lexiconOwners = lexicon.surfaceKeys.get(matchKey(acronym));
      if (lexiconOwners) {
        const owner = list.find((mention) => mention.end === nameEnd && !mention.entity.startsWith('person:'));
        const spelledOut = nameSpelledBy(sentence.text, nameEnd, acronym);
        if (owner && spelledOut && spelledOut.start === owner.start && !lexiconOwners.includes(owner.entity)) {
          bound.set(acronym, owner.entity);
          redefined.add(acronym);
        }
        continue;
      }
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
  if (redefined.size > 0) {
    for (const [index, list] of state.mentions) {
      state.mentions.set(index, list.filter((mention) => !(redefined.has(mention.surface) && mention.entity !== bound.get(mention.surface))));
    }
  }
  findAgain(state, 'acronym-definitions', namesPattern([...bound.keys()]), (match, sentence) => {
    const entity = bound.get(match[0]);
    if (entity === undefined) return undefined;
    return { entity, sentence, start: match.index, end: match.index + match[0].length, surface: match[0], how: 'lexicon', rule: 'defined-acronym', reason: `"${match[0]}" defined in the document as ${entity}` };
  });
}
