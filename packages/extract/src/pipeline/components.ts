// The named, ordered registry of the recognition pipeline: every component with its stage and what it reads
// and writes. The order is the precedence of settle.ts (a span settled earlier keeps its place).
import { joinSurnames } from '../recognize/people.ts';
import { recogniseAcronymDefinitions } from '../rules/acronyms/definitions.ts';
import { recogniseLongFormsOfKnownAcronyms } from '../rules/acronyms/long-forms.ts';
import { recogniseCitations } from '../rules/citations/authors.ts';
import { recogniseBareResolutionNumbers, recogniseResolutions } from '../rules/citations/resolutions.ts';
import { resolveAmbiguous } from '../rules/lexicon/ambiguous.ts';
import { recogniseDefiniteShortNames } from '../rules/lexicon/definite-short-names.ts';
import { recogniseLexicon } from '../rules/lexicon/scan.ts';
import { recogniseShortNames } from '../rules/lexicon/short-names.ts';
import { recogniseBodiesOfPlaces } from '../rules/names/bodies-of-places.ts';
import { recogniseCapitalDatelines } from '../rules/names/datelines.ts';
import { qualifyGenericBodies } from '../rules/names/generic-bodies.ts';
import { recogniseNames } from '../rules/names/name-finder.ts';
import { recogniseNamedProcesses } from '../rules/names/processes.ts';
import { mergePartialNames } from '../rules/people/partial-names.ts';
import { recogniseSpeakers } from '../rules/people/speakers.ts';
import { recogniseTitledFullNames } from '../rules/people/titled-full-names.ts';
import { applyDescriptiveMissions } from '../rules/structure/descriptive-missions.ts';
import { addTopicMentions, documentTopics } from '../rules/structure/topic-mentions.ts';
import { dropAffiliations } from '../rules/vetoes/affiliations.ts';
import { dropDatelineCredits } from '../rules/vetoes/dateline-credits.ts';
import { dropPlacesInsideLongerNames } from '../rules/vetoes/places-inside-longer-names.ts';
import { proposeFromRules } from '../rules/propose.ts';
import { settleCandidates } from './settle.ts';
import type { CandidateGenerator, Component, DocumentContext } from './types.ts';

/**
 * The candidate generators of rules/ (events, agreements, media, people after roles, sub-units, long names),
 * one line each; they run together after the lexicon, citations and speakers, and before the name finder, and
 * settle.ts decides which of their candidates are kept.
 */
export const RULE_GENERATORS: readonly CandidateGenerator[] = [];

const withNer = (context: DocumentContext): boolean => context.useNer;

