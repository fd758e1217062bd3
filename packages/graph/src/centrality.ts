// PageRank and betweenness on the co-mention network. Betweenness is exact (Brandes) up to 512 nodes and
// estimated from a seeded sample of at most 512 sources above, so its cost grows linearly with the graph.
import type { CoMentionNetwork } from './network.ts';
import { seededRandom } from './random.ts';

/** Weighted PageRank (damping 0.85); nodes without co-mentions spread their rank evenly. Sums to 1. */
export function pagerank(network: CoMentionNetwork, damping = 0.85, tolerance = 1e-10, maxIterations = 200): Float64Array {
  const { offsets, neighbours, weights, weightedDegree } = network;
  const n = network.keys.length;
  let rank = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    let dangling = 0;
    for (let i = 0; i < n; i += 1) if (weightedDegree[i] === 0) dangling += rank[i]!;
    const base = (1 - damping) / n + (damping * dangling) / n;
    next.fill(base);
    for (let i = 0; i < n; i += 1) {
      const total = weightedDegree[i]!;
      if (total === 0) continue;
      const share = (damping * rank[i]!) / total;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k += 1) {
        const j = neighbours[k]!;
        next[j] = next[j]! + share * weights[k]!;
      }
    }
    let change = 0;
    for (let i = 0; i < n; i += 1) change += Math.abs(next[i]! - rank[i]!);
    [rank, next] = [next, rank];
    if (change < tolerance * Math.max(1, n)) break;
  }
  return rank;
}

/** Above this many (sources × adjacency entries), betweenness samples its sources… */
export const BETWEENNESS_BUDGET = 60_000_000;
/**
 * …and it never starts from more than this many: with n sources Brandes costs n × (n + adjacency), quadratic; with
 * a fixed number it is linear in the graph (doubling a name-dense graph doubles the work).
 */
export const BETWEENNESS_MAX_SOURCES = 512;

export interface BetweennessResult {
  values: Float64Array;
  /** Sources used: n when exact, fewer when sampled. */
  sources: number;
}

/**
 * Unweighted shortest-path betweenness (Brandes), normalised to [0, 1] by (n-1)(n-2)/2 pairs.
 * When n exceeds `maxSources` or n × (n + adjacency) exceeds the budget, k = min(maxSources, budget / (n +
 * adjacency)) sources (at least 32) are drawn with a seeded shuffle and the result is scaled by n/k (Brandes & Pich
 * 2007), an unbiased estimate.
 */
export function betweenness(network: CoMentionNetwork, seed: number, budget = BETWEENNESS_BUDGET, maxSources = BETWEENNESS_MAX_SOURCES): BetweennessResult {
  const { offsets, neighbours } = network;
  const n = network.keys.length;
  const values = new Float64Array(n);
  if (n < 3) return { values, sources: n };
  const perSource = n + neighbours.length;
  let sources = Array.from({ length: n }, (_, i) => i);
  if (n > maxSources || n * perSource > budget) {
    const k = Math.max(32, Math.min(maxSources, Math.floor(budget / perSource)));
    const random = seededRandom(seed);
    for (let i = n - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [sources[i], sources[j]] = [sources[j]!, sources[i]!];
    }
    sources = sources.slice(0, Math.min(n, k)).sort((a, b) => a - b);
  }
  const sigma = new Float64Array(n);
  const distance = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const source of sources) {
    sigma.fill(0);
    distance.fill(-1);
    delta.fill(0);
    sigma[source] = 1;
    distance[source] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = source;
    while (head < tail) {
      const v = order[head++]!;
      const dv = distance[v]!;
      for (let k = offsets[v]!; k < offsets[v + 1]!; k += 1) {
        const w = neighbours[k]!;
        if (distance[w] === -1) {
          distance[w] = dv + 1;
          order[tail++] = w;
        }
        if (distance[w] === dv + 1) sigma[w] = sigma[w]! + sigma[v]!;
      }
    }
    // Accumulate dependencies in reverse BFS order.
    for (let index = tail - 1; index > 0; index -= 1) {
      const w = order[index]!;
      const dw = distance[w]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (let k = offsets[w]!; k < offsets[w + 1]!; k += 1) {
        const v = neighbours[k]!;
        if (distance[v] === dw - 1) delta[v] = delta[v]! + sigma[v]! * coefficient;
      }
      values[w] = values[w]! + delta[w]!;
    }
  }
  // Each pair is counted from both ends; normalise by (n-1)(n-2)/2 pairs and scale a sample up.
  const scale = n / sources.length / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i += 1) values[i] = values[i]! * scale;
  return { values, sources: sources.length };
}
