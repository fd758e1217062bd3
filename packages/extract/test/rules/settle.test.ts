// The overlap rule of proposeFromRules, row by row, on a sentence with known mentions and one proposed
// candidate; and the vetoes that turn down guesses and candidates naming nothing.
import { describe, expect, it } from 'vitest';
import { defaultLexicon } from '../../src/index.ts';
import type { WorkingMention } from '../../src/recognize/mention.ts';
import { buildRuleContext, type RuleCandidate, proposeFromRules, type RuleState, vetoOf } from '../../src/rules/index.ts';
import { mentionPairs } from './rules-helpers.ts';

const TEXT = 'The Kenya Defence Forces and Radio Miraya met.';
const kenya: WorkingMention = { entity: 'country:ken', sentence: 0, start: 4, end: 9, surface: 'Kenya', how: 'lexicon' };
const guess: WorkingMention = { entity: 'place:radio-miraya', sentence: 0, start: 29, end: 41, surface: 'Radio Miraya', how: 'ner' };

function candidate(start: number, end: number, entity: string, extra: Partial<RuleCandidate> = {}): RuleCandidate {
  return { sentence: 0, start, end, surface: TEXT.slice(start, end), type: 'organization', entity, label: TEXT.slice(start, end), confidence: 'likely', generator: 'test', reason: 'test row', ...extra };
}

function run(existing: WorkingMention[], proposed: RuleCandidate): { mentions: string[]; lost: string[] } {
  const state: RuleState = { sentences: [{ index: 0, text: TEXT }], mentions: new Map([[0, existing.map((mention) => ({ ...mention }))]]), labels: new Map(), types: new Map(), facts: new Map() };
  const rejections = proposeFromRules(state, defaultLexicon(), [{ name: 'test', propose: () => [proposed] }]);
  const mentions = (state.mentions.get(0) ?? []).map((mention) => `${mention.surface} → ${mention.entity}`).sort();
  return { mentions, lost: rejections.map((rejection) => `${rejection.by}: ${rejection.reason}`) };
}

describe('the overlap rule', () => {
  it.each([
    ['a longer name that supersedes beats the known name nested in it', [kenya], candidate(4, 24, 'organization:kenya-defence-forces', { supersedes: true }), ['Kenya Defence Forces → organization:kenya-defence-forces'], []],
    ['a longer name that does not supersede leaves the known name', [kenya], candidate(4, 24, 'organization:kenya-defence-forces'), ['Kenya → country:ken'], [/overlaps the known name "Kenya"/]],
    ['a shorter candidate inside a known name loses', [kenya], candidate(4, 7, 'organization:ken', { supersedes: true }), ['Kenya → country:ken'], [/overlaps the known name/]],
    ['a confident candidate retypes a guess of the same span', [guess], candidate(29, 41, 'organization:radio-miraya'), ['Radio Miraya → organization:radio-miraya'], []],
    ['a guess does not replace a guess', [guess], candidate(29, 41, 'organization:radio-miraya', { confidence: 'guess' }), ['Radio Miraya → place:radio-miraya'], [/a guess does not replace/]],
    ['a candidate over nothing is added', [], candidate(29, 41, 'organization:radio-miraya'), ['Radio Miraya → organization:radio-miraya'], []],
  ] as const)('%s', (_rule, existing, proposed, mentions, lost) => {
    const outcome = run([...existing], proposed);
    expect(outcome.mentions).toEqual(mentions);
    expect(outcome.lost).toHaveLength(lost.length);
    lost.forEach((pattern, index) => expect(outcome.lost[index]).toMatch(pattern));
  });

  it('gives a new entity its label, type and facts', () => {
    // An outlet the lexicon lacks (Radio Miraya is a lexicon entry, whose label and facts the lexicon gives).
    const text = 'The Kenya Defence Forces and Radio Kalunga met.';
    const state: RuleState = { sentences: [{ index: 0, text }], mentions: new Map(), labels: new Map(), types: new Map(), facts: new Map() };
    const outlet: RuleCandidate = { ...candidate(29, 42, 'organization:radio-kalunga', { facts: { kind: 'media' } }), surface: text.slice(29, 42), label: text.slice(29, 42) };
    proposeFromRules(state, defaultLexicon(), [{ name: 'test', propose: () => [outlet] }]);
    expect([state.labels.get('organization:radio-kalunga'), state.types.get('organization:radio-kalunga'), state.facts.get('organization:radio-kalunga')]).toEqual(['Radio Kalunga', 'organization', { kind: 'media' }]);
  });
});

describe('vetoes', () => {
  it.each([
    ['a role title set off by commas is no person', 'Amina Diallo, Senior Civil Affairs Officer, said the roads were closed.', /Officer → person/],
    ['a line of navigation labels names nothing', 'Home | News | Media Centre | Press Releases | Subscribe', /→/],
  ])('%s', (_rule, text, absent) => {
    expect(mentionPairs(text).filter((pair) => absent.test(pair))).toEqual([]);
  });

  it.each([
    ['Spotify', 'organization', 'channel'],
    ['www.example.org', 'organization', 'channel'],
    ['Senior Protection Adviser', 'person', 'role-title'],
    ['Read More', 'organization', 'navigation-label'],
    ['Amina Diallo', 'person', undefined],
  ] as const)('vetoOf("%s", %s) is %s', (surface, type, veto) => {
    const context = buildRuleContext(new Map(), new Map(), new Map(), defaultLexicon());
    expect(vetoOf({ surface, type, entity: `${type}:x`, sentenceText: surface }, context)?.name).toBe(veto);
  });
});
