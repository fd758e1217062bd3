// Bodies named after a known country, place, mission or organisation (forces, divisions, sections, panels,
// commissions), and long names with a head and a complement that contain a known name: the longer name wins.
import { describe, expect, it } from 'vitest';
import { mentionPairs } from './rules-helpers.ts';

describe('bodies and long names', () => {
  const rows: [rule: string, text: string, expected: string[]][] = [
    ['a country\'s defence forces, over the country', 'The Kenya Defence Forces sent a battalion.', ['Kenya Defence Forces → organization:kenya-defence-forces']],
    ['a country\'s armed forces', 'Officers of the Ghana Armed Forces trained in Accra.', ['Ghana Armed Forces → organization:ghana-armed-forces', 'Accra → place:accra']],
    ['forces named with a demonym and a word between', "The Uganda People's Defence Force deployed to Mogadishu.", ["Uganda People's Defence Force → organization:uganda-peoples-defence-force", 'Mogadishu → place:mogadishu']],
    ['a mission division, over the mission and the concept', 'The UNMISS Human Rights Division documented the killings.', ['UNMISS Human Rights Division → organization:unmiss-human-rights-division']],
    ['a mission section', 'The MONUSCO Civil Affairs Section met local leaders.', ['MONUSCO Civil Affairs Section → organization:monusco-civil-affairs-section']],
    ['a panel of a known organisation', 'The African Union High-Level Implementation Panel met the parties.', ['African Union High-Level Implementation Panel → organization:african-union-high-level-implementation-panel']],
    ['a commission named after a country, with its complement', 'The Kenya National Commission on Human Rights issued a statement.', ['Kenya National Commission on Human Rights → organization:kenya-national-commission-on-human-rights']],
    ['a transitional government of a country', 'The Transitional Government of South Sudan was sworn in.', ['Transitional Government of South Sudan → organization:transitional-government-of-south-sudan']],
    ['a centre for a known concept', 'The Global Centre for the Responsibility to Protect hosted the panel.', ['Global Centre for the Responsibility to Protect → organization:global-centre-for-the-responsibility-to-protect']],
    ['an agreement whose complement lists places', 'Both sides signed the Agreement on the Ports of Mombasa, Lamu and Kisumu in Nairobi.', ['Agreement on the Ports of Mombasa, Lamu and Kisumu → agreement:agreement-on-the-ports-of-mombasa-lamu-and-kisumu', 'Nairobi → place:nairobi']],
    ['a named agreement the name finder cut at "and"', 'The Bangui Accord for Peace and National Unity was signed on a Friday.', ['Bangui Accord for Peace and National Unity → agreement:bangui-accord-for-peace-and-national-unity']],
    ['a university of a known place', 'She teaches at the University of Nairobi.', ['University of Nairobi → organization:university-of-nairobi']],
  ];
  it.each(rows)('%s', (_rule, text, expected) => {
    expect(mentionPairs(text)).toEqual(expected);
  });

  const kept: [rule: string, text: string, expected: string[]][] = [
    ['"Government of <country>" is the country', 'The Government of Liberia asked for help.', ['Liberia → country:lbr']],
    ['a role title after a place keeps the place', 'The Haiti Police Chief resigned.', ['Haiti → country:hti']],
    ['"<mission> Head of Office" is a title, not a body', 'The UNMISS Head of Office in Bor spoke.', ['UNMISS → mission:unmiss', 'Bor → place:bor']],
    ['a body whose name goes on with "to" is left whole to the name finder', 'The UNMISS Joint Team to Support Elections met.', ['UNMISS → mission:unmiss']],
    ['two bodies joined by "and the" stay two', 'The Government of Mali and the African Union signed.', ['Mali → country:mli', 'African Union → organization:african-union']],
  ];
  it.each(kept)('%s', (_rule, text, expected) => {
    expect(mentionPairs(text)).toEqual(expected);
  });
});
