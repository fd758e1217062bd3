// The co-mention network as compact arrays (compressed adjacency), the common input of the metrics,
// the community detection and the layout. Relation edges (host country, succession) are left out.
import type Graph from 'graphology-types';

const RELATION_KINDS = new Set(['host-country', 'succeeded-by']);

export interface CoMentionNetwork {
  /** Node keys in graph order; index i in the arrays below is keys[i]. */
  keys: string[];
  /** Neighbours of node i are neighbours[offsets[i] .. offsets[i + 1]), each pair once per direction. */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** Weight of each adjacency entry (parallel co-mention edges summed). */
  weights: Float64Array;
  /** Undirected pairs, once each: pairSource[e] < pairTarget[e] (node indices), pairWeight[e]. */
  pairSource: Int32Array;
  pairTarget: Int32Array;
  pairWeight: Float64Array;
  weightedDegree: Float64Array;
}

/** Weight of an edge in the co-mention network: its `weight` if positive and finite, 1 when absent; relation edges count 0. */
export function coMentionWeight(attributes: Record<string, unknown>): number {
  if (typeof attributes.kind === 'string' && RELATION_KINDS.has(attributes.kind)) return 0;
  const weight = attributes.weight;
  if (weight === undefined) return 1;
  return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? weight : 0;
}

export function coMentionNetwork(graph: Graph): CoMentionNetwork {
  const keys = graph.nodes();
  const indexOf = new Map<string, number>();
  keys.forEach((key, index) => indexOf.set(key, index));

  // Sum parallel edges per unordered pair.
  const pairWeights = new Map<number, number>();
  const n = keys.length;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const weight = coMentionWeight(attributes);
    if (weight <= 0 || source === target) return;
    const a = indexOf.get(source)!;
    const b = indexOf.get(target)!;
    const pair = a < b ? a * n + b : b * n + a;
    pairWeights.set(pair, (pairWeights.get(pair) ?? 0) + weight);
  });
  const pairs = [...pairWeights.keys()].sort((x, y) => x - y);
  const pairSource = new Int32Array(pairs.length);
  const pairTarget = new Int32Array(pairs.length);
  const pairWeight = new Float64Array(pairs.length);
  const degree = new Int32Array(n);
  const weightedDegree = new Float64Array(n);
  pairs.forEach((pair, e) => {
    const a = Math.floor(pair / n);
    const b = pair - a * n;
    const weight = pairWeights.get(pair)!;
    pairSource[e] = a;
    pairTarget[e] = b;
    pairWeight[e] = weight;
    degree[a] = degree[a]! + 1;
    degree[b] = degree[b]! + 1;
    weightedDegree[a] = weightedDegree[a]! + weight;
    weightedDegree[b] = weightedDegree[b]! + weight;
  });
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]!);
  const weights = new Float64Array(offsets[n]!);
  for (let e = 0; e < pairs.length; e += 1) {
    const a = pairSource[e]!;
    const b = pairTarget[e]!;
    const w = pairWeight[e]!;
    neighbours[fill[a]!] = b;
    weights[fill[a]!] = w;
    fill[a] = fill[a]! + 1;
    neighbours[fill[b]!] = a;
    weights[fill[b]!] = w;
    fill[b] = fill[b]! + 1;
  }
  return { keys, offsets, neighbours, weights, pairSource, pairTarget, pairWeight, weightedDegree };
}
