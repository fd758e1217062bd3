// Hostile input never crashes or hangs: control characters, long punctuation runs, a 1 MB "sentence",
// binary bytes, lone surrogates; plus a property test over arbitrary strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DocumentExtraction, extractDocument } from '../src/index.ts';
import { testLexicon } from './helpers.ts';

/** The invariants every extraction keeps, whatever the input; returns the violations found. */
function violations(result: DocumentExtraction): string[] {
  const problems: string[] = [];
  const sentences = new Map(result.sentences.map((sentence) => [sentence.index, sentence.text]));
  for (const mention of result.mentions) {
    const text = sentences.get(mention.sentence);
    if (text === undefined) problems.push(`mention in missing sentence ${mention.sentence}`);
    else if (mention.start < 0 || mention.end > text.length || mention.start >= mention.end) problems.push(`mention ${mention.start}-${mention.end} outside sentence ${mention.sentence}`);
    else if (text.slice(mention.start, mention.end) !== mention.surface) problems.push(`surface "${mention.surface}" is not the text slice`);
  }
  for (const pair of result.coMentions) if (!(pair.source < pair.target)) problems.push(`co-mention ${pair.source} / ${pair.target} out of order`);
  JSON.stringify(result);
  return problems;
}

function expectWellFormed(result: DocumentExtraction): void {
  expect(violations(result)).toEqual([]);
}

function run(text: string): DocumentExtraction {
  return extractDocument({ id: 'hostile.txt', text }, { lexicon: testLexicon, topics: true });
}

const KB = 1024;
const punctuationRuns = ['.', '*', '_', '[', '(', '<', '-', '!', '`', '#', '|', '~', ',', '"', '…', ':'].map((mark): [string, string] => [`200 KB of "${mark}"`, mark.repeat(200 * KB)]);

describe('hostile input', () => {
  const rows: [name: string, text: string][] = [
    ['every control character', Array.from({ length: 32 }, (_value, code) => `MONUSCO${String.fromCharCode(code)}x`).join(' ') + '\u007f\u0085\u009f'],
    ['zero-width and right-to-left override characters', 'MON\u200bUSCO \u202eMINUSCA\u202c and Mali\u200d.'],
    ['lone surrogates', '\ud800MONUSCO \udc00 Mali \ud83d.'],
    ['binary bytes decoded as text', Array.from({ length: 64 * KB }, (_value, index) => String.fromCharCode((index * 7919) % 256)).join('')],
    ['a 1 MB "sentence" without punctuation', 'MONUSCO and Mali '.repeat((1024 * KB) / 17)],
    ['a 1 MB run of capitalised words', 'Alpha Beta Gamma Delta '.repeat((1024 * KB) / 23)],
    ['a 1 MB line without spaces', 'x'.repeat(1024 * KB)],
    ['an HTML error page', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>'],
    ['empty', ''],
    ['whitespace only', ' \n\t\n '.repeat(1000)],
    ...punctuationRuns,
  ];
  it.each(rows)('%s', (_name, text) => {
    const result = run(text);
    expectWellFormed(result);
    expect(result.document.characters).toBe(text.length);
  });

  it('still finds entities around hostile characters', () => {
    const result = run('MON\u0000USCO left. \u202eMINUSCA\u202c stayed in Mali\u0007.');
    // The NUL inside MONUSCO is removed, so the name is whole again.
    expect(result.entities.map((entity) => entity.id)).toEqual(['country:mli', 'mission:minusca', 'mission:monusco']);
    expect(result.warnings.some((warning) => warning.startsWith('extract/readDocument: hostile.txt: removed'))).toBe(true);
  });

  it('any string: no throw, mentions inside their sentence, surface equals the text slice', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('MONUSCO', "MONUSCO's", 'Mali', 'CAR', 'Central African Republic', 'the Council', 'Security Council', 'Mr. Lacroix', 'Jean-Pierre Lacroix', ' mission in ', '\n\n', 'Jane Doe 00:12\n', 'WEBVTT\n\n', '00:00:01.000 --> 00:00:02.000\n', '<v Jane>', '. ', '... ', '[', '](', ')', '**'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        expectWellFormed(extractDocument({ id: 'prop', text: parts.join('') }, { lexicon: testLexicon, useNer: true, topics: true }));
      }),
      { numRuns: 300, seed: 20250311 },
    );
  });
});
