// Promise: text from transcripts printed by inspect/diff can't drive the terminal (escape sequences) or reorder what it
// shows (bidi overrides), and names match whatever their case, accents or apostrophes.
import { describe, expect, it } from 'vitest';
import { foldName } from '../src/inspect.ts';
import { terminalSafe } from '../src/terminal.ts';

describe('terminalSafe', () => {
  it.each([
    ['an ANSI colour sequence', 'MONUSCO \u001b[31mred\u001b[0m', 'MONUSCO \ufffd[31mred\ufffd[0m'],
    ['a clear-screen sequence', '\u001b[2J\u001b[HUNIFIL', '\ufffd[2J\ufffd[HUNIFIL'],
    ['a right-to-left override', 'file\u202egnp.txt', 'file\ufffdgnp.txt'],
    ['isolates', '\u2066MINUSCA\u2069', '\ufffdMINUSCA\ufffd'],
    ['C1 controls', 'a\u0085b\u009bc', 'a\ufffdb\ufffdc'],
    ['newlines and tabs', 'one\ntwo\tthree', 'one two three'],
    ['ordinary accented text', 'Côte d’Ivoire – António Guterres', 'Côte d’Ivoire – António Guterres'],
    ['zero-width joiners (harmless, kept)', 'UN\u200dMISS', 'UN\u200dMISS'],
  ])('neutralises %s', (_name, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });
});

describe('foldName', () => {
  it.each([
    ['MONUSCO', 'monusco'],
    ['  Côte   d’Ivoire ', "cote d'ivoire"],
    ['COTE D\u2018IVOIRE', "cote d'ivoire"],
    ['António Guterres', 'antonio guterres'],
    ['ＵＮＩＦＩＬ', 'unifil'],
  ])('%j folds to %j', (input, expected) => {
    expect(foldName(input)).toBe(expected);
  });
});
