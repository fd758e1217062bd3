// writeGexf: GEXF 1.2draft (the default: every networkx, Gephi and graphology reads it) or 1.3 for any graphology
// graph, with typed attribute declarations under plain ids, viz colour, size and position, edge weight and kind.
import type Graph from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { escapedValueText, inferColumns, type AttributeColumn, type EscapedJsonMemo, type ValueType } from './attributes.ts';
import { parseColor } from './color.ts';
import { edgeAttributesForXml, writableWeight, type EvidenceCutMemo, type XmlExportOptions } from './export-options.ts';
import { escapeXml, escapeXmlInApostrophes, formatNumber } from './text.ts';
import type { TimelineSpells } from './timeline.ts';

export type GexfVersion = '1.2' | '1.3';
export const GEXF_VERSIONS: readonly GexfVersion[] = ['1.2', '1.3'];
/** 1.2draft: networkx before 3.6 (Debian 12 ships 2.8.8) knows no other, and Gephi, Gephi Lite and graphology read it. */
export const DEFAULT_GEXF_VERSION: GexfVersion = '1.2';

export interface GexfOptions extends XmlExportOptions {
  /** GEXF version to write (default DEFAULT_GEXF_VERSION). */
  version?: GexfVersion;
  /** meta creator; default the graph attribute `creator`, with `toolVersion` after it. */
  creator?: string;
  /** meta description; default the graph attribute `description`, else a line saying what the graph is and what made it. */
  description?: string;
  /** meta lastmodifieddate, `YYYY-MM-DD`; default the graph attribute `lastModifiedDate`. Not the clock: outputs stay deterministic. */
  lastModifiedDate?: string;
  /** Version of the tool (e.g. `missiongraph 0.1.0`) and of the extractor, written in the meta. */
  toolVersion?: string;
  extractorVersion?: string;
  /**
   * Dates of each node and edge (graphTimelineSpells): the graph is written `mode="dynamic"` with `timeformat="date"`
   * and each dated element carries one spell per date (start = end = that day). Elements without dates have no
   * spells, which GEXF readers take as present at all times.
   */
  spells?: TimelineSpells;
}

/** An element's `<spells>` block: one spell per date, the day it is attested. */
function spellsBlock(dates: readonly string[] | undefined): string {
  if (dates === undefined || dates.length === 0) return '';
  return `        <spells>\n${dates.map((date) => `          <spell start="${escapeXml(date)}" end="${escapeXml(date)}"/>\n`).join('')}        </spells>\n`;
}

const NAMESPACES: Record<GexfVersion, { gexf: string; viz: string; version: string }> = {
  '1.2': { gexf: 'http://www.gexf.net/1.2draft', viz: 'http://www.gexf.net/1.2draft/viz', version: '1.2' },
  '1.3': { gexf: 'http://gexf.net/1.3', viz: 'http://gexf.net/1.3/viz', version: '1.3' },
};

/** Column type in GEXF; `list` columns hold arrays of strings and are liststring. */
type GexfColumn = AttributeColumn & { list: boolean };

const GEXF_TYPES: Record<ValueType, string> = {
  boolean: 'boolean',
  integer: 'integer',
  long: 'long',
  double: 'double',
  string: 'string',
  json: 'string',
};

/** GEXF attribute id of a column: its name (Gephi Lite and graphology name attributes by id when it is not a number). */
export function gexfAttributeId(column: AttributeColumn): string {
  return column.name;
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

/** Edge attributes in GEXF's own slots. `kind` is written both as the edge's kind and as an attvalue (networkx reads only the latter). */
function edgeSlot(name: string, value: unknown): boolean {
  switch (name) {
    case 'label':
      return typeof value === 'string' && value.trim() !== '';
    case 'weight':
      // Finite weights live in the edge's weight, which is left out when 0 (writableWeight).
      return isFiniteNumber(value);
    default:
      return false;
  }
}

const validKind = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** An item 1.2's `a|b` form carries as it is: no `|`, nothing XML cannot hold, not empty. */
const PLAIN_PIPE_ITEM = /^[^|\u0000-\u001f\ud800-\udfff\ufffe\uffff]+$/;
/** An item 1.3's `[a, b]` form carries unquoted; others are JSON strings (which escape controls and lone surrogates). */
const PLAIN_LIST_ITEM = /^[^,[\]"'\\\s\u0000-\u001f\ud800-\udfff\ufffe\uffff]([^,[\]"'\\\u0000-\u001f\ud800-\udfff\ufffe\uffff]*[^,[\]"'\\\s\u0000-\u001f\ud800-\udfff\ufffe\uffff])?$/;

