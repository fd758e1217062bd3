// The explorer's canonical graph: attribute shapes of docs/graph-format.md and the checks that turn any
// parsed graph JSON or GEXF into a clean graphology graph, or into one clear error naming the file.
import { MultiUndirectedGraph } from 'graphology';
import {
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  safeKey,
  TYPE_COLORS,
  UNKNOWN_TYPE_COLOR,
  type EdgeAttributes,
  type Evidence,
  type FactValue,
  type NodeAttributes,
} from '@missiongraph/graph';
import { readTimelineAttributes } from './timeline.ts';

/**
 * An entity as the explorer holds it: the graph package's node attributes, with `documents` split into the
 * list (when the file has one) and the count, facts always present and a position, size and color always set.
 */
export interface EntityAttributes
  extends Pick<NodeAttributes, 'label' | 'type' | 'aliases' | 'mentions' | 'community' | 'pagerank' | 'betweenness' | 'weightedDegree'>,
    Partial<Pick<NodeAttributes, 'firstDocument' | 'lastDocument'>>,
    Required<Pick<NodeAttributes, 'facts' | 'x' | 'y' | 'size' | 'color'>> {
  /** Documents that mention the entity, when the file lists them. */
  documentList: string[];
  documentCount: number;
  /** Attributes of a file that are not ours (Gephi's `Modularity Class`, a `category`, `latitude`…): shown in Details, written back on export. */
  fileAttributes?: Record<string, string | number | boolean>;
}

/**
 * A link as the explorer holds it: the graph package's edge attributes, with `documents` split like an entity's,
 * evidence always present (empty on relation links) and any kind a file names.
 */
export interface LinkAttributes extends Pick<EdgeAttributes, 'weight' | 'strength' | 'from' | 'to'>, Required<Pick<EdgeAttributes, 'evidence'>> {
  kind: string;
  documentList: string[];
  documentCount: number;
}

export type ExplorerGraph = MultiUndirectedGraph<EntityAttributes, LinkAttributes>;

/**
 * Whether a link has a direction: it names its `from` and `to` (our relation links, and the directed edges of a
 * GEXF or GraphML file). The graph itself is undirected; a directed link runs from its source to its target.
 */
export function isDirected(link: Pick<LinkAttributes, 'from' | 'to'>): boolean {
  return link.from !== undefined && link.to !== undefined;
}

/** A problem with a file or input the user gave; its message is one line that names the source. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The graph package's colour of each entity type: one palette for the graph files, the exports and the explorer. */
export function colorForType(type: string): string {
  return Object.hasOwn(TYPE_COLORS, type) ? (TYPE_COLORS[type] ?? UNKNOWN_TYPE_COLOR) : UNKNOWN_TYPE_COLOR;
}

/** Community colours: Okabe–Ito first (safe for colour-blind readers), then lighter and darker variants. */
export const COMMUNITY_COLORS: readonly string[] = [
  '#0072b2', '#e69f00', '#009e73', '#cc79a7', '#d55e00', '#56b4e9', '#6b6b6b', '#b8a000',
  '#004c7a', '#a35d00', '#005c45', '#8f3e6e',
];

export function colorForCommunity(community: number | undefined): string {
  if (community === undefined) return UNKNOWN_TYPE_COLOR;
  return COMMUNITY_COLORS[Math.abs(community) % COMMUNITY_COLORS.length] ?? UNKNOWN_TYPE_COLOR;
}

/** The serialised shape shared by graphology's export() and graph.json. */
interface SerialisedGraph {
  attributes?: unknown;
  nodes: unknown[];
  edges: unknown[];
}

