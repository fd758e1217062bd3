// The layout of big networks (Barnes-Hut from BARNES_HUT_FROM nodes) and the betweenness cap: the forces match all
// pairs, the map settles and repeats exactly, a warm start keeps it, and the work grows linearly (counted, not timed).
import * as extract from '@missiongraph/extract';
import { MultiUndirectedGraph } from 'graphology';
import iterateForceAtlas2 from 'graphology-layout-forceatlas2/iterate.js';
import { describe, expect, it } from 'vitest';
import { iterateBarnesHut } from '../src/barnes-hut.ts';
import { noverlapGridSize, spreadPositions } from '../src/analyze.ts';
import { BETWEENNESS_MAX_SOURCES, betweenness } from '../src/centrality.ts';
import { BARNES_HUT_FROM, forceAtlas2FromPrevious, forceAtlas2Layout, layoutSettings } from '../src/layout.ts';
import { buildGraph } from '../src/index.ts';
import { coMentionNetwork, type CoMentionNetwork } from '../src/network.ts';
import { nameDenseDocument } from '../../../scripts/name-dense.ts';

/**
 * A network shaped like name-dense text: `groups` sentences of four people each, every one linked to two hub places
 * and to one person of the sentence three before (so the network is connected, with many small dense clusters).
 */
function nameDenseNetwork(groups: number): CoMentionNetwork {
  const graph = new MultiUndirectedGraph();
  graph.addNode('goma');
  graph.addNode('bamako');
  for (let group = 0; group < groups; group += 1) {
    const people = [0, 1, 2, 3].map((member) => `p${group}-${member}`);
    for (const person of people) graph.addNode(person);
    for (const [i, a] of people.entries()) {
      for (const b of people.slice(i + 1)) graph.addEdge(a, b, { kind: 'co-mention', weight: 1 });
      graph.addEdge(a, 'goma', { kind: 'co-mention', weight: 1 });
      graph.addEdge(a, 'bamako', { kind: 'co-mention', weight: 1 });
    }
    if (group >= 3) graph.addEdge(people[0]!, `p${group - 3}-1`, { kind: 'co-mention', weight: 2 });
  }
  return coMentionNetwork(graph);
}

/** Graphology's matrices for a network at seeded positions: what layout.ts hands to an iteration. */
function matrices(network: CoMentionNetwork): { nodes: Float32Array; edges: Float32Array } {
  const n = network.keys.length;
  const nodes = new Float32Array(n * 10);
  const edges = new Float32Array(network.pairSource.length * 3);
  for (let i = 0; i < n; i += 1) {
    nodes[i * 10] = 50 * Math.sin(i * 12.9898);
    nodes[i * 10 + 1] = 50 * Math.cos(i * 78.233);
    nodes[i * 10 + 6] = 1 + network.weightedDegree[i]!;
    nodes[i * 10 + 7] = 1;
    nodes[i * 10 + 8] = 1;
  }
  network.pairSource.forEach((source, e) => {
    edges[e * 3] = source * 10;
    edges[e * 3 + 1] = network.pairTarget[e]! * 10;
    edges[e * 3 + 2] = network.pairWeight[e]!;
  });
  return { nodes, edges };
}

/** Per node the force of one iteration (the matrix's dx, dy after it). */
function forces(nodes: Float32Array): Array<[number, number]> {
  return Array.from({ length: nodes.length / 10 }, (_, i) => [nodes[i * 10 + 2]!, nodes[i * 10 + 3]!]);
}

