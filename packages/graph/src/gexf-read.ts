// readGexf: GEXF 1.1–1.3 as Gephi, Gephi Lite, graphology, networkx and we write it, into a graphology graph, with
// a list of what was repaired or dropped. Refuses only what is not a GEXF graph at all (DTDs, broken XML, no <graph>).
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { formatColor, parseColor, type Rgba } from './color.ts';
import { safeKey } from './safe-keys.ts';
import {
  attribute,
  child,
  children,
  endsWithClosingTag,
  FORBIDDEN_NAMES,
  localName,
  parseFinite,
  parseXml,
  parseXsdNumber,
  prologHasDoctype,
  ReadWarnings,
  type DOMParserConstructor,
} from './xml-read.ts';
import type { XmlNode } from './xml-tree.ts';

export type { DOMParserConstructor } from './xml-read.ts';

export interface ReadGexfOptions {
  /** A DOMParser class (the browser's, or e.g. @xmldom/xmldom); default: a strict built-in parser (saxes) that runs anywhere. */
  DOMParser?: DOMParserConstructor;
}

/** A graph read from a file, with one line per kind of repair or loss (empty when the file was read as it is). */
export interface GraphReadResult {
  graph: Graph;
  warnings: string[];
}

export class GexfError extends Error {
  constructor(problem: string) {
    super(`graph/readGexf: ${problem}`);
    this.name = 'GexfError';
  }
}

const fail = (problem: string): never => {
  throw new GexfError(problem);
};

const NUMERIC_TYPES = new Set(['integer', 'int', 'long', 'double', 'float', 'byte', 'short', 'biginteger', 'bigdecimal']);
/** String attributes of our own files that hold JSON (older files of ours mark them with a `json:` id). */
const JSON_TITLES = new Set(['facts', 'evidence', 'aliases']);
/** Names the reader fills from GEXF's own markup; an attvalue of that name goes there only when valid and the markup is absent. */
const NODE_SLOTS = new Set(['label', 'x', 'y', 'z', 'size', 'color', 'shape', 'pid', 'parents', 'spells', 'start', 'end']);
const EDGE_SLOTS = new Set(['label', 'kind', 'weight', 'color', 'thickness', 'shape', 'spells', 'start', 'end']);

interface Declared {
  name: string;
  type: string;
  json: boolean;
  defaultValue?: unknown;
}

/** How a declared type reads a text value: the value, or `missing` ("null", empty non-text), or `invalid`. */
type Parsed = { value: unknown } | 'missing' | 'invalid';

/** List values: GEXF 1.3 `[a, "b, c"]`, or older `a|b` (and `a,b`, as graphology reads). */
export function parseList(text: string): string[] {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    if (trimmed === '') return [];
    return (trimmed.includes('|') ? trimmed.split('|') : trimmed.split(',')).map((piece) => piece.trim());
  }
  const items: string[] = [];
  const body = trimmed.slice(1, -1);
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /[\s,]/.test(body[i]!)) i += 1;
    if (i >= body.length) break;
    const quote = body[i];
    if (quote === '"') {
      // A JSON string (what we and graphology write for items with separators, quotes or controls).
      let end = i + 1;
      while (end < body.length && body[end] !== '"') end += body[end] === '\\' ? 2 : 1;
      try {
        items.push(JSON.parse(body.slice(i, end + 1)) as string);
        i = end + 1;
        continue;
      } catch {
        // Not JSON after all: read it character by character below.
      }
    }
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

function parseScalar(type: string, text: string): Parsed {
  if (NUMERIC_TYPES.has(type)) {
    if (text.trim() === '' || text.trim() === 'null') return 'missing';
    const value = parseXsdNumber(text);
    return value === undefined ? 'invalid' : { value };
  }
  if (type === 'boolean') {
    const lower = text.trim().toLowerCase();
    if (lower === 'true' || lower === '1') return { value: true };
    if (lower === 'false' || lower === '0') return { value: false };
    return lower === '' || lower === 'null' ? 'missing' : 'invalid';
  }
  return { value: text };
}

function parseValue(declared: Declared, text: string): Parsed {
  if (declared.json) {
    try {
      const value: unknown = JSON.parse(text);
      return value !== null && typeof value === 'object' ? { value } : { value: text };
    } catch {
      return { value: text };
    }
  }
  const type = declared.type;
  if (!type.startsWith('list')) return parseScalar(type, text);
  if (text.trim() === 'null') return 'missing';
  const itemType = type.slice(4);
  const items: unknown[] = [];
  for (const item of parseList(text)) {
    const parsed = parseScalar(itemType, item);
    if (typeof parsed !== 'object') return 'invalid';
    items.push(parsed.value);
  }
  return { value: items };
}

