// The concept merge: a phrase whose topic key is a lexicon entry's form ("civilian protection" for "protection
// of civilians", "early warnings") names that entry, never a second node.
import type { CompiledLexicon } from '../lexicon/compile.ts';
import { topicKey } from './candidates.ts';

const keysByLexicon = new WeakMap<CompiledLexicon, ReadonlyMap<string, string>>();

/**
 * Topic key → lexicon id, from every concept form and every multi-word form of the other entries except
 * people and places (whose one-word forms are names, not phrases). A key two entries share is left out.
 */
export function lexiconTopicKeys(lexicon: CompiledLexicon): ReadonlyMap<string, string> {
  const cached = keysByLexicon.get(lexicon);
  if (cached !== undefined) return cached;
  const owners = new Map<string, Set<string>>();
  for (const entry of lexicon.entries) {
    if (entry.type === 'person' || entry.type === 'place' || entry.type === 'country') continue;
    for (const form of [entry.label, ...(entry.aliases ?? [])]) {
      if (entry.type !== 'concept' && !/\s/.test(form.trim())) continue;
      const key = topicKey(form);
      owners.set(key, (owners.get(key) ?? new Set()).add(entry.id));
    }
  }
  const keys = new Map<string, string>();
  for (const [key, ids] of owners) if (ids.size === 1) keys.set(key, [...ids][0]!);
  keysByLexicon.set(lexicon, keys);
  return keys;
}
