// People the people rules find: full names after a role title or affiliation, names in capitals that label a
// turn, names alone in a table cell or credit part, and later surnames joined to the full name given before.
import { describe, expect, it } from 'vitest';
import { extractText, mentionPairs } from './rules-helpers.ts';

describe('people rules', () => {
  const found: [rule: string, text: string, expected: string][] = [
    ['name after "Head of <mission>"', 'Head of UNMISS Nicholas Haysom briefed the Council on Monday.', 'Nicholas Haysom → person:nicholas-haysom'],
    ['name after a country and "Secretary of State"', 'US Secretary of State Antony Blinken arrived in Nairobi.', 'Antony Blinken → person:antony-blinken'],
    ['name after "Minister of Foreign Affairs"', 'Minister of Foreign Affairs Dagmar Holzinger met the envoy.', 'Dagmar Holzinger → person:dagmar-holzinger'],
    ['name after "Force Commander"', 'Force Commander Mohan Subramanian inspected the base in Bor.', 'Mohan Subramanian → person:mohan-subramanian'],
    ['possessive after the name is not part of it', "Spokesperson Farhan Haq's statement was short.", 'Farhan Haq → person:farhan-haq'],
    ['title and name in capitals in a transcript', 'Remarks by SPECIAL REPRESENTATIVE ROSALIND MARSDEN at the press stakeout.', 'ROSALIND MARSDEN → person:rosalind-marsden'],
    ['a turn label in capitals', 'PETRA LINDQVIST: Thank you for having me on the programme.', 'PETRA LINDQVIST → person:petra-lindqvist'],
    ['an Arabic surname with its article after a title', 'The letter came from Prime Minister Ahmed Salim al-Hakim last week.', 'Ahmed Salim al-Hakim → person:ahmed-salim-al-hakim'],
    ['a French title before a name', 'Le Président Mahamat Idriss Déby a reçu la délégation.', 'Mahamat Idriss Déby → person:mahamat-idriss-deby'],
    ['a name alone in a table cell', '| Michael Keating | Special Representative | Somalia |', 'Michael Keating → person:michael-keating'],
    ['a name in a credit split by a backslash', 'Photo: UNMISS\\Gregorio Cunha', 'Gregorio Cunha → person:gregorio-cunha'],
  ];
  it.each(found)('%s', (_rule, text, expected) => {
    expect(mentionPairs(text)).toContain(expected);
  });

  const notPeople: [rule: string, text: string, absent: RegExp][] = [
    ['a role title alone is no person', 'The Senior Civil Affairs Officer visited the camp.', /→ person:/],
    ['words after a title that read as English are no name', 'The President Said Nothing about the vote.', /→ person:/],
    ['a capitals label that is a heading word', 'QUESTION: When will the mission leave?', /→ person:/],
    ['a line all in capitals gives no name boundary', 'SPECIAL REPRESENTATIVE ROSALIND MARSDEN ARRIVED IN KHARTOUM', /person:rosalind-marsden-arrived/],
    ['a table cell that is a place', '| Juba | Central Equatoria | 2024 |', /→ person:/],
  ];
  it.each(notPeople)('%s', (_rule, text, absent) => {
    expect(mentionPairs(text).filter((pair) => absent.test(pair))).toEqual([]);
  });

  it('"Ambassador <Surname>" joins the full name given earlier', () => {
    const pairs = mentionPairs('Ambassador Linda Thomas-Greenfield spoke first. Later, Ambassador Thomas-Greenfield answered questions.');
    expect(pairs).toContain('Thomas-Greenfield → person:linda-thomas-greenfield');
    expect(pairs.filter((pair) => pair.startsWith('Thomas-Greenfield →'))).toEqual(['Thomas-Greenfield → person:linda-thomas-greenfield']);
  });

  it("a titled person's later surname, alone or after an honorific, is that person", () => {
    const extraction = extractText('Head of UNMISS Nicholas Haysom briefed the Council. Haysom warned of delays. Mr. Haysom then left for Juba.');
    const haysom = extraction.entities.find((entity) => entity.id === 'person:nicholas-haysom');
    expect(haysom?.mentions).toBe(3);
    expect(extraction.entities.filter((entity) => entity.type === 'person').map((entity) => entity.id)).toEqual(['person:nicholas-haysom']);
  });

  it('the leader named after "Government of" is the person, and no body is named after them (veto)', () => {
    expect(mentionPairs('The Government of Salva Kiir rejected the proposal.')).toEqual(['Salva Kiir → person:salva-kiir']);
  });
});
