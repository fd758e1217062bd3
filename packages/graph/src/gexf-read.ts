// readGexf: GEXF 1.1–1.3 (Gephi's files and ours) into a graphology graph, with a strict built-in
// XML parser or an injected DOMParser (the browser's own). Refuses DTDs; errors name the problem.
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { formatColor, type Rgba } from './color.ts';
import { parseXmlStrict, type XmlDocument, type XmlNode } from './xml-tree.ts';

export interface DOMParserLike {
  parseFromString(text: string, mimeType: string): XmlDocument;
}
export type DOMParserConstructor = new (options?: { errorHandler?: unknown }) => DOMParserLike;

export interface ReadGexfOptions {
  /** A DOMParser class (the browser's, or e.g. @xmldom/xmldom); default: a strict built-in parser (saxes) that runs anywhere. */
  DOMParser?: DOMParserConstructor;
}

export class GexfError extends Error {
  constructor(problem: string) {
    super(`graph/readGexf: ${problem}`);
    this.name = 'GexfError';
  }
}

const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const NUMERIC_TYPES = new Set(['integer', 'int', 'long', 'double', 'float', 'byte', 'short', 'biginteger', 'bigdecimal']);

interface Declared {
  name: string;
  type: string;
  json: boolean;
  defaultValue?: unknown;
}

const ELEMENT = 1;

function children(element: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  for (let i = 0; i < element.childNodes.length; i += 1) {
    const child = element.childNodes[i]!;
    if (child.nodeType === ELEMENT && (child.localName ?? child.nodeName) === name) found.push(child);
  }
  return found;
}

function child(element: XmlNode, name: string): XmlNode | undefined {
  return children(element, name)[0];
}

function attribute(element: XmlNode, name: string): string | undefined {
  if (element.hasAttribute && !element.hasAttribute(name)) return undefined;
  const value = element.getAttribute?.(name);
  return value === null || value === undefined ? undefined : value;
}

function parseNumber(text: string | undefined, where: string): number {
  const value = text === undefined || text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new GexfError(`${where} is ${text === undefined ? 'missing' : `"${text}"`}, not a finite number`);
  return value;
}

/** List values: GEXF 1.3 `[a, "b, c"]` or older `a|b` forms. */
function parseList(text: string): string[] {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('[') && trimmed.endsWith(']'))) return trimmed === '' ? [] : trimmed.split('|').map((piece) => piece.trim());
  const items: string[] = [];
  const body = trimmed.slice(1, -1);
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /[\s,]/.test(body[i]!)) i += 1;
    if (i >= body.length) break;
    const quote = body[i];
    if (quote === '"' || quote === "'") {
      let item = '';
      i += 1;
      while (i < body.length && body[i] !== quote) {
        if (body[i] === '\\' && i + 1 < body.length) {
          const next = body[i + 1]!;
          item += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
          i += 2;
        } else {
          item += body[i];
          i += 1;
        }
      }
      i += 1;
      items.push(item);
    } else {
      const end = body.indexOf(',', i);
      items.push(body.slice(i, end === -1 ? body.length : end).trim());
      i = end === -1 ? body.length : end;
    }
  }
  return items;
}

function parseValue(declared: Declared, text: string, where: string): unknown {
  if (declared.json) {
    try {
      return JSON.parse(text);
    } catch {
      throw new GexfError(`${where} is not the JSON its attribute declares`);
    }
  }
  const type = declared.type;
  if (NUMERIC_TYPES.has(type)) return parseNumber(text, where);
  if (type === 'boolean') {
    const lower = text.trim().toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0') return false;
    throw new GexfError(`${where} is "${text}", not a boolean`);
  }
  if (type.startsWith('list')) {
    const items = parseList(text);
    const itemType = type.slice(4);
    return items.map((item, index) => parseValue({ name: declared.name, type: itemType, json: false }, item, `${where}[${index}]`));
  }
  return text;
}

