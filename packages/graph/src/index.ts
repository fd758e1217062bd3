// Public API of @missiongraph/graph: build, analyse and serialise the entity graph. Re-exports only;
// the graph.json contract is docs/graph-format.md.
export { addRelationEdges, buildGraph, GraphBuilder, LIST_CO_MENTION_WEIGHT, type MissionGraph } from './build.ts';
export { analyzeGraph, analyzeGraphWithLayoutElsewhere, type LayoutRunner } from './analyze.ts';
export { forceAtlas2Layout, type LayoutResult } from './layout.ts';
export { coMentionNetwork, type CoMentionNetwork } from './network.ts';
export { TYPE_COLORS, UNKNOWN_TYPE_COLOR } from './palette.ts';
export { toGraphJson, fromGraphJson, graphJsonChunks, EVIDENCE_TABLE } from './graph-json.ts';
export { writeGexf, gexfChunks } from './gexf-write.ts';
export { readGexf, GexfError, type ReadGexfOptions, type DOMParserConstructor } from './gexf-read.ts';
export { writeGraphml, graphmlChunks } from './graphml.ts';
export { writeNodesCsv, writeEdgesCsv, writeEvidenceJsonl, nodesCsvChunks, edgesCsvChunks, evidenceJsonlChunks } from './tables.ts';
export type * from './types.ts';
