// Public API of @missiongraph/graph: build, analyse and serialise the entity graph. Re-exports only;
// the graph.json contract is docs/graph-format.md.
export { addRelationEdges, associationStrength, buildGraph, compareStrings, GraphBuilder, BUILDER_STATE_FORMAT, LIST_CO_MENTION_WEIGHT, type GraphBuilderState, type MissionGraph } from './build.ts';
export {
  analyzeGraph,
  analyzeGraphElsewhere,
  analyzeGraphWithLayoutElsewhere,
  matchCommunities,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  networkMetrics,
  networkPositions,
  runLayout,
  type LayoutRunner,
  type MetricsRunner,
  type NetworkMetrics,
  type NetworkPositions,
  type PositionsRunner,
} from './analyze.ts';
export { forceAtlas2Layout, forceAtlas2FromPrevious, type LayoutResult, type LayoutStart } from './layout.ts';
export { coMentionNetwork, type CoMentionNetwork } from './network.ts';
export { assignThemes, type Theme } from './themes.ts';
export { TYPE_COLORS, UNKNOWN_TYPE_COLOR } from './palette.ts';
export { parseColor, type Rgba } from './color.ts';
export { toGraphJson, fromGraphJson, graphJsonChunks, EVIDENCE_TABLE } from './graph-json.ts';
export { writeGexf, gexfChunks, DEFAULT_GEXF_VERSION, GEXF_VERSIONS, type GexfOptions, type GexfVersion } from './gexf-write.ts';
export { readGexf, readGexfWithWarnings, GexfError, type GraphReadResult, type ReadGexfOptions, type DOMParserConstructor } from './gexf-read.ts';
export { isUnsafeKey, safeKey } from './safe-keys.ts';
export { MAX_XML_VALUE_BYTES, type XmlExportOptions } from './export-options.ts';
export { writeGraphml, graphmlChunks, type GraphmlOptions } from './graphml.ts';
export { readGraphml, readGraphmlWithWarnings, GraphmlError } from './graphml-read.ts';
export { writeNodesCsv, writeEdgesCsv, writeEvidenceJsonl, nodesCsvChunks, edgesCsvChunks, evidenceJsonlChunks, evidenceLine } from './tables.ts';
export type * from './types.ts';
export {
  writeCytoscapeJson,
  cytoscapeJsonChunks,
  neo4jNodesCsvChunks,
  neo4jRelationshipsCsvChunks,
  writeNeo4jNodesCsv,
  writeNeo4jRelationshipsCsv,
  writeNeo4jCypher,
  neo4jLabel,
  neo4jRelationshipType,
  NEO4J_ARRAY_DELIMITER,
  gmlChunks,
  writeGml,
  type CytoscapeOptions,
} from './interchange.ts';
export { evidenceLimitedView, DEFAULT_EXPORT_EVIDENCE } from './export-view.ts';
export { graphTimelineSpells, TimelineIndex, timelineEdges, timelineSpells, type MentionsOnDate, type Period, type PeriodNetwork, type TimelineEdge, type TimelineSpells } from './timeline.ts';
