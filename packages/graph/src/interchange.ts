// Exports for other graph tools: Cytoscape.js JSON (cy.json() elements), Neo4j `neo4j-admin database import` CSVs
// with a Cypher script for an existing database, and GML for older tools. Deterministic, streamed as chunks.
import type Graph from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { inferColumns, type AttributeColumn } from './attributes.ts';
import { evidenceForXml, type EvidenceCutMemo } from './export-options.ts';
import { formatNumber, wellFormed } from './text.ts';

export interface CytoscapeOptions {
  /** Evidence sentences per edge (default: all). */
  evidenceLimit?: number;
}

/** Data names Cytoscape.js gives a meaning (id, source, target, parent makes compound nodes): our attributes of those names are renamed. */
const CYTOSCAPE_RESERVED = new Set(['id', 'source', 'target', 'parent']);

function cytoscapeData(attributes: Attributes): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const name of Object.keys(attributes)) {
    const value: unknown = attributes[name];
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) continue;
    data[CYTOSCAPE_RESERVED.has(name) ? `${name}Attribute` : name] = value;
  }
  return data;
}

/**
 * Cytoscape.js JSON: `{ "data": {graph attributes}, "elements": { "nodes": [{ data: { id, …attributes }, position }],
 * "edges": [{ data: { id, source, target, …attributes } }] } }`, which `cytoscape({ elements })` and `cy.json()` take
 * and Cytoscape desktop imports. Edges keep our direction (source → target; `directed` false for undirected edges).
 */
export function writeCytoscapeJson(graph: Graph, options: CytoscapeOptions = {}): string {
  return [...cytoscapeJsonChunks(graph, options)].join('');
}

export function* cytoscapeJsonChunks(graph: Graph, options: CytoscapeOptions = {}): Generator<string> {
  const json = (value: unknown): string => wellFormed(JSON.stringify(value));
  yield `{"format_version":"1.0","generated_by":"missiongraph","data":${json(cytoscapeData(graph.getAttributes()))},\n"elements":{"nodes":[\n`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    const element: Record<string, unknown> = { data: { id: node, ...cytoscapeData(attributes) } };
    if (typeof attributes.x === 'number' && typeof attributes.y === 'number' && Number.isFinite(attributes.x) && Number.isFinite(attributes.y)) {
      element.position = { x: attributes.x, y: attributes.y };
    }
    yield `${first ? '' : ',\n'}${json(element)}`;
    first = false;
  }
  yield '\n],"edges":[\n';
  first = true;
  const memo: EvidenceCutMemo = new WeakMap();
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const data: Record<string, unknown> = { id: edge, source, target, ...cytoscapeData(attributes) };
    if (undirected) data.directed = false;
    if ('evidence' in data) data.evidence = evidenceForXml(data.evidence, options.evidenceLimit, memo);
    yield `${first ? '' : ',\n'}${json({ data })}`;
    first = false;
  }
  yield '\n]}}\n';
}

/** neo4j-admin header types of our column types; JSON columns are string[] when every value is a list of strings. */
function neo4jType(column: AttributeColumn, records: Attributes[]): string {
  switch (column.type) {
    case 'integer':
      return 'int';
    case 'long':
      return 'long';
    case 'double':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'json':
      return records.every((attributes) => attributes[column.name] === undefined || attributes[column.name] === null || (Array.isArray(attributes[column.name]) && (attributes[column.name] as unknown[]).every((item) => typeof item === 'string' && !item.includes(NEO4J_ARRAY_DELIMITER))))
        ? 'string[]'
        : 'string';
    default:
      return 'string';
  }
}

/** neo4j-admin's default array delimiter. */
export const NEO4J_ARRAY_DELIMITER = ';';

