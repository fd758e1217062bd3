// A surname written after an honorific ("Ms. Abdelrahman") confirms the full name written elsewhere, even where
// its first word is a place ("Nyala Abdelrahman"): the place mention gives way to the person.
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState } from '../../pipeline/state.ts';
import { NEVER_NAMES } from '../../vocabulary.ts';
import { matchKey } from '../../text/fold.ts';
import { slugify } from '../../text/slug.ts';

export const HONORIFIC_SURNAME = /(?<![\p{L}])(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+(\p{Lu}[\p{L}\p{M}'’-]+)/gu;

export const HONORIFIC_HINT = /(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s/;

/**
 * A surname the document writes after an honorific ("Ms. Abdelrahman") confirms the full name it writes
 * elsewhere, even when the first name is also a place ("Nyala Abdelrahman", "Georgia Paul"): the place
 * mention gives way to the person. Returns the people found, by id, with their full names.
 */
export function recogniseTitledFullNames(state: DocumentState, lexicon: CompiledLexicon): Map<string, string> {
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
