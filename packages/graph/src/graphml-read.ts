// readGraphml: GraphML as we, networkx, igraph, Gephi, Cytoscape and yEd write it, into a graphology graph, on the
// same strict XML parser as readGexf, with a list of what was repaired or dropped.
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { formatColor, parseColor } from './color.ts';
import type { GraphReadResult, ReadGexfOptions } from './gexf-read.ts';
import { safeKey } from './safe-keys.ts';
import { attribute, children, endsWithClosingTag, FORBIDDEN_NAMES, localName, parseXml, parseXsdNumber, prologHasDoctype, ReadWarnings } from './xml-read.ts';
import type { XmlNode } from './xml-tree.ts';

export class GraphmlError extends Error {
  constructor(problem: string) {
    super(`graph/readGraphml: ${problem}`);
    this.name = 'GraphmlError';
  }
}

const fail = (problem: string): never => {
  throw new GraphmlError(problem);
};

interface Key {
  name: string;
  type: string;
  defaultValue?: unknown;
}

/** Our JSON text attributes (docs/graph-format.md) are parsed back; other strings stay strings. */
const JSON_NAMES = new Set(['aliases', 'facts', 'evidence']);

function typedValue(key: Key, text: string, warnings: ReadWarnings, where: string): unknown {
  switch (key.type) {
    case 'int':
    case 'long':
    case 'float':
    case 'double': {
      const value = parseXsdNumber(text);
      if (value !== undefined) return value;
      warnings.add('values that are not the declared number were kept as text', `${where}, "${key.name}"`);
      return text;
    }
    case 'boolean': {
      const lower = text.trim().toLowerCase();
      if (lower === 'true' || lower === '1') return true;
      if (lower === 'false' || lower === '0') return false;
      warnings.add('values that are not the declared boolean were kept as text', `${where}, "${key.name}"`);
      return text;
    }
    default:
      if (JSON_NAMES.has(key.name) && /^\s*[[{]/.test(text)) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          return text;
        }
      }
      return text;
  }
}

/** Gephi writes node colours as r/g/b keys; they become one `color`. */
function joinChannels(attributes: Attributes): void {
  const { r, g, b } = attributes;
  if (typeof r !== 'number' || typeof g !== 'number' || typeof b !== 'number' || 'color' in attributes) return;
  const color = parseColor(`rgb(${r},${g},${b})`);
  if (!color) return;
  attributes.color = formatColor(color);
  delete attributes.r;
  delete attributes.g;
  delete attributes.b;
}

/**
 * Reads a GraphML file into a multi graph allowing self loops (undirected, directed or mixed as the edges are).
 * `<key attr.name attr.type>` declarations type the `<data>` values (defaults applied); keys without attr.name are
 * named by id; `x`, `y`, `size`, `color` (or Gephi's r/g/b) are the usual node attributes. Nested graphs, hyperedges
 * and ports are not read and are listed in `warnings`, as are data of undeclared keys (kept as text).
 */
