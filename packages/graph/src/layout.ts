// ForceAtlas2 layout of the co-mention network: cold from seeded positions until the nodes barely move (or a cap),
// or warm from a previous map (new nodes at their neighbours' barycentre, a bounded settling), on graphology's FA2.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import fa2Defaults from 'graphology-layout-forceatlas2/defaults.js';
import iterateForceAtlas2 from 'graphology-layout-forceatlas2/iterate.js';
import type { CoMentionNetwork } from './network.ts';
import { iterateBarnesHut } from './barnes-hut.ts';
import { hashString } from './random.ts';

/** Fields per node and per edge in FA2's matrices (graphology-layout-forceatlas2/iterate.js). */
const PPN = 10;
const PPE = 3;

export interface LayoutResult {
  x: Float64Array;
  y: Float64Array;
  iterations: number;
  converged: boolean;
}

/** Stop when the mean step of a node is below this fraction of the layout's RMS radius… */
export const CONVERGENCE_THRESHOLD = 0.002;
/** …for this many iterations in a row. */
const CALM_ITERATIONS = 10;

/**
 * From this many nodes the repulsion is estimated with Barnes-Hut over a quadtree with buckets (barnes-hut.ts):
 * n log n per iteration instead of all n² pairs, and smooth enough that the layout still settles (graphology's own
 * Barnes-Hut drops a node that lands too close to another from its tree, and the map then never calms down).
 * Below it graphology's all-pairs iteration runs, which is cheaper there, so small maps stay exactly as they were.
 */
export const BARNES_HUT_FROM = 250;

type Iteration = (settings: ReturnType<typeof layoutSettings>, nodes: Float32Array, edges: Float32Array) => void;

/** ForceAtlas2's settings for a network of `nodes` nodes: graphology's inferred ones (its own Barnes-Hut never used). */
export function layoutSettings(nodes: number) {
  return { ...fa2Defaults, ...forceAtlas2.inferSettings(nodes), barnesHutOptimize: false };
}

/** One ForceAtlas2 iteration for a network of `nodes` nodes: all pairs below BARNES_HUT_FROM, Barnes-Hut from it. */
export function layoutIteration(nodes: number): Iteration {
  return nodes >= BARNES_HUT_FROM ? (settings, matrix, edges) => void iterateBarnesHut(settings, matrix, edges) : (settings, matrix, edges) => void iterateForceAtlas2(settings, matrix, edges);
}

/** Iteration cap: generous on small graphs, bounded by work (nodes + edges) on big ones. */
export function layoutIterationCap(nodes: number, pairs: number): number {
  return Math.max(100, Math.min(2000, Math.round(25_000_000 / Math.max(1, nodes + pairs))));
}

/** A point in [-extent, extent]² from the node key and the seed, so a node starts in the same place whatever else the graph holds. */
function initialPosition(key: string, seed: number, extent: number): [number, number] {
  const hx = hashString(key, seed);
  const hy = hashString(key, hx ^ 0x9e3779b9);
  return [((hx / 4294967296) * 2 - 1) * extent, ((hy / 4294967296) * 2 - 1) * extent];
}

/** A previous map to start from: per node (network order) its position and whether it had one (1) or is new (0). */
export interface LayoutStart {
  x: Float64Array;
  y: Float64Array;
  known: Uint8Array;
  /** False when nothing changed since the previous map: every known node keeps its position, no iteration runs. */
  settle?: boolean;
}

/** Warm layout: iterations that settle the new nodes with the known ones held in place… */
export const SETTLE_NEW_ITERATIONS = 60;
/** …then iterations in which every node may move, so changed weights are felt without redrawing the map. */
export const SETTLE_ALL_ITERATIONS = 8;
/** How much more slowly nodes move in those iterations than in a cold layout. */
const SETTLE_ALL_SLOWDOWN = 10;

/**
 * Where each node starts: known nodes where they were; a new node at the weighted barycentre of its neighbours that
 * already have a place (repeated, so chains of new nodes follow), or, with none, at its seeded point.
 */
function warmStart(network: CoMentionNetwork, start: LayoutStart, seed: number, extent: number): { x: Float64Array; y: Float64Array } {
  const n = network.keys.length;
  const x = Float64Array.from(start.x);
  const y = Float64Array.from(start.y);
  const placed = Uint8Array.from(start.known);
  let pending = placed.reduce((count, value) => count + (value === 1 ? 0 : 1), 0);
  while (pending > 0) {
    const newlyPlaced: number[] = [];
    for (let i = 0; i < n; i += 1) {
      if (placed[i] === 1) continue;
      let sx = 0;
      let sy = 0;
      let total = 0;
      for (let at = network.offsets[i]!; at < network.offsets[i + 1]!; at += 1) {
        const j = network.neighbours[at]!;
        if (placed[j] !== 1) continue;
        const w = network.weights[at]!;
        sx += w * x[j]!;
        sy += w * y[j]!;
        total += w;
      }
      if (total > 0) {
        // A small seeded offset, so two new nodes with the same neighbours do not start on the same point.
        const [ox, oy] = initialPosition(network.keys[i]!, seed, 1);
        x[i] = sx / total + ox;
        y[i] = sy / total + oy;
        newlyPlaced.push(i);
      }
    }
    if (newlyPlaced.length === 0) break;
    for (const i of newlyPlaced) placed[i] = 1;
    pending -= newlyPlaced.length;
  }
  for (let i = 0; i < n; i += 1) {
    if (placed[i] === 1) continue;
    [x[i], y[i]] = initialPosition(network.keys[i]!, seed, extent);
  }
  return { x, y };
}

