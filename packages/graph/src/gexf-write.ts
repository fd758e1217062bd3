// writeGexf: GEXF 1.3 for any graphology graph, with typed attribute declarations, viz colour as
// r/g/b, size and position, edge weight and kind. Every string is escaped so the XML is always valid.
import type Graph from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { escapedValueText, inferColumns, type AttributeColumn, type EscapedJsonMemo, type ValueType } from './attributes.ts';
import { parseColor } from './color.ts';
import { escapeXml, escapeXmlInApostrophes, formatNumber } from './text.ts';

const GEXF_TYPES: Record<ValueType, string> = {
  boolean: 'boolean',
  integer: 'integer',
  long: 'long',
  double: 'double',
  string: 'string',
  json: 'string',
};

/** GEXF attribute id of a column: JSON columns are marked `json:` so readGexf can restore them. */
export function gexfAttributeId(column: AttributeColumn): string {
  return column.type === 'json' ? `json:${column.name}` : column.name;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Node attributes that go to GEXF's own slots (label, viz) rather than attvalues, when valid there. */
function nodeSlot(name: string, value: unknown, attributes: Attributes): boolean {
  switch (name) {
    case 'label':
      return typeof value === 'string';
    case 'x':
    case 'y':
      return isFiniteNumber(attributes.x) && isFiniteNumber(attributes.y);
    case 'z':
      return isFiniteNumber(value) && isFiniteNumber(attributes.x) && isFiniteNumber(attributes.y);
    case 'size':
      return isFiniteNumber(value) && value >= 0;
    case 'color':
      return typeof value === 'string' && parseColor(value) !== undefined;
    default:
      return false;
  }
}

function edgeSlot(name: string, value: unknown): boolean {
  switch (name) {
    case 'label':
    case 'kind':
      return typeof value === 'string' && value.trim() !== '';
    case 'weight':
      return isFiniteNumber(value);
    default:
      return false;
  }
}

function writeDeclarations(out: string[], kind: 'node' | 'edge', columns: AttributeColumn[]): void {
  if (columns.length === 0) return;
  out.push(`    <attributes class="${kind}">\n`);
  for (const column of columns) {
    out.push(
      `      <attribute id="${escapeXml(gexfAttributeId(column))}" title="${escapeXml(column.name)}" type="${GEXF_TYPES[column.type]}"/>\n`,
    );
  }
  out.push('    </attributes>\n');
}

function writeAttvalues(
  out: string[],
  columns: AttributeColumn[],
  attributes: Attributes,
  inSlot: (name: string) => boolean,
  memo: EscapedJsonMemo,
): void {
  let opened = false;
  for (const column of columns) {
    if (!(column.name in attributes) || inSlot(column.name)) continue;
    // JSON text is full of double quotes: delimited by apostrophes, it needs no &quot; and is about a fifth shorter.
    const json = column.type === 'json';
    const text = escapedValueText(attributes[column.name], column.type, memo, json ? escapeXmlInApostrophes : escapeXml);
    if (text === undefined) continue;
    if (!opened) {
      out.push('        <attvalues>\n');
      opened = true;
    }
    const value = json ? `value='${text}'` : `value="${text}"`;
    out.push(`          <attvalue for="${escapeXml(gexfAttributeId(column))}" ${value}/>\n`);
  }
  if (opened) out.push('        </attvalues>\n');
}

/** Escaped meta text of a graph attribute, when it is a string. */
function metaText(attributes: Attributes, name: string): string | undefined {
  const value = attributes[name];
  return typeof value === 'string' ? escapeXml(value) : undefined;
}

/**
 * Writes a graph as GEXF 1.3. Undirected graphs are written with defaultedgetype="undirected"
 * (networkx reads parallel edges as a MultiGraph); mixed graphs mark each undirected edge.
 * Attribute values that are arrays or objects are JSON text in `string` attributes whose id is
 * `json:<name>`. Graph attributes other than creator, description and keywords are not written.
 */
export function writeGexf(graph: Graph): string {
  return [...gexfChunks(graph)].join('');
}

/** writeGexf as a stream of chunks (a node or an edge each), so a big graph is never one string. Joined, they are writeGexf's text. */
export function* gexfChunks(graph: Graph): Generator<string> {
  let out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push('<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">\n');
  const graphAttributes = graph.getAttributes();
  const meta = (['creator', 'keywords', 'description'] as const)
    .map((name) => [name, metaText(graphAttributes, name)] as const)
    .filter((entry): entry is readonly [(typeof entry)[0], string] => entry[1] !== undefined);
  if (meta.length > 0) {
    out.push('  <meta>\n');
    for (const [name, text] of meta) out.push(`    <${name}>${text}</${name}>\n`);
    out.push('  </meta>\n');
  }
  const defaultEdgeType = graph.type === 'undirected' ? 'undirected' : 'directed';
  out.push(`  <graph defaultedgetype="${defaultEdgeType}" idtype="string">\n`);

  const nodeRecords: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void nodeRecords.push(attributes));
  // A slot name (label, x, y, size, color) gets a column only when some node cannot put its value in the slot.
  const nodeColumns = inferColumns(nodeRecords, () => false).filter((column) =>
    nodeRecords.some((attributes) => column.name in attributes && !nodeSlot(column.name, attributes[column.name], attributes)),
  );
  const edgeRecords: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void edgeRecords.push(attributes));
  const edgeColumns = inferColumns(edgeRecords, () => false).filter((column) =>
    edgeRecords.some((attributes) => column.name in attributes && !edgeSlot(column.name, attributes[column.name])),
  );
  const memo: EscapedJsonMemo = new WeakMap();
  writeDeclarations(out, 'node', nodeColumns);
  writeDeclarations(out, 'edge', edgeColumns);

  out.push(`    <nodes count="${graph.order}">\n`);
  yield out.join('');
  out = [];
  for (const { node, attributes } of graph.nodeEntries()) {
    const label = typeof attributes.label === 'string' ? ` label="${escapeXml(attributes.label)}"` : '';
    out.push(`      <node id="${escapeXml(node)}"${label}>\n`);
    writeAttvalues(out, nodeColumns, attributes, (name) => nodeSlot(name, attributes[name], attributes), memo);
    if (nodeSlot('color', attributes.color, attributes)) {
      const color = parseColor(attributes.color as string)!;
      const alpha = color.a !== undefined ? ` a="${color.a}"` : '';
      out.push(`        <viz:color r="${color.r}" g="${color.g}" b="${color.b}"${alpha}/>\n`);
    }
    if (nodeSlot('size', attributes.size, attributes)) out.push(`        <viz:size value="${formatNumber(attributes.size)}"/>\n`);
    if (nodeSlot('x', attributes.x, attributes)) {
      const z = nodeSlot('z', attributes.z, attributes) ? ` z="${formatNumber(attributes.z)}"` : '';
      out.push(`        <viz:position x="${formatNumber(attributes.x)}" y="${formatNumber(attributes.y)}"${z}/>\n`);
    }
    out.push('      </node>\n');
    yield out.join('');
    out = [];
  }
  out.push('    </nodes>\n');

  out.push(`    <edges count="${graph.size}">\n`);
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    let head = `      <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"`;
    if (defaultEdgeType === 'directed' && undirected) head += ' type="undirected"';
    if (edgeSlot('weight', attributes.weight)) head += ` weight="${formatNumber(attributes.weight)}"`;
    if (edgeSlot('kind', attributes.kind)) head += ` kind="${escapeXml(attributes.kind)}"`;
    if (edgeSlot('label', attributes.label)) head += ` label="${escapeXml(attributes.label)}"`;
    const body: string[] = [];
    writeAttvalues(body, edgeColumns, attributes, (name) => edgeSlot(name, attributes[name]), memo);
    if (body.length === 0) out.push(`${head}/>\n`);
    else out.push(`${head}>\n`, ...body, '      </edge>\n');
    yield out.join('');
    out = [];
  }
  out.push('    </edges>\n');
  out.push('  </graph>\n');
  out.push('</gexf>\n');
  yield out.join('');
}