/** Reads the node or edge attribute declarations; the title names an attribute (Gephi's ids are often numbers), the id when titles clash. */
function readDeclarations(graphElement: XmlNode, kind: 'node' | 'edge', warnings: ReadWarnings): Map<string, Declared> {
  const declared = new Map<string, Declared>();
  const entries: { id: string; title: string | undefined; type: string; defaultText: string | undefined }[] = [];
  const titles = new Map<string, number>();
  for (const block of children(graphElement, 'attributes')) {
    if (attribute(block, 'class') !== kind) continue;
    for (const element of children(block, 'attribute')) {
      const id = attribute(element, 'id');
      if (id === undefined) {
        warnings.add(`a ${kind} attribute declaration without an id was left out`, `title "${attribute(element, 'title') ?? ''}"`);
        continue;
      }
      const title = attribute(element, 'title');
      const defaultElement = child(element, 'default');
      entries.push({ id, title, type: (attribute(element, 'type') ?? 'string').toLowerCase(), defaultText: defaultElement?.textContent ?? undefined });
      if (title) titles.set(title, (titles.get(title) ?? 0) + 1);
    }
  }
  const names = new Set<string>();
  for (const entry of entries) {
    if (declared.has(entry.id)) {
      warnings.add(`${kind} attribute declared twice; the first declaration is used`, `id "${entry.id}"`);
      continue;
    }
    let name = entry.title && titles.get(entry.title) === 1 ? entry.title : entry.id;
    if (FORBIDDEN_NAMES.has(name)) {
      warnings.add(`${kind} attribute named "${name}" was renamed "${name}_" (a name that would reach every object)`, `id "${entry.id}"`);
      name = `${name}_`;
    }
    while (names.has(name)) name = `${name}_`;
    names.add(name);
    const json = entry.type === 'string' && (entry.id.startsWith('json:') || JSON_TITLES.has(name));
    const item: Declared = { name, type: entry.type, json };
    if (entry.defaultText !== undefined) {
      const parsed = parseValue(item, entry.defaultText);
      if (typeof parsed === 'object') item.defaultValue = parsed.value;
      else if (parsed === 'invalid') warnings.add(`${kind} attribute default that is not a ${entry.type} was left out`, `attribute "${name}"`);
    }
    declared.set(entry.id, item);
  }
  return declared;
}

/** Time-sliced values (attvalue start/end) of one element, by attribute name, in file order. */
type Timeline = { value: unknown; start?: unknown; end?: unknown }[];

class ElementReader {
  constructor(
    private readonly warnings: ReadWarnings,
    private readonly timeNumeric: boolean,
  ) {}

  time(text: string): unknown {
    if (this.timeNumeric) {
      const value = parseFinite(text);
      if (value !== undefined) return value;
    }
    return text;
  }

