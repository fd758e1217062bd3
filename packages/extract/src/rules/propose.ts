// proposeFromRules: runs the rule generators over a document's state and adds the candidates that win, by one
// overlap rule, to its mentions; vetoes turn down guesses and candidates that name nothing. Each loss keeps its reason.
import type { CompiledLexicon } from '../lexicon/compile.ts';
import type { Confidence, Rejection } from '../pipeline/candidate.ts';
import { citedTitles } from '../recognize/citations.ts';
import type { WorkingMention } from '../recognize/mention.ts';
import type { EntityFacts, EntityType, SentenceRecord } from '../types.ts';
import { type RuleCandidate, type RuleContext, type RuleGenerator, buildRuleContext } from './context.ts';
import { RULE_GENERATORS } from './generators.ts';
import { vetoOf } from './vetoes.ts';

/** The parts of extract's document state the rules read and write. */
export interface RuleState {
  sentences: readonly SentenceRecord[];
  mentions: Map<number, WorkingMention[]>;
  labels: Map<string, string>;
  types: Map<string, EntityType>;
  facts: Map<string, EntityFacts>;
}

const RANK: Record<Confidence, number> = { certain: 0, likely: 1, guess: 2 };

/** A mention the name finder guessed (no lexicon entry behind it): a confident rule may retype or extend it. */
function isGuess(mention: WorkingMention, lexicon: CompiledLexicon): boolean {
  return mention.how === 'ner' && lexicon.get(mention.entity) === undefined;
}

/**
 * The overlap rule, in one place. A candidate is added when it overlaps nothing. Over the name finder's guesses, a
 * candidate that is not itself a guess wins when it covers them or supersedes them. Over known names (lexicon,
 * resolutions, speakers, earlier rules), only a candidate that supersedes wins, and only a strictly longer one
 * that contains them: a well-formed longer name beats a nested known name. Otherwise the known name stays.
 */
function settle(candidate: RuleCandidate, existing: readonly WorkingMention[], lexicon: CompiledLexicon, accepted: ReadonlySet<WorkingMention>): { wins: boolean; replaces: WorkingMention[]; reason: string } {
  const overlapping = existing.filter((mention) => mention.start < candidate.end && candidate.start < mention.end);
  if (overlapping.length === 0) return { wins: true, replaces: [], reason: '' };
  const same = overlapping.find((mention) => mention.start === candidate.start && mention.end === candidate.end);
  if (same && same.entity === candidate.entity) return { wins: false, replaces: [], reason: `already a mention of ${same.entity}` };
  for (const mention of overlapping) {
    const contains = candidate.start <= mention.start && mention.end <= candidate.end;
    const longer = candidate.end - candidate.start > mention.end - mention.start;
    if (isGuess(mention, lexicon) && !accepted.has(mention)) {
      if (candidate.confidence === 'guess') return { wins: false, replaces: [], reason: `a guess does not replace the guess "${mention.surface}"` };
      if (!contains && candidate.supersedes !== true) return { wins: false, replaces: [], reason: `crosses the guess "${mention.surface}"` };
      continue;
    }
    if (!(candidate.supersedes === true && contains && longer)) return { wins: false, replaces: [], reason: `overlaps the known name "${mention.surface}" (${mention.entity})` };
  }
  return { wins: true, replaces: overlapping, reason: '' };
}

/**
 * Runs the rule generators on the document and adds their winning candidates to `state.mentions` (new entities get
 * their label, type and facts); vetoes remove guesses that name nothing. Returns what lost, with why.
 */
export function proposeFromRules(state: RuleState, lexicon: CompiledLexicon, generators: readonly RuleGenerator[] = RULE_GENERATORS): Rejection[] {
  const rejections: Rejection[] = [];
  const context: RuleContext = buildRuleContext(state.mentions, state.labels, state.types, lexicon);
  const textOf = (sentence: number): string => state.sentences[sentence]?.text ?? '';

  // Vetoes first turn down the name finder's guesses that name nothing.
  for (const [sentence, list] of state.mentions) {
    const kept = list.filter((mention) => {
      if (!isGuess(mention, lexicon)) return true;
      const veto = vetoOf({ surface: mention.surface, type: state.types.get(mention.entity) ?? 'person', entity: mention.entity, sentenceText: textOf(sentence) }, context);
      return veto === undefined;
    });
    if (kept.length !== list.length) state.mentions.set(sentence, kept);
  }

  const candidates = generators.flatMap((generator) => generator.propose(state.sentences, context));
  candidates.sort(
    (a, b) => a.sentence - b.sentence || RANK[a.confidence] - RANK[b.confidence] || b.end - b.start - (a.end - a.start) || a.start - b.start || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0),
  );
  const accepted = new Set<WorkingMention>();
  const titles = new Map<number, { start: number; end: number }[]>();
  const titlesOf = (sentence: number): { start: number; end: number }[] => {
    let spans = titles.get(sentence);
    if (spans === undefined) titles.set(sentence, (spans = citedTitles(textOf(sentence))));
    return spans;
  };
  for (const candidate of candidates) {
    // Names inside the title of a cited work are nested in it ("Orphan of the Cold War (1996)").
    if (titlesOf(candidate.sentence).some((title) => title.start <= candidate.start && candidate.end <= title.end)) {
      rejections.push({ candidate, by: 'settle', reason: 'inside the title of a cited work' });
      continue;
    }
    const veto = vetoOf({ surface: candidate.surface, type: candidate.type, entity: candidate.entity, sentenceText: textOf(candidate.sentence) }, context);
    if (veto) {
      rejections.push({ candidate, by: veto.name, reason: veto.reason });
      continue;
    }
    const list = state.mentions.get(candidate.sentence) ?? [];
    const acceptedHere = list.filter((mention) => accepted.has(mention));
    if (acceptedHere.some((mention) => mention.start < candidate.end && candidate.start < mention.end)) {
      rejections.push({ candidate, by: 'settle', reason: 'overlaps a candidate that ranked higher' });
      continue;
    }
    const outcome = settle(candidate, list, lexicon, accepted);
    if (!outcome.wins) {
      rejections.push({ candidate, by: 'settle', reason: outcome.reason });
      continue;
    }
    const known = lexicon.get(candidate.entity) !== undefined;
    const mention: WorkingMention = { entity: candidate.entity, sentence: candidate.sentence, start: candidate.start, end: candidate.end, surface: candidate.surface, how: known ? 'lexicon' : 'ner' };
    state.mentions.set(candidate.sentence, [...list.filter((other) => !outcome.replaces.includes(other)), mention]);
    accepted.add(mention);
    if (!known && !state.labels.has(candidate.entity)) {
      state.labels.set(candidate.entity, candidate.label);
      state.types.set(candidate.entity, candidate.type);
      if (candidate.facts) state.facts.set(candidate.entity, { ...candidate.facts });
    } else if (!known && state.types.get(candidate.entity) !== candidate.type) {
      state.types.set(candidate.entity, candidate.type);
      if (candidate.facts) state.facts.set(candidate.entity, { ...candidate.facts });
    }
  }
  return rejections;
}