/** A neo4j-admin CSV field: quoted when it holds the delimiter, a quote or a line break, quotes doubled; lone surrogates as U+FFFD. */
function neo4jField(text: string): string {
  const clean = wellFormed(text);
  return /[",\r\n]|^\s|\s$/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

function neo4jValue(value: unknown, type: string): string {
  if (value === undefined || value === null) return '';
  if (type === 'string[]') return neo4jField((value as string[]).join(NEO4J_ARRAY_DELIMITER));
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return neo4jField(value);
  return neo4jField(JSON.stringify(value));
}

/** A Neo4j label or relationship type from our type and kind names: `mission` → `Mission`, `host-country` → `HOST_COUNTRY`. */
export function neo4jLabel(type: string): string {
  const words = type.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const label = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return /^[A-Za-z]/.test(label) ? label : `T${label}`;
}
export function neo4jRelationshipType(kind: string): string {
  const type = kind.split(/[^A-Za-z0-9]+/).filter(Boolean).join('_').toUpperCase();
  return /^[A-Z]/.test(type) ? type : `R_${type}`;
}

interface Neo4jColumns {
  names: string[];
  types: string[];
}

function nodeColumns(graph: Graph): Neo4jColumns {
  const records: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void records.push(attributes));
  const columns = inferColumns(records, (name) => name === 'id');
  return { names: columns.map((column) => column.name), types: columns.map((column) => neo4jType(column, records)) };
}

function relationshipColumns(graph: Graph): Neo4jColumns {
  const records: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void records.push(attributes));
  const columns = inferColumns(records, (name) => name === 'evidence' || name === 'id');
  return { names: ['id', ...columns.map((column) => column.name)], types: ['string', ...columns.map((column) => neo4jType(column, records))] };
}

const headerName = (name: string, type: string): string => (type === 'string' ? name : `${name}:${type}`);
const header = (name: string, type: string): string => neo4jField(headerName(name, type));

/**
 * neo4j-nodes.csv for `neo4j-admin database import full --nodes=neo4j-nodes.csv --relationships=neo4j-relationships.csv`:
 * `id:ID`, `:LABEL` (`Entity` and the type's label, `;`-separated), then every attribute with its type in the header
 * (`mentions:int`, `pagerank:double`, `aliases:string[]` with `;` between items; objects such as facts are JSON text).
 * Fields are quoted with `"` (inner quotes doubled); text with line breaks needs `--multiline-fields=true`.
 */
export function* neo4jNodesCsvChunks(graph: Graph): Generator<string> {
  const { names, types } = nodeColumns(graph);
  yield `${['id:ID', ':LABEL', ...names.map((name, index) => header(name, types[index]!))].join(',')}\n`;
  for (const { node, attributes } of graph.nodeEntries()) {
    const labels = ['Entity', ...(typeof attributes.type === 'string' && attributes.type !== '' ? [neo4jLabel(attributes.type)] : [])];
    yield `${[neo4jField(node), labels.join(NEO4J_ARRAY_DELIMITER), ...names.map((name, index) => neo4jValue(attributes[name], types[index]!))].join(',')}\n`;
  }
}

/**
 * neo4j-relationships.csv: `:START_ID`, `:END_ID`, `:TYPE` (the kind: `CO_MENTION`, `HOST_COUNTRY`, `SUCCEEDED_BY`),
 * the edge key as `id`, then the attributes but evidence (that is evidence.jsonl). Relations run from → to; co-mention
 * edges are undirected in our graph and written from the smaller id (query them without direction).
 */
export function* neo4jRelationshipsCsvChunks(graph: Graph): Generator<string> {
  const { names, types } = relationshipColumns(graph);
  yield `${[':START_ID', ':END_ID', ':TYPE', ...names.map((name, index) => header(name, types[index]!))].join(',')}\n`;
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    const type = neo4jRelationshipType(typeof attributes.kind === 'string' && attributes.kind !== '' ? attributes.kind : 'related');
    const values = names.map((name, index) => (name === 'id' ? neo4jField(edge) : neo4jValue(attributes[name], types[index]!)));
    yield `${[neo4jField(source), neo4jField(target), type, ...values].join(',')}\n`;
  }
}

