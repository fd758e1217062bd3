// rankTopics: ranks the documents' topics across a corpus by termhood (C-value: frequency, length, and how
// much of it is explained by longer terms that contain it) weighted by how many documents use it.
import type { DocumentExtraction } from '../types.ts';
import { slugify } from '../text/slug.ts';
import { topicKey } from './candidates.ts';

/** A corpus-level topic. */
export interface TopicTerm {
  id: string;
  label: string;
  score: number;
  documents: number;
  count: number;
}

export interface RankTopicsOptions {
  /** How many topics to return (default 50). */
  max?: number;
  /** Fewest occurrences across the corpus (default 2). */
  minCount?: number;
}

interface Aggregate {
  phrase: string;
  count: number;
  documents: number;
  labels: Map<string, number>;
}

/**
 * Ranks the documents' topicCandidates. Phrases equal to an entity's label or alias in the extractions are
 * left out (they are nodes already). Score = C-value × (1 + log(documents)) with C-value =
 * log2(words + 1) × (frequency − mean frequency of longer candidates containing it). Sorted by score,
 * then phrase; a phrase seen only inside longer candidates scores 0 and is dropped.
 */
export function rankTopics(extractions: readonly DocumentExtraction[], options: RankTopicsOptions = {}): TopicTerm[] {
  const max = options.max ?? 50;
  const minCount = options.minCount ?? 2;
  const aggregates = new Map<string, Aggregate>();
  const entityNames = new Set<string>();
  for (const extraction of extractions) {
    for (const entity of extraction.entities) {
      if (entity.type === 'topic') continue;
      for (const name of [entity.label, ...entity.aliases]) entityNames.add(topicKey(name));
    }
    for (const candidate of extraction.topicCandidates ?? []) {
      const phrase = topicKey(candidate.phrase);
      const aggregate = aggregates.get(phrase) ?? { phrase, count: 0, documents: 0, labels: new Map<string, number>() };
      aggregate.count += candidate.count;
      aggregate.documents += 1;
      const label = candidate.label ?? phrase;
      aggregate.labels.set(label, (aggregate.labels.get(label) ?? 0) + candidate.count);
      aggregates.set(phrase, aggregate);
    }
  }
  const frequent = [...aggregates.values()].filter((aggregate) => aggregate.count >= minCount && !entityNames.has(aggregate.phrase));
  // Longer candidates containing each phrase (C-value's nesting correction).
  const containers = new Map<string, Aggregate[]>();
  for (const outer of frequent) {
    const words = outer.phrase.split(' ');
    for (let size = 1; size < words.length; size += 1) {
      for (let start = 0; start + size <= words.length; start += 1) {
        const inner = words.slice(start, start + size).join(' ');
        const list = containers.get(inner) ?? [];
        if (!list.includes(outer)) list.push(outer);
        containers.set(inner, list);
      }
    }
  }
  const scored = frequent.map((aggregate) => {
    const length = aggregate.phrase.split(' ').length;
    const nestedIn = containers.get(aggregate.phrase) ?? [];
    const nestedFrequency = nestedIn.length > 0 ? nestedIn.reduce((sum, outer) => sum + outer.count, 0) / nestedIn.length : 0;
    const cValue = Math.log2(length + 1) * Math.max(0, aggregate.count - nestedFrequency);
    const score = Math.round(cValue * (1 + Math.log(aggregate.documents)) * 1000) / 1000;
    return { aggregate, score, nestedIn };
  });
  scored.sort((a, b) => b.score - a.score || (a.aggregate.phrase < b.aggregate.phrase ? -1 : 1));
  const topics: TopicTerm[] = [];
  const usedIds = new Set<string>();
  for (const { aggregate, score } of scored) {
    if (topics.length >= max || score <= 0) break;
    const id = `topic:${slugify(aggregate.phrase)}`;
    if (id === 'topic:' || usedIds.has(id)) continue;
    usedIds.add(id);
    const label = [...aggregate.labels].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? aggregate.phrase;
    topics.push({ id, label, score, documents: aggregate.documents, count: aggregate.count });
  }
  return topics;
}
