// The rule candidate generators (events, agreements, people, media, bodies, long names, described missions), the
// context they read, their vetoes, and the pass that adds their winning candidates to a document's mentions.
export type { KnownEntity, KnownMention, RuleCandidate, RuleContext, RuleGenerator } from './context.ts';
export { buildRuleContext } from './context.ts';
export { RULE_GENERATORS } from './generators.ts';
export { proposeFromRules, type RuleState } from './propose.ts';
export { VETOES, type Veto, vetoOf } from './vetoes.ts';
