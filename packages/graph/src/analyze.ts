// analyzeGraph: metrics (weighted degree, PageRank, betweenness), Louvain communities, ForceAtlas2 layout then
// noverlap, sizes and colours onto the nodes; from a previous map, positions and community ids carry over. Deterministic.
import { UndirectedGraph } from 'graphology';
import type Graph from 'graphology-types';
import louvain from 'graphology-communities-louvain';
import noverlap from 'graphology-layout-noverlap';
import { betweenness, pagerank } from './centrality.ts';
import { forceAtlas2FromPrevious, forceAtlas2Layout, type LayoutResult, type LayoutStart } from './layout.ts';
import { coMentionNetwork, type CoMentionNetwork } from './network.ts';
import { colorOfType } from './palette.ts';
import { seededRandom } from './random.ts';
import { assignThemes } from './themes.ts';
import type { AnalyzeOptions, AnalyzeReport, PreviousMap } from './types.ts';

export const MIN_NODE_SIZE = 2;
export const MAX_NODE_SIZE = 20;

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Louvain on the co-mention network; communities renumbered by size (largest is 0), ties by first node. */
function communities(network: CoMentionNetwork, seed: number): { membership: Int32Array; count: number; modularity: number } {
  const n = network.keys.length;
  const simple = new UndirectedGraph();
  for (let i = 0; i < n; i += 1) simple.addNode(i);
  for (let e = 0; e < network.pairSource.length; e += 1) {
    simple.addEdge(network.pairSource[e]!, network.pairTarget[e]!, { weight: network.pairWeight[e]! });
  }
  const result = louvain.detailed(simple, { rng: seededRandom(seed), getEdgeWeight: 'weight', resolution: 1 });
  const raw = Array.from({ length: n }, (_, i) => result.communities[String(i)] ?? 0);
  const members = new Map<number, { size: number; first: number }>();
  raw.forEach((community, i) => {
    const entry = members.get(community);
    if (entry) entry.size += 1;
    else members.set(community, { size: 1, first: i });
  });
  const ranked = [...members].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const renumber = new Map(ranked.map(([community], index) => [community, index]));
  const membership = Int32Array.from(raw, (community) => renumber.get(community)!);
  return { membership, count: ranked.length, modularity: Number.isFinite(result.modularity) ? result.modularity : 0 };
}

/**
 * Community ids carried over from a previous map: a new community takes the id of the previous one whose surviving
 * members it mostly holds (more than half of them, and more than half of its own members came from it); pairs are
 * matched greedily, largest overlap first. The others get ids above every previous one, largest community first.
 * A function of the two partitions only, so a rebuild with the same inputs and map numbers them the same way.
 */
export function matchCommunities(keys: readonly string[], fresh: { membership: Int32Array; count: number }, previous: ReadonlyMap<string, number>): Int32Array {
  const freshSize = new Int32Array(fresh.count);
  const previousSize = new Map<number, number>();
  const overlap = new Map<string, { fresh: number; old: number; shared: number }>();
  let highest = -1;
  for (const id of previous.values()) highest = Math.max(highest, id);
  keys.forEach((key, i) => {
    const community = fresh.membership[i]!;
    freshSize[community] = freshSize[community]! + 1;
    const old = previous.get(key);
    if (old === undefined) return;
    previousSize.set(old, (previousSize.get(old) ?? 0) + 1);
    const pair = `${community}:${old}`;
    const entry = overlap.get(pair);
    if (entry) entry.shared += 1;
    else overlap.set(pair, { fresh: community, old, shared: 1 });
  });
  const candidates = [...overlap.values()]
    .filter((entry) => entry.shared * 2 > previousSize.get(entry.old)! && entry.shared * 2 > freshSize[entry.fresh]!)
    .sort((a, b) => b.shared - a.shared || a.fresh - b.fresh || a.old - b.old);
  const idOf = new Int32Array(fresh.count).fill(-1);
  const taken = new Set<number>();
  for (const candidate of candidates) {
    if (idOf[candidate.fresh] !== -1 || taken.has(candidate.old)) continue;
    idOf[candidate.fresh] = candidate.old;
    taken.add(candidate.old);
  }
  // Fresh communities are numbered largest first already: unmatched ones keep that order above the old ids.
  for (let community = 0; community < fresh.count; community += 1) {
    if (idOf[community] === -1) {
      highest += 1;
      idOf[community] = highest;
    }
  }
  return Int32Array.from(fresh.membership, (community) => idOf[community]!);
}

/** The previous map's positions in network order, for a warm layout; undefined when no node has one. */
function layoutStart(network: CoMentionNetwork, previous: PreviousMap | undefined): LayoutStart | undefined {
  if (previous === undefined) return undefined;
  const n = network.keys.length;
  const start: LayoutStart = { x: new Float64Array(n), y: new Float64Array(n), known: new Uint8Array(n), ...(previous.unchanged === true ? { settle: false } : {}) };
  let known = 0;
  network.keys.forEach((key, i) => {
    const position = previous.positions.get(key);
    if (position === undefined || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) return;
    start.x[i] = position[0];
    start.y[i] = position[1];
    start.known[i] = 1;
    known += 1;
  });
  return known > 0 ? start : undefined;
}

