// Fourth round (recall): the general kinds of names three more unseen texts showed the extractor missing —
// resolutions in their other written forms, "U.N." inside names, ranks, named weeks, dateline credits, long turns.
import { describe, expect, it } from 'vitest';
import { defaultLexicon, extractDocument, type DocumentExtraction } from '../src/index.ts';

const lexicon = defaultLexicon();
const run = (text: string, id = 'doc.txt'): DocumentExtraction => extractDocument({ id, text }, { lexicon });
const ids = (text: string): string[] => run(text).entities.map((entity) => entity.id).sort();
const mentionsOf = (text: string, id: string): string[] =>
  run(text)
    .mentions.filter((mention) => mention.entity === id)
    .map((mention) => mention.surface);

describe('resolutions in the forms the field writes them', () => {
  it('reads UNSCR, SCR and the document symbol S/RES as resolutions, the Council inside them nested', () => {
    expect(ids('The Council adopted UNSCR 2692 on Friday.')).toEqual(['agreement:resolution-2692']);
    expect(ids('It cited SCR 2417 and S/RES/2692 (2023).')).toEqual(['agreement:resolution-2417', 'agreement:resolution-2692']);
    expect(ids('It recalled UNSC resolution 2417 (2018).')).toEqual(['agreement:resolution-2417']);
  });

  it('reads "Resolution No. 2719" and every number after a plural "resolutions"', () => {
    expect(ids('Under Security Council Resolution No. 2719, funding changed.')).toEqual(['agreement:resolution-2719']);
    expect(ids('It builds on resolutions 1325 (2000), 1820 (2008) and 1888.')).toEqual([
      'agreement:resolution-1325',
      'agreement:resolution-1820',
      'agreement:resolution-1888',
    ]);
  });

  it('counts the bare number of a resolution the document has cited, but not amounts, pages or years', () => {
    const text = 'Resolution 1325 (2000) changed that. Before 1325, nobody asked. Since 1325 was adopted, 1325 troops went home. See page 1325.';
    expect(mentionsOf(text, 'agreement:resolution-1325')).toEqual(['Resolution 1325 (2000)', '1325', '1325']);
    // A number that reads as a year stays a year, and a number no resolution citation introduced is nothing.
    expect(mentionsOf('Resolution 2000 (2011) passed. In 2000, things changed.', 'agreement:resolution-2000')).toHaveLength(1);
    expect(ids('Before 1325, nobody asked.')).toEqual([]);
  });
});

describe('names written the wire-service way', () => {
  it('matches "U.N." and "UN" inside lexicon names written with "United Nations", without a separate UN', () => {
    expect(ids('Officials at the Office of the U.N. High Commissioner for Human Rights spoke.')).toEqual([
      'organization:office-of-the-united-nations-high-commissioner-for-human-rights',
    ]);
    expect(ids('The U.N. Development Programme paid for it.')).toEqual(['organization:united-nations-development-programme']);
  });

  it('drops the agency credited in a dateline, keeping the dateline place', () => {
    expect(ids('PORT-AU-PRINCE, July 13, 2024 (Caribbean Wire) — Gangs blocked roads in Haiti.')).toEqual(['country:hti', 'place:port-au-prince']);
    // An acronym in parentheses after a name is no dateline.
    expect(ids('The African Union (AU) — and others — met.')).toEqual(['organization:african-union']);
  });
});

describe('people and events with a cue the earlier rounds did not read', () => {
  it('reads a military rank before a name as a title ("Major Suman Gawani")', () => {
    expect(ids('One of my colleagues, Major Suman Gawani from India, built a network.')).toEqual(['country:ind', 'person:suman-gawani']);
    expect(ids('The camp was inspected by Brigadier Kofi Boateng on Monday.')).toEqual(['person:kofi-boateng']);
  });

  it('reads "<place> <word> Week" as a named event, not the place', () => {
    expect(ids('They met at Geneva Peace Week in November.')).toEqual(['event:geneva-peace-week']);
  });
});

describe('transcripts whose speech follows the stamp and name on one long line', () => {
  const transcript = [
    'Panel 3 — Women in peace operations',
    '',
    '[00:00:05] Ingrid Solheim: Good morning, everyone, and welcome to this panel on women in peace operations, which the Norwegian institute is hosting this year.',
    '',
    '[00:01:02] Abena Mensah: Thank you. When I arrived in Juba in 2016 with UNMISS, women in the camps told us that patrols came too late and left far too early.',
    '',
    '[00:02:15] Ingrid Solheim: And what changed after that, in your view, for the women who had spoken to the mission and to the military component?',
  ].join('\n');

  it('reads the stamped names as speakers, who form no pairs with what they say', () => {
    const extraction = run(transcript);
    expect(extraction.document.speakers).toEqual(['Ingrid Solheim', 'Abena Mensah']);
    expect(extraction.coMentions.map((pair) => `${pair.source} ${pair.target}`)).toEqual(['mission:unmiss place:juba']);
  });
});