/** Whether a list of strings can be a liststring in this version: 1.2 separates items with `|`, so no item may hold one. */
function listable(value: unknown, version: GexfVersion): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && (version === '1.3' || (PLAIN_PIPE_ITEM.test(item) && item.trim() === item)));
}

/** List text: 1.2 `a|b`, 1.3 `[a, "b, c"]` (items quoted as JSON when they hold a separator, a quote or edge spaces). */
function listText(items: string[], version: GexfVersion): string {
  if (version === '1.2') return items.join('|');
  const quoted = items.map((item) => (PLAIN_LIST_ITEM.test(item) ? item : JSON.stringify(item)));
  return `[${quoted.join(', ')}]`;
}

function gexfColumns(columns: AttributeColumn[], records: Attributes[], version: GexfVersion): GexfColumn[] {
  return columns.map((column) => ({
    ...column,
    list: column.type === 'json' && records.every((attributes) => !(column.name in attributes) || attributes[column.name] === null || attributes[column.name] === undefined || listable(attributes[column.name], version)),
  }));
}

function writeDeclarations(out: string[], kind: 'node' | 'edge', columns: GexfColumn[]): void {
  if (columns.length === 0) return;
  out.push(`    <attributes class="${kind}">\n`);
  for (const column of columns) {
    const type = column.list ? 'liststring' : GEXF_TYPES[column.type];
    out.push(`      <attribute id="${escapeXml(gexfAttributeId(column))}" title="${escapeXml(column.name)}" type="${type}"/>\n`);
  }
  out.push('    </attributes>\n');
}

function writeAttvalues(
  out: string[],
  columns: GexfColumn[],
  attributes: Attributes,
  inSlot: (name: string) => boolean,
  memo: EscapedJsonMemo,
  version: GexfVersion,
): void {
  let opened = false;
  for (const column of columns) {
    if (!(column.name in attributes) || inSlot(column.name)) continue;
    const value: unknown = attributes[column.name];
    let attribute: string | undefined;
    if (column.list) {
      if (Array.isArray(value)) attribute = `value="${escapeXml(listText(value as string[], version))}"`;
    } else {
      // JSON text is full of double quotes: delimited by apostrophes, it needs no &quot; and is about a fifth shorter.
      const json = column.type === 'json';
      const text = escapedValueText(value, column.type, memo, json ? escapeXmlInApostrophes : escapeXml);
      if (text !== undefined) attribute = json ? `value='${text}'` : `value="${text}"`;
    }
    if (attribute === undefined) continue;
    if (!opened) {
      out.push('        <attvalues>\n');
      opened = true;
    }
    out.push(`          <attvalue for="${escapeXml(gexfAttributeId(column))}" ${attribute}/>\n`);
  }
  if (opened) out.push('        </attvalues>\n');
}