export interface LoadReport {
  graph: ExplorerGraph;
  /** Non-fatal repairs worth telling the user about (missing positions, dropped self-loops). */
  notes: string[];
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Node attributes the explorer reads into its own fields; any other scalar attribute of a file is kept in fileAttributes. */
const OWN_NODE_ATTRIBUTES = new Set([
  'label', 'type', 'aliases', 'mentions', 'documents', 'firstDocument', 'lastDocument', 'facts', 'x', 'y', 'size', 'color',
  'community', 'pagerank', 'betweenness', 'weightedDegree', 'documentList', 'documentCount', 'fileAttributes',
]);
/** Categorical attributes other tools colour by (Gephi's modularity, a category): used as the community or type when the file has none. */
const COMMUNITY_ATTRIBUTES = ['Modularity Class', 'modularity_class', 'modularity', 'cluster'];
const TYPE_ATTRIBUTES = ['category', 'Category', 'kind', 'group', 'class'];
/** A CSS colour the renderer draws as it is: #rrggbb, #rrggbbaa (alpha kept), rgb() or rgba(). */
const DRAWABLE_COLOR = /^(#[0-9a-f]{6}([0-9a-f]{2})?|rgba?\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*(,\s*(0|1|0?\.\d+)\s*)?\))$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finiteNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      return stringList(JSON.parse(value));
    } catch {
      return [];
    }
  }
  return [];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function cleanFacts(value: unknown): Record<string, FactValue> {
  let source = value;
  if (typeof source === 'string' && source.trim().startsWith('{')) {
    try {
      source = JSON.parse(source);
    } catch {
      return {};
    }
  }
  const facts: Record<string, FactValue> = {};
  if (!isRecord(source)) return facts;
  for (const key of Object.keys(source).sort()) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const fact = source[key];
    if (typeof fact === 'string' || typeof fact === 'boolean' || (typeof fact === 'number' && Number.isFinite(fact))) {
      facts[key] = fact;
    } else if (Array.isArray(fact)) {
      facts[key] = stringList(fact);
    }
  }
  return facts;
}

/** One evidence sentence from its JSON form, or undefined when it has no text. */
function cleanSentence(item: unknown): Evidence | undefined {
  if (!isRecord(item) || typeof item.text !== 'string') return undefined;
  const sentence: Evidence = {
    document: optionalString(item.document) ?? '',
    sentence: finiteNumber(item.sentence) ?? 0,
    text: item.text,
  };
  const speaker = optionalString(item.speaker);
  const time = optionalString(item.time);
  if (speaker) sentence.speaker = speaker;
  if (time) sentence.time = time;
  if (item.list === true) sentence.list = true;
  return sentence;
}

/**
 * graph.json's table of evidence sentences (graph attribute `evidenceSentences`, each sentence once, by id), or
 * an empty one for files that carry evidence inline. See docs/graph-format.md.
 */
function evidenceTable(attributes: unknown): Map<string, Evidence> {
  const table = new Map<string, Evidence>();
  if (!isRecord(attributes) || !isRecord(attributes.evidenceSentences)) return table;
  for (const [id, item] of Object.entries(attributes.evidenceSentences)) {
    const sentence = cleanSentence(item);
    if (sentence !== undefined) table.set(id, sentence);
  }
  return table;
}

