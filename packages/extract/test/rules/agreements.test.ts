// Agreements the agreement rules find beyond "resolution NNNN (YYYY)": the Charter, one- and two-digit
// resolutions, status-of-forces agreements, ceasefires named by a date, and variant forms joining one entity.
import { describe, expect, it } from 'vitest';
import { extractText, mentionPairs } from './rules-helpers.ts';

describe('agreement rules', () => {
  const found: [rule: string, text: string, expected: string][] = [
    ['"the Charter" in a text about the UN', 'The Security Council acts under the Charter when it authorizes force.', 'Charter → agreement:charter-of-the-united-nations'],
    ['"the Charter" after an article number', 'UNMISS cited Article 2 of the Charter in its report.', 'Charter → agreement:charter-of-the-united-nations'],
    ['capitalised two-digit resolution', 'Resolution 39 set up a commission on Kashmir.', 'Resolution 39 → agreement:resolution-39'],
    ['resolution cited with the Council acronym', 'UNSC Resolution 47 asked for a plebiscite.', 'UNSC Resolution 47 → agreement:resolution-47'],
    ['lower-case resolution with its year', 'The Council adopted resolution 50 (1948) on Palestine.', 'resolution 50 (1948) → agreement:resolution-50'],
    ['status-of-forces agreement written out', 'UNISFA still awaits a status-of-forces agreement with Sudan.', 'status-of-forces agreement → concept:status-of-forces-agreement'],
    ['status-of-forces agreement as an acronym', 'The mission signed its SOFA in March.', 'SOFA → concept:status-of-forces-agreement'],
    ['ceasefire named by a full date, lower case', 'Both sides broke the 27 July 2023 ceasefire agreement within days.', '27 July 2023 ceasefire agreement → agreement:ceasefire-agreement-of-27-july-2023'],
    ['capitalised ceasefire with the date after', 'Monitors verified the Ceasefire Agreement of 5 May 2006 in Darfur.', 'Ceasefire Agreement of 5 May 2006 → agreement:ceasefire-agreement-of-5-may-2006'],
    ['capitalised peace agreement named by a year', 'The 2015 Peace Agreement was never implemented in full.', '2015 Peace Agreement → agreement:peace-agreement-of-2015'],
  ];
  it.each(found)('%s', (_rule, text, expected) => {
    expect(mentionPairs(text)).toContain(expected);
  });

  const notAgreements: [rule: string, text: string, absent: RegExp][] = [
    ['"the Charter" in a text that names no UN body', 'The club members amended the Charter last year.', /agreement:charter/],
    ['a General Assembly resolution', 'The General Assembly adopted resolution 12 on its agenda.', /agreement:resolution-12/],
    ['a lower-case resolution number without year or Council', 'The draft resolution 3 was withdrawn.', /agreement:resolution-3/],
    ['a lower-case ceasefire with a year only is a description', 'The 2018 ceasefire agreement did not hold.', /agreement:ceasefire/],
  ];
  it.each(notAgreements)('%s', (_rule, text, absent) => {
    expect(mentionPairs(text).filter((pair) => absent.test(pair))).toEqual([]);
  });

  it('the written-out and acronym forms of a status-of-forces agreement are one entity', () => {
    // The lexicon registers the status-of-forces agreement as a concept (data/lexicon/concepts.json).
    const entities = extractText('UNMISS signed a status-of-forces agreement. The SOFA guarantees free movement.').entities.filter((entity) => entity.id.endsWith(':status-of-forces-agreement'));
    expect(entities.map((entity) => [entity.id, entity.mentions])).toEqual([['concept:status-of-forces-agreement', 2]]);
  });

  it('a ceasefire written with its full date and by its year only is one entity', () => {
    const entities = extractText('The Ceasefire Agreement of 12 March 2021 was signed in Juba. Violations of the 2021 Ceasefire Agreement followed.').entities.filter((entity) => entity.type === 'agreement');
    expect(entities.map((entity) => entity.id)).toEqual(['agreement:ceasefire-agreement-of-12-march-2021']);
  });

  it('the short form and the dated short form of a named agreement join it', () => {
    const text =
      'The Revitalized Agreement on the Resolution of the Conflict in the Republic of South Sudan was signed in 2018. The Revitalized Agreement set a timeline. Critics of the 2018 Revitalized Agreement spoke out.';
    const ids = extractText(text).entities.filter((entity) => entity.type === 'agreement').map((entity) => [entity.id, entity.mentions]);
    expect(ids).toEqual([['agreement:r-arcss', 3]]);
  });
});
