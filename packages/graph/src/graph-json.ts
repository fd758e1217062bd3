// graph.json: graphology's serialized format (graph.export()) written with a stable key order, one
// node or edge per line; and read back with validation that names the problem.
import Graph from 'graphology';
import type { Attributes, SerializedGraph } from 'graphology-types';
import { sortColumnNames } from './attributes.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON with object keys in the order of docs/graph-format.md (the rest sorted), at every depth. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : stableJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const name of sortColumnNames(Object.keys(record))) {
      const item = record[name];
      if (item === undefined || typeof item === 'function') continue;
      parts.push(`${JSON.stringify(name)}:${stableJson(item)}`);
    }
    return `{${parts.join(',')}}`;
  }
  // JSON.stringify writes NaN and ±Infinity as null, and escapes lone surrogates.
  return JSON.stringify(value) ?? 'null';
}

/**
 * graph.export() as JSON: `{"attributes":…,"options":…,"nodes":[…],"edges":[…]}` with each node and
 * each edge on a line of its own (compact inside), keys in a fixed order. Ends with a newline.
 */
export function toGraphJson(graph: Graph | import('graphology-types').default): string {
  const data = graph.export();
  const nodes = data.nodes.map((node) => {
    const attributes = node.attributes ? `,"attributes":${stableJson(node.attributes)}` : '';
    return `    {"key":${JSON.stringify(node.key)}${attributes}}`;
  });
  const edges = data.edges.map((edge) => {
    const entry: [string, unknown][] = [];
    if (edge.key !== undefined) entry.push(['key', edge.key]);
    entry.push(['source', edge.source], ['target', edge.target]);
    if (edge.attributes) entry.push(['attributes', edge.attributes]);
    if (edge.undirected) entry.push(['undirected', true]);
    return `    {${entry.map(([name, value]) => `${JSON.stringify(name)}:${stableJson(value)}`).join(',')}}`;
  });
  const options = data.options ?? { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  return [
    '{',
    `  "attributes": ${stableJson(data.attributes ?? {})},`,
    `  "options": {"type":${JSON.stringify(options.type)},"multi":${Boolean(options.multi)},"allowSelfLoops":${Boolean(options.allowSelfLoops)}},`,
    `  "nodes": [${nodes.length > 0 ? `\n${nodes.join(',\n')}\n  ` : ''}],`,
    `  "edges": [${edges.length > 0 ? `\n${edges.join(',\n')}\n  ` : ''}]`,
    '}',
    '',
  ].join('\n');
}

class GraphJsonError extends Error {
  constructor(problem: string) {
    super(`graph/fromGraphJson: ${problem}`);
    this.name = 'GraphJsonError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkAttributes(value: unknown, where: string): Attributes | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new GraphJsonError(`${where}: attributes must be an object`);
  for (const name of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(name)) throw new GraphJsonError(`${where}: attribute name "${name}" is not allowed`);
  }
  for (const name of ['x', 'y', 'size'] as const) {
    if (name in value && typeof value[name] !== 'number') throw new GraphJsonError(`${where}: attribute "${name}" must be a number`);
  }
  return value;
}

function keyOf(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new GraphJsonError(`${where}: key must be a string`);
}

/** Reads graph.json (any graphology serialized graph), checking its shape first: never a partial graph. */
export function fromGraphJson(text: string): Graph {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GraphJsonError(`not JSON (${(error as Error).message})`);
  }
  if (!isRecord(data)) throw new GraphJsonError('expected an object with "nodes" and "edges"');
  if (!Array.isArray(data.nodes)) throw new GraphJsonError('"nodes" must be an array');
  if (data.edges !== undefined && !Array.isArray(data.edges)) throw new GraphJsonError('"edges" must be an array');
  const options = data.options === undefined ? {} : data.options;
  if (!isRecord(options)) throw new GraphJsonError('"options" must be an object');
  const type = options.type ?? 'mixed';
  if (type !== 'mixed' && type !== 'directed' && type !== 'undirected') throw new GraphJsonError(`unknown graph type ${JSON.stringify(type)}`);
  const multi = options.multi ?? false;
  const allowSelfLoops = options.allowSelfLoops ?? true;
  if (typeof multi !== 'boolean' || typeof allowSelfLoops !== 'boolean') throw new GraphJsonError('"options.multi" and "options.allowSelfLoops" must be booleans');
  const graphAttributes = checkAttributes(data.attributes, 'graph');

  const nodes = new Set<string>();
  const serializedNodes: SerializedGraph['nodes'] = [];
  data.nodes.forEach((node: unknown, index: number) => {
    if (!isRecord(node)) throw new GraphJsonError(`node #${index} is not an object`);
    const key = keyOf(node.key, `node #${index}`);
    if (nodes.has(key)) throw new GraphJsonError(`node "${key}" appears twice`);
    nodes.add(key);
    const attributes = checkAttributes(node.attributes, `node "${key}"`);
    serializedNodes.push(attributes ? { key, attributes } : { key });
  });
  const edgeKeys = new Set<string>();
  const serializedEdges: SerializedGraph['edges'] = [];
  const edges: unknown[] = data.edges ?? [];
  edges.forEach((edge, index) => {
    if (!isRecord(edge)) throw new GraphJsonError(`edge #${index} is not an object`);
    const where = edge.key === undefined ? `edge #${index}` : `edge "${String(edge.key)}"`;
    const source = keyOf(edge.source, `${where} source`);
    const target = keyOf(edge.target, `${where} target`);
    if (!nodes.has(source)) throw new GraphJsonError(`${where} starts at missing node "${source}"`);
    if (!nodes.has(target)) throw new GraphJsonError(`${where} ends at missing node "${target}"`);
    if (!allowSelfLoops && source === target) throw new GraphJsonError(`${where} is a self loop but the graph does not allow them`);
    if (edge.undirected !== undefined && typeof edge.undirected !== 'boolean') throw new GraphJsonError(`${where}: "undirected" must be a boolean`);
    if (type === 'undirected' && edge.undirected === false) throw new GraphJsonError(`${where} is directed in an undirected graph`);
    if (type === 'directed' && edge.undirected === true) throw new GraphJsonError(`${where} is undirected in a directed graph`);
    const attributes = checkAttributes(edge.attributes, where);
    const serialized: SerializedGraph['edges'][number] = { source, target };
    if (edge.key !== undefined) {
      const key = keyOf(edge.key, where);
      if (edgeKeys.has(key)) throw new GraphJsonError(`edge "${key}" appears twice`);
      edgeKeys.add(key);
      serialized.key = key;
    }
    if (attributes) serialized.attributes = attributes;
    if (edge.undirected !== undefined) serialized.undirected = edge.undirected;
    serializedEdges.push(serialized);
  });

  const graph = new Graph({ type, multi, allowSelfLoops });
  try {
    graph.import({ attributes: graphAttributes ?? {}, nodes: serializedNodes, edges: serializedEdges });
  } catch (error) {
    throw new GraphJsonError((error as Error).message);
  }
  return graph;
}
