// Sentence splitting: abbreviations, initials, decimals, ellipses, quotes, and the hard length limit.
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_LENGTH, splitSentences } from '../src/text/sentences.ts';

function split(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end));
}

describe('splitSentences', () => {
  const rows: [rule: string, text: string, expected: string[]][] = [
    ['plain periods', 'One. Two. Three.', ['One.', 'Two.', 'Three.']],
    ['titles never end a sentence', 'Mr. Lacroix met Dr. Smith and Ms. Lute.', ['Mr. Lacroix met Dr. Smith and Ms. Lute.']],
    ['dotted acronyms inside a sentence', 'The U.N. Security Council and the U.S. Government met.', ['The U.N. Security Council and the U.S. Government met.']],
    ['dotted acronym at a sentence end before an opener', 'He went to the U.S. The talks began.', ['He went to the U.S.', 'The talks began.']],
    ['initials', 'J. R. R. Tolkien wrote it.', ['J. R. R. Tolkien wrote it.']],
    ['e.g. and i.e.', 'Some missions, e.g. MONUSCO, i.e. the big ones, stayed.', ['Some missions, e.g. MONUSCO, i.e. the big ones, stayed.']],
    ['numbers after No.', 'See resolution No. 2098 for details.', ['See resolution No. 2098 for details.']],
    ['St. before a name', 'They met in St. Petersburg.', ['They met in St. Petersburg.']],
    ['decimals', 'Growth was 3.5 per cent. Then it fell.', ['Growth was 3.5 per cent.', 'Then it fell.']],
    ['ellipsis before a capital splits', 'They helped... It is important.', ['They helped...', 'It is important.']],
    ['ellipsis before lower case does not split', 'We need support ... and resources.', ['We need support ... and resources.']],
    ['closing quote stays with its sentence', '“Peace is at a crossroads.” He left.', ['“Peace is at a crossroads.”', 'He left.']],
    ['question and exclamation marks', 'Why? Because! Yes.', ['Why?', 'Because!', 'Yes.']],
    ['lower case after a period does not split', 'It was approx. ten people.', ['It was approx. ten people.']],
    ['punctuation-only pieces are dropped', '... !!! ??? Real text.', ['Real text.']],
  ];
  it.each(rows)('%s', (_rule, text, expected) => {
    expect(split(text)).toEqual(expected);
  });

  it('cuts a run without punctuation into pieces no longer than the limit', () => {
    const words = Array.from({ length: 5000 }, (_value, index) => `word${index}`).join(' ');
    const pieces = split(words);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length <= MAX_SENTENCE_LENGTH)).toBe(true);
    expect(pieces.join(' ')).toBe(words);
  });
});
