// Compiling and using a lexicon leaves compromise's shared model alone: tagging text with compromise gives the
// same tags before and after, and a word's lexical tags depend only on the lexicon passed, not on what ran before.
import nlp from 'compromise/two';
import { describe, expect, it } from 'vitest';
import { compileLexicon, defaultLexicon, extractDocument } from '../src/index.ts';
import { lexicalTags } from '../src/recognize/ner.ts';

/** compromise's tags of each name in a plain sentence. */
function tagsOf(names: readonly string[]): string[][] {
  return names.map((name) => (nlp(`Yesterday ${name} was mentioned.`).json() as { terms: { tags: string[] }[] }[]).flatMap((sentence) => sentence.terms.map((term) => term.tags.join(','))));
}

describe('tagger state', () => {
  const lexicon = defaultLexicon();
  const singleWordNames = lexicon.entries
    .flatMap((entry) => (['person', 'country', 'place', 'mission', 'organization'].includes(entry.type) ? [entry.label, ...entry.aliases] : []))
    .filter((name) => /^\p{Lu}[\p{L}\p{M}'-]{2,}$/u.test(name))
    .slice(0, 400);

  it('tags text the same before and after a lexicon is compiled and used for extraction', () => {
    expect(singleWordNames.length).toBeGreaterThan(100);
    const before = tagsOf(singleWordNames);
    const compiled = compileLexicon(lexicon.entries);
    // Capitalised runs nobody knows send the name finder to compromise's tagger.
    const text = `${singleWordNames.slice(0, 40).join(', ')} and MONUSCO. Amara Kalomberi Tovidra met Lucas Mbedra Sato in Goma. The Ngaro Vikal Front said Kwame Tolori Dran had left.`;
    extractDocument({ id: 'a.txt', text }, { lexicon: compiled });
    extractDocument({ id: 'b.txt', text }, { lexicon });
    expect(tagsOf(singleWordNames)).toEqual(before);
  });

  it('gives a word its lexicon tag only through the lexicon passed', () => {
    const withLexicon = lexicalTags('Bamako', lexicon);
    expect(withLexicon.has('Place')).toBe(true);
    const other = compileLexicon([{ id: 'person:bamako-diarra', type: 'person', label: 'Bamako', aliases: [] }]);
    expect(lexicalTags('Bamako', other).has('Person')).toBe(true);
    expect(lexicalTags('Bamako', lexicon).has('Person')).toBe(false);
    expect(lexicalTags('Bamako').has('Person')).toBe(false);
  });
});
