// Public API of @missiongraph/graph: build, analyse and serialise the entity graph. Re-exports only;
// the graph.json contract is docs/graph-format.md.
export { addRelationEdges, buildGraph, compareStrings, GraphBuilder, BUILDER_STATE_FORMAT, type GraphBuilderState, type MissionGraph } from './build.ts';
export { analyzeGraph, analyzeGraphWithLayoutElsewhere, matchCommunities, runLayout, type LayoutRunner } from './analyze.ts';
export { forceAtlas2Layout, forceAtlas2FromPrevious, type LayoutResult, type LayoutStart } from './layout.ts';
export { coMentionNetwork, type CoMentionNetwork } from './network.ts';
export { TYPE_COLORS, UNKNOWN_TYPE_COLOR } from './palette.ts';
export { toGraphJson, fromGraphJson, graphJsonChunks, EVIDENCE_TABLE } from './graph-json.ts';
export { writeGexf, gexfChunks } from './gexf-write.ts';
export { readGexf, GexfError, type ReadGexfOptions, type DOMParserConstructor } from './gexf-read.ts';
export { writeGraphml, graphmlChunks } from './graphml.ts';
export { writeNodesCsv, writeEdgesCsv, writeEvidenceJsonl, nodesCsvChunks, edgesCsvChunks, evidenceJsonlChunks, evidenceLine } from './tables.ts';
export type * from './types.ts';
export { evidenceLimitedView, DEFAULT_EXPORT_EVIDENCE } from './export-view.ts';
