// ForceAtlas2 layout of the co-mention network from seeded initial positions, iterated until the
// nodes barely move (or a cap), on graphology's own FA2 iteration over flat matrices.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import fa2Defaults from 'graphology-layout-forceatlas2/defaults.js';
import iterateForceAtlas2 from 'graphology-layout-forceatlas2/iterate.js';
import type { CoMentionNetwork } from './network.ts';
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
  const settings = { ...fa2Defaults, ...forceAtlas2.inferSettings(n) };

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
    iterateForceAtlas2(settings, nodes, edges);
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