function readDeclarations(graphElement: XmlNode, kind: 'node' | 'edge'): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  const titles = new Map<string, number>();
  const entries: { id: string; title: string | undefined; type: string; defaultText: string | undefined }[] = [];
  for (const block of children(graphElement, 'attributes')) {
    if (attribute(block, 'class') !== kind) continue;
    for (const element of children(block, 'attribute')) {
      const id = attribute(element, 'id');
      if (id === undefined) throw new GexfError(`a ${kind} attribute declaration has no id`);
      const title = attribute(element, 'title');
      const defaultElement = child(element, 'default');
      entries.push({ id, title, type: (attribute(element, 'type') ?? 'string').toLowerCase(), defaultText: defaultElement?.textContent ?? undefined });
      if (title) titles.set(title, (titles.get(title) ?? 0) + 1);
    }
  }
  const names = new Set<string>();
  for (const entry of entries) {
    if (declared.has(entry.id)) throw new GexfError(`${kind} attribute "${entry.id}" is declared twice`);
    // The title names the attribute (Gephi's ids are often numbers); the id when titles clash.
    const name = entry.title && titles.get(entry.title) === 1 ? entry.title : entry.id;
    if (FORBIDDEN_NAMES.has(name) || FORBIDDEN_NAMES.has(entry.id)) throw new GexfError(`${kind} attribute name "${name}" is not allowed`);
    if (names.has(name)) throw new GexfError(`${kind} attribute "${name}" is declared twice`);
    names.add(name);
    const item: Declared = { name, type: entry.type, json: entry.id.startsWith('json:') && entry.type === 'string' };
    if (entry.defaultText !== undefined) item.defaultValue = parseValue(item, entry.defaultText, `default of ${kind} attribute "${name}"`);
    declared.set(entry.id, item);
  }
  return declared;
}

function readAttvalues(element: XmlNode, declared: Map<string, Declared>, where: string, into: Attributes): void {
  for (const item of declared.values()) if (item.defaultValue !== undefined) into[item.name] = item.defaultValue;
  const block = child(element, 'attvalues');
  if (!block) return;
  for (const value of children(block, 'attvalue')) {
    const id = attribute(value, 'for') ?? attribute(value, 'id');
    if (id === undefined) throw new GexfError(`${where}: an attvalue has no "for"`);
    const declaration = declared.get(id);
    if (!declaration) throw new GexfError(`${where}: attribute "${id}" is not declared`);
    const text = attribute(value, 'value');
    if (text === undefined) throw new GexfError(`${where}: attribute "${declaration.name}" has no value`);
    into[declaration.name] = parseValue(declaration, text, `${where}: attribute "${declaration.name}"`);
  }
}

