// The rule generators in the order proposeFromRules runs them; the recognition pipeline registers each with
// one line. Every entry is a pure function of the sentences and a RuleContext.
import { proposeAgreements } from './agreements/agreements.ts';
import { proposeBodies } from './bodies/bodies.ts';
import type { RuleGenerator } from './context.ts';
import { proposeDescribedMissions } from './descriptive/descriptive.ts';
import { proposeEvents } from './events/events.ts';
import { proposeLongNames } from './long-names/long-names.ts';
import { proposeMedia } from './media/media.ts';
import { proposePeople } from './people/people.ts';
import { proposeUnits } from './bodies/units.ts';

export const RULE_GENERATORS: readonly RuleGenerator[] = [
  { name: 'descriptive', propose: proposeDescribedMissions },
  { name: 'agreements', propose: proposeAgreements },
  { name: 'events', propose: proposeEvents },
  { name: 'media', propose: proposeMedia },
  { name: 'bodies', propose: proposeBodies },
  { name: 'units', propose: proposeUnits },
  { name: 'long-names', propose: proposeLongNames },
  { name: 'people', propose: proposePeople },
];
