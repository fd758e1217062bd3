// The one overlap policy: which of two overlapping spans becomes the mention, by declared precedence, with the
// reason the other lost. Rule generators' candidates are settled here, and the final invariant is enforced here.
import type { WorkingMention } from '../recognize/mention.ts';
import type { Candidate, Confidence } from './candidate.ts';
import { addMention } from './state.ts';
import type { DocumentContext } from './types.ts';

/**
 * The precedence, strongest first. Components run in registry order, so "earlier" below means an earlier
 * component of components.ts; within one batch of candidates, confidence then length decide.
 */
export const PRECEDENCE = [
  { name: 'longer-well-formed-name', rule: 'A certain or likely candidate that strictly contains settled mentions replaces them ("<known org> High-Level Panel" over the known org).' },
  { name: 'lexicon-over-guess', rule: 'A guess never replaces a settled mention: a lexicon link beats a guess.' },
  { name: 'settled-first', rule: 'Otherwise a span settled by an earlier component keeps its place; the later overlapping candidate loses.' },
  { name: 'confidence-then-length', rule: 'Among candidates proposed together: certain > likely > guess, then the longer span, then the earlier start.' },
] as const;

const CONFIDENCE_RANK: Record<Confidence, number> = { certain: 0, likely: 1, guess: 2 };

/** True when [start, end) overlaps a span of `spans`; the first such span. */
export function firstOverlap<T extends { start: number; end: number }>(spans: readonly T[], start: number, end: number): T | undefined {
  for (const span of spans) if (span.start < end && start < span.end) return span;
  return undefined;
}

/** A settled mention in the words of a rejection: what the losing candidate overlapped. */
function describe(mention: WorkingMention): string {
  return `"${mention.surface}" (${mention.entity}, ${mention.rule ?? mention.how})`;
}

/** The candidate shape of a working mention, for rejections. */
export function candidateOf(context: DocumentContext, mention: WorkingMention, generator: string): Candidate {
  return {
    sentence: mention.sentence,
    start: mention.start,
    end: mention.end,
    surface: mention.surface,
    type: context.lexicon.get(mention.entity)?.type ?? context.types.get(mention.entity) ?? 'person',
    entity: mention.entity,
    label: context.lexicon.get(mention.entity)?.label ?? context.labels.get(mention.entity) ?? mention.entity,
    confidence: mention.how === 'ner' ? 'guess' : 'certain',
    generator,
    reason: mention.reason ?? mention.rule ?? mention.how,
  };
}

/** Records a candidate that lost, when the run is traced. */
export function recordLoss(context: DocumentContext, candidate: Candidate, by: string, reason: string): void {
  context.trace?.rejections.push({ candidate, by, reason });
}

/**
 * Settles one generator's candidates against the mentions settled so far, by PRECEDENCE: winners become
 * mentions (a new entity takes its label and type), losers are recorded with the reason they lost.
 */
export function settleCandidates(context: DocumentContext, candidates: readonly Candidate[]): void {
  const ranked = [...candidates].sort(
    (a, b) => a.sentence - b.sentence || CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const fresh = new Set<WorkingMention>();
  for (const candidate of ranked) {
    const list = context.mentions.get(candidate.sentence) ?? [];
    const overlapping = list.filter((mention) => mention.start < candidate.end && candidate.start < mention.end);
    const sameBatch = overlapping.find((mention) => fresh.has(mention));
    if (sameBatch) {
      recordLoss(context, candidate, 'settle', `confidence-then-length: overlaps ${describe(sameBatch)}, proposed with it and ranked higher`);
      continue;
    }
    const nested = overlapping.every((mention) => candidate.start <= mention.start && mention.end <= candidate.end && mention.end - mention.start < candidate.end - candidate.start);
    if (overlapping.length > 0 && (candidate.confidence === 'guess' || !nested)) {
      const rule = candidate.confidence === 'guess' && nested ? 'lexicon-over-guess' : 'settled-first';
      recordLoss(context, candidate, 'settle', `${rule}: overlaps ${describe(overlapping[0] as WorkingMention)}`);
      continue;
    }
    for (const mention of overlapping) {
      list.splice(list.indexOf(mention), 1);
      recordLoss(context, candidateOf(context, mention, mention.rule ?? mention.how), 'settle', `longer-well-formed-name: nested in "${candidate.surface}" (${candidate.generator}: ${candidate.reason})`);
    }
    if (!context.lexicon.get(candidate.entity)) {
      if (!context.labels.has(candidate.entity)) context.labels.set(candidate.entity, candidate.label);
      context.types.set(candidate.entity, candidate.type);
    }
    const mention: WorkingMention = {
      entity: candidate.entity,
      sentence: candidate.sentence,
      start: candidate.start,
      end: candidate.end,
      surface: candidate.surface,
      how: 'rule',
      rule: candidate.generator,
      reason: candidate.reason,
    };
    addMention(context, mention);
    fresh.add(mention);
  }
}

/**
 * The invariant every document's output keeps: mentions never overlap. Each sentence's mentions are read in
 * order; a mention overlapping one kept before it loses to the longer of the two (settled-first on a tie).
 */
export function settleOverlaps(context: DocumentContext): void {
  for (const [sentence, list] of context.mentions) {
    const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: WorkingMention[] = [];
    let changed = false;
    for (const mention of sorted) {
      const other = firstOverlap(kept, mention.start, mention.end);
      if (other === undefined) {
        kept.push(mention);
        continue;
      }
      changed = true;
      const [winner, loser] = mention.end - mention.start > other.end - other.start ? [mention, other] : [other, mention];
      if (winner === mention) kept.splice(kept.indexOf(other), 1, mention);
      recordLoss(context, candidateOf(context, loser, loser.rule ?? loser.how), 'settle', `longer-well-formed-name: overlaps ${describe(winner)}`);
    }
    if (changed) context.mentions.set(sentence, list.filter((mention) => kept.includes(mention)));
  }
}
