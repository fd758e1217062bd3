// Scores a document's candidate phrases by termhood (C-value: frequency, length, and how much of it longer
// candidates explain) times specificity against general English, and picks the document's topics.

/** A phrase of one document with its occurrences. */
export interface PhraseTally {
  key: string;
  count: number;
  /** How many content words the phrase has. */
  length: number;
  /** phraseSpecificity of the key's words. */
  specificity: number;
  /** Surface forms as written → occurrences. */
  surfaces: Map<string, number>;
}

/** A phrase picked as one of the document's topics. */
export interface ScoredPhrase {
  key: string;
  label: string;
  count: number;
  score: number;
  surfaces: string[];
}

/** Least specificity of a one-word topic (Zipf ≤ 3: "peacekeeping", "ceasefire"; not "role", "population"). */
export const MIN_WORD_SPECIFICITY = 3;
/**
 * What a phrase of several words needs: specificity × (1 + log2 count) of at least PHRASE_EVIDENCE, so a
 * phrase seen once must be very specific ("transnational criminal activities") and a recurring one less so
 * ("political processes"), and never less than MIN_PHRASE_SPECIFICITY ("long time", "big challenge" stay out).
 */
export const PHRASE_EVIDENCE = 5;
export const MIN_PHRASE_SPECIFICITY = 2.4;

/** True when a phrase of `length` words seen `count` times with this specificity is specific enough to be a topic. */
export function passesBackground(length: number, count: number, specificity: number): boolean {
  if (length === 1) return count >= 2 && specificity >= MIN_WORD_SPECIFICITY;
  return specificity >= MIN_PHRASE_SPECIFICITY && specificity * (1 + Math.log2(count)) >= PHRASE_EVIDENCE;
}

/** False when no count can make a phrase of `length` words with this specificity a topic (passesBackground). */
export function mayPassBackground(length: number, specificity: number): boolean {
  return specificity >= (length === 1 ? MIN_WORD_SPECIFICITY : MIN_PHRASE_SPECIFICITY);
}

/** How many topics a document of `sentences` sentences keeps at most: one per four sentences, 3 to 40. */
export function topicBudget(sentences: number): number {
  return Math.max(3, Math.min(40, Math.round(sentences / 4)));
}

/**
 * The document's best phrases. C-value (Frantzi et al.): a phrase's count less the mean count of the longer
 * candidates containing it, so "criminal activities" inside "transnational criminal activities" adds nothing
 * of its own. Score = (1 + log2 adjusted count) × log2(words + 1) × specificity. A phrase passes when it is
 * specific enough for its length and count; the best `budget` are kept, ties by key.
 */
export function scorePhrases(tallies: ReadonlyMap<string, PhraseTally>, budget: number): ScoredPhrase[] {
  // Only a phrase specific enough for its length and count can be a topic; the nesting correction is needed for those alone.
  const passing = [...tallies.values()].filter((tally) => passesBackground(tally.length, tally.count, tally.specificity));
  if (passing.length === 0) return [];
  const passingKeys = new Set(passing.map((tally) => tally.key));
  const firstWords = new Set(passing.map((tally) => /^\S+/.exec(tally.key)![0]));
  const containers = new Map<string, PhraseTally[]>();
  for (const outer of tallies.values()) {
    if (outer.length < 2) continue;
    const inners = subPhraseKeys(outer, tallies, firstWords);
    if (inners.length === 0) continue;
    for (const inner of new Set(inners)) {
      if (!passingKeys.has(inner)) continue;
      const list = containers.get(inner) ?? [];
      list.push(outer);
      containers.set(inner, list);
    }
  }
  const scored: ScoredPhrase[] = [];
  for (const tally of passing) {
    const nested = containers.get(tally.key) ?? [];
    const nestedCount = nested.length > 0 ? nested.reduce((sum, outer) => sum + outer.count, 0) / nested.length : 0;
    const own = tally.count - nestedCount;
    if (own < 1) continue;
    // "completed political processes" once, "political processes" five times: the term is the shorter one.
    if (tally.count === 1 && subPhraseKeys(tally, tallies).some((inner) => inner.includes(' ') && (tallies.get(inner)?.count ?? 0) > 1)) continue;
    const score = Math.round((1 + Math.log2(own)) * tally.specificity * 1000) / 1000;
    scored.push({ key: tally.key, label: labelOf(tally.surfaces) ?? tally.key, count: tally.count, score, surfaces: [...tally.surfaces.keys()].sort() });
  }
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  return scored.slice(0, budget);
}

/**
 * The keys of the shorter candidates inside a phrase (contiguous stretches of its key's words); with
 * `firstWords`, only those opening on one of them (the others are not wanted, and are not built).
 */
function subPhraseKeys(outer: PhraseTally, tallies: ReadonlyMap<string, PhraseTally>, firstWords?: ReadonlySet<string>): string[] {
  const keyWords = outer.key.split(' ');
  const keys: string[] = [];
  for (let start = 0; start < keyWords.length; start += 1) {
    const first = keyWords[start]!;
    // A one-word stretch may be wanted in the singular only ("groups" → "group", below).
    const opens = firstWords === undefined || firstWords.has(first);
    if (!opens && !(first.endsWith('s') && firstWords!.has(first.slice(0, -1)))) continue;
    for (let size = 1; size < keyWords.length && start + size <= keyWords.length; size += 1) {
      if (size > 1 && !opens) break;
      const words = keyWords.slice(start, start + size).join(' ');
      // A stretch ending before the last word is written in the plural inside the phrase ("groups" in "armed groups leaders" is rare): try both.
      for (const key of [words, words.replace(/s$/, '')]) if (tallies.has(key)) keys.push(key);
    }
  }
  return keys;
}

/** The form a topic is shown by: the most frequent written in lower case ("armed groups", not a sentence's "Armed groups"), else the most frequent. */
function labelOf(surfaces: ReadonlyMap<string, number>): string | undefined {
  const lower = new Map([...surfaces].filter(([surface]) => surface === surface.toLowerCase()));
  return mostFrequent(lower.size > 0 ? lower : surfaces);
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