/**
 * ForceAtlas2 from a previous map: the known nodes stay put while the new ones settle (SETTLE_NEW_ITERATIONS), then
 * everything moves for SETTLE_ALL_ITERATIONS. A deterministic function of the network, the map and the seed.
 */
export function forceAtlas2FromPrevious(network: CoMentionNetwork, seed: number, start: LayoutStart): LayoutResult {
  const n = network.keys.length;
  if (start.settle === false && start.known.every((known) => known === 1)) {
    return { x: Float64Array.from(start.x), y: Float64Array.from(start.y), iterations: 0, converged: true };
  }
  const m = network.pairSource.length;
  const nodes = new Float32Array(n * PPN);
  const edges = new Float32Array(m * PPE);
  const { x: startX, y: startY } = warmStart(network, start, seed, 10 * Math.sqrt(Math.max(1, n)));
  let fresh = 0;
  for (let i = 0; i < n; i += 1) {
    const at = i * PPN;
    nodes[at] = startX[i]!;
    nodes[at + 1] = startY[i]!;
    nodes[at + 6] = 1 + network.weightedDegree[i]!;
    nodes[at + 7] = 1;
    nodes[at + 8] = 1;
    nodes[at + 9] = start.known[i] === 1 ? 1 : 0; // fixed while the new nodes settle
    if (start.known[i] !== 1) fresh += 1;
  }
  for (let e = 0; e < m; e += 1) {
    edges[e * PPE] = network.pairSource[e]! * PPN;
    edges[e * PPE + 1] = network.pairTarget[e]! * PPN;
    edges[e * PPE + 2] = network.pairWeight[e]!;
  }
  const settings = layoutSettings(n);
  const iterate = layoutIteration(n);
  let done = 0;
  if (fresh > 0) {
    for (let step = 0; step < SETTLE_NEW_ITERATIONS; step += 1) iterate(settings, nodes, edges);
    done += SETTLE_NEW_ITERATIONS;
  }
  for (let i = 0; i < n; i += 1) {
    nodes[i * PPN + 9] = 0;
    nodes[i * PPN + 7] = 1;
  }
  if (n > 0) {
    // Damped: the map adjusts to changed weights without being redrawn.
    const damped = { ...settings, slowDown: (settings.slowDown ?? 1) * SETTLE_ALL_SLOWDOWN };
    for (let step = 0; step < SETTLE_ALL_ITERATIONS; step += 1) iterate(damped, nodes, edges);
    done += SETTLE_ALL_ITERATIONS;
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    x[i] = nodes[i * PPN]!;
    y[i] = nodes[i * PPN + 1]!;
  }
  return { x, y, iterations: done, converged: true };
}

export function forceAtlas2Layout(network: CoMentionNetwork, seed: number, iterations?: number): LayoutResult {
  const n = network.keys.length;
  const m = network.pairSource.length;
  const nodes = new Float32Array(n * PPN);
  const edges = new Float32Array(m * PPE);
  const extent = 10 * Math.sqrt(Math.max(1, n));
  for (let i = 0; i < n; i += 1) {
    const [x, y] = initialPosition(network.keys[i]!, seed, extent);
    const at = i * PPN;
    nodes[at] = x;
    nodes[at + 1] = y;
    nodes[at + 6] = 1 + network.weightedDegree[i]!; // mass, as graphology's graphToByteArrays sets it
    nodes[at + 7] = 1; // convergence
    nodes[at + 8] = 1; // size
  }
  for (let e = 0; e < m; e += 1) {
    edges[e * PPE] = network.pairSource[e]! * PPN;
    edges[e * PPE + 1] = network.pairTarget[e]! * PPN;
    edges[e * PPE + 2] = network.pairWeight[e]!;
  }
  const settings = layoutSettings(n);
  const iterate = layoutIteration(n);

  const cap = iterations ?? layoutIterationCap(n, m);
  const previous = new Float64Array(n * 2);
  let done = 0;
  let calm = 0;
  let converged = false;
  while (n > 0 && done < cap) {
    for (let i = 0; i < n; i += 1) {
      previous[i * 2] = nodes[i * PPN]!;
      previous[i * 2 + 1] = nodes[i * PPN + 1]!;
    }
    iterate(settings, nodes, edges);
    done += 1;
    if (iterations !== undefined) continue;
    let step = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < n; i += 1) {
      const x = nodes[i * PPN]!;
      const y = nodes[i * PPN + 1]!;
      step += Math.hypot(x - previous[i * 2]!, y - previous[i * 2 + 1]!);
      cx += x;
      cy += y;
    }
    cx /= n;
    cy /= n;
    let spread = 0;
    for (let i = 0; i < n; i += 1) spread += (nodes[i * PPN]! - cx) ** 2 + (nodes[i * PPN + 1]! - cy) ** 2;
    const radius = Math.sqrt(spread / n) || 1;
    calm = step / n < CONVERGENCE_THRESHOLD * radius ? calm + 1 : 0;
    if (calm >= CALM_ITERATIONS) {
      converged = true;
      break;
    }
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    x[i] = nodes[i * PPN]!;
    y[i] = nodes[i * PPN + 1]!;
  }
  return { x, y, iterations: done, converged: converged || iterations !== undefined };
}
