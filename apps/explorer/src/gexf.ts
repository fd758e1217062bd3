// GEXF and GraphML in and out of the page through @missiongraph/graph: export writes what the filters show; import
// parses with the graph package's strict XML parser, lists what the reader repaired, then passes graph JSON's checks.
import { MultiUndirectedGraph } from 'graphology';
import { GexfError, GraphmlError, readGexfWithWarnings, readGraphmlWithWarnings, writeGexf, type GraphReadResult } from '@missiongraph/graph';
import type { Visibility } from './filters.ts';
import { graphFromSerialised, InputError, subgraphToSerialised, type ExplorerGraph, type LoadReport } from './graph-model.ts';

/** GEXF (1.2draft, which Gephi, networkx and graphology all read) of the entities and links currently shown. */
export function graphToGexf(graph: ExplorerGraph, visibility: Visibility): string {
  const shown = MultiUndirectedGraph.from(subgraphToSerialised(graph, visibility), { allowSelfLoops: false });
  return writeGexf(shown);
}

/** Reader warnings shown in the page: the first few, then how many more. */
const SHOWN_WARNINGS = 5;

/** Whether an XML text is GraphML (its root element), looked for in its first few KB. */
function isGraphml(text: string): boolean {
  const head = text.slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  return /^\s*<(?:[A-Za-z_][\w.-]*:)?graphml[\s>]/.test(head);
}

/**
 * Reads a GEXF or GraphML file's text; a file the reader cannot take becomes one InputError line, what it repaired
 * or left out becomes notes. Directed links are kept as `from`/`to` and drawn with an arrow; undirected ones stay
 * lines. The strict parser is used rather than the browser's DOMParser, whose error document carries inline
 * styles that this page's CSP blocks, filling the console with violations for every bad file.
 */
export function graphFromGexf(text: string, name: string): LoadReport {
  const graphml = isGraphml(text);
  let read: GraphReadResult;
  try {
    read = graphml ? readGraphmlWithWarnings(text) : readGexfWithWarnings(text);
  } catch (error) {
    if (error instanceof GexfError || error instanceof GraphmlError) {
      throw new InputError(`${name}: not a ${graphml ? 'GraphML' : 'GEXF'} graph the explorer can read: ${error.message.replace(/^graph\/read(Gexf|Graphml): /, '')}`);
    }
    throw new InputError(`${name}: could not be read as ${graphml ? 'GraphML' : 'GEXF'} (${error instanceof Error ? error.message : String(error)})`);
  }
  const { graph, warnings } = read;
  graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
    if (undirected) return;
    if (attributes.from === undefined && attributes.to === undefined) graph.mergeEdgeAttributes(edge, { from: source, to: target });
  });
  const report = graphFromSerialised(graph.export(), name);
  const notes = warnings.slice(0, SHOWN_WARNINGS).map((warning) => `${name}: ${warning}`);
  if (warnings.length > SHOWN_WARNINGS) notes.push(`${name}: and ${warnings.length - SHOWN_WARNINGS} more kinds of repair`);
  return { graph: report.graph, notes: [...notes, ...report.notes] };
}
