// writeGraphml: GraphML for any graphology graph, with typed <key> declarations that igraph,
// NetworkX, Cytoscape and yEd read. Arrays and objects are JSON text; every string is escaped.
import type Graph from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { escapedValueText, inferColumns, type AttributeColumn, type EscapedJsonMemo, type ValueType } from './attributes.ts';
import { edgeAttributesForXml, writableWeight, type EvidenceCutMemo, type XmlExportOptions } from './export-options.ts';
import { escapeXml, escapeXmlContent } from './text.ts';

export type GraphmlOptions = XmlExportOptions;

const GRAPHML_TYPES: Record<ValueType, string> = {
  boolean: 'boolean',
  integer: 'int',
  long: 'long',
  double: 'double',
  string: 'string',
  json: 'string',
};

function keyId(kind: 'node' | 'edge', index: number): string {
  return `${kind === 'node' ? 'v' : 'e'}${index}`;
}

function writeData(out: string[], columns: AttributeColumn[], kind: 'node' | 'edge', attributes: Attributes, memo: EscapedJsonMemo): void {
  columns.forEach((column, index) => {
    if (!(column.name in attributes)) return;
    // Gephi's GraphML importer drops edges of weight 0 (our relation edges): leave the weight out, which reads as 1.
    if (kind === 'edge' && column.name === 'weight' && !writableWeight(attributes.weight) && typeof attributes.weight === 'number') return;
    const text = escapedValueText(attributes[column.name], column.type, memo, escapeXmlContent);
    if (text === undefined) return;
    out.push(`      <data key="${keyId(kind, index)}">${text}</data>\n`);
  });
}

/**
 * Writes a graph as GraphML. Keys are `v0…` for node attributes and `e0…` for edge attributes, with
 * `attr.name` the attribute name; node keys and edge keys are the `id`s. Mixed graphs default to
 * directed edges and mark undirected ones with directed="false".
 */
export function writeGraphml(graph: Graph, options: GraphmlOptions = {}): string {
  return [...graphmlChunks(graph, options)].join('');
}

/** writeGraphml as a stream of chunks (a node or an edge each). Joined, they are writeGraphml's text. */
export function* graphmlChunks(graph: Graph, options: GraphmlOptions = {}): Generator<string> {
  const nodeRecords: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void nodeRecords.push(attributes));
  const cutMemo: EvidenceCutMemo = new WeakMap();
  const edgeRecords: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void edgeRecords.push(edgeAttributesForXml(attributes, options, cutMemo)));
  const nodeColumns = inferColumns(nodeRecords, () => false);
  const edgeColumns = inferColumns(edgeRecords, () => false);

  const memo: EscapedJsonMemo = new WeakMap();
  let out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
  );
  const declare = (columns: AttributeColumn[], kind: 'node' | 'edge'): void => {
    columns.forEach((column, index) => {
      out.push(
        `  <key id="${keyId(kind, index)}" for="${kind}" attr.name="${escapeXml(column.name)}" attr.type="${GRAPHML_TYPES[column.type]}"/>\n`,
      );
    });
  };
  declare(nodeColumns, 'node');
  declare(edgeColumns, 'edge');
  const directedByDefault = graph.type !== 'undirected';
  out.push(`  <graph id="G" edgedefault="${directedByDefault ? 'directed' : 'undirected'}">\n`);
  yield out.join('');
  out = [];
  for (const { node, attributes } of graph.nodeEntries()) {
    out.push(`    <node id="${escapeXml(node)}">\n`);
    writeData(out, nodeColumns, 'node', attributes, memo);
    out.push('    </node>\n');
    yield out.join('');
    out = [];
  }
  let index = 0;
  for (const { edge, source, target, undirected } of graph.edgeEntries()) {
    const attributes = edgeRecords[index]!;
    index += 1;
    const direction = directedByDefault && undirected ? ' directed="false"' : '';
    out.push(`    <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${direction}>\n`);
    writeData(out, edgeColumns, 'edge', attributes, memo);
    out.push('    </edge>\n');
    yield out.join('');
    out = [];
  }
  yield '  </graph>\n</graphml>\n';
}
