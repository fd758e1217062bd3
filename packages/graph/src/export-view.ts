// The graph as the table-minded exports (GEXF, GraphML) carry it: each co-mention edge with its evidence count and
// only its first N evidence sentences, so Gephi and igraph users get a readable table; graph.json keeps them all.
import { MultiUndirectedGraph } from 'graphology';
import type Graph from 'graphology-types';

/** How many evidence sentences per edge GEXF and GraphML carry unless told otherwise (`--gexf-evidence`). */
export const DEFAULT_EXPORT_EVIDENCE = 3;

/**
 * A graph with the same nodes (attribute objects shared, not copied) and edges, where each edge that has evidence
 * carries `evidenceCount` (how many sentences support it) and `evidence` cut to its first `limit` sentences (corpus
 * order). `limit` undefined keeps every sentence (and still adds the count). Read-only use: the writers.
 */
export function evidenceLimitedView(graph: Graph, limit: number | undefined): Graph {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new Error(`graph/evidenceLimitedView: limit must be a non-negative integer, got ${limit}`);
  }
  const view = new MultiUndirectedGraph({ allowSelfLoops: graph.allowSelfLoops });
  view.replaceAttributes(graph.getAttributes());
  graph.forEachNode((key, attributes) => view.addNode(key, attributes));
  graph.forEachEdge((key, attributes, source, target) => {
    const evidence: unknown = attributes['evidence'];
    if (!Array.isArray(evidence)) {
      view.addEdgeWithKey(key, source, target, attributes);
      return;
    }
    const kept = limit === undefined || evidence.length <= limit ? evidence : evidence.slice(0, limit);
    // evidenceCount goes right before evidence, so the column order stays that of the full graph.
    const copy: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'evidence') {
        copy['evidenceCount'] = evidence.length;
        copy['evidence'] = kept;
      } else copy[name] = value;
    }
    view.addEdgeWithKey(key, source, target, copy);
  });
  return view;
}