export function readGraphmlWithWarnings(text: string, options: ReadGexfOptions = {}): GraphReadResult {
  if (typeof text !== 'string') fail('expected the text of a GraphML file');
  const body = text.replace(/^\ufeff/, '');
  if (!/^\s*</.test(body)) fail('not XML (the text does not start with "<")');
  if (prologHasDoctype(body)) fail('DOCTYPE and ENTITY declarations are not accepted');
  if (!endsWithClosingTag(body, 'graphml')) {
    if (endsWithClosingTag(body, 'gexf')) fail('this is a GEXF file, not GraphML (read it with readGexf)');
    fail('the file is truncated or not GraphML (no closing </graphml> at its end)');
  }
  const document = parseXml(body, options.DOMParser, fail);
  const root = document.documentElement;
  if (!root || localName(root) !== 'graphml') return fail(`the root element is <${root ? localName(root) : ''}>, not <graphml>`);
  const graphElement = children(root, 'graph')[0];
  if (!graphElement) return fail('no <graph> element');
  const warnings = new ReadWarnings();
  if (children(root, 'graph').length > 1) warnings.add('only the first <graph> was read', 'graphml');

  const keys = { node: new Map<string, Key>(), edge: new Map<string, Key>(), graph: new Map<string, Key>() };
  for (const element of children(root, 'key')) {
    const id = attribute(element, 'id');
    if (id === undefined) {
      warnings.add('a <key> without an id was left out', 'graphml');
      continue;
    }
    let name = attribute(element, 'attr.name') ?? id;
    if (FORBIDDEN_NAMES.has(name)) {
      warnings.add(`a key named "${name}" was renamed "${name}_"`, `key "${id}"`);
      name = `${name}_`;
    }
    const key: Key = { name, type: (attribute(element, 'attr.type') ?? 'string').toLowerCase() };
    const defaultElement = children(element, 'default')[0];
    if (defaultElement) key.defaultValue = typedValue(key, defaultElement.textContent ?? '', warnings, `key "${id}"`);
    const scope = attribute(element, 'for') ?? 'all';
    for (const kind of ['node', 'edge', 'graph'] as const) if (scope === kind || scope === 'all') keys[kind].set(id, key);
    if (!['node', 'edge', 'graph', 'all'].includes(scope)) warnings.add(`keys for "${scope}" were not read`, `key "${id}"`);
  }

  const readData = (element: XmlNode, kind: 'node' | 'edge' | 'graph', where: string): Attributes => {
    const into: Attributes = {};
    for (const key of keys[kind].values()) if (key.defaultValue !== undefined) into[key.name] = key.defaultValue;
    for (const data of children(element, 'data')) {
      const id = attribute(data, 'key');
      if (id === undefined) continue;
      let key = keys[kind].get(id);
      if (!key) {
        warnings.add(`data of undeclared keys were kept as text`, `${where}, key "${id}"`);
        key = { name: FORBIDDEN_NAMES.has(id) ? `${id}_` : id, type: 'string' };
      }
      let holdsElements = false;
      for (let index = 0; index < data.childNodes.length; index += 1) if (data.childNodes[index]!.nodeType === 1) holdsElements = true;
      if (holdsElements) {
        warnings.add('data holding XML (yEd graphics and the like) were not read', `${where}, key "${id}"`);
        continue;
      }
      into[key.name] = typedValue(key, data.textContent ?? '', warnings, where);
    }
    return into;
  };

  const graphAttributes = readData(graphElement, 'graph', 'graph');
  const edgeDefault = attribute(graphElement, 'edgedefault') ?? 'directed';
  const nodes = new Map<string, Attributes>();
  for (const element of children(graphElement, 'node')) {
    const id = attribute(element, 'id');
    if (id === undefined) {
      warnings.add('nodes without an id were left out', `node #${nodes.size + 1}`);
      continue;
    }
    const where = `node "${id}"`;
    if (nodes.has(id)) {
      warnings.add('node ids that appear twice were read as one node', where);
      continue;
    }
    const attributes = readData(element, 'node', where);
    joinChannels(attributes);
    for (const name of ['x', 'y', 'size']) {
      if (name in attributes && (typeof attributes[name] !== 'number' || !Number.isFinite(attributes[name]))) {
        warnings.add(`${name} values that are not finite numbers were kept as "${name} (attribute)"`, where);
        attributes[`${name} (attribute)`] = attributes[name];
        delete attributes[name];
      }
    }
    if (typeof attributes.color === 'string' && parseColor(attributes.color) === undefined) {
      warnings.add('colours that are not CSS colours were kept as "color (attribute)"', where);
      attributes['color (attribute)'] = attributes.color;
      delete attributes.color;
    }
    if (children(element, 'graph').length > 0) warnings.add('graphs nested in nodes were not read', where);
    if (children(element, 'port').length > 0) warnings.add('ports were not read', where);
    nodes.set(id, attributes);
  }
  if (children(graphElement, 'hyperedge').length > 0) warnings.add('hyperedges were not read', 'graph');

  const edges: { id: string | undefined; source: string; target: string; directed: boolean; attributes: Attributes }[] = [];
  for (const element of children(graphElement, 'edge')) {
    const id = attribute(element, 'id');
    const where = id !== undefined ? `edge "${id}"` : `edge #${edges.length + 1}`;
    const source = attribute(element, 'source');
    const target = attribute(element, 'target');
    if (source === undefined || target === undefined) {
      warnings.add('edges without a source or target were left out', where);
      continue;
    }
    for (const end of [source, target]) {
      if (!nodes.has(end)) {
        warnings.add('edges to nodes the file does not have: the nodes were added', `${where} → "${end}"`);
        nodes.set(end, {});
      }
    }
    const directedText = attribute(element, 'directed');
    const directed = directedText === undefined ? edgeDefault === 'directed' : directedText === 'true';
    edges.push({ id, source, target, directed, attributes: readData(element, 'edge', where) });
  }

  const undirected = edges.filter((edge) => !edge.directed).length;
  const type = edges.length === 0 ? (edgeDefault === 'directed' ? 'directed' : 'undirected') : undirected === edges.length ? 'undirected' : undirected === 0 ? 'directed' : 'mixed';
  const graph = new Graph({ type, multi: true, allowSelfLoops: true });
  graph.replaceAttributes(graphAttributes);
  const keyOf = new Map<string, string>();
  for (const [id, attributes] of nodes) {
    const key = safeKey(id, (candidate) => graph.hasNode(candidate) || (candidate !== id && nodes.has(candidate)));
    if (key !== id) warnings.add('node ids the graph library cannot hold (names of Object.prototype) were given another key, the id kept in "originalId"', `"${id}" became "${key}"`);
    keyOf.set(id, key);
    graph.addNode(key, key === id ? attributes : { ...attributes, originalId: id });
  }
  const explicit = new Set(edges.map((edge) => edge.id).filter((id): id is string => id !== undefined));
  edges.forEach((edge, index) => {
    let key = edge.id ?? `e${index}`;
    if (graph.hasEdge(key) || (edge.id === undefined && explicit.has(key))) {
      let renamed = `${key}_`;
      while (graph.hasEdge(renamed) || explicit.has(renamed)) renamed += '_';
      if (edge.id !== undefined) warnings.add('edge ids that appear twice: later edges were given another id', `"${key}" became "${renamed}"`);
      key = renamed;
    }
    const source = keyOf.get(edge.source)!;
    const target = keyOf.get(edge.target)!;
    if (edge.directed) graph.addDirectedEdgeWithKey(key, source, target, edge.attributes);
    else graph.addUndirectedEdgeWithKey(key, source, target, edge.attributes);
  });
  return { graph, warnings: warnings.list() };
}

/** readGraphmlWithWarnings without the warnings. */
export function readGraphml(text: string, options: ReadGexfOptions = {}): Graph {
  return readGraphmlWithWarnings(text, options).graph;
}
