// GEXF in and out of the page through @missiongraph/graph: export writes what the filters show;
// import parses with the graph package's strict XML parser and then passes the same checks as graph JSON.
import { MultiUndirectedGraph } from 'graphology';
import { GexfError, readGexf, writeGexf } from '@missiongraph/graph';
import type { Visibility } from './filters.ts';
import { graphFromSerialised, InputError, subgraphToSerialised, type ExplorerGraph, type LoadReport } from './graph-model.ts';

/** GEXF 1.3 of the entities and links currently shown. */
export function graphToGexf(graph: ExplorerGraph, visibility: Visibility): string {
  const shown = MultiUndirectedGraph.from(subgraphToSerialised(graph, visibility), { allowSelfLoops: false });
  return writeGexf(shown);
}

/**
 * Reads a GEXF file's text; any problem becomes one InputError line. The strict parser (no DTDs, every
 * well-formedness error thrown) is used rather than the browser's DOMParser, whose error document carries
 * inline styles that this page's CSP blocks, filling the console with violations for every bad file.
 */
export function graphFromGexf(text: string, name: string): LoadReport {
  let parsed;
  try {
    parsed = readGexf(text);
  } catch (error) {
    if (error instanceof GexfError) throw new InputError(`${name}: not a GEXF graph the explorer can read: ${error.message.replace(/^graph\/readGexf: /, '')}`);
    throw new InputError(`${name}: could not be read as GEXF (${error instanceof Error ? error.message : String(error)})`);
  }
  return graphFromSerialised(parsed.export(), name);
}
