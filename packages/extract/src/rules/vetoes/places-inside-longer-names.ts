// Veto: a place written right before an organisation head or a capitalised word compromise does not know starts a
// longer name ("the Sahel Programme", "Sahel Matin") and is no mention of the place.
import type { CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState } from '../../pipeline/state.ts';
import { lexicalTags } from '../../recognize/ner.ts';
import { HONORIFICS, NEVER_NAMES, ORGANIZATION_HEADS, ROLE_WORDS } from '../../vocabulary.ts';
import { STOPWORDS } from '../../topics/stopwords.ts';

/**
 * A place written right before a capitalised word nobody's lexicon knows, or before an organisation head, is
 * the start of a longer name, not a mention of the place: "Sahel Matin" (a programme's title), "the Sahel
 * Programme", "Nyala Abdelrahman" (a person). Where the name finder read the whole name ("Timbuktu Super
 * Camp") the place is already gone.
 */
export function dropPlacesInsideLongerNames(state: DocumentState, lexicon: CompiledLexicon): void {
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
      const tags = lexicalTags(word, lexicon);
      return !(tags.size === 1 && tags.has('ProperNoun'));
    });
    if (kept.length !== list.length) state.mentions.set(sentence, kept);
  }
}
