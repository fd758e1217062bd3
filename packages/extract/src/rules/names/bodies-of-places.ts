// A body named "<Head> of <place>" ("the Senate of Canada", "the University of Ghana"): the place ends the
// body's name; "Government of <country>" stays the country.
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState } from '../../pipeline/state.ts';
import { ORGANIZATION_HEADS, ROLE_WORDS } from '../../vocabulary.ts';
import { matchKey } from '../../text/fold.ts';
import { slugify } from '../../text/slug.ts';

/**
 * A body named as "<Head> of <place>": "the Senate of Canada", "the University of Ghana", "the Parliament of
 * Kenya". The capitalised words before "of" end in an organisation head, so the place is the end of the body's
 * name, not a mention of its own. "Government of Liberia" is a description of the country's government (its
 * country is the mention), as in the eval set.
 */
export function recogniseBodiesOfPlaces(state: DocumentState, lexicon: CompiledLexicon): void {
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
