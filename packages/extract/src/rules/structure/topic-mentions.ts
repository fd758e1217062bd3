// Topic candidates of a document (entity mentions masked) and the document's best ones marked as `topic`
// mentions wherever they occur outside entity mentions.
import { findAgain } from '../../pipeline/find-again.ts';
import type { DocumentContext } from '../../pipeline/types.ts';
import { type DocumentState, coveredSpans } from '../../pipeline/state.ts';
import { NOT_AFTER_WORD, NOT_BEFORE_WORD } from '../../text/patterns.ts';
import { slugify } from '../../text/slug.ts';
import { collectPhrases, normalizePhrase, phrasePattern } from '../../topics/candidates.ts';
import { type SentenceRecord } from '../../types.ts';

/** How many of a document's own best phrases become `topic` mentions (the corpus ranking keeps some). */
export const TOPICS_PER_DOCUMENT = 25;

/**
 * Marks the document's best candidate phrases (recurring, longer first: log2(words + 1) × count) as
 * `topic:<slug>` mentions wherever they occur outside entity mentions, so topics get sentence evidence and
 * co-mentions; the CLI keeps those that rankTopics ranks across the corpus.
 */
export function addTopicMentions(state: DocumentContext, candidates: readonly { phrase: string; count: number; label: string }[]): void {
  const best = candidates
    .filter((candidate) => candidate.count >= 2)
    .map((candidate) => ({ ...candidate, score: Math.log2(candidate.phrase.split(' ').length + 1) * candidate.count }))
    .sort((a, b) => b.score - a.score || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, TOPICS_PER_DOCUMENT);
  if (best.length === 0) return;
  const phrases = [...best].sort((a, b) => b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : 1)).map((candidate) => phrasePattern(candidate.phrase));
  const pattern = new RegExp(`${NOT_AFTER_WORD}(?:${phrases.join('|')})${NOT_BEFORE_WORD}`, 'gi');
  findAgain(state, 'topic-mentions', pattern, (match, sentence) => {
    const start = match.index;
    const end = start + match[0].length;
    const phrase = normalizePhrase(match[0]);
    const id = `topic:${slugify(phrase)}`;
    if (id === 'topic:') return undefined;
    state.labels.set(id, best.find((candidate) => candidate.phrase === phrase)?.label ?? phrase);
    state.types.set(id, 'topic');
    return { entity: id, sentence, start, end, surface: match[0], how: 'lexicon', rule: 'topic', reason: `one of the document's ${TOPICS_PER_DOCUMENT} best recurring phrases` };
  });
}

export const MAX_TOPIC_CANDIDATES = 2000;

/** Candidate phrases of the whole document, entity mentions masked; the most frequent first. */
export function topicCandidates(sentences: readonly SentenceRecord[], state: DocumentState): { phrase: string; count: number; label: string }[] {
  const counts = new Map<string, number>();
  const surfaces = new Map<string, Map<string, number>>();
  for (const sentence of sentences) collectPhrases(sentence.text, coveredSpans(state, sentence.index), counts, surfaces);
  return [...counts]
    .map(([phrase, count]) => ({ phrase, count, label: mostFrequent(surfaces.get(phrase)) ?? phrase }))
    .sort((a, b) => b.count - a.count || (a.phrase < b.phrase ? -1 : 1))
    .slice(0, MAX_TOPIC_CANDIDATES);
}

/** The most frequent key of a count map (ties: alphabetical). */
export function mostFrequent(counts: ReadonlyMap<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [key, count] of counts ?? []) {
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