export const writeNeo4jNodesCsv = (graph: Graph): string => [...neo4jNodesCsvChunks(graph)].join('');
export const writeNeo4jRelationshipsCsv = (graph: Graph): string => [...neo4jRelationshipsCsvChunks(graph)].join('');

const cypherString = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const backtick = (name: string): string => `\`${name.replace(/`/g, '``')}\``;

function cypherConversion(column: string, type: string): string {
  const field = `row.${backtick(column)}`;
  switch (type) {
    case 'int':
    case 'long':
      return `toInteger(${field})`;
    case 'double':
      return `toFloat(${field})`;
    case 'boolean':
      return `toBoolean(${field})`;
    case 'string[]':
      return `split(${field}, ${cypherString(NEO4J_ARRAY_DELIMITER)})`;
    default:
      return field;
  }
}

/**
 * A Cypher script that loads the same two CSV files into an existing Neo4j database with LOAD CSV and MERGE (so it
 * can run again): put the files in the database's import folder and run it with cypher-shell. Labels and relationship
 * types are written out per type and kind, as plain Cypher cannot take them from a field.
 */
export function writeNeo4jCypher(graph: Graph, files = { nodes: 'neo4j-nodes.csv', relationships: 'neo4j-relationships.csv' }): string {
  const nodes = nodeColumns(graph);
  const relationships = relationshipColumns(graph);
  const types = new Set<string>();
  graph.forEachNode((_node, attributes) => void (typeof attributes.type === 'string' && attributes.type !== '' && types.add(attributes.type)));
  const kinds = new Set<string>();
  graph.forEachEdge((_edge, attributes) => void kinds.add(typeof attributes.kind === 'string' && attributes.kind !== '' ? attributes.kind : 'related'));
  const assignments = (columns: Neo4jColumns, variable: string): string =>
    columns.names.map((name, index) => `${variable}.${backtick(name)} = ${cypherConversion(headerName(name, columns.types[index]!), columns.types[index]!)}`).join(',\n    ');
  const lines = [
    '// missiongraph: load neo4j-nodes.csv and neo4j-relationships.csv into an existing database (Neo4j 5).',
    '// Copy both files into the import folder, then: cypher-shell -f neo4j-import.cypher. MERGE makes it safe to run again.',
    'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (entity:Entity) REQUIRE entity.id IS UNIQUE;',
    '',
    `LOAD CSV WITH HEADERS FROM ${cypherString(`file:///${files.nodes}`)} AS row`,
    `CALL { WITH row`,
    `  MERGE (entity:Entity {id: row.${backtick('id:ID')}})`,
    ...(nodes.names.length > 0 ? [`  SET ${assignments(nodes, 'entity')}`] : []),
    '} IN TRANSACTIONS OF 1000 ROWS;',
  ];
  for (const type of [...types].sort()) {
    lines.push('', `MATCH (entity:Entity) WHERE entity.type = ${cypherString(type)} SET entity:${backtick(neo4jLabel(type))};`);
  }
  for (const kind of [...kinds].sort()) {
    const type = neo4jRelationshipType(kind);
    lines.push(
      '',
      `LOAD CSV WITH HEADERS FROM ${cypherString(`file:///${files.relationships}`)} AS row`,
      `WITH row WHERE row.${backtick(':TYPE')} = ${cypherString(type)}`,
      `CALL { WITH row`,
      `  MATCH (source:Entity {id: row.${backtick(':START_ID')}}), (target:Entity {id: row.${backtick(':END_ID')}})`,
      `  MERGE (source)-[relationship:${backtick(type)} {id: row.id}]->(target)`,
      ...(relationships.names.length > 1 ? [`  SET ${assignments({ names: relationships.names.slice(1), types: relationships.types.slice(1) }, 'relationship')}`] : []),
      '} IN TRANSACTIONS OF 1000 ROWS;',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A GML key: letters and digits only, starting with a letter. */
function gmlKey(name: string, taken: Set<string>): string {
  let key = name.replace(/[^A-Za-z0-9]/g, '');
  if (!/^[A-Za-z]/.test(key)) key = `a${key}`;
  while (taken.has(key)) key += 'x';
  taken.add(key);
  return key;
}

/** GML string: no `"` or `&` raw (HTML entities, which networkx and igraph decode), one line, well-formed. */
function gmlString(text: string): string {
  const clean = wellFormed(text)
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u001f\u007f]/g, (character) => `&#${character.charCodeAt(0)};`);
  return `"${clean}"`;
}

function gmlValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // GML integers are 32-bit; larger ones are written as reals.
    return Number.isInteger(value) && Math.abs(value) > 0x7fffffff ? `${value}.0` : String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'string') return gmlString(value);
  return gmlString(JSON.stringify(value));
}