/** Where ForceAtlas2 runs when it is not here: given the network, the seed and the iteration count, its positions. */
export type LayoutRunner = (network: CoMentionNetwork, seed: number, iterations: number | undefined, start?: LayoutStart) => Promise<LayoutResult>;

/** The layout analyzeGraph runs: warm from `start` when given, else cold. */
export function runLayout(network: CoMentionNetwork, seed: number, iterations: number | undefined, start?: LayoutStart): LayoutResult {
  return start === undefined ? forceAtlas2Layout(network, seed, iterations) : forceAtlas2FromPrevious(network, seed, start);
}

/** Metrics and communities of a network, as plain typed arrays: computed in another thread, they cross by structured clone. */
export interface NetworkMetrics {
  ranks: Float64Array;
  between: ReturnType<typeof betweenness>;
  grouping: ReturnType<typeof communities>;
  metricsTime: number;
  communitiesTime: number;
}

/** Final node positions of a network (ForceAtlas2, then noverlap, rounded to 2 decimals), in network order. */
export interface NetworkPositions {
  x: Float64Array;
  y: Float64Array;
  iterations: number;
  converged: boolean;
  /** ms of ForceAtlas2, and of the whole (ForceAtlas2, noverlap, rounding). */
  forceAtlas2Time: number;
  layoutTime: number;
}

/** Where the metrics run when not here (another thread): the network, the seed, the previous map's community ids. */
export type MetricsRunner = (network: CoMentionNetwork, seed: number, previousCommunities: ReadonlyMap<string, number> | undefined) => Promise<NetworkMetrics>;
/** Where the positions are computed when not here: the network, the seed, the iteration count, the warm start. */
export type PositionsRunner = (network: CoMentionNetwork, seed: number, iterations: number | undefined, start: LayoutStart | undefined) => Promise<NetworkPositions>;

function checkedSeed(options: AnalyzeOptions): number {
  if (options.layoutIterations !== undefined && !(Number.isInteger(options.layoutIterations) && options.layoutIterations >= 0)) {
    throw new Error(`graph/analyzeGraph: layoutIterations must be a non-negative integer, got ${options.layoutIterations}`);
  }
  return options.seed ?? 1;
}

/** PageRank, betweenness and Louvain communities (numbered to match `previousCommunities` when given). Pure. */
export function networkMetrics(network: CoMentionNetwork, seed: number, previousCommunities?: ReadonlyMap<string, number>): NetworkMetrics {
  let started = performance.now();
  const ranks = pagerank(network);
  const between = betweenness(network, seed);
  const metricsTime = performance.now() - started;
  started = performance.now();
  const grouping = communities(network, seed);
  if (previousCommunities !== undefined) grouping.membership = matchCommunities(network.keys, grouping, previousCommunities);
  return { ranks, between, grouping, metricsTime, communitiesTime: performance.now() - started };
}

/** Node sizes from weighted degree: MIN_NODE_SIZE to MAX_NODE_SIZE by the square root of the share of the largest. */
function nodeSizes(network: CoMentionNetwork): Float64Array {
  let maxWeightedDegree = 0;
  for (const value of network.weightedDegree) maxWeightedDegree = Math.max(maxWeightedDegree, value);
  return Float64Array.from(network.weightedDegree, (weightedDegree) =>
    round(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * (maxWeightedDegree > 0 ? Math.sqrt(weightedDegree / maxWeightedDegree) : 0), 3),
  );
}

/**
 * The side of noverlap's grid, in cells, for a map of `nodes` nodes. Two overlapping nodes always share a cell, so the
 * grid only decides how many pairs are compared: graphology's fixed 20 × 20 compares all pairs within a cell, which
 * grows with the square of the map (5,440 name-dense entities 0.3 s, 10,877 2.4 s). About two cells per node keeps
 * the cells small and the work linear; up to 200 nodes the grid stays 20 × 20, as it was.
 */
export function noverlapGridSize(nodes: number): number {
  return Math.max(20, Math.ceil(Math.sqrt(2 * nodes)));
}

/**
 * Moves overlapping nodes apart with noverlap (it reads x, y and size only, in node order) and rounds the positions
 * to 2 decimals. `gridSize` is for the tests, which compare grids.
 */
export function spreadPositions(layoutX: Float64Array, layoutY: Float64Array, sizes: Float64Array, gridSize = noverlapGridSize(sizes.length)): { x: Float64Array; y: Float64Array } {
  const n = sizes.length;
  const nodes = new UndirectedGraph();
  for (let i = 0; i < n; i += 1) nodes.addNode(i, { x: layoutX[i]!, y: layoutY[i]!, size: sizes[i]! });
  if (n > 0) noverlap.assign(nodes, { maxIterations: 100, settings: { margin: 1, ratio: 1.1, gridSize } });
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const attributes = nodes.getNodeAttributes(i) as { x: number; y: number };
    x[i] = round(attributes.x, 2);
    y[i] = round(attributes.y, 2);
  }
  return { x, y };
}