/** An edge's evidence: sentences inline, or ids of the sentence table (one object per sentence, shared). */
function cleanEvidence(value: unknown, table: ReadonlyMap<string, Evidence>): Evidence[] {
  let source = value;
  if (typeof source === 'string' && source.trim().startsWith('[')) {
    try {
      source = JSON.parse(source);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(source)) return [];
  const evidence: Evidence[] = [];
  for (const item of source) {
    const sentence = typeof item === 'string' ? table.get(item) : cleanSentence(item);
    if (sentence !== undefined) evidence.push(sentence);
  }
  return evidence;
}

/** A deterministic spot on a sunflower spiral for entities without a position. */
function spiralPosition(index: number): { x: number; y: number } {
  const angle = index * 2.399963229728653;
  const radius = 10 * Math.sqrt(index + 1);
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/**
 * Puts each entity's neighbour table (graphology keeps one plain object per node, keyed by neighbour) in V8's
 * dictionary mode before the links are added. Filled one neighbour at a time, such tables otherwise go through a
 * new hidden class per key added, which made adding 100k links take about twice as long. Only the speed changes:
 * the tables hold the same keys in the same order. Nothing happens if graphology's internals look different.
 */
function prepareNeighbourTables(graph: ExplorerGraph): void {
  const nodes = (graph as unknown as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  for (const data of nodes.values()) {
    const table = isRecord(data) ? data.undirected : undefined;
    if (!isRecord(table) || Object.keys(table).length > 0) continue;
    // Deleting a property that is not the last one added is what turns an object into a dictionary.
    table['\u0000a'] = 0;
    table['\u0000b'] = 0;
    delete table['\u0000a'];
    delete table['\u0000b'];
  }
}

function readSerialised(value: unknown, source: string): SerialisedGraph {
  if (!isRecord(value)) throw new InputError(`${source}: not a graph JSON file (expected an object with "nodes" and "edges")`);
  if (!Array.isArray(value.nodes)) throw new InputError(`${source}: not a graph JSON file ("nodes" must be an array)`);
  if (value.edges !== undefined && !Array.isArray(value.edges)) throw new InputError(`${source}: not a graph JSON file ("edges" must be an array)`);
  return { attributes: value.attributes, nodes: value.nodes, edges: (value.edges as unknown[] | undefined) ?? [] };
}

/**
 * Builds the explorer graph from a parsed graph.json (graphology export format) or a graph exported from
 * a GEXF import. Throws InputError for anything that would give a partial graph that looks whole.
 */
export function graphFromSerialised(value: unknown, source: string): LoadReport {
  const serialised = readSerialised(value, source);
  const graph: ExplorerGraph = new MultiUndirectedGraph<EntityAttributes, LinkAttributes>({ allowSelfLoops: false });
  const notes: string[] = [];
  const ids = new Set(serialised.nodes.map((entry) => (isRecord(entry) ? optionalString(entry.key) : undefined)).filter((id): id is string => id !== undefined));
  const keyOf = new Map<string, string>();
  const renamed: string[] = [];
  let placed = 0;
  if (isRecord(serialised.attributes)) {
    for (const [name, value] of Object.entries(serialised.attributes)) {
      if (FORBIDDEN_KEYS.has(name)) continue;
      if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
        graph.setAttribute(name, value);
      }
    }
  }

  // The documents' dates and tallies the timeline recounts periods from.
  const timeline = readTimelineAttributes(serialised.attributes);
  if (timeline.documentDates) graph.setAttribute('documentDates', timeline.documentDates);
  if (timeline.documentTallies) graph.setAttribute('documentTallies', timeline.documentTallies);
  const documentsNaming = new Map<string, string[]>();
  for (const [document, tally] of Object.entries(timeline.documentTallies ?? {})) {
    for (const entity of Object.keys(tally.entities)) {
      const list = documentsNaming.get(entity);
      if (list) list.push(document);
      else documentsNaming.set(entity, [document]);
    }
  }

  serialised.nodes.forEach((entry, index) => {
    if (!isRecord(entry)) throw new InputError(`${source}: node ${index} is not an object`);
    const id = optionalString(entry.key);
    if (id === undefined || id === '') throw new InputError(`${source}: node ${index} has no key`);
    if (keyOf.has(id)) throw new InputError(`${source}: node "${id}" appears twice`);
    // graphology 0.26 fails on edges of nodes named like Object.prototype members (toString, hasOwnProperty): another key.
    const key = safeKey(id, (candidate) => graph.hasNode(candidate) || (candidate !== id && ids.has(candidate)));
    if (key !== id) renamed.push(`"${id}" as "${key}"`);
    keyOf.set(id, key);
    const attributes = isRecord(entry.attributes) ? entry.attributes : {};
    const categorical = TYPE_ATTRIBUTES.map((name) => optionalString(attributes[name])).find((value) => value !== undefined && value !== '');
    const type = (optionalString(attributes.type) || categorical)?.slice(0, 40) || 'unknown';
    let x = finiteNumber(attributes.x);
    let y = finiteNumber(attributes.y);
    if (x === undefined || y === undefined) {
      ({ x, y } = spiralPosition(index));
      placed += 1;
    }
    const listed = stringList(attributes.documents);
    const documentList = (listed.length > 0 ? listed : (documentsNaming.get(id) ?? [])).sort();
    const color = optionalString(attributes.color);
    const community = finiteNumber(attributes.community);
    const node: EntityAttributes = {
      label: optionalString(attributes.label) ?? key,
      type,
      aliases: stringList(attributes.aliases),
      mentions: Math.max(0, finiteNumber(attributes.mentions) ?? 0),
      documentList,
      documentCount: documentList.length > 0 ? documentList.length : Math.max(0, finiteNumber(attributes.documents) ?? 0),
      facts: cleanFacts(attributes.facts),
      x,
      y,
      size: 0,
      color: color && DRAWABLE_COLOR.test(color.trim()) ? color.trim() : colorForType(type),
    };
    const fileAttributes: Record<string, string | number | boolean> = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (OWN_NODE_ATTRIBUTES.has(name) || FORBIDDEN_KEYS.has(name)) continue;
      if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) fileAttributes[name] = value;
      // INF and NaN (GEXF allows them) stay readable, not JSON's "null"; lists and objects are shown as JSON.
      else if (typeof value === 'number') fileAttributes[name] = String(value);
      else if (value !== null && value !== undefined) fileAttributes[name] = JSON.stringify(value);
    }
    if (Object.keys(fileAttributes).length > 0) node.fileAttributes = fileAttributes;
    const fileCommunity = community ?? COMMUNITY_ATTRIBUTES.map((name) => finiteNumber(attributes[name])).find((value) => value !== undefined);
    const size = finiteNumber(attributes.size);
    if (size !== undefined && size > 0) node.size = size;
    if (fileCommunity !== undefined) node.community = Math.trunc(fileCommunity);
    for (const field of ['firstDocument', 'lastDocument'] as const) {
      const text = optionalString(attributes[field]);
      if (text !== undefined) node[field] = text;
    }
    for (const metric of ['pagerank', 'betweenness', 'weightedDegree'] as const) {
      const number = finiteNumber(attributes[metric]);
      if (number !== undefined) node[metric] = number;
    }
    graph.addNode(key, node);
  });

  const sentences = evidenceTable(serialised.attributes);
  let selfLoops = 0;
  prepareNeighbourTables(graph);
  serialised.edges.forEach((entry, index) => {
    if (!isRecord(entry)) throw new InputError(`${source}: edge ${index} is not an object`);
    const from = optionalString(entry.source);
    const to = optionalString(entry.target);
    if (from === undefined || to === undefined) throw new InputError(`${source}: edge ${index} has no source or target`);
    for (const end of [from, to]) {
      if (!keyOf.has(end)) throw new InputError(`${source}: edge ${index} links to a missing node "${end}"`);
    }
    if (from === to) {
      selfLoops += 1;
      return;
    }
    const key = optionalString(entry.key) ?? `edge-${index}`;
    const attributes = isRecord(entry.attributes) ? entry.attributes : {};
    const documentList = stringList(attributes.documents).sort();
    const link: LinkAttributes = {
      kind: optionalString(attributes.kind) ?? 'co-mention',
      weight: Math.max(0, finiteNumber(attributes.weight) ?? 1),
      documentList,
      documentCount: documentList.length > 0 ? documentList.length : Math.max(0, finiteNumber(attributes.documents) ?? 0),
      evidence: cleanEvidence(attributes.evidence, sentences),
    };
    const strength = finiteNumber(attributes.strength);
    if (strength !== undefined) link.strength = strength;
    for (const field of ['from', 'to'] as const) {
      const end = optionalString(attributes[field]);
      if (end !== undefined) link[field] = end;
    }
    // A directed link runs source → target, which is where its arrow points: a file that names from/to the other way round is followed.
    const reversed = link.from === to && link.to === from;
    // graphology refuses a key it holds already: that error is only looked into when it happens (no second index of 100k keys).
    try {
      graph.addEdgeWithKey(key, keyOf.get(reversed ? to : from)!, keyOf.get(reversed ? from : to)!, link);
    } catch (error) {
      if (graph.hasEdge(key)) throw new InputError(`${source}: edge "${key}" appears twice`);
      throw error;
    }
  });

  fillMissingSizes(graph);
  if (placed > 0) notes.push(`${source}: ${placed} entities had no position; they were placed on a spiral (run the layout)`);
  if (selfLoops > 0) notes.push(`${source}: ${selfLoops} links from an entity to itself were left out`);
  if (renamed.length > 0) notes.push(`${source}: ${renamed.length} entity ids are names the graph library cannot hold; kept as ${renamed.slice(0, 3).join(', ')}`);
  return { graph, notes };
}

