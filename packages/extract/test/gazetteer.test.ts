// Places from the generated gazetteer in running text: found with capitals and context, never in ordinary
// English, even where the country they belong to is named in the same document.
import { describe, expect, it } from 'vitest';
import { defaultLexicon, extractDocument } from '../src/index.ts';

function placesIn(text: string): string[] {
  const extraction = extractDocument({ id: 'doc.txt', text }, { lexicon: defaultLexicon() });
  return extraction.entities.filter((entity) => entity.type === 'place').map((entity) => entity.id).sort();
}

describe('gazetteer places', () => {
  it('finds host-country towns and provinces the curated lexicon did not list', () => {
    expect(placesIn('MONUSCO reinforced its base in Kindu, in the Democratic Republic of the Congo.')).toContain('place:kindu');
    expect(placesIn('Clashes in Ouaka prefecture displaced families across the Central African Republic.')).toContain('place:ouaka');
    expect(placesIn('Peacekeepers from UNOCI patrolled in Man, in western Côte d’Ivoire.')).toContain('place:man');
  });

  it('finds no place in English sentences whose words are also towns, with or without their country named', () => {
    const sentences = [
      "Man, that was a long night, said an officer in Côte d'Ivoire.",
      'The man who led the patrol in Côte d’Ivoire was promoted.',
      'Same as last year, Croatia and its partners met. Split decisions were taken on the budget.',
      'Mary Robinson spoke about Turkmenistan and the Caspian.',
      'Victoria stood on the podium while Seychelles observers watched.',
      'Harper and Buchanan wrote the report on Liberia together.',
      'The central question for Ghana is the Eastern corridor.',
      'A dome of smoke rose over the capital as Ghana voted.',
      'Florencia was the name of the nurse in Colombia.',
      'The tyre burst on the road south of Lebanon’s border.',
      'Central and Eastern delegations sent observers to Uganda.',
      'Salem is a word in the hymn they sang in India.',
    ];
    for (const sentence of sentences) expect(placesIn(sentence), sentence).toEqual([]);
  });

  it('leaves a town name inside a longer capitalised name to that name', () => {
    expect(placesIn('The Final Agreement was signed at the Teatro Colón in Bogotá, Colombia.')).not.toContain('place:colon');
  });
});
