// A described mission followed by its acronym is that mission: the acronym that follows wins over what the
// description alone would resolve to, and the country inside the description is no mention of its own.
import { describe, expect, it } from 'vitest';
import { extractText, mentionPairs } from './rules-helpers.ts';

describe('described missions followed by their acronym', () => {
  const rows: [rule: string, text: string, expected: string[]][] = [
    ['a comma and the acronym', 'The UN mission in Lebanon, UNIFIL, patrols the south.', ['The UN mission in Lebanon → mission:unifil', 'UNIFIL → mission:unifil']],
    ['the acronym in parentheses', 'Staff of the United Nations force in Cyprus (UNFICYP) crossed the line.', ['the United Nations force in Cyprus → mission:unficyp', 'UNFICYP → mission:unficyp']],
    ['a regional organisation\'s mission', 'The African Union mission in Somalia, AMISOM, handed over in 2022.', ['The African Union mission in Somalia → mission:amisom', 'AMISOM → mission:amisom']],
  ];
  it.each(rows)('%s', (_rule, text, expected) => {
    expect(mentionPairs(text)).toEqual(expected);
  });

  it('an acronym that is no mission leaves the description to the other rules', () => {
    const ids = extractText('The UN mission in Mali, according to OCHA, closed in 2023.').entities.map((entity) => entity.id);
    expect(ids).toContain('mission:minusma');
  });
});
