// Named events the events rules find (wars, civil wars, dated and place-named crises, epidemics, earthquakes,
// coups) and descriptions they leave alone, each row a sentence written for this test.
import { describe, expect, it } from 'vitest';
import { mentionPairs } from './rules-helpers.ts';

describe('events rules', () => {
  const found: [rule: string, text: string, expected: string][] = [
    ['ordinal war', 'Millions died during the Second Congo War and its aftermath.', 'Second Congo War → event:second-congo-war'],
    ['civil war named by a nationality', 'Beirut was rebuilt after the Lebanese Civil War ended.', 'Lebanese Civil War → event:lebanese-civil-war'],
    ['ordinal civil war named by a nationality', 'The First Liberian Civil War began in 1989.', 'First Liberian Civil War → event:first-liberian-civil-war'],
    ['dated war named by a country, over the country', 'UNIFIL was reinforced after the 2006 Lebanon War.', '2006 Lebanon War → event:2006-lebanon-war'],
    ['war with a complement', 'Eritrea won the Eritrean War of Independence in 1991.', 'Eritrean War of Independence → event:eritrean-war-of-independence'],
    ['dated epidemic with place and disease', 'UNMEER was set up during the 2014 West Africa Ebola epidemic.', '2014 West Africa Ebola epidemic → event:2014-west-africa-ebola-epidemic'],
    ['dated coup named by a country', 'The mission drew down after the 2012 Mali coup.', '2012 Mali coup → event:2012-mali-coup'],
    ['dated crisis with a qualifier', 'Thousands fled the 2011 post-electoral crisis in Abidjan.', '2011 post-electoral crisis → event:2011-post-electoral-crisis'],
    ['place-named earthquake without a year', 'The Nepal earthquake damaged many schools.', 'Nepal earthquake → event:nepal-earthquake'],
    ['capitalised crisis', 'The Suez Crisis led to the first armed peacekeeping force.', 'Suez Crisis → event:suez-crisis'],
    ['a war named by two nationalities joined by a dash', 'Refugees returned after the Ethiopian–Eritrean War ended.', 'Ethiopian–Eritrean War → event:eritrean-ethiopian-war'],
    ['a place-named bombing', 'Staff still remember the Mogadishu bombing of October 2017.', 'Mogadishu bombing → event:mogadishu-bombing'],
    ['world war with a numeral', 'The Charter was written after World War II ended.', 'World War II → event:world-war-ii'],
  ];
  it.each(found)('%s', (_rule, text, expected) => {
    expect(mentionPairs(text)).toContain(expected);
  });

  const notEvents: [rule: string, text: string, absent: RegExp][] = [
    ['"Civil War" alone names nothing', 'Civil War broke out again in the north.', /→ event:/],
    ['a dated description with no name', 'The 2011 crisis displaced many people.', /→ event:/],
    ['a lower-case war without year', 'The war in the east continued for years.', /→ event:/],
    ['a head followed by another capitalised word belongs to a longer name', 'The International Crisis Group published a report.', /Crisis → event:/],
    ['a civil war with only a year is a description', 'The 2013 civil war displaced two million people.', /→ event:/],
    ['an event head after a clause opener alone', 'After War, nothing was the same for them.', /→ event:/],
  ];
  it.each(notEvents)('%s', (_rule, text, absent) => {
    expect(mentionPairs(text).filter((pair) => absent.test(pair))).toEqual([]);
  });

  it('a war inside the title of a cited work is no mention', () => {
    expect(mentionPairs('[2] Jane Doe, Soldiers of the Cold War (2001), p. 4.').filter((pair) => pair.includes('event:'))).toEqual([]);
  });
});
