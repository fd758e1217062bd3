// Runs the registered components in order over one document's context and, in a traced run, records what
// each one decided: the mentions it added or relinked, the spans it explained away, the mentions it rejected.
import type { WorkingMention } from '../recognize/mention.ts';
import { candidateOf, settleOverlaps } from './settle.ts';
import type { Component, DocumentContext } from './types.ts';

/** Runs `components` in order; the overlap invariant is settled last (settle.ts). */
export function runPipeline(components: readonly Component[], context: DocumentContext): void {
  for (const component of components) {
    if (component.when && !component.when(context)) continue;
    if (!context.trace) {
      component.run(context);
      continue;
    }
    const mentionsBefore = new Set<WorkingMention>([...context.mentions.values()].flat());
    const blockedBefore = new Set([...context.blocked.values()].flat());
    component.run(context);
    recordChanges(component, context, mentionsBefore, blockedBefore);
  }
  settleOverlaps(context);
}

const spanKey = (mention: { sentence: number; start: number; end: number }): string => `${mention.sentence}:${mention.start}:${mention.end}`;

/** What one component changed, as decisions and rejections (compared by identity with the state before it). */
function recordChanges(component: Component, context: DocumentContext, mentionsBefore: ReadonlySet<WorkingMention>, blockedBefore: ReadonlySet<{ start: number; end: number }>): void {
  const trace = context.trace;
  if (!trace) return;
  const after = [...context.mentions.values()].flat();
  const afterSet = new Set(after);
  const added = after.filter((mention) => !mentionsBefore.has(mention));
  const removed = [...mentionsBefore].filter((mention) => !afterSet.has(mention));
  const removedBySpan = new Map(removed.map((mention) => [spanKey(mention), mention]));
  const relinked = new Set<WorkingMention>();
  for (const mention of added) {
    const previous = removedBySpan.get(spanKey(mention));
    const base = { component: component.name, stage: component.stage, sentence: mention.sentence, start: mention.start, end: mention.end, surface: mention.surface, entity: mention.entity };
    if (previous !== undefined && previous.entity !== mention.entity) {
      relinked.add(previous);
      trace.decisions.push({ ...base, action: 'relink', from: previous.entity, rule: mention.rule ?? component.name, reason: mention.reason ?? component.description });
    } else if (previous !== undefined) {
      relinked.add(previous);
    } else {
      trace.decisions.push({ ...base, action: 'accept', rule: mention.rule ?? component.name, reason: mention.reason ?? component.description });
    }
  }
  for (const mention of removed) {
    if (relinked.has(mention)) continue;
    const winner = added.find((other) => other.sentence === mention.sentence && other.start < mention.end && mention.start < other.end);
    const reason = winner ? `replaced by "${winner.surface}" (${winner.entity}): ${component.description}` : `${component.stage === 'veto' ? 'vetoed' : 'removed'}: ${component.description}`;
    trace.rejections.push({ candidate: candidateOf(context, mention, mention.rule ?? mention.how), by: component.name, reason });
  }
  for (const [sentence, spans] of context.blocked) {
    const text = context.sentences[sentence]?.text ?? '';
    for (const span of spans) {
      if (blockedBefore.has(span)) continue;
      const surface = text.slice(span.start, span.end);
      trace.decisions.push({
        component: component.name,
        stage: component.stage,
        action: 'explain-away',
        sentence,
        start: span.start,
        end: span.end,
        surface,
        entity: '',
        rule: component.name,
        reason: component.explainsAway ?? component.description,
      });
    }
  }
}