  /** attvalues of an element (in <attvalues>, or directly in the element as some writers put them), defaults first. */
  attvalues(element: XmlNode, declared: Map<string, Declared>, kind: 'node' | 'edge', where: string): Attributes {
    const values: Attributes = {};
    for (const item of declared.values()) if (item.defaultValue !== undefined) values[item.name] = item.defaultValue;
    const elements = children(element, 'attvalues').flatMap((block) => children(block, 'attvalue'));
    const loose = children(element, 'attvalue');
    if (loose.length > 0) {
      this.warnings.add('attvalue elements outside <attvalues> were read as if inside', where);
      elements.push(...loose);
    }
    const timelines = new Map<string, Timeline>();
    for (const value of elements) {
      const id = attribute(value, 'for') ?? attribute(value, 'id');
      if (id === undefined) {
        this.warnings.add('an attvalue without "for" was left out', where);
        continue;
      }
      let declaration = declared.get(id);
      if (!declaration) {
        const name = FORBIDDEN_NAMES.has(id) ? `${id}_` : id;
        this.warnings.add(`${kind} attribute "${id}" is not declared; kept as text`, where);
        declaration = { name, type: 'string', json: false };
      }
      const text = attribute(value, 'value');
      if (text === undefined) {
        this.warnings.add(`an attvalue without a value was left out`, `${where}, attribute "${declaration.name}"`);
        continue;
      }
      const parsed = parseValue(declaration, text);
      if (parsed === 'missing') {
        this.warnings.add(`"null" or empty ${declaration.type} values read as missing`, `${where}, attribute "${declaration.name}"`);
        continue;
      }
      let parsedValue: unknown;
      if (parsed === 'invalid') {
        this.warnings.add(`values that are not the declared type were kept as text`, `${where}, attribute "${declaration.name}" = "${text.slice(0, 40)}"`);
        parsedValue = text;
      } else parsedValue = parsed.value;
      const start = attribute(value, 'start') ?? attribute(value, 'startopen');
      const end = attribute(value, 'end') ?? attribute(value, 'endopen');
      if (start !== undefined || end !== undefined) {
        const slice: Timeline[number] = { value: parsedValue };
        if (start !== undefined) slice.start = this.time(start);
        if (end !== undefined) slice.end = this.time(end);
        const timeline = timelines.get(declaration.name) ?? [];
        timeline.push(slice);
        timelines.set(declaration.name, timeline);
      } else values[declaration.name] = parsedValue;
    }
    // A time-sliced attribute keeps every slice, as networkx reads it: [{ value, start, end }, …].
    for (const [name, timeline] of timelines) values[name] = values[name] === undefined ? timeline : [{ value: values[name] }, ...timeline];
    return values;
  }

  /** Dynamic data: start/end (and open forms) on the element, spells (1.2, 1.3) or slices (1.1). */
  dynamics(element: XmlNode, into: Attributes): void {
    for (const name of ['start', 'end', 'startopen', 'endopen']) {
      const text = attribute(element, name);
      if (text !== undefined) into[name] = this.time(text);
    }
    const spells: Record<string, unknown>[] = [];
    for (const block of [...children(element, 'spells'), ...children(element, 'slices')]) {
      for (const spell of [...children(block, 'spell'), ...children(block, 'slice')]) {
        const item: Record<string, unknown> = {};
        for (const name of ['start', 'end', 'startopen', 'endopen']) {
          const text = attribute(spell, name);
          if (text !== undefined) item[name] = this.time(text);
        }
        spells.push(item);
      }
    }
    if (spells.length > 0) into.spells = spells;
  }

  color(element: XmlNode, where: string): string | undefined {
    const hex = attribute(element, 'hex');
    let color: Rgba | undefined;
    if (hex !== undefined) {
      const text = hex.trim();
      color = parseColor(text.startsWith('#') ? text : `#${text}`);
    } else {
      const channel = (name: string): number | undefined => {
        const value = parseFinite(attribute(element, name));
        return value !== undefined && Number.isInteger(value) && value >= 0 && value <= 255 ? value : undefined;
      };
      const [r, g, b] = [channel('r'), channel('g'), channel('b')];
      if (r !== undefined && g !== undefined && b !== undefined) color = { r, g, b };
    }
    const alphaText = attribute(element, 'a');
    if (color && alphaText !== undefined) {
      const alpha = parseFinite(alphaText);
      if (alpha === undefined || alpha < 0 || alpha > 1) color = undefined;
      else if (alpha < 1) color.a = alpha;
    }
    if (!color) {
      this.warnings.add('colours that are not #rgb, #rrggbb, #rrggbbaa or r/g/b 0–255 (a 0–1) were left out', where);
      return undefined;
    }
    return formatColor(color);
  }

  /** viz: colour, size, position (x and y finite; z optional), shape; for edges thickness too. */
  viz(element: XmlNode, where: string, into: Attributes): void {
    const color = child(element, 'color');
    if (color) {
      const value = this.color(color, where);
      if (value !== undefined) into.color = value;
    }
    const size = child(element, 'size');
    if (size) {
      const value = parseFinite(attribute(size, 'value'));
      if (value === undefined || value < 0) this.warnings.add('sizes that are not a finite number ≥ 0 were left out', where);
      else into.size = value;
    }
    const thickness = child(element, 'thickness');
    if (thickness) {
      const value = parseFinite(attribute(thickness, 'value'));
      if (value === undefined) this.warnings.add('thicknesses that are not a finite number were left out', where);
      else into.thickness = value;
    }
    const shape = child(element, 'shape');
    if (shape) {
      const value = attribute(shape, 'value') ?? attribute(shape, 'shape');
      if (value !== undefined) into.shape = value;
      const uri = attribute(shape, 'uri');
      if (uri !== undefined) into.image = uri;
    }
    const position = child(element, 'position');
    if (position) {
      const x = parseFinite(attribute(position, 'x'));
      const y = parseFinite(attribute(position, 'y'));
      if (x === undefined || y === undefined) {
        this.warnings.add('positions without a finite x and y (INF, NaN, missing) were left out', where);
        return;
      }
      into.x = x;
      into.y = y;
      const zText = attribute(position, 'z');
      if (zText !== undefined) {
        const z = parseFinite(zText);
        if (z === undefined) this.warnings.add('z coordinates that are not finite were left out', where);
        else into.z = z;
      }
    }
  }