/** Spreads a layout with noverlap and rounds the positions. */
function spreadLayout(network: CoMentionNetwork, layout: LayoutResult, forceAtlas2Time: number, started: number): NetworkPositions {
  const { x, y } = spreadPositions(layout.x, layout.y, nodeSizes(network));
  return { x, y, iterations: layout.iterations, converged: layout.converged, forceAtlas2Time, layoutTime: performance.now() - started };
}

/** ForceAtlas2 (warm from `start` when given), then noverlap: the final positions. Pure. */
export function networkPositions(network: CoMentionNetwork, seed: number, iterations: number | undefined, start: LayoutStart | undefined): NetworkPositions {
  const started = performance.now();
  const layout = runLayout(network, seed, iterations, start);
  return spreadLayout(network, layout, performance.now() - started, started);
}

/** Writes metrics, community, position, size and colour onto the nodes. */
function applyAnalysis(graph: Graph, network: CoMentionNetwork, metrics: NetworkMetrics, positions: NetworkPositions): AnalyzeReport {
  const { ranks, between, grouping } = metrics;
  const sizes = nodeSizes(network);
  network.keys.forEach((key, i) => {
    const type = graph.getNodeAttribute(key, 'type');
    graph.mergeNodeAttributes(key, {
      weightedDegree: network.weightedDegree[i]!,
      pagerank: ranks[i]!,
      betweenness: between.values[i]!,
      community: grouping.membership[i]!,
      x: positions.x[i]!,
      y: positions.y[i]!,
      size: sizes[i]!,
      color: colorOfType(typeof type === 'string' ? type : ''),
    });
  });
  return {
    communities: grouping.count,
    modularity: grouping.modularity,
    layoutIterations: positions.iterations,
    layoutConverged: positions.converged,
    betweennessSources: between.sources,
    timings: {
      metrics: metrics.metricsTime,
      communities: metrics.communitiesTime,
      layout: positions.layoutTime,
      forceAtlas2: positions.forceAtlas2Time,
    },
  };
}

/**
 * Computes metrics, communities and layout and writes them onto the nodes: `weightedDegree`,
 * `pagerank`, `betweenness`, `community`, `x`, `y`, `size`, `color`, and the themes (themes.ts). Only co-mention edges count;
 * relation edges do not move nodes or change metrics. Returns what it did.
 */
export function analyzeGraph(graph: Graph, options: AnalyzeOptions = {}): AnalyzeReport {
  const seed = checkedSeed(options);
  const network = coMentionNetwork(graph);
  const metrics = networkMetrics(network, seed, options.previous?.communities);
  assignThemes(graph, seed);
  return applyAnalysis(graph, network, metrics, networkPositions(network, seed, options.layoutIterations, layoutStart(network, options.previous)));
}

/**
 * analyzeGraph with ForceAtlas2 handed to `runLayout` (another thread, say) while the metrics and communities are
 * computed here. The same positions from the same network and seed, so the same result as analyzeGraph.
 */
export async function analyzeGraphWithLayoutElsewhere(graph: Graph, options: AnalyzeOptions, runLayoutElsewhere: LayoutRunner): Promise<AnalyzeReport> {
  const seed = checkedSeed(options);
  const network = coMentionNetwork(graph);
  const started = performance.now();
  const pending = runLayoutElsewhere(network, seed, options.layoutIterations, layoutStart(network, options.previous));
  // Awaited below; a failure must not count as unhandled meanwhile.
  pending.catch(() => undefined);
  const metrics = networkMetrics(network, seed, options.previous?.communities);
  const layout = await pending;
  assignThemes(graph, seed);
  return applyAnalysis(graph, network, metrics, spreadLayout(network, layout, performance.now() - started, started));
}

/**
 * analyzeGraph with both halves elsewhere (other threads, which can be stopped): only the co-mention network is made
 * and the results written onto the nodes here, so the calling thread stays free (for Ctrl-C, say). The same result.
 */
export async function analyzeGraphElsewhere(graph: Graph, options: AnalyzeOptions, runners: { metrics: MetricsRunner; positions: PositionsRunner }): Promise<AnalyzeReport> {
  const seed = checkedSeed(options);
  const network = coMentionNetwork(graph);
  const positions = runners.positions(network, seed, options.layoutIterations, layoutStart(network, options.previous));
  // Awaited below; a failure must not count as unhandled meanwhile.
  positions.catch(() => undefined);
  const metrics = await runners.metrics(network, seed, options.previous?.communities);
  const layout = await positions;
  assignThemes(graph, seed);
  return applyAnalysis(graph, network, metrics, layout);
}
