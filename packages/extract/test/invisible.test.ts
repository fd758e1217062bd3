// Invisible characters that web pages and chat tools leave inside words (issue 16, defect 11): they are
// removed before recognition, so the name inside them is found, and they never reach the evidence.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/index.ts';
import { testLexicon } from './helpers.ts';

const invisible: [name: string, character: string][] = [
  ['soft hyphen U+00AD', '\u00ad'],
  ['Arabic letter mark U+061C', '\u061c'],
  ['combining grapheme joiner U+034F', '\u034f'],
  ['Mongolian vowel separator U+180E', '\u180e'],
  ['Hangul filler U+3164', '\u3164'],
  ['variation selector 16 U+FE0F', '\ufe0f'],
  ['tag character U+E0041', '\u{e0041}'],
  ['cancel tag U+E007F', '\u{e007f}'],
];

describe('invisible characters inside names', () => {
  it.each(invisible)('%s inside MONUSCO and Mali is removed before recognition and from the evidence', (_name, character) => {
    const text = `The head of MON${character}USCO travelled to Ma${character}li last week.`;
    const result = extractDocument({ id: 'copied.txt', text }, { lexicon: testLexicon });
    expect(result.entities.map((entity) => entity.id)).toEqual(['country:mli', 'mission:monusco']);
    expect(result.sentences.map((sentence) => sentence.text)).toEqual(['The head of MONUSCO travelled to Mali last week.']);
    expect(result.mentions.map((mention) => mention.surface)).toEqual(['MONUSCO', 'Mali']);
    expect(result.warnings.some((warning) => warning.includes('removed 2 control or invisible characters'))).toBe(true);
  });

  it('keeps visible text that shares blocks with the removed characters (Hangul syllables, Arabic letters, emoji)', () => {
    const text = 'MONUSCO met 한국 delegates and مالي officials 👍.';
    const result = extractDocument({ id: 'kept.txt', text }, { lexicon: testLexicon });
    expect(result.sentences[0]?.text).toBe(text);
  });
});
