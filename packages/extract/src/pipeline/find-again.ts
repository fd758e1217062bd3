// The one "find this surface again in every sentence" step: a form a rule has tied to an entity (a name the
// finder read, a defined acronym, a speaker, a short name, a topic) is a mention wherever else it is written.
import type { WorkingMention } from '../recognize/mention.ts';
import { recordLoss, candidateOf, firstOverlap } from './settle.ts';
import { addMention, coveredSpans } from './state.ts';
import type { DocumentContext } from './types.ts';

/**
 * Runs the global `pattern` (a RegExp, or anything that finds matches the way one does) over every sentence;
 * each match that overlaps no mention or explained span is offered to `mentionFor`, which returns the mention
 * it makes (or undefined when the match names nothing there). Matches never overlap each other, and a span
 * taken earlier keeps its place (settle.ts: settled-first); in a traced run, a match that loses to another
 * entity's mention is recorded.
 */
export function findAgain<Match extends PatternMatch>(
  context: DocumentContext,
  component: string,
  pattern: GlobalPattern<Match>,
  mentionFor: (match: Match, sentence: number, text: string) => WorkingMention | undefined,
): void {
  for (const sentence of context.sentences) {
    const covered = coveredSpans(context, sentence.index);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const start = match.index;
      const end = start + match[0].length;
      const other = firstOverlap(covered, start, end);
      if (other !== undefined) {
        if (context.trace) traceLoss(context, component, other, match, sentence.index, mentionFor);
        continue;
      }
      const mention = mentionFor(match, sentence.index, sentence.text);
      if (mention === undefined) continue;
      addMention(context, mention);
      covered.push(mention);
    }
  }
}

/** A match: its text and where it starts. */
export interface PatternMatch {
  0: string;
  index: number;
}

/** What findAgain runs over a sentence: a global RegExp, or a finder used the same way (lastIndex, exec until null). */
export interface GlobalPattern<Match extends PatternMatch> {
  lastIndex: number;
  exec(text: string): Match | null;
}

/** In a traced run: a match that another entity's span took first is a candidate that lost. */
function traceLoss<Match extends PatternMatch>(
  context: DocumentContext,
  component: string,
  other: { start: number; end: number },
  match: Match,
  sentence: number,
  mentionFor: (match: Match, sentence: number, text: string) => WorkingMention | undefined,
): void {
  const owner = (context.mentions.get(sentence) ?? []).find((mention) => mention === other);
  // mentionFor only reads (a topic's label it may set is the same wherever the phrase is found).
  const wanted = mentionFor(match, sentence, context.sentences[sentence]?.text ?? '');
  if (wanted === undefined || (owner !== undefined && owner.entity === wanted.entity)) return;
  const by = owner === undefined ? 'an explained span (demonym or unresolved form)' : `"${owner.surface}" (${owner.entity}, ${owner.rule ?? owner.how})`;
  recordLoss(context, candidateOf(context, wanted, component), 'settle', `settled-first: overlaps ${by}`);
}
