// FormFinder against the regex it stands for: a global, case-insensitive alternation of the forms' phrase
// patterns between word boundaries, on random texts and forms (same starts, same texts, same order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phrasePattern } from '../src/topics/candidates.ts';
import { FormFinder } from '../src/topics/forms.ts';
import { NOT_AFTER_WORD, NOT_BEFORE_WORD } from '../src/text/patterns.ts';

/** The alternation FormFinder replaces, built from the same forms in the same order. */
function referencePattern(forms: readonly string[]): RegExp {
  const bodies = [...new Set(forms.map(phrasePattern))];
  return new RegExp(`${NOT_AFTER_WORD}(?:${bodies.join('|')})${NOT_BEFORE_WORD}`, 'gi');
}

function matchesOf(pattern: { lastIndex: number; exec(text: string): { 0: string; index: number } | null }, text: string): [number, string][] {
  const found: [number, string][] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) found.push([match.index, match[0]]);
  return found;
}

const FORM_WORDS = ['peace', 'process', 'armed', 'group', 'groups', 'policy', 'crisis', 'ss', 'mission', 'µ-unit', 'μ-unit', 'ex-peace', "state's", 'café'];
const TEXT_PIECES = [...FORM_WORDS, 'Peace', 'PROCESSES', 'Groups', 'policies', 'Policy', 'crises', 'ſs', 'ı', 'İ', 'Μ-UNIT', 'CAFÉ', ' ', '  ', '\n', '\u00a0', '-', "'", '’', '2', '.', 'x', 'é', '\u0301', '😀'];

describe('FormFinder', () => {
  it('finds what the case-insensitive alternation of the forms finds', () => {
    const form = fc.array(fc.constantFrom(...FORM_WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(form, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 40 }), (forms, pieces) => {
        const text = pieces.join('');
        expect(matchesOf(new FormFinder(forms), text)).toEqual(matchesOf(referencePattern(forms), text));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('compares characters as the regex does without the u flag', () => {
    const text = Array.from({ length: 0x500 }, (_, unit) => String.fromCharCode(unit)).join(' ');
    for (const form of ['s', 'k', 'i', 'µ', 'é', 'ß', 'ÿ']) expect(matchesOf(new FormFinder([`${form}x`]), text.replace(/ /g, 'x '))).toEqual(matchesOf(referencePattern([`${form}x`]), text.replace(/ /g, 'x ')));
  });
});