describe('the layout of big networks', () => {
  const network = nameDenseNetwork(150); // 602 nodes, above BARNES_HUT_FROM

  it('computes the same forces as all pairs when every cell is opened, and within a few per cent at θ = 0.5', () => {
    expect(network.keys.length).toBeGreaterThan(BARNES_HUT_FROM);
    const settings = layoutSettings(network.keys.length);
    const exact = matrices(network);
    iterateForceAtlas2(settings, exact.nodes, exact.edges);
    const opened = matrices(network);
    iterateBarnesHut(settings, opened.nodes, opened.edges, 0);
    const estimated = matrices(network);
    iterateBarnesHut(settings, estimated.nodes, estimated.edges);
    const reference = forces(exact.nodes);
    const relativeError = (candidate: Array<[number, number]>): number[] =>
      candidate.map(([x, y], i) => Math.hypot(x - reference[i]![0], y - reference[i]![1]) / Math.hypot(reference[i]![0], reference[i]![1]));
    expect(Math.max(...relativeError(forces(opened.nodes)))).toBeLessThan(1e-4);
    const errors = relativeError(forces(estimated.nodes)).sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(0.02);
    expect(errors[Math.floor(errors.length * 0.99)]).toBeLessThan(0.1);
  });

  it('settles on the map of real name-dense text within the iterations a small map needs, and repeats exactly', () => {
    // 200 sentences: 365 entities. graphology's own Barnes-Hut drops nodes that land too close to another from its
    // tree, and this map then takes about 950 iterations to calm (about 280 with all pairs or with barnes-hut.ts).
    const lexicon = extract.defaultLexicon();
    const real = coMentionNetwork(buildGraph([extract.extractDocument({ id: 'names.txt', text: nameDenseDocument(200) }, { lexicon })], { lexicon }));
    expect(real.keys.length).toBeGreaterThan(BARNES_HUT_FROM);
    const first = forceAtlas2Layout(real, 1);
    expect(first.converged).toBe(true);
    expect(first.iterations).toBeLessThan(500);
    const again = forceAtlas2Layout(real, 1);
    expect(again.x).toEqual(first.x);
    expect(again.y).toEqual(first.y);
    expect(forceAtlas2Layout(real, 2).x).not.toEqual(first.x);
  });

  it('keeps a big map where it was when a rebuild starts from it, the same way every time', () => {
    const cold = forceAtlas2Layout(network, 1);
    const grown = nameDenseNetwork(160);
    const n = grown.keys.length;
    const index = new Map(network.keys.map((key, i) => [key, i]));
    const start = { x: new Float64Array(n), y: new Float64Array(n), known: new Uint8Array(n) };
    grown.keys.forEach((key, i) => {
      const old = index.get(key);
      if (old === undefined) return;
      start.x[i] = cold.x[old]!;
      start.y[i] = cold.y[old]!;
      start.known[i] = 1;
    });
    const warm = forceAtlas2FromPrevious(grown, 1, start);
    expect(forceAtlas2FromPrevious(grown, 1, start)).toEqual(warm);
    let spread = 0;
    let moved = 0;
    let known = 0;
    for (let i = 0; i < n; i += 1) {
      if (start.known[i] !== 1) continue;
      known += 1;
      spread += start.x[i]! ** 2 + start.y[i]! ** 2;
      moved += Math.hypot(warm.x[i]! - start.x[i]!, warm.y[i]! - start.y[i]!);
    }
    // The known nodes move on average by under 2 % of the map's radius.
    expect(moved / known).toBeLessThan(0.02 * Math.sqrt(spread / known));
    expect(warm.x.every(Number.isFinite) && warm.y.every(Number.isFinite)).toBe(true);
  });

  it('does repulsion work that grows like n log n, not n², when the network doubles', () => {
    const work = (groups: number): number => {
      const big = nameDenseNetwork(groups);
      const { nodes, edges } = matrices(big);
      return iterateBarnesHut(layoutSettings(big.keys.length), nodes, edges);
    };
    const small = work(500);
    const double = work(1_000);
    // All pairs would be n(n-1) repulsions, 4× when n doubles; the tree does 2.3–2.6× here (one level deeper at 2n).
    expect(small).toBeLessThan((2002 * 2001) / 4);
    expect(double / small).toBeLessThan(3);
  });

  it('spreads overlapping nodes on a grid that grows with the map, to the same positions as the fixed 20 × 20 grid', () => {
    // graphology's noverlap compares every pair of nodes within a cell: on its default 20 × 20 grid that work grows with
    // the square of the map. The grid has about two cells per node from 200 nodes on; below, it is 20 × 20 as before.
    expect(noverlapGridSize(200)).toBe(20);
    for (const nodes of [1_000, 5_440, 100_000]) expect(noverlapGridSize(nodes) ** 2).toBeGreaterThanOrEqual(2 * nodes);
    const big = nameDenseNetwork(400); // 1,602 nodes in clusters: many overlaps to undo
    const layout = forceAtlas2Layout(big, 1, 60);
    let heaviest = 0;
    for (const value of big.weightedDegree) heaviest = Math.max(heaviest, value);
    const sizes = Float64Array.from(big.weightedDegree, (value) => 2 + 18 * Math.sqrt(value / heaviest));
    const grown = spreadPositions(layout.x, layout.y, sizes);
    const fixed = spreadPositions(layout.x, layout.y, sizes, 20);
    expect(noverlapGridSize(big.keys.length)).toBeGreaterThan(20);
    expect(grown.x).toEqual(fixed.x);
    expect(grown.y).toEqual(fixed.y);
    expect(grown.x).not.toEqual(Float64Array.from(layout.x, (value) => Math.round(value * 100) / 100));
  });

  it('starts betweenness from at most BETWEENNESS_MAX_SOURCES sources, exact below, so its work is linear', () => {
    const path = (length: number): CoMentionNetwork => {
      const graph = new MultiUndirectedGraph();
      for (let i = 0; i < length; i += 1) graph.addNode(`n${i}`);
      for (let i = 0; i + 1 < length; i += 1) graph.addEdge(`n${i}`, `n${i + 1}`, { kind: 'co-mention', weight: 1 });
      return coMentionNetwork(graph);
    };
    expect(betweenness(path(BETWEENNESS_MAX_SOURCES), 1).sources).toBe(BETWEENNESS_MAX_SOURCES);
    const long = path(4 * BETWEENNESS_MAX_SOURCES);
    const sampled = betweenness(long, 1);
    expect(sampled.sources).toBe(BETWEENNESS_MAX_SOURCES);
    expect(betweenness(path(8 * BETWEENNESS_MAX_SOURCES), 1).sources).toBe(BETWEENNESS_MAX_SOURCES);
    // Still an estimate of the exact values: the middle of a path carries about half of all pairs.
    const middle = long.keys.length / 2;
    expect(Math.abs(sampled.values[middle]! - betweenness(long, 1, Infinity, Infinity).values[middle]!)).toBeLessThan(0.05);
  });
});
