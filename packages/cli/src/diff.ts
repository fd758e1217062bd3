// `missiongraph diff OLD_DIR NEW_DIR`: what a regeneration changed, between two output folders' graph.json files.
// New and removed nodes and edges, the biggest weight changes, and nodes that moved to another community.
import { loadGraph, numberAttribute, textAttribute, type LoadedGraph } from './graph-file.ts';
import { terminalSafe } from './terminal.ts';

export interface NodeSummary {
  id: string;
  label: string;
  type: string;
}

export interface EdgeSummary {
  id: string;
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  kind: string;
  weight: number;
}

export interface WeightChange extends EdgeSummary {
  oldWeight: number;
  newWeight: number;
  delta: number;
}

export interface CommunityChange extends NodeSummary {
  oldCommunity: number;
  newCommunity: number;
}

export interface GraphDiff {
  nodes: { old: number; new: number; added: NodeSummary[]; removed: NodeSummary[] };
  edges: { old: number; new: number; added: EdgeSummary[]; removed: EdgeSummary[] };
  weightChanges: WeightChange[];
  communityChanges: CommunityChange[];
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nodeSummary(graph: LoadedGraph, node: string): NodeSummary {
  const attributes = graph.getNodeAttributes(node) as Record<string, unknown>;
  return { id: node, label: textAttribute(attributes, 'label', node), type: textAttribute(attributes, 'type', '?') };
}

function edgeSummary(graph: LoadedGraph, edge: string): EdgeSummary {
  const attributes = graph.getEdgeAttributes(edge) as Record<string, unknown>;
  const source = graph.source(edge);
  const target = graph.target(edge);
  return {
    id: edge,
    source,
    target,
    sourceLabel: nodeSummary(graph, source).label,
    targetLabel: nodeSummary(graph, target).label,
    kind: textAttribute(attributes, 'kind', 'co-mention'),
    weight: numberAttribute(attributes, 'weight') ?? 0,
  };
}

/**
 * Community numbers are arbitrary labels, so they are matched first: old and new communities are paired greedily by
 * how many common nodes they share; a node changed community when its (old, new) pair is not a matched pair.
 */
function communityChanges(oldGraph: LoadedGraph, newGraph: LoadedGraph): CommunityChange[] {
  const pairs = new Map<string, { oldCommunity: number; newCommunity: number; nodes: string[] }>();
  newGraph.forEachNode((node, attributes) => {
    if (!oldGraph.hasNode(node)) return;
    const newCommunity = numberAttribute(attributes as Record<string, unknown>, 'community');
    const oldCommunity = numberAttribute(oldGraph.getNodeAttributes(node) as Record<string, unknown>, 'community');
    if (newCommunity === undefined || oldCommunity === undefined) return;
    const key = `${oldCommunity}|${newCommunity}`;
    const pair = pairs.get(key) ?? { oldCommunity, newCommunity, nodes: [] };
    pair.nodes.push(node);
    pairs.set(key, pair);
  });
  const ranked = [...pairs.values()].sort(
    (a, b) => b.nodes.length - a.nodes.length || a.oldCommunity - b.oldCommunity || a.newCommunity - b.newCommunity,
  );
  const matchedOld = new Set<number>();
  const matchedNew = new Set<number>();
  const matched = new Set<string>();
  for (const pair of ranked) {
    if (matchedOld.has(pair.oldCommunity) || matchedNew.has(pair.newCommunity)) continue;
    matchedOld.add(pair.oldCommunity);
    matchedNew.add(pair.newCommunity);
    matched.add(`${pair.oldCommunity}|${pair.newCommunity}`);
  }
  const changes: CommunityChange[] = [];
  for (const [key, pair] of pairs) {
    if (matched.has(key)) continue;
    for (const node of pair.nodes) {
      changes.push({ ...nodeSummary(newGraph, node), oldCommunity: pair.oldCommunity, newCommunity: pair.newCommunity });
    }
  }
  return changes.sort((a, b) => byText(a.id, b.id));
}

export function diffGraphs(oldGraph: LoadedGraph, newGraph: LoadedGraph): GraphDiff {
  const addedNodes = newGraph.filterNodes((node) => !oldGraph.hasNode(node)).sort(byText);
  const removedNodes = oldGraph.filterNodes((node) => !newGraph.hasNode(node)).sort(byText);
  const addedEdges = newGraph.filterEdges((edge) => !oldGraph.hasEdge(edge)).sort(byText);
  const removedEdges = oldGraph.filterEdges((edge) => !newGraph.hasEdge(edge)).sort(byText);
  const weightChanges: WeightChange[] = [];
  newGraph.forEachEdge((edge) => {
    if (!oldGraph.hasEdge(edge)) return;
    const now = edgeSummary(newGraph, edge);
    const before = numberAttribute(oldGraph.getEdgeAttributes(edge) as Record<string, unknown>, 'weight') ?? 0;
    if (before !== now.weight) weightChanges.push({ ...now, oldWeight: before, newWeight: now.weight, delta: now.weight - before });
  });
  weightChanges.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || byText(a.id, b.id));
  return {
    nodes: {
      old: oldGraph.order,
      new: newGraph.order,
      added: addedNodes.map((node) => nodeSummary(newGraph, node)),
      removed: removedNodes.map((node) => nodeSummary(oldGraph, node)),
    },
    edges: {
      old: oldGraph.size,
      new: newGraph.size,
      added: addedEdges.map((edge) => edgeSummary(newGraph, edge)),
      removed: removedEdges.map((edge) => edgeSummary(oldGraph, edge)),
    },
    weightChanges,
    communityChanges: communityChanges(oldGraph, newGraph),
  };
}

