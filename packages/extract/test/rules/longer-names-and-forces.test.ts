// Two lexicon rules the register needs: a person matched inside a longer name yields to that name, and a
// national force named "Armed Forces of <Country>" is not matched by the lower-case description of the country's forces.
import { describe, expect, it } from 'vitest';
import { compileLexicon, extractDocument, type LexiconEntry } from '../../src/index.ts';

// Invented entries, so that the rules are tested apart from the curated register.
const entries: LexiconEntry[] = [
  { id: 'person:amara-tessaly', type: 'person', label: 'Amara Tessaly', aliases: ['Amara Tessaly'], ambiguousAliases: ['Tessaly'], facts: { kind: 'person', country: 'country:nga' } },
  { id: 'person:odile-brevanne-kasongo', type: 'person', label: 'Odile Brevanne Kasongo', aliases: ['Odile Brevanne Kasongo', 'Odile Brevanne'], facts: { kind: 'person' } },
  { id: 'person:kofi-annan', type: 'person', label: 'Kofi Annan', aliases: ['Kofi Annan'], facts: { kind: 'person' } },
  { id: 'country:nga', type: 'country', label: 'Nigeria', aliases: ['Nigeria'], demonyms: ['Nigerian', 'Nigerians'] },
  { id: 'country:lbr', type: 'country', label: 'Liberia', aliases: ['Liberia'], demonyms: ['Liberian'] },
  { id: 'organization:armed-forces-of-nigeria', type: 'organization', label: 'Armed Forces of Nigeria', aliases: ['Armed Forces of Nigeria'], facts: { kind: 'national armed forces', country: 'country:nga' } },
  { id: 'organization:police-force-of-liberia', type: 'organization', label: 'Police Force of Liberia', aliases: ['Police Force of Liberia'], facts: { kind: 'national police', country: 'country:lbr' } },
  { id: 'organization:council-for-peace-and-reconciliation', type: 'organization', label: 'Council for Peace and Reconciliation', aliases: ['Council for Peace and Reconciliation'], facts: { kind: 'national body' } },
];
const lexicon = compileLexicon(entries);

function pairs(text: string, useNer = true): string[] {
  return extractDocument({ id: 'doc.txt', text }, { lexicon, useNer }).mentions.map((mention) => `${mention.surface} → ${mention.entity}`);
}

function labelOf(text: string, id: string): string | undefined {
  return extractDocument({ id: 'doc.txt', text }, { lexicon }).entities.find((entity) => entity.id === id)?.label;
}

describe('a lexicon person inside a longer name (rule A)', () => {
  it('a further name part after the match joins it, and the entry keeps the mention and its label', () => {
    const text = 'Amara Tessaly Okonjo, the Special Representative, briefed the Council on Monday.';
    expect(pairs(text)).toContain('Amara Tessaly Okonjo → person:amara-tessaly');
    expect(pairs(text).filter((pair) => pair.includes('Okonjo'))).toEqual(['Amara Tessaly Okonjo → person:amara-tessaly']);
    expect(labelOf(text, 'person:amara-tessaly')).toBe('Amara Tessaly');
  });

  it('a name part before the match joins it too', () => {
    expect(pairs('Yesterday Ngozi Amara Tessaly arrived in Abuja.')).toContain('Ngozi Amara Tessaly → person:amara-tessaly');
  });

  it('in a lexicon-only run the entry still takes the longer name', () => {
    expect(pairs('Amara Tessaly Okonjo spoke first.', false)).toEqual(['Amara Tessaly Okonjo → person:amara-tessaly']);
  });

  it('a longer name that lacks one of the entry\'s name parts is another person', () => {
    // The entry is "Odile Brevanne Kasongo"; the text matched its shorter alias "Odile Brevanne" and goes on with "Mutombo".
    const found = pairs('Odile Brevanne Mutombo chaired the meeting in Goma.');
    expect(found).toContain('Odile Brevanne Mutombo → person:odile-brevanne-mutombo');
    expect(found.some((pair) => pair.endsWith('person:odile-brevanne-kasongo'))).toBe(false);
  });

  it('the lexicon-only run names no one rather than the wrong entry', () => {
    expect(pairs('Odile Brevanne Mutombo chaired the meeting.', false)).toEqual([]);
  });

  it('the full name and the shorter alias are still the entry where nothing follows', () => {
    expect(pairs('Odile Brevanne Kasongo spoke. Later Odile Brevanne answered questions.')).toEqual([
      'Odile Brevanne Kasongo → person:odile-brevanne-kasongo',
      'Odile Brevanne → person:odile-brevanne-kasongo',
    ]);
  });

  const unchanged: [what: string, text: string, expected: string][] = [
    ['a title before the name is no name part', 'Special Representative Amara Tessaly briefed the Council.', 'Amara Tessaly → person:amara-tessaly'],
    ['an English word after the name is no name part', 'On Monday Amara Tessaly Said nothing of the vote.', 'Amara Tessaly → person:amara-tessaly'],
    ['a country after the name is the country', 'The envoy met Amara Tessaly Nigeria style, informally.', 'Amara Tessaly → person:amara-tessaly'],
    ['a demonym before the name is no name part', 'The Nigerian Amara Tessaly briefed the Council.', 'Amara Tessaly → person:amara-tessaly'],
    ['a possessive ends the name', "Amara Tessaly's report was short.", 'Amara Tessaly → person:amara-tessaly'],
    ['a comma ends the name', 'Amara Tessaly, Okonjo and others signed.', 'Amara Tessaly → person:amara-tessaly'],
  ];
  it.each(unchanged)('%s', (_what, text, expected) => {
    expect(pairs(text)).toContain(expected);
  });

  it('a person inside the name of a body is not made a longer person', () => {
    const found = pairs('She trained at the Kofi Annan Mensahville Peacekeeping Training Centre in Accra.');
    expect(found.filter((pair) => pair.includes('person:') && pair !== 'Kofi Annan → person:kofi-annan')).toEqual([]);
  });
});

describe('descriptive "armed forces of <Country>" (rule B)', () => {
  it('the lower-case description stays a mention of the country', () => {
    expect(pairs('Officers of the armed forces of Nigeria trained with the mission.')).toEqual(['Nigeria → country:nga']);
    expect(pairs('The police force of Liberia took over the checkpoints.')).toEqual(['Liberia → country:lbr']);
  });

  it('the force written with its capitals is the force', () => {
    expect(pairs('Officers of the Armed Forces of Nigeria trained with the mission.')).toEqual(['Armed Forces of Nigeria → organization:armed-forces-of-nigeria']);
  });

  it('other names of three words with a small word still match without their capitals', () => {
    expect(pairs('She sits on the council for peace and reconciliation.', false)).toEqual(['council for peace and reconciliation → organization:council-for-peace-and-reconciliation']);
  });

  it('a transcript written without capitals reads the description as the country', () => {
    const text = 'so we worked with the armed forces of nigeria on the border and the people there told us a lot about what they needed from the mission';
    expect(pairs(text)).toEqual(['nigeria → country:nga']);
  });
});