/**
 * GML (the format of older tools: Pajek-era software, igraph, networkx, yEd, Cytoscape desktop): nodes numbered from 0
 * with our key in `name`, `label`, every attribute (keys reduced to letters and digits; lists and objects as JSON text;
 * booleans 1/0) and `graphics` with x, y, w and fill; edges with source, target and attributes, evidence left out.
 * `directed 1` unless the graph is undirected; a mixed graph's undirected edges are marked `directed 0`.
 */
export function* gmlChunks(graph: Graph): Generator<string> {
  yield `graph [\n  directed ${graph.type === 'undirected' ? 0 : 1}\n  multigraph 1\n`;
  const index = new Map<string, number>();
  const nodeKeys = new Map<string, string>();
  const nodeTaken = new Set(['id', 'name', 'graphics']);
  const keyOf = (map: Map<string, string>, taken: Set<string>, name: string): string => {
    let key = map.get(name);
    if (key === undefined) {
      key = gmlKey(name, taken);
      map.set(name, key);
    }
    return key;
  };
  for (const { node, attributes } of graph.nodeEntries()) {
    index.set(node, index.size);
    const lines = [`  node [`, `    id ${index.size - 1}`, `    name ${gmlString(node)}`];
    for (const name of Object.keys(attributes).sort()) {
      if (name === 'x' || name === 'y' || name === 'size' || name === 'color') continue;
      const value = gmlValue(attributes[name]);
      if (value !== undefined) lines.push(`    ${keyOf(nodeKeys, nodeTaken, name)} ${value}`);
    }
    const graphics: string[] = [];
    for (const [name, key] of [['x', 'x'], ['y', 'y'], ['size', 'w']] as const) {
      const value = attributes[name];
      if (typeof value === 'number' && Number.isFinite(value)) graphics.push(`${key} ${gmlValue(value)!}`);
    }
    if (typeof attributes.color === 'string') graphics.push(`fill ${gmlString(attributes.color)}`);
    if (graphics.length > 0) lines.push(`    graphics [ ${graphics.join(' ')} ]`);
    lines.push('  ]\n');
    yield lines.join('\n');
  }
  const edgeKeys = new Map<string, string>();
  const edgeTaken = new Set(['source', 'target', 'directed', 'id', 'key']);
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    const lines = [`  edge [`, `    source ${index.get(source)}`, `    target ${index.get(target)}`, `    key ${gmlString(edge)}`];
    if (graph.type === 'mixed' && undirected) lines.push('    directed 0');
    for (const name of Object.keys(attributes).sort()) {
      if (name === 'evidence') continue;
      const value = gmlValue(attributes[name]);
      if (value !== undefined) lines.push(`    ${keyOf(edgeKeys, edgeTaken, name)} ${value}`);
    }
    lines.push('  ]\n');
    yield lines.join('\n');
  }
  yield ']\n';
}

export const writeGml = (graph: Graph): string => [...gmlChunks(graph)].join('');
