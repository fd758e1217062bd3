// analyzeGraph: metrics on graphs whose answers are known, seeded communities, layout that
// converges and repeats exactly, sizes from weighted degree and colours from the one palette.
import { MultiUndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyzeGraph, buildGraph, TYPE_COLORS, toGraphJson } from '../src/index.ts';
import { betweenness } from '../src/centrality.ts';
import { coMentionNetwork } from '../src/network.ts';
import { analysedSample, fixtureLexicon, loadCorpus } from './helpers.ts';

function pathGraph(length: number): MultiUndirectedGraph {
  const graph = new MultiUndirectedGraph();
  for (let i = 0; i < length; i += 1) graph.addNode(`n${i}`, { type: 'place' });
  for (let i = 0; i + 1 < length; i += 1) graph.addEdge(`n${i}`, `n${i + 1}`, { kind: 'co-mention', weight: 1 });
  return graph;
}

describe('analyzeGraph', () => {
  it('computes betweenness, PageRank and weighted degree on a path', () => {
    const graph = pathGraph(5);
    graph.addEdge('n0', 'n4', { kind: 'host-country', weight: 0 });
    analyzeGraph(graph, { seed: 3 });
    // Path n0–n4: the middle node lies on 4 of the 6 pairs among the others; normalised by 6.
    expect(graph.nodes().map((node) => graph.getNodeAttribute(node, 'betweenness'))).toEqual([0, 0.5, 4 / 6, 0.5, 0]);
    expect(graph.nodes().map((node) => graph.getNodeAttribute(node, 'weightedDegree'))).toEqual([1, 2, 2, 2, 1]);
    const ranks = graph.nodes().map((node) => graph.getNodeAttribute(node, 'pagerank') as number);
    expect(ranks.reduce((sum, rank) => sum + rank, 0)).toBeCloseTo(1, 9);
    expect(ranks[0]).toBeCloseTo(ranks[4]!, 12);
    expect(ranks[1]).toBeGreaterThan(ranks[0]!);
  });

  it('estimates betweenness from a seeded sample of sources on big graphs', () => {
    const graph = pathGraph(200);
    const network = coMentionNetwork(graph);
    const exact = betweenness(network, 1);
    const sampled = betweenness(network, 1, 200 * 20);
    expect(exact.sources).toBe(200);
    expect(sampled.sources).toBeLessThan(200);
    expect(sampled.values).toEqual(betweenness(network, 1, 200 * 20).values);
    // The middle of a path carries about half of all pairs.
    expect(sampled.values[100]).toBeGreaterThan(0.3);
    expect(Math.abs(sampled.values[100]! - exact.values[100]!)).toBeLessThan(0.15);
  });

  it('writes every analysis attribute, with colours by type and sizes growing with weighted degree', () => {
    const graph = analysedSample();
    graph.forEachNode((node, attributes) => {
      for (const name of ['x', 'y', 'size', 'pagerank', 'betweenness', 'weightedDegree', 'community'] as const) {
        expect(Number.isFinite(attributes[name]), `${node}.${name}`).toBe(true);
      }
      expect(attributes.color).toBe(TYPE_COLORS[attributes.type]);
    });
    const bySize = graph.nodes().sort((a, b) => graph.getNodeAttribute(a, 'weightedDegree')! - graph.getNodeAttribute(b, 'weightedDegree')!);
    const sizes = bySize.map((node) => graph.getNodeAttribute(node, 'size')!);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(Math.max(...sizes)).toBe(20);
  });

  it('separates two cliques joined by one edge into two communities, the larger numbered 0', () => {
    const graph = new MultiUndirectedGraph();
    const left = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const right = ['b1', 'b2', 'b3', 'b4'];
    for (const node of [...left, ...right]) graph.addNode(node, { type: 'country' });
    for (const group of [left, right]) for (const a of group) for (const b of group) if (a < b) graph.addEdge(a, b, { kind: 'co-mention', weight: 3 });
    graph.addEdge('a1', 'b1', { kind: 'co-mention', weight: 1 });
    const report = analyzeGraph(graph, { seed: 7 });
    expect(report.communities).toBe(2);
    expect(left.map((node) => graph.getNodeAttribute(node, 'community'))).toEqual([0, 0, 0, 0, 0]);
    expect(right.map((node) => graph.getNodeAttribute(node, 'community'))).toEqual([1, 1, 1, 1]);
  });

  it('runs the layout to convergence by default, or the iterations asked for', () => {
    const graph = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
    const report = analyzeGraph(graph, { seed: 1 });
    expect(report.layoutConverged).toBe(true);
    const fixed = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
    expect(analyzeGraph(fixed, { seed: 1, layoutIterations: 5 }).layoutIterations).toBe(5);
    expect(() => analyzeGraph(fixed, { layoutIterations: -1 })).toThrow(/^graph\/analyzeGraph: layoutIterations/);
  });

  it('is deterministic: same input and seed, same bytes; another seed, other positions', () => {
    const first = toGraphJson(analysedSample());
    expect(toGraphJson(analysedSample())).toBe(first);
    const reseeded = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
    analyzeGraph(reseeded, { seed: 2 });
    expect(toGraphJson(reseeded)).not.toBe(first);
  });

  it('handles an empty graph and isolated nodes', () => {
    const empty = new MultiUndirectedGraph();
    expect(analyzeGraph(empty).communities).toBe(0);
    const lonely = new MultiUndirectedGraph();
    lonely.addNode('only', { type: 'person' });
    analyzeGraph(lonely);
    expect(lonely.getNodeAttributes('only')).toMatchObject({ weightedDegree: 0, size: 2, pagerank: 1, betweenness: 0, community: 0 });
  });
});