function readColor(element: XmlNode, where: string): string {
  const hex = attribute(element, 'hex');
  let color: Rgba;
  if (hex !== undefined) {
    const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
    if (!match) throw new GexfError(`${where}: colour hex "${hex}" is not #rrggbb`);
    const digits = match[1]!;
    color = { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
  } else {
    const channel = (name: string): number => {
      const value = parseNumber(attribute(element, name), `${where}: colour channel ${name}`);
      if (!Number.isInteger(value) || value < 0 || value > 255) throw new GexfError(`${where}: colour channel ${name} is ${value}, not 0–255`);
      return value;
    };
    color = { r: channel('r'), g: channel('g'), b: channel('b') };
  }
  const alphaText = attribute(element, 'a');
  if (alphaText !== undefined) {
    const alpha = parseNumber(alphaText, `${where}: colour alpha`);
    if (alpha < 0 || alpha > 1) throw new GexfError(`${where}: colour alpha is ${alpha}, not 0–1`);
    if (alpha < 1) color.a = alpha;
  }
  return formatColor(color);
}

/** Viz data of a node: colour, size, position (x, y required; z optional). */
function readNodeViz(element: XmlNode, where: string, into: Attributes): boolean {
  const color = child(element, 'color');
  if (color) into.color = readColor(color, where);
  const size = child(element, 'size');
  if (size) {
    const value = parseNumber(attribute(size, 'value'), `${where}: size`);
    if (value < 0) throw new GexfError(`${where}: size is negative`);
    into.size = value;
  }
  const position = child(element, 'position');
  if (!position) return false;
  into.x = parseNumber(attribute(position, 'x'), `${where}: position x`);
  into.y = parseNumber(attribute(position, 'y'), `${where}: position y`);
  const z = attribute(position, 'z');
  if (z !== undefined) into.z = parseNumber(z, `${where}: position z`);
  return true;
}

function parseXml(text: string, Parser: DOMParserConstructor | undefined): XmlDocument {
  if (!Parser) {
    try {
      return parseXmlStrict(text);
    } catch (error) {
      throw new GexfError(`not well-formed XML (${(error as Error).message.split('\n')[0]})`);
    }
  }
  const problems: string[] = [];
  const record = (message: unknown): void => void problems.push(String(message).split('\n')[0]!.replace(/^\[xmldom [a-z]+\]\s*/i, ''));
  let document: XmlDocument;
  try {
    // Browsers ignore the argument; parsers such as @xmldom/xmldom report through it.
    document = new Parser({ errorHandler: { warning: () => undefined, error: record, fatalError: record } }).parseFromString(text, 'application/xml');
  } catch (error) {
    throw new GexfError(`not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  if (problems.length > 0) throw new GexfError(`not well-formed XML (${problems[0]})`);
  // Browsers report errors as a <parsererror> element instead of throwing.
  const errors = document.getElementsByTagName('parsererror');
  if (errors.length > 0) {
    const message = (errors[0]!.textContent ?? '').trim().split('\n')[0] ?? '';
    throw new GexfError(`not well-formed XML (${message || 'parser error'})`);
  }
  return document;
}

/**
 * Reads a GEXF file (1.1, 1.2 or 1.3; Gephi's or ours) into a multi graph that allows self loops:
 * undirected when all edges are, directed when all are, else mixed. Node viz becomes `x`, `y`,
 * (`z`), `size`, `color` (`#rrggbb` or `rgba()`); edge weight, kind and label become attributes;
 * attvalues are typed by their declarations, `json:` attributes parsed back. Throws GexfError.
 */
export function readGexf(text: string, options: ReadGexfOptions = {}): Graph {
  if (typeof text !== 'string') throw new GexfError('expected the text of a GEXF file');
  const body = text.replace(/^\ufeff/, '');
  // No DTDs at all: entities could read local files (XXE) or expand without bound.
  if (/<!DOCTYPE/i.test(body) || /<!ENTITY/i.test(body)) throw new GexfError('DOCTYPE and ENTITY declarations are not accepted');
  if (!/^\s*</.test(body)) throw new GexfError('not XML (the text does not start with "<")');
  // A file cut short may still parse leniently; require the closing root tag.
  if (!/<\/(?:[A-Za-z_][\w.-]*:)?gexf\s*>\s*(?:<!--[\s\S]*?-->\s*)*$/.test(body)) {
    throw new GexfError('the file is truncated or not GEXF (no closing </gexf> at its end)');
  }
  const document = parseXml(body, options.DOMParser);
  const root = document.documentElement;
  if (!root || (root.localName ?? root.nodeName) !== 'gexf') throw new GexfError('the root element is not <gexf>');
  const graphElement = child(root, 'graph');
  if (!graphElement) throw new GexfError('no <graph> element');
  const defaultEdgeType = attribute(graphElement, 'defaultedgetype') ?? 'undirected';
  if (!['directed', 'undirected', 'mutual'].includes(defaultEdgeType)) throw new GexfError(`unknown defaultedgetype "${defaultEdgeType}"`);

  const graphAttributes: Attributes = {};
  const meta = child(root, 'meta');
  if (meta) {
    for (const name of ['creator', 'description', 'keywords']) {
      const element = child(meta, name);
      if (element) graphAttributes[name] = element.textContent ?? '';
    }
  }

  const nodeDeclarations = readDeclarations(graphElement, 'node');
  const edgeDeclarations = readDeclarations(graphElement, 'edge');
  const nodesElement = child(graphElement, 'nodes');
  if (!nodesElement) throw new GexfError('no <nodes> element');

  const nodes = new Map<string, Attributes>();
  let positioned = 0;
  let unpositioned: string | undefined;
  for (const element of children(nodesElement, 'node')) {
    const id = attribute(element, 'id');
    if (id === undefined) throw new GexfError(`node #${nodes.size + 1} has no id`);
    if (nodes.has(id)) throw new GexfError(`node id "${id}" appears twice`);
    const where = `node "${id}"`;
    const attributes: Attributes = {};
    const label = attribute(element, 'label');
    if (label !== undefined) attributes.label = label;
    readAttvalues(element, nodeDeclarations, where, attributes);
    if (readNodeViz(element, where, attributes)) positioned += 1;
    else unpositioned ??= id;
    nodes.set(id, attributes);
  }
  if (positioned > 0 && unpositioned !== undefined) {
    throw new GexfError(`positions on ${positioned} of ${nodes.size} nodes; node "${unpositioned}" has none`);
  }

  const edges: { key: string; source: string; target: string; undirected: boolean; attributes: Attributes }[] = [];
  const edgeKeys = new Set<string>();
  const edgesElement = child(graphElement, 'edges');
  const edgeElements = edgesElement ? children(edgesElement, 'edge') : [];
  edgeElements.forEach((element, index) => {
    const key = attribute(element, 'id') ?? `e${index}`;
    if (edgeKeys.has(key)) throw new GexfError(`edge id "${key}" appears twice`);
    edgeKeys.add(key);
    const where = `edge "${key}"`;
    const source = attribute(element, 'source');
    const target = attribute(element, 'target');
    if (source === undefined || target === undefined) throw new GexfError(`${where} has no source or target`);
    if (!nodes.has(source)) throw new GexfError(`${where} starts at missing node "${source}"`);
    if (!nodes.has(target)) throw new GexfError(`${where} ends at missing node "${target}"`);
    const type = attribute(element, 'type') ?? defaultEdgeType;
    if (!['directed', 'undirected', 'mutual'].includes(type)) throw new GexfError(`${where} has unknown type "${type}"`);
    const attributes: Attributes = {};
    const label = attribute(element, 'label');
    if (label !== undefined) attributes.label = label;
    const kind = attribute(element, 'kind');
    if (kind !== undefined) attributes.kind = kind;
    const weight = attribute(element, 'weight');
    if (weight !== undefined) attributes.weight = parseNumber(weight, `${where}: weight`);
    readAttvalues(element, edgeDeclarations, where, attributes);
    const color = child(element, 'color');
    if (color) attributes.color = readColor(color, where);
    const thickness = child(element, 'thickness');
    if (thickness) attributes.thickness = parseNumber(attribute(thickness, 'value'), `${where}: thickness`);
    edges.push({ key, source, target, undirected: type !== 'directed', attributes });
  });

  const undirectedCount = edges.filter((edge) => edge.undirected).length;
  const graphType =
    edges.length === 0
      ? defaultEdgeType === 'directed'
        ? 'directed'
        : 'undirected'
      : undirectedCount === edges.length
        ? 'undirected'
        : undirectedCount === 0
          ? 'directed'
          : 'mixed';
  const graph = new Graph({ type: graphType, multi: true, allowSelfLoops: true });
  graph.replaceAttributes(graphAttributes);
  for (const [id, attributes] of nodes) graph.addNode(id, attributes);
  for (const edge of edges) {
    if (edge.undirected) graph.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
    else graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  }
  return graph;
}