/** Every component, in the order it runs. */
export const COMPONENTS: readonly Component[] = [
  {
    name: 'lexicon',
    stage: 'propose',
    description: 'a lexicon alias (longest match first); ambiguous and short forms wait, demonyms name nothing',
    reads: ['sentences'],
    writes: ['mentions', 'blocked', 'pending'],
    explainsAway: 'a demonym (or a form of a demonym) consumes its span and names nothing',
    run: (context) => {
      context.pending = recogniseLexicon(context, context.lexicon, context.useNer);
    },
  },
  {
    name: 'ambiguous',
    stage: 'resolve',
    description: 'an ambiguous or country-bound short form, resolved by what the whole document names',
    reads: ['mentions', 'pending'],
    writes: ['mentions', 'blocked'],
    explainsAway: 'an ambiguous form that the document does not settle on one of its entities names nothing',
    run: (context) => resolveAmbiguous(context, context.pending, context.lexicon),
  },
  {
    name: 'descriptive-missions',
    stage: 'resolve',
    description: 'a descriptive mission reference ("the UN mission in <country>") is the mission hosted there',
    reads: ['mentions'],
    writes: ['mentions'],
    run: (context) => applyDescriptiveMissions(context, context.lexicon, context.year),
  },
  {
    name: 'resolutions',
    stage: 'propose',
    description: 'a Security Council resolution cited by number',
    reads: ['sentences'],
    writes: ['mentions', 'labels'],
    run: (context) => recogniseResolutions(context, context.lexicon),
  },
  {
    name: 'resolution-numbers',
    stage: 'link',
    description: 'the bare number of a resolution the document cited',
    reads: ['mentions'],
    writes: ['mentions'],
    run: (context) => recogniseBareResolutionNumbers(context),
  },
  {
    name: 'short-names',
    stage: 'link',
    description: 'the short name of an operation, meeting or agreement named in full before',
    reads: ['mentions'],
    writes: ['mentions'],
    run: (context) => recogniseShortNames(context, context.lexicon),
  },
  {
    name: 'citations',
    stage: 'propose',
    description: 'an author of an academic citation; titles of cited works name nothing',
    reads: ['sentences', 'mentions'],
    writes: ['mentions', 'blocked', 'labels', 'fullNames'],
    run: (context) => {
      for (const [id, name] of recogniseCitations(context, context.lexicon)) context.fullNames.set(id, name);
    },
  },
  {
    name: 'titled-full-names',
    stage: 'propose',
    description: 'a full name whose surname an honorific confirms elsewhere ("Ms. Abdelrahman")',
    reads: ['mentions'],
    writes: ['mentions', 'labels', 'fullNames'],
    run: (context) => {
      for (const [id, name] of recogniseTitledFullNames(context, context.lexicon)) context.fullNames.set(id, name);
    },
  },
  {
    name: 'speakers',
    stage: 'propose',
    description: 'a transcript speaker, and the text naming them',
    reads: ['speakers', 'mentions'],
    writes: ['mentions', 'labels', 'fullNames', 'speakers'],
    run: recogniseSpeakers,
  },
  {
    name: 'rules',
    stage: 'propose',
    description: 'candidates of the rule generators (RULE_GENERATORS), settled by precedence',
    reads: ['sentences', 'mentions'],
    writes: ['mentions', 'labels'],
    when: () => RULE_GENERATORS.length > 0,
    run: (context) => {
      for (const generator of RULE_GENERATORS) {
        settleCandidates(context, generator.propose({ sentences: context.sentences, lexicon: context.lexicon, mentions: context.mentions, year: context.year }));
      }
    },
  },
  {
    name: 'surnames',
    stage: 'link',
    description: 'a surname (or title + surname) of a person named in full in the document',
    reads: ['mentions', 'fullNames'],
    writes: ['mentions', 'fullNames'],
    run: (context) => {
      for (const list of context.mentions.values()) {
        for (const mention of list) {
          const entry = context.lexicon.get(mention.entity);
          if (entry?.type === 'person') context.fullNames.set(entry.id, entry.label);
        }
      }
      joinSurnames(context.sentences, context.mentions, context.fullNames, context.lexicon);
    },
  },
  {
    name: 'capital-datelines',
    stage: 'propose',
    description: 'the place of a dateline written in capitals',
    reads: ['sentences', 'mentions'],
    writes: ['mentions', 'labels'],
    when: withNer,
    run: (context) => recogniseCapitalDatelines(context, context.lexicon),
  },
  {
    name: 'name-finder',
    stage: 'propose',
    description: 'a capitalised run no earlier rule explains, read with compromise on a small window',
    reads: ['sentences', 'mentions', 'blocked'],
    writes: ['mentions', 'labels'],
    when: withNer,
    run: (context) => recogniseNames(context, context.lexicon, context.warnings, context.doc.id),
  },
  {
    name: 'found-surnames',
    stage: 'link',
    description: 'a surname of a person the name finder read in full',
    reads: ['mentions', 'labels', 'fullNames'],
    writes: ['mentions'],
    when: withNer,
    run: (context) => {
      const people = new Map<string, string>(context.fullNames);
      for (const [id, label] of context.labels) if (id.startsWith('person:')) people.set(id, label);
      if (people.size > context.fullNames.size) joinSurnames(context.sentences, context.mentions, people, context.lexicon);
    },
  },
  {
    name: 'partial-names',
    stage: 'link',
    description: 'a person found under part of a longer name the document writes is that person',
    reads: ['mentions', 'labels', 'fullNames'],
    writes: ['mentions', 'labels'],
    when: withNer,
    run: (context) => mergePartialNames(context, context.fullNames),
  },
  {
    name: 'acronym-definitions',
    stage: 'propose',
    description: 'an acronym defined in the document ("the Alliance of Sahel States (AES)") names that entity',
    reads: ['mentions'],
    writes: ['mentions', 'labels'],
    run: (context) => recogniseAcronymDefinitions(context, context.lexicon, context.useNer),
  },
  {
    name: 'acronym-long-forms',
    stage: 'propose',
    description: 'a long form right before a known acronym in parentheses is that acronym\'s entity',
    reads: ['mentions', 'blocked'],
    writes: ['mentions', 'blocked'],
    run: (context) => recogniseLongFormsOfKnownAcronyms(context, context.lexicon),
  },
  {
    name: 'named-processes',
    stage: 'propose',
    description: '"the <city> process" is a named diplomatic track',
    reads: ['mentions'],
    writes: ['mentions', 'labels'],
    run: (context) => recogniseNamedProcesses(context, context.lexicon),
  },
  {
    name: 'bodies-of-places',
    stage: 'propose',
    description: 'a body named "<Head> of <place>" ("the Senate of Canada") takes in the place',
    reads: ['mentions'],
    writes: ['mentions', 'labels'],
    when: withNer,
    run: (context) => recogniseBodiesOfPlaces(context, context.lexicon),
  },
  {
    name: 'rule-generators',
    stage: 'propose',
    description: 'events, agreements, people after roles, media, sub-units, military units and operations, and long names (rules/generators.ts), by the overlap rule of rules/propose.ts',
    reads: ['sentences', 'mentions', 'labels'],
    writes: ['mentions', 'labels', 'facts'],
    // Like the name finder and bodies-of-places, they name what the lexicon does not know: a lexicon-only run
    // (useNer false) names lexicon entries only ("Congolese National Police" is no entity there).
    when: withNer,
    run: (context) => {
      const rejections = proposeFromRules(context, context.lexicon);
      context.trace?.rejections.push(...rejections);
    },
  },
  {
    name: 'places-inside-longer-names',
    stage: 'veto',
    description: 'a place right before an organisation head or an unknown capitalised word starts a longer name',
    reads: ['mentions'],
    writes: ['mentions'],
    run: (context) => dropPlacesInsideLongerNames(context, context.lexicon),
  },
  {
    name: 'affiliations',
    stage: 'veto',
    description: 'an academic unit in a byline at the document\'s head is metadata',
    reads: ['mentions'],
    writes: ['mentions'],
    run: (context) => dropAffiliations(context),
  },
  {
    name: 'dateline-credits',
    stage: 'veto',
    description: 'the agency credited in a wire dateline is the byline',
    reads: ['mentions'],
    writes: ['mentions'],
    run: (context) => dropDatelineCredits(context),
  },
  {
    name: 'definite-short-names',
    stage: 'link',
    description: '"the Mission", "the Force", "the Commission" is the one such body the document is about',
    reads: ['mentions'],
    writes: ['mentions'],
    run: (context) => recogniseDefiniteShortNames(context, context.lexicon),
  },
  {
    name: 'generic-bodies',
    stage: 'link',
    description: 'a body with a generic name ("Ministry of Justice") is the one of the country the document names most',
    reads: ['mentions', 'labels'],
    writes: ['mentions', 'labels'],
    run: (context) => qualifyGenericBodies(context, context.lexicon),
  },
  {
    name: 'topic-mentions',
    stage: 'propose',
    description: 'one of the document\'s key phrases, by termhood and specificity (with the topics option)',
    reads: ['mentions', 'blocked'],
    writes: ['mentions', 'labels', 'topics'],
    when: (context) => context.topics,
    run: (context) => {
      const topics = documentTopics(context.sentences, context);
      context.topicCandidates = topics.map((topic) => ({ phrase: topic.key, count: topic.count, label: topic.label }));
      addTopicMentions(context, topics);
    },
  },
];