export function diffOutDirs(oldDir: string, newDir: string): GraphDiff {
  return diffGraphs(loadGraph(oldDir), loadGraph(newDir));
}

/** The diff as lines for a terminal, each list cut at `top` entries. */
export function formatDiff(diff: GraphDiff, top: number): string {
  const lines: string[] = [];
  const ends = (edge: EdgeSummary): string => `${terminalSafe(edge.sourceLabel)} — ${terminalSafe(edge.targetLabel)}`;
  const section = <T>(title: string, items: T[], render: (item: T) => string): void => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length})`);
    for (const item of items.slice(0, top)) lines.push(`  ${render(item)}`);
    if (items.length > top) lines.push(`  … and ${items.length - top} more (--top N, or --json for all)`);
  };
  lines.push(`nodes  ${diff.nodes.old} → ${diff.nodes.new}  (+${diff.nodes.added.length} −${diff.nodes.removed.length})`);
  lines.push(`edges  ${diff.edges.old} → ${diff.edges.new}  (+${diff.edges.added.length} −${diff.edges.removed.length})`);
  section('new nodes', diff.nodes.added, (node) => `+ ${terminalSafe(node.label)} (${node.type}, ${node.id})`);
  section('removed nodes', diff.nodes.removed, (node) => `- ${terminalSafe(node.label)} (${node.type}, ${node.id})`);
  section('new edges', diff.edges.added, (edge) => `+ ${ends(edge)} (${edge.kind}, weight ${edge.weight})`);
  section('removed edges', diff.edges.removed, (edge) => `- ${ends(edge)} (${edge.kind}, weight ${edge.weight})`);
  section(
    'biggest weight changes',
    diff.weightChanges,
    (change) => `${ends(change)}: ${change.oldWeight} → ${change.newWeight} (${change.delta > 0 ? '+' : ''}${change.delta})`,
  );
  section('changed community', diff.communityChanges, (node) => `${terminalSafe(node.label)} (${node.id}): ${node.oldCommunity} → ${node.newCommunity}`);
  if (diff.nodes.added.length + diff.nodes.removed.length + diff.edges.added.length + diff.edges.removed.length + diff.weightChanges.length + diff.communityChanges.length === 0) {
    lines.push('no change');
  }
  return lines.join('\n');
}
