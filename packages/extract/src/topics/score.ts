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
  /** Its place among the document's phrases, in the order they were first seen. */
  order: number;
}

/** A document's phrase tallies as scoring reads them (PhraseCounter). */
export interface PhraseTallies {
  /** Every phrase counted, in the order first seen. */
  readonly inOrder: readonly PhraseTally[];
  /** A phrase's forms as written → occurrences. */
  surfacesOf(tally: PhraseTally): Map<string, number>;
  /** The number of a phrase's first key word. */
  firstKeyWord(tally: PhraseTally): number;
  /** The counted phrases inside a phrase (each stretch of its key words, and that stretch less a final "s"); with `firstWords`, only those opening on one of those words. */
  within(outer: PhraseTally, firstWords?: ReadonlySet<number>): PhraseTally[];
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
export function scorePhrases(tallies: PhraseTallies, budget: number): ScoredPhrase[] {
  // Only a phrase specific enough for its length and count can be a topic; the nesting correction is needed for those alone.
  const passing = tallies.inOrder.filter((tally) => passesBackground(tally.length, tally.count, tally.specificity));
  if (passing.length === 0) return [];
  const passingTallies = new Set(passing);
  const firstWords = new Set(passing.map((tally) => tallies.firstKeyWord(tally)));
  const containers = new Map<PhraseTally, PhraseTally[]>();
  for (const outer of tallies.inOrder) {
    if (outer.length < 2) continue;
    const inners = tallies.within(outer, firstWords);
    if (inners.length === 0) continue;
    for (const inner of new Set(inners)) {
      if (!passingTallies.has(inner)) continue;
      const list = containers.get(inner) ?? [];
      list.push(outer);
      containers.set(inner, list);
    }
  }
  const scored: ScoredPhrase[] = [];
  for (const tally of passing) {
    const nested = containers.get(tally) ?? [];
    const nestedCount = nested.length > 0 ? nested.reduce((sum, outer) => sum + outer.count, 0) / nested.length : 0;
    const own = tally.count - nestedCount;
    if (own < 1) continue;
    // "completed political processes" once, "political processes" five times: the term is the shorter one.
    if (tally.count === 1 && tallies.within(tally).some((inner) => inner.length > 1 && inner.count > 1)) continue;
    const score = Math.round((1 + Math.log2(own)) * tally.specificity * 1000) / 1000;
    const surfaces = tallies.surfacesOf(tally);
    scored.push({ key: tally.key, label: labelOf(surfaces) ?? tally.key, count: tally.count, score, surfaces: [...surfaces.keys()].sort() });
  }
  scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  return scored.slice(0, budget);
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
