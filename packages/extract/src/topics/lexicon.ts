// topicLexicon: adds ranked topics to a lexicon as `topic` entries, so a second extraction pass finds
// them as mentions with sentence evidence and co-mentions, like any other entity.
import { type CompiledLexicon, compileLexicon } from '../lexicon/compile.ts';
import type { LexiconEntry } from '../lexicon/schema.ts';
import { matchKey } from '../text/fold.ts';
import { normalizePhrase, pluralPhrase } from './candidates.ts';
import type { TopicTerm } from './rank.ts';

/** A lexicon with `topics` added; topics whose phrase the lexicon already names are skipped. */
export function topicLexicon(lexicon: CompiledLexicon, topics: readonly TopicTerm[]): CompiledLexicon {
  const taken = new Set(lexicon.surfaceKeys.keys());
  const entries: LexiconEntry[] = [...lexicon.entries];
  const ids = new Set(entries.map((entry) => entry.id));
  for (const topic of topics) {
    const key = matchKey(topic.label);
    if (taken.has(key) || ids.has(topic.id)) continue;
    taken.add(key);
    ids.add(topic.id);
    const singular = normalizePhrase(topic.label);
    const aliases = [...new Set([topic.label, singular, pluralPhrase(singular)])].filter((alias) => alias === topic.label || !taken.has(matchKey(alias)));
    for (const alias of aliases) taken.add(matchKey(alias));
    entries.push({ id: topic.id, type: 'topic', label: topic.label, aliases });
  }
  return compileLexicon(entries);
}