/**
 * Entities without a size get one from their weighted degree, on the graph package's scale (MIN_NODE_SIZE to
 * MAX_NODE_SIZE by the square root of the share of the largest weighted degree), so they match built ones.
 */
function fillMissingSizes(graph: ExplorerGraph): void {
  const weighted = new Map<string, number>();
  let largest = 0;
  graph.forEachNode((node, attributes) => {
    let total = attributes.weightedDegree;
    if (total === undefined) {
      total = 0;
      graph.forEachEdge(node, (_edge, link) => {
        if (link.kind === 'co-mention') total = (total ?? 0) + link.weight;
      });
    }
    weighted.set(node, total);
    largest = Math.max(largest, total);
  });
  graph.forEachNode((node, attributes) => {
    if (attributes.size > 0) return;
    const share = largest > 0 ? (weighted.get(node) ?? 0) / largest : 0;
    graph.setNodeAttribute(node, 'size', MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(share));
  });
}

/** An entity as a file holds it: its file attributes back, and none of our fields a file did not have (type unknown, no mentions, no aliases, no facts). */
function nodeForExport(attributes: EntityAttributes): Record<string, unknown> {
  const { documentList, documentCount, fileAttributes, ...rest } = attributes;
  const node: Record<string, unknown> = { ...fileAttributes, ...rest, documents: documentList.length > 0 ? documentList : documentCount };
  if (node.type === 'unknown') delete node.type;
  if (node.mentions === 0) delete node.mentions;
  if (node.documents === 0) delete node.documents;
  if (attributes.aliases.length === 0) delete node.aliases;
  if (Object.keys(attributes.facts).length === 0) delete node.facts;
  return node;
}

