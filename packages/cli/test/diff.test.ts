// Promise: diff reports what really changed: renumbered communities are not changes, a node that moved is;
// weight changes come biggest first; added and removed nodes and edges are listed by key.
import { describe, expect, it } from 'vitest';
import { fromGraphJson } from '@missiongraph/graph';
import { diffGraphs, formatDiff } from '../src/diff.ts';

interface Spec {
  nodes: [key: string, community: number][];
  edges: [source: string, target: string, weight: number][];
}

function graphOf(spec: Spec) {
  return fromGraphJson(
    JSON.stringify({
      options: { type: 'undirected', multi: true, allowSelfLoops: false },
      attributes: {},
      nodes: spec.nodes.map(([key, community]) => ({ key, attributes: { label: key.split(':')[1]!.toUpperCase(), type: key.split(':')[0], community } })),
      edges: spec.edges.map(([source, target, weight]) => ({ key: `co:${source}|${target}`, source, target, attributes: { kind: 'co-mention', weight } })),
    }),
  );
}

const before: Spec = {
  nodes: [['mission:a', 0], ['mission:b', 0], ['mission:c', 0], ['country:x', 1], ['country:y', 1], ['country:z', 1]],
  edges: [['mission:a', 'mission:b', 3], ['mission:b', 'mission:c', 1], ['country:x', 'country:y', 2]],
};

describe('diffGraphs', () => {
  it('does not report renumbered communities as changes', () => {
    const renumbered: Spec = { ...before, nodes: before.nodes.map(([key, community]) => [key, 1 - community] as [string, number]) };
    const diff = diffGraphs(graphOf(before), graphOf(renumbered));
    expect(diff.communityChanges).toEqual([]);
    expect(formatDiff(diff, 10)).toMatch(/no change$/);
  });

  it('reports the node that moved, under renumbering, plus new/removed nodes and edges and weight changes', () => {
    const after: Spec = {
      nodes: [['mission:a', 7], ['mission:b', 7], ['mission:c', 3], ['country:x', 3], ['country:y', 3], ['country:w', 3]],
      edges: [['mission:a', 'mission:b', 4], ['mission:b', 'mission:c', 9], ['country:w', 'country:x', 1]],
    };
    const diff = diffGraphs(graphOf(before), graphOf(after));
    expect(diff.communityChanges.map((node) => [node.id, node.oldCommunity, node.newCommunity])).toEqual([['mission:c', 0, 3]]);
    expect(diff.nodes.added.map((node) => node.id)).toEqual(['country:w']);
    expect(diff.nodes.removed.map((node) => node.id)).toEqual(['country:z']);
    expect(diff.edges.added.map((edge) => edge.id)).toEqual(['co:country:w|country:x']);
    expect(diff.edges.removed.map((edge) => edge.id)).toEqual(['co:country:x|country:y']);
    expect(diff.weightChanges.map((change) => [change.id, change.delta])).toEqual([
      ['co:mission:b|mission:c', 8],
      ['co:mission:a|mission:b', 1],
    ]);
    const text = formatDiff(diff, 1);
    expect(text).toContain('biggest weight changes (2)\n  B — C: 1 → 9 (+8)\n  … and 1 more');
    expect(text).toContain('changed community (1)\n  C (mission:c): 0 → 3');
  });
});
