// analyzeGraph: metrics (weighted degree, PageRank, betweenness), Louvain communities, ForceAtlas2
// layout then noverlap, sizes and colours, written onto the node attributes. Seeded; deterministic.
import { UndirectedGraph } from 'graphology';
import type Graph from 'graphology-types';
import louvain from 'graphology-communities-louvain';
import noverlap from 'graphology-layout-noverlap';
import { betweenness, pagerank } from './centrality.ts';
import { forceAtlas2Layout, type LayoutResult } from './layout.ts';
import { coMentionNetwork, type CoMentionNetwork } from './network.ts';
import { colorOfType } from './palette.ts';
import { seededRandom } from './random.ts';
import type { AnalyzeOptions, AnalyzeReport } from './types.ts';

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

/** Where ForceAtlas2 runs when it is not here: given the network, the seed and the iteration count, its positions. */
export type LayoutRunner = (network: CoMentionNetwork, seed: number, iterations: number | undefined) => Promise<LayoutResult>;

interface Metrics {
  ranks: Float64Array;
  between: ReturnType<typeof betweenness>;
  grouping: ReturnType<typeof communities>;
  metricsTime: number;
  communitiesTime: number;
}

function checkedSeed(options: AnalyzeOptions): number {
  if (options.layoutIterations !== undefined && !(Number.isInteger(options.layoutIterations) && options.layoutIterations >= 0)) {
    throw new Error(`graph/analyzeGraph: layoutIterations must be a non-negative integer, got ${options.layoutIterations}`);
  }
  return options.seed ?? 1;
}

function computeMetrics(network: CoMentionNetwork, seed: number): Metrics {
  let started = performance.now();
  const ranks = pagerank(network);
  const between = betweenness(network, seed);
  const metricsTime = performance.now() - started;
  started = performance.now();
  const grouping = communities(network, seed);
  return { ranks, between, grouping, metricsTime, communitiesTime: performance.now() - started };
}

/** Writes metrics, community, position (after noverlap), size and colour onto the nodes. */
function applyAnalysis(graph: Graph, network: CoMentionNetwork, metrics: Metrics, layout: LayoutResult, forceAtlas2Time: number): AnalyzeReport {
  const started = performance.now();
  const { ranks, between, grouping } = metrics;
  let maxWeightedDegree = 0;
  for (const value of network.weightedDegree) maxWeightedDegree = Math.max(maxWeightedDegree, value);
  network.keys.forEach((key, i) => {
    const weightedDegree = network.weightedDegree[i]!;
    const type = graph.getNodeAttribute(key, 'type');
    graph.mergeNodeAttributes(key, {
      weightedDegree,
      pagerank: ranks[i]!,
      betweenness: between.values[i]!,
      community: grouping.membership[i]!,
      x: layout.x[i]!,
      y: layout.y[i]!,
      size: round(
        MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * (maxWeightedDegree > 0 ? Math.sqrt(weightedDegree / maxWeightedDegree) : 0),
        3,
      ),
      color: colorOfType(typeof type === 'string' ? type : ''),
    });
  });
  if (graph.order > 0) noverlap.assign(graph, { maxIterations: 100, settings: { margin: 1, ratio: 1.1 } });
  graph.updateEachNodeAttributes((_key, attributes) => ({ ...attributes, x: round(attributes.x, 2), y: round(attributes.y, 2) }), {
    attributes: ['x', 'y'],
  });
  return {
    communities: grouping.count,
    modularity: grouping.modularity,
    layoutIterations: layout.iterations,
    layoutConverged: layout.converged,
    betweennessSources: between.sources,
    timings: {
      metrics: metrics.metricsTime,
      communities: metrics.communitiesTime,
      layout: forceAtlas2Time + performance.now() - started,
      forceAtlas2: forceAtlas2Time,
    },
  };
}

/**
 * Computes metrics, communities and layout and writes them onto the nodes: `weightedDegree`,
 * `pagerank`, `betweenness`, `community`, `x`, `y`, `size`, `color`. Only co-mention edges count;
 * relation edges do not move nodes or change metrics. Returns what it did.
 */
export function analyzeGraph(graph: Graph, options: AnalyzeOptions = {}): AnalyzeReport {
  const seed = checkedSeed(options);
  const network = coMentionNetwork(graph);
  const metrics = computeMetrics(network, seed);
  const started = performance.now();
  const layout = forceAtlas2Layout(network, seed, options.layoutIterations);
  return applyAnalysis(graph, network, metrics, layout, performance.now() - started);
}

/**
 * analyzeGraph with ForceAtlas2 handed to `runLayout` (another thread, say) while the metrics and communities are
 * computed here. The same positions from the same network and seed, so the same result as analyzeGraph.
 */
export async function analyzeGraphWithLayoutElsewhere(graph: Graph, options: AnalyzeOptions, runLayout: LayoutRunner): Promise<AnalyzeReport> {
  const seed = checkedSeed(options);
  const network = coMentionNetwork(graph);
  const started = performance.now();
  const pending = runLayout(network, seed, options.layoutIterations);
  // Awaited below; a failure must not count as unhandled meanwhile.
  pending.catch(() => undefined);
  const metrics = computeMetrics(network, seed);
  const layout = await pending;
  return applyAnalysis(graph, network, metrics, layout, performance.now() - started);
}
