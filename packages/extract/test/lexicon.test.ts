// Lexicon compilation: every validation problem names the entry it is in; the compiled matcher follows
// the capitalisation rules; defaultLexicon loads the curated data.
import { describe, expect, it } from 'vitest';
import { type LexiconEntry, compileLexicon, defaultLexicon } from '../src/index.ts';
import { testEntries } from './fixtures/lexicon.ts';

const good: LexiconEntry = { id: 'mission:unmiss', type: 'mission', label: 'UNMISS', aliases: ['UNMISS'] };

describe('compileLexicon validation', () => {
  const rows: [problem: string, entries: unknown[], message: string][] = [
    ['id without type prefix', [{ ...good, id: 'unmiss' }], 'extract/compileLexicon: entry "unmiss": id must be "type:slug" with a lower-case ASCII slug'],
    ['id prefix and type disagree', [{ ...good, type: 'country' }], 'extract/compileLexicon: entry "mission:unmiss": id prefix "mission" does not match type "country"'],
    ['unknown type', [{ ...good, id: 'ship:x', type: 'ship' }], 'extract/compileLexicon: entry "ship:x": type must be one of'],
    ['duplicate id', [good, good], 'extract/compileLexicon: entry "mission:unmiss": duplicate id'],
    ['empty label', [{ ...good, label: ' ' }], 'extract/compileLexicon: entry "mission:unmiss": label must be a non-empty string'],
    ['aliases not an array', [{ ...good, aliases: 'UNMISS' }], 'extract/compileLexicon: entry "mission:unmiss": aliases must be an array of strings'],
    ['empty alias', [{ ...good, aliases: ['UNMISS', ''] }], 'extract/compileLexicon: entry "mission:unmiss": aliases[1] must be a non-empty string'],
    ['bad relation fact', [{ ...good, facts: { hostCountry: 'South Sudan' } }], 'extract/compileLexicon: entry "mission:unmiss": facts.hostCountry must be an entity id'],
    ['bad year', [{ ...good, facts: { startYear: 11 } }], 'extract/compileLexicon: entry "mission:unmiss": facts.startYear must be a year'],
    ['non-finite fact', [{ ...good, facts: { troops: Number.NaN } }], 'extract/compileLexicon: entry "mission:unmiss": facts.troops must be a string, finite number, boolean or string array'],
    ['same alias on two entries', [good, { id: 'mission:other', type: 'mission', label: 'Other', aliases: ['UNMISS'] }], 'extract/compileLexicon: entry "mission:unmiss": alias "UNMISS" already names "mission:other"'],
    ['entry not an object', [null], 'extract/compileLexicon: entry "#0": is not an object'],
  ];
  it.each(rows)('%s', (_problem, entries, message) => {
    expect(() => compileLexicon(entries as LexiconEntry[])).toThrow(message);
  });

  it('gives the same version for the same entries and another for other entries', () => {
    expect(compileLexicon(testEntries).version).toBe(compileLexicon([...testEntries]).version);
    expect(compileLexicon(testEntries).version).not.toBe(compileLexicon(testEntries.slice(1)).version);
  });
});

describe('matcher', () => {
  const lexicon = compileLexicon(testEntries);
  const rows: [text: string, surfaces: string[]][] = [
    ['MONUSCO, monusco, Monusco', ['MONUSCO']],
    // A two-word proper name keeps the capital of its first word; a generic head noun after it may lose its own.
    ['Security Council, security council, Security council', ['Security Council', 'Security council']],
    ['the Council, The Council, the council', ['the Council', 'The Council']],
    ['Mali, mali, Malian', ['Mali', 'Malian']],
    ['names in capitals (four letters or more), as in datelines: HAITI, SECURITY COUNCIL, MALI', ['HAITI', 'SECURITY COUNCIL', 'MALI']],
    ['PoC and POC and poc', ['PoC', 'POC']],
    ['Côte d’Ivoire, Cote d\'Ivoire', ['Côte d’Ivoire', "Cote d'Ivoire"]],
  ];
  it.each(rows)('%s', (text, surfaces) => {
    expect(lexicon.matcher.scan(text).map((hit) => hit.surface)).toEqual(surfaces);
  });
});

describe('defaultLexicon', () => {
  it('loads and validates the curated lexicon once', () => {
    const lexicon = defaultLexicon();
    expect(defaultLexicon()).toBe(lexicon);
    expect(lexicon.get('mission:monusco')?.type).toBe('mission');
    expect(lexicon.get('country:cod')?.label).toBe('Democratic Republic of the Congo');
    expect(new Set(lexicon.entries.map((entry) => entry.type))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(lexicon.entries.length).toBeGreaterThan(300);
  });
});
