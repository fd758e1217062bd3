// Media the media rule finds: wire services, broadcasters and papers by name, and stations by the words that
// build their names; all organisations of kind 'media', and no media from words that only look like it.
import { describe, expect, it } from 'vitest';
import { entityNamed, mentionPairs } from './rules-helpers.ts';

describe('media rules', () => {
  const found: [rule: string, text: string, id: string][] = [
    ['a mission radio by "Radio <Name>"', 'Radio Okapi broadcasts news in five languages.', 'organization:radio-okapi'],
    ['a mission radio in a sentence with its country', 'Radio Miraya reaches listeners across South Sudan.', 'organization:radio-miraya'],
    ['a station by "<Name> Radio"', 'Callers told Eye Radio that the road was closed.', 'organization:eye-radio'],
    ['a mission radio named after its mission, over the mission', 'UNMIL Radio carried the announcement.', 'organization:unmil-radio'],
    ['a station by "<Name> FM"', 'The debate aired on Mikado FM in Gao.', 'organization:mikado-fm'],
    ['a wire service', 'Reuters reported heavy fighting near the airport.', 'organization:reuters'],
    ['a wire service by its acronym', 'Witnesses told AFP that the shelling stopped.', 'organization:agence-france-presse'],
    ['a broadcaster', 'Al Jazeera filmed the convoy leaving Goma.', 'organization:al-jazeera'],
    ['a broadcaster named after a country, not the country', 'Radio France Internationale interviewed the envoy.', 'organization:radio-france-internationale'],
  ];
  it.each(found)('%s', (_rule, text, id) => {
    const entity = entityNamed(text, id);
    expect(entity?.type).toBe('organization');
    expect(entity?.facts?.kind).toBe('media');
  });

  it('a station named after its mission does not also mention the mission', () => {
    expect(mentionPairs('UNMIL Radio carried the announcement.')).toEqual(['UNMIL Radio → organization:unmil-radio']);
  });

  const notMedia: [rule: string, text: string][] = [
    ['"Radio" before a common noun', 'The Radio Station was closed for repairs.'],
    ['"community radio" in lower case', 'A community radio in Bunia reopened.'],
    ['a lower-case "the guardian"', 'He acted as the guardian of the peace deal.'],
  ];
  it.each(notMedia)('%s', (_rule, text) => {
    expect(mentionPairs(text).filter((pair) => /radio|guardian/iu.test(pair))).toEqual([]);
  });
});