const stringAttribute = (attributes: Attributes, name: string): string | undefined => {
  const value = attributes[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The meta block: creator (with the tool's version), description (with the extractor's), keywords, lastmodifieddate. */
function metaBlock(graph: Graph, options: GexfOptions): string {
  const attributes = graph.getAttributes();
  const tool = options.toolVersion ?? stringAttribute(attributes, 'toolVersion');
  const extractor = options.extractorVersion ?? stringAttribute(attributes, 'extractorVersion');
  const baseCreator = options.creator ?? stringAttribute(attributes, 'creator');
  const creator = tool && baseCreator && !tool.startsWith(baseCreator) ? `${baseCreator} (${tool})` : (tool ?? baseCreator);
  let description = options.description ?? stringAttribute(attributes, 'description');
  if (description === undefined && baseCreator === 'missiongraph') {
    const documents = isFiniteNumber(attributes.documents) ? `${attributes.documents} documents` : 'documents';
    const sentences = isFiniteNumber(attributes.sentences) ? `, ${attributes.sentences} sentences` : '';
    const made = [tool, extractor ? `extractor ${extractor}` : undefined].filter(Boolean).join(', ');
    description = `Entities co-mentioned in ${documents}${sentences}${made ? `; made by ${made}` : ''}. Edge kind: co-mention, or a relation (from → to).`;
  } else if (description !== undefined && extractor && !description.includes(extractor)) description += ` (extractor ${extractor})`;
  const date = options.lastModifiedDate ?? stringAttribute(attributes, 'lastModifiedDate');
  const dateAttribute = date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? ` lastmodifieddate="${date}"` : '';
  const keywords = stringAttribute(attributes, 'keywords');
  const parts: string[] = [];
  if (creator !== undefined) parts.push(`    <creator>${escapeXml(creator)}</creator>\n`);
  if (keywords !== undefined) parts.push(`    <keywords>${escapeXml(keywords)}</keywords>\n`);
  if (description !== undefined) parts.push(`    <description>${escapeXml(description)}</description>\n`);
  if (parts.length === 0 && dateAttribute === '') return '';
  return `  <meta${dateAttribute}>\n${parts.join('')}  </meta>\n`;
}

/**
 * Writes a graph as GEXF (1.2draft unless `version: '1.3'`). Undirected graphs are written with
 * defaultedgetype="undirected" (networkx reads parallel edges as a MultiGraph); mixed graphs mark each undirected
 * edge. Lists of strings are liststring; other arrays and objects are JSON text in `string` attributes. Edge weight 0
 * is not written (Gephi drops such edges). Graph attributes other than the meta are not written.
 */
export function writeGexf(graph: Graph, options: GexfOptions = {}): string {
  return [...gexfChunks(graph, options)].join('');
}

/** writeGexf as a stream of chunks (a node or an edge each), so a big graph is never one string. Joined, they are writeGexf's text. */
export function* gexfChunks(graph: Graph, options: GexfOptions = {}): Generator<string> {
  const version = options.version ?? DEFAULT_GEXF_VERSION;
  const namespace = NAMESPACES[version];
  if (!namespace) throw new Error(`graph/writeGexf: unknown GEXF version "${String(version)}" (choose ${GEXF_VERSIONS.join(' or ')})`);
  let out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  out.push(`<gexf xmlns="${namespace.gexf}" xmlns:viz="${namespace.viz}" version="${namespace.version}">\n`);
  out.push(metaBlock(graph, options));
  const defaultEdgeType = graph.type === 'undirected' ? 'undirected' : 'directed';
  const spells = options.spells;
  const dynamic = spells === undefined ? '' : ` mode="dynamic" timeformat="date"${version === '1.3' ? ' timerepresentation="interval"' : ''}`;
  out.push(`  <graph defaultedgetype="${defaultEdgeType}" idtype="string"${dynamic}>\n`);

  const cutMemo: EvidenceCutMemo = new WeakMap();
  const nodeRecords: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void nodeRecords.push(attributes));
  // A slot name (label, x, y, size, color) gets a column only when some node cannot put its value in the slot.
  const nodeColumns = gexfColumns(
    inferColumns(nodeRecords, () => false).filter((column) =>
      nodeRecords.some((attributes) => column.name in attributes && !nodeSlot(column.name, attributes[column.name], attributes)),
    ),
    nodeRecords,
    version,
  );
  const edgeRecords: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void edgeRecords.push(edgeAttributesForXml(attributes, options, cutMemo)));
  const edgeColumns = gexfColumns(
    inferColumns(edgeRecords, () => false).filter((column) =>
      edgeRecords.some((attributes) => column.name in attributes && !edgeSlot(column.name, attributes[column.name])),
    ),
    edgeRecords,
    version,
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
    writeAttvalues(out, nodeColumns, attributes, (name) => nodeSlot(name, attributes[name], attributes), memo, version);
    if (spells) out.push(spellsBlock(spells.nodes.get(node)));
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
  let index = 0;
  for (const { edge, source, target, undirected } of graph.edgeEntries()) {
    const attributes = edgeRecords[index]!;
    index += 1;
    let head = `      <edge id="${escapeXml(edge)}" source="${escapeXml(source)}" target="${escapeXml(target)}"`;
    if (defaultEdgeType === 'directed' && undirected) head += ' type="undirected"';
    if (writableWeight(attributes.weight)) head += ` weight="${formatNumber(attributes.weight)}"`;
    if (validKind(attributes.kind)) head += ` kind="${escapeXml(attributes.kind)}"`;
    if (edgeSlot('label', attributes.label)) head += ` label="${escapeXml(attributes.label)}"`;
    const body: string[] = [];
    writeAttvalues(body, edgeColumns, attributes, (name) => edgeSlot(name, attributes[name]), memo, version);
    if (spells) {
      const block = spellsBlock(spells.edges.get(edge));
      if (block !== '') body.push(block);
    }
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