function linkForExport(attributes: LinkAttributes): Record<string, unknown> {
  const { documentList, documentCount, ...rest } = attributes;
  const link: Record<string, unknown> = { ...rest, documents: documentList.length > 0 ? documentList : documentCount };
  if (attributes.kind !== 'co-mention') delete link.evidence;
  return link;
}

/** The graph as graph.json (graphology export format), in the attribute shapes of docs/graph-format.md. */
export function graphToSerialised(graph: ExplorerGraph): unknown {
  return subgraphToSerialised(graph, null);
}

/** Like graphToSerialised, keeping only the given entities and links (null keeps all). */
export function subgraphToSerialised(graph: ExplorerGraph, keep: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null): {
  attributes: Record<string, unknown>;
  options: { type: 'undirected'; multi: true; allowSelfLoops: false };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
} {
  const nodes: { key: string; attributes: Record<string, unknown> }[] = [];
  graph.forEachNode((key, attributes) => {
    if (!keep || keep.nodes.has(key)) nodes.push({ key, attributes: nodeForExport(attributes) });
  });
  const edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[] = [];
  graph.forEachEdge((key, attributes, source, target) => {
    if (!keep || keep.edges.has(key)) edges.push({ key, source, target, attributes: linkForExport(attributes) });
  });
  return { attributes: { ...graph.getAttributes() }, options: { type: 'undirected', multi: true, allowSelfLoops: false }, nodes, edges };
}