  /**
   * Puts attvalues beside what the markup gave: an attvalue named like a slot (x, color, label, weight…) fills the slot
   * only when the markup left it empty and the value fits it (a finite number, a colour); else it keeps its own
   * name with " (attribute)" after it, so a file cannot move, colour or relabel an element through an attribute.
   */
  merge(values: Attributes, into: Attributes, slots: ReadonlySet<string>, where: string): void {
    for (const [name, value] of Object.entries(values)) {
      if (!slots.has(name)) {
        into[name] = value;
        continue;
      }
      const fits = into[name] === undefined && slotFits(name, value);
      if (fits) into[name] = name === 'color' ? formatColor(parseColor(value as string)!) : value;
      else if (into[name] !== undefined && sameValue(into[name], value)) continue;
      else {
        this.warnings.add(`attributes named like a GEXF slot (${name}) that do not fit it were kept as "${name} (attribute)"`, where);
        into[`${name} (attribute)`] = value;
      }
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function slotFits(name: string, value: unknown): boolean {
  switch (name) {
    case 'x':
    case 'y':
    case 'z':
    case 'thickness':
      return typeof value === 'number' && Number.isFinite(value);
    case 'size':
    case 'weight':
      return typeof value === 'number' && Number.isFinite(value) && (name === 'weight' || value >= 0);
    case 'color':
      return typeof value === 'string' && parseColor(value) !== undefined;
    case 'label':
    case 'kind':
    case 'shape':
      return typeof value === 'string';
    default:
      return false;
  }
}

interface EdgeRecord {
  id: string | undefined;
  source: string | undefined;
  target: string | undefined;
  type: string;
  attributes: Attributes;
  where: string;
}

/**
 * Reads a GEXF file (1.1, 1.2 or 1.3) into a multi graph that allows self loops: undirected when all edges are,
 * directed when all are, else mixed. Node viz becomes `x`, `y` (`z`), `size`, `color` (`#rrggbb`, or `rgba()` when
 * translucent), `shape`; edge weight, kind and label become attributes; attvalues are typed by their declarations;
 * dynamic data is kept (`start`, `end`, `spells`, time-sliced values as `[{ value, start, end }]`); nested nodes are
 * flattened with `pid`. What could not be read as it is is listed in `warnings`. Throws GexfError only when the text is
 * not a GEXF graph (DTD, broken or truncated XML, another root, no <graph>).
 */
export function readGexfWithWarnings(text: string, options: ReadGexfOptions = {}): GraphReadResult {
  if (typeof text !== 'string') fail('expected the text of a GEXF file');
  const body = text.replace(/^\ufeff/, '');
  if (!/^\s*</.test(body)) fail('not XML (the text does not start with "<")');
  // No DTDs at all: entities could read local files (XXE) or expand without bound.
  if (prologHasDoctype(body)) fail('DOCTYPE and ENTITY declarations are not accepted');
  // A file cut short may still parse leniently in an injected DOMParser; require the closing root tag.
  if (!endsWithClosingTag(body, 'gexf')) {
    if (endsWithClosingTag(body, 'graphml')) fail('this is a GraphML file, not GEXF (read it with readGraphml)');
    fail('the file is truncated or not GEXF (no closing </gexf> at its end)');
  }
  const document = parseXml(body, options.DOMParser, fail);
  const root = document.documentElement;
  if (!root || localName(root) !== 'gexf') fail(`the root element is <${root ? localName(root) : ''}>, not <gexf>`);
  const graphElement = child(root!, 'graph');
  if (!graphElement) return fail('no <graph> element');
  const warnings = new ReadWarnings();

  let defaultEdgeType = attribute(graphElement, 'defaultedgetype') ?? 'undirected';
  if (!['directed', 'undirected', 'mutual'].includes(defaultEdgeType)) {
    warnings.add(`unknown defaultedgetype "${defaultEdgeType}" read as undirected`, 'graph');
    defaultEdgeType = 'undirected';
  }
  const timeformat = (attribute(graphElement, 'timeformat') ?? 'double').toLowerCase();
  const reader = new ElementReader(warnings, ['double', 'float', 'integer', 'long'].includes(timeformat));

  const graphAttributes: Attributes = {};
  const meta = child(root!, 'meta');
  if (meta) {
    for (const name of ['creator', 'title', 'description', 'keywords']) {
      const element = child(meta, name);
      if (element) graphAttributes[name] = element.textContent ?? '';
    }
    const date = attribute(meta, 'lastmodifieddate');
    if (date !== undefined) graphAttributes.lastModifiedDate = date;
  }
  for (const name of ['mode', 'timeformat', 'timerepresentation', 'start', 'end']) {
    const value = attribute(graphElement, name);
    if (value !== undefined && !(name === 'mode' && value === 'static')) graphAttributes[name] = value;
  }

  const nodeDeclarations = readDeclarations(graphElement, 'node', warnings);
  const edgeDeclarations = readDeclarations(graphElement, 'edge', warnings);

  const nodes = new Map<string, Attributes>();
  const edgeRecords: EdgeRecord[] = [];
  const nodesElement = child(graphElement, 'nodes');
  if (!nodesElement) warnings.add('no <nodes> element', 'graph');
  // Nodes nested in nodes (GEXF hierarchies) are flattened with `pid`, as networkx reads them; an explicit stack, not recursion.
  const pending: { element: XmlNode; parent: string | undefined }[] = [];
  const enqueueNodes = (container: XmlNode | undefined, parent: string | undefined): void => {
    if (!container) return;
    const found = children(container, 'node');
    for (let index = found.length - 1; index >= 0; index -= 1) pending.push({ element: found[index]!, parent });
  };
  const edgeContainers: XmlNode[] = [];
  enqueueNodes(nodesElement, undefined);
  let nested = 0;
  let position = 0;
  while (pending.length > 0) {
    const { element, parent } = pending.pop()!;
    position += 1;
    let id = attribute(element, 'id');
    if (id === undefined) {
      id = `n${position - 1}`;
      while (nodes.has(id)) id += '_';
      warnings.add('nodes without an id were given one', `node #${position} became "${id}"`);
    }
    const where = `node "${id}"`;
    const attributes: Attributes = {};
    const label = attribute(element, 'label');
    if (label !== undefined) attributes.label = label;
    reader.viz(element, where, attributes);
    reader.dynamics(element, attributes);
    const pid = attribute(element, 'pid') ?? parent;
    if (pid !== undefined) attributes.pid = pid;
    if (parent !== undefined) nested += 1;
    const parents = children(element, 'parents').flatMap((block) => children(block, 'parent').map((item) => attribute(item, 'for')));
    if (parents.length > 0) attributes.parents = parents.filter((item): item is string => item !== undefined);
    reader.merge(reader.attvalues(element, nodeDeclarations, 'node', where), attributes, NODE_SLOTS, where);
    const known = nodes.get(id);
    if (known) {
      warnings.add('node ids that appear twice were read as one node (the first one\'s attributes win)', where);
      for (const [name, value] of Object.entries(attributes)) if (!(name in known)) known[name] = value;
    } else nodes.set(id, attributes);
    enqueueNodes(child(element, 'nodes'), id);
    edgeContainers.push(...children(element, 'edges'));
  }
  if (nested > 0) warnings.add(`${nested} nodes nested in other nodes were read as nodes of the graph, with their parent in "pid"`, 'graph');

  const edgesElement = child(graphElement, 'edges');
  for (const container of edgesElement ? [edgesElement, ...edgeContainers] : edgeContainers) {
    for (const element of children(container, 'edge')) {
      const id = attribute(element, 'id');
      const where = id !== undefined ? `edge "${id}"` : `edge #${edgeRecords.length + 1}`;
      const attributes: Attributes = {};
      const label = attribute(element, 'label');
      if (label !== undefined) attributes.label = label;
      const kind = attribute(element, 'kind');
      if (kind !== undefined) attributes.kind = kind;
      const weightText = attribute(element, 'weight');
      if (weightText !== undefined) {
        const weight = parseFinite(weightText);
        if (weight === undefined) warnings.add('edge weights that are not a finite number were left out', `${where}: "${weightText.slice(0, 40)}"`);
        else attributes.weight = weight;
      }
      reader.viz(element, where, attributes);
      reader.dynamics(element, attributes);
      reader.merge(reader.attvalues(element, edgeDeclarations, 'edge', where), attributes, EDGE_SLOTS, where);
      let type = attribute(element, 'type') ?? defaultEdgeType;
      if (!['directed', 'undirected', 'mutual'].includes(type)) {
        warnings.add(`edges of unknown type were read as ${defaultEdgeType}`, `${where}: type "${type}"`);
        type = defaultEdgeType;
      }
      edgeRecords.push({ id, source: attribute(element, 'source'), target: attribute(element, 'target'), type, attributes, where });
    }
  }
  return { graph: assemble(graphAttributes, nodes, edgeRecords, defaultEdgeType, warnings), warnings: warnings.list() };
}

/** Builds the graph: node keys graphology can hold, missing ends added, edge ids unique (explicit ids first). */
function assemble(
  graphAttributes: Attributes,
  nodes: Map<string, Attributes>,
  edgeRecords: EdgeRecord[],
  defaultEdgeType: string,
  warnings: ReadWarnings,
): Graph {
  const keyOf = new Map<string, string>();
  const usedKeys = new Set<string>();
  const nodeKey = (id: string): string => {
    let key = keyOf.get(id);
    if (key === undefined) {
      key = safeKey(id, (candidate) => usedKeys.has(candidate) || (candidate !== id && nodes.has(candidate)));
      if (key !== id) warnings.add(`node ids the graph library cannot hold (names of Object.prototype) were given another key, the id kept in "originalId"`, `"${id}" became "${key}"`);
      keyOf.set(id, key);
      usedKeys.add(key);
    }
    return key;
  };
  const edges = edgeRecords.filter((edge) => {
    if (edge.source === undefined || edge.target === undefined) {
      warnings.add('edges without a source or target were left out', edge.where);
      return false;
    }
    for (const end of [edge.source, edge.target]) {
      if (!nodes.has(end)) {
        warnings.add('edges to nodes the file does not have: the nodes were added (as Gephi does)', `${edge.where} → "${end}"`);
        nodes.set(end, {});
      }
    }
    return true;
  });
  const explicit = new Set(edges.map((edge) => edge.id).filter((id): id is string => id !== undefined));
  const edgeKeys = new Set<string>();
  const undirectedCount = edges.filter((edge) => edge.type !== 'directed').length;
  const graphType =
    edges.length === 0 ? (defaultEdgeType === 'directed' ? 'directed' : 'undirected') : undirectedCount === edges.length ? 'undirected' : undirectedCount === 0 ? 'directed' : 'mixed';
  const graph = new Graph({ type: graphType, multi: true, allowSelfLoops: true });
  graph.replaceAttributes(graphAttributes);
  for (const [id, attributes] of nodes) {
    const key = nodeKey(id);
    graph.addNode(key, key === id ? attributes : { ...attributes, originalId: id });
  }
  edges.forEach((edge, index) => {
    let key = edge.id;
    if (key !== undefined && edgeKeys.has(key)) {
      let renamed = `${key}_`;
      while (edgeKeys.has(renamed) || explicit.has(renamed)) renamed += '_';
      warnings.add('edge ids that appear twice: later edges were given another id', `"${key}" became "${renamed}"`);
      key = renamed;
    } else if (key === undefined) {
      // An edge without id takes e<index>, unless an edge of the file is named that: then the next free name.
      key = `e${index}`;
      while (edgeKeys.has(key) || explicit.has(key)) key += '_';
    }
    edgeKeys.add(key);
    const source = nodeKey(edge.source!);
    const target = nodeKey(edge.target!);
    if (edge.type === 'mutual') warnings.add('mutual edges were read as undirected', edge.where);
    if (edge.type === 'directed') graph.addDirectedEdgeWithKey(key, source, target, edge.attributes);
    else graph.addUndirectedEdgeWithKey(key, source, target, edge.attributes);
  });
  return graph;
}

/** readGexfWithWarnings without the warnings: the graph only. */
export function readGexf(text: string, options: ReadGexfOptions = {}): Graph {
  return readGexfWithWarnings(text, options).graph;
}

