// graph.json: graphology's serialized format (graph.export()) written with a stable key order, one
// node or edge per line; and read back with validation that names the problem.
import Graph from 'graphology';
import type { Attributes, SerializedGraph } from 'graphology-types';
import type AbstractGraph from 'graphology-types';
import { sortColumnNames } from './attributes.ts';
import { compareStrings } from './build.ts';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Key orders already worked out, by the object's own key list: a graph's nodes and edges share a few key sets. */
const keyOrders = new Map<string, string[]>();

function orderedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  const signature = keys.join('\u0000');
  let ordered = keyOrders.get(signature);
  if (ordered === undefined) {
    ordered = sortColumnNames(keys);
    // Bounded: odd graphs with endless key sets just sort every time.
    if (keyOrders.size < 4096) keyOrders.set(signature, ordered);
  }
  return ordered;
}

/** JSON text made elsewhere, written as it is by stableJson (an edge's evidence ids, already quoted). */
class RawJson {
  constructor(readonly text: string) {}
}

/** JSON with object keys in the order of docs/graph-format.md (the rest sorted), at every depth. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    // Strings and numbers only (evidence ids, tallies): JSON.stringify writes them exactly as the general case does.
    let plain = true;
    for (const item of value) {
      const kind = typeof item;
      if (kind !== 'string' && kind !== 'number') {
        plain = false;
        break;
      }
    }
    if (plain) return JSON.stringify(value);
    return `[${value.map((item) => (item === undefined ? 'null' : stableJson(item))).join(',')}]`;
  }
  if (value instanceof RawJson) return value.text;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const name of orderedKeys(record)) {
      const item = record[name];
      if (item === undefined || typeof item === 'function') continue;
      parts.push(`${JSON.stringify(name)}:${stableJson(item)}`);
    }
    return `{${parts.join(',')}}`;
  }
  // JSON.stringify writes NaN and ±Infinity as null, and escapes lone surrogates.
  return JSON.stringify(value) ?? 'null';
}

/** The graph attribute of graph.json that holds each evidence sentence once (reserved: see docs/graph-format.md). */
export const EVIDENCE_TABLE = 'evidenceSentences';

const EVIDENCE_FIELDS = new Set(['document', 'sentence', 'text', 'speaker', 'time', 'list']);

interface SharedSentence {
  document: string;
  sentence: number;
  text: string;
  speaker: string | undefined;
  time: string | undefined;
  /** A list sentence (its co-mentions weigh less); absent otherwise. */
  list?: true;
}

/** An evidence item in the shape buildGraph makes (and nothing else), or undefined. */
function sharedSentenceOf(item: unknown): SharedSentence | undefined {
  if (!isRecord(item)) return undefined;
  for (const name in item) if (!EVIDENCE_FIELDS.has(name)) return undefined;
  const { document, sentence, text, speaker, time, list } = item;
  if (typeof document !== 'string' || typeof text !== 'string' || !Number.isSafeInteger(sentence) || (sentence as number) < 0) return undefined;
  if ((speaker !== undefined && typeof speaker !== 'string') || (time !== undefined && typeof time !== 'string')) return undefined;
  if (list !== undefined && list !== true) return undefined;
  return list === true ? { document, sentence: sentence as number, text, speaker, time, list } : { document, sentence: sentence as number, text, speaker, time };
}

/** One evidence sentence of the table, and its id once the documents are numbered. */
interface TableEntry {
  shared: SharedSentence;
  /** `"<document index>:<sentence>"`, quoted as JSON (the id has digits and a colon only). */
  quotedId: string;
}

/** The keys of a shared sentence in the order stableJson writes them (docs/graph-format.md, then the rest sorted). */
const SHARED_SENTENCE_ORDER = ['document', 'list', 'sentence', 'speaker', 'text', 'time'];
if (sortColumnNames(EVIDENCE_FIELDS).join() !== SHARED_SENTENCE_ORDER.join()) throw new Error('graph/graph-json: the evidence key order moved');

/** stableJson(shared), by one JSON.stringify of an object whose keys are already in that order (undefined ones left out). */
function sharedSentenceJson(shared: SharedSentence): string {
  return JSON.stringify({ document: shared.document, list: shared.list, sentence: shared.sentence, speaker: shared.speaker, text: shared.text, time: shared.time });
}

/**
 * The evidence sentences of a graph, each once, with their ids (`<document index>:<sentence>`, documents numbered in
 * string order): or undefined when evidence cannot be shared (an item of another shape, the same sentence with two
 * texts, the table's name already taken, no evidence at all). Then graph.json carries evidence inline.
 * Items are told apart by identity first (buildGraph shares one object per sentence), then by document and sentence.
 */
function evidenceTable(graph: GraphLike): { entriesOfEdge: (TableEntry[] | undefined)[]; entries: TableEntry[] } | undefined {
  if (graph.hasAttribute(EVIDENCE_TABLE)) return undefined;
  const entryOf = new Map<unknown, TableEntry>();
  /** Per edge, in graph order, the entries its evidence cites (undefined for an edge without evidence). */
  const entriesOfEdge: (TableEntry[] | undefined)[] = [];
  const byDocument = new Map<string, Map<number, TableEntry>>();
  let usable = true;
  graph.forEachEdge((_edge, attributes) => {
    const evidence: unknown = attributes.evidence;
    if (!usable) return;
    if (!Array.isArray(evidence)) {
      entriesOfEdge.push(undefined);
      return;
    }
    const cited: TableEntry[] = [];
    entriesOfEdge.push(cited);
    for (const item of evidence) {
      const seen = entryOf.get(item);
      if (seen !== undefined) {
        cited.push(seen);
        continue;
      }
      const shared = sharedSentenceOf(item);
      if (shared === undefined) {
        usable = false;
        return;
      }
      let sentences = byDocument.get(shared.document);
      if (sentences === undefined) byDocument.set(shared.document, (sentences = new Map()));
      let entry = sentences.get(shared.sentence);
      if (entry === undefined) sentences.set(shared.sentence, (entry = { shared, quotedId: '' }));
      else {
        const known = entry.shared;
        if (known.text !== shared.text || known.speaker !== shared.speaker || known.time !== shared.time || known.list !== shared.list) {
          usable = false;
          return;
        }
      }
      entryOf.set(item, entry);
      cited.push(entry);
    }
  });
  if (!usable || byDocument.size === 0) return undefined;
  const entries: TableEntry[] = [];
  const documents = [...byDocument.keys()].sort(compareStrings);
  documents.forEach((document, index) => {
    const sentences = byDocument.get(document)!;
    for (const sentence of [...sentences.keys()].sort((a, b) => a - b)) {
      const entry = sentences.get(sentence)!;
      entry.quotedId = `"${index}:${sentence}"`;
      entries.push(entry);
    }
  });
  return { entriesOfEdge, entries };
}

type GraphLike = Graph | AbstractGraph;

/**
 * graph.export() as JSON: `{"attributes":…,"options":…,"nodes":[…],"edges":[…]}` with each node and
 * each edge on a line of its own (compact inside), keys in a fixed order. Ends with a newline.
 * Evidence sentences are written once, in the graph attribute `evidenceSentences` (one per line),
 * and edges cite them by id; fromGraphJson restores the evidence objects.
 */
export function toGraphJson(graph: GraphLike): string {
  return [...graphJsonChunks(graph)].join('');
}

/** toGraphJson as a stream of chunks (a line or a few each), so a big graph is never one string. */
export function* graphJsonChunks(graph: GraphLike): Generator<string> {
  const table = evidenceTable(graph);
  const attributes = stableJson(graph.getAttributes());
  yield '{\n';
  if (table === undefined) yield `  "attributes": ${attributes},\n`;
  else {
    yield `  "attributes": ${attributes === '{}' ? '{' : `${attributes.slice(0, -1)},`}${JSON.stringify(EVIDENCE_TABLE)}:{\n`;
    let lines: string[] = [];
    for (let index = 0; index < table.entries.length; index += 1) {
      const { quotedId, shared } = table.entries[index]!;
      lines.push(`    ${quotedId}:${sharedSentenceJson(shared)}${index + 1 < table.entries.length ? ',' : ''}\n`);
      if (lines.length >= 256) {
        yield lines.join('');
        lines = [];
      }
    }
    yield `${lines.join('')}  }},\n`;
  }
  yield `  "options": {"type":${JSON.stringify(graph.type)},"multi":${Boolean(graph.multi)},"allowSelfLoops":${Boolean(graph.allowSelfLoops)}},\n`;
  yield `  "nodes": [${graph.order > 0 ? '\n' : ''}`;
  let first = true;
  for (const { node, attributes: nodeAttributes } of graph.nodeEntries()) {
    const written = Object.keys(nodeAttributes).length > 0 ? `,"attributes":${stableJson(nodeAttributes)}` : '';
    yield `${first ? '' : ',\n'}    {"key":${JSON.stringify(node)}${written}}`;
    first = false;
  }
  yield `${graph.order > 0 ? '\n  ' : ''}],\n`;
  yield `  "edges": [${graph.size > 0 ? '\n' : ''}`;
  first = true;
  let edgeIndex = 0;
  for (const { edge, attributes: edgeAttributes, source, target, undirected } of graph.edgeEntries()) {
    let written: Attributes = edgeAttributes;
    const cited = table?.entriesOfEdge[edgeIndex];
    edgeIndex += 1;
    if (cited !== undefined) {
      let ids = '';
      for (const entry of cited) ids += ids === '' ? entry.quotedId : `,${entry.quotedId}`;
      written = { ...edgeAttributes, evidence: new RawJson(`[${ids}]`) };
    }
    const attributesText = Object.keys(written).length > 0 ? `,"attributes":${stableJson(written)}` : '';
    // As graph.export(): `undirected` is marked only in mixed graphs.
    const undirectedMark = undirected && graph.type === 'mixed' ? ',"undirected":true' : '';
    yield `${first ? '' : ',\n'}    {"key":${JSON.stringify(edge)},"source":${JSON.stringify(source)},"target":${JSON.stringify(target)}${attributesText}${undirectedMark}}`;
    first = false;
  }
  yield `${graph.size > 0 ? '\n  ' : ''}]\n}\n`;
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

/** Takes the shared evidence table out of the graph attributes: id → one Evidence object, shared by the edges citing it. */
function splitEvidenceTable(attributes: Attributes | undefined): { graphAttributes: Attributes | undefined; sentences: Map<string, Attributes> | undefined } {
  if (attributes === undefined || !(EVIDENCE_TABLE in attributes)) return { graphAttributes: attributes, sentences: undefined };
  const { [EVIDENCE_TABLE]: table, ...graphAttributes } = attributes;
  if (!isRecord(table)) throw new GraphJsonError(`graph attribute "${EVIDENCE_TABLE}" must be an object of evidence sentences`);
  const sentences = new Map<string, Attributes>();
  for (const [id, item] of Object.entries(table)) {
    const shared = sharedSentenceOf(item);
    if (shared === undefined) {
      throw new GraphJsonError(`evidence sentence ${JSON.stringify(id)} must be {document, sentence, text, speaker?, time?} with a text and a sentence number`);
    }
    const evidence: Attributes = { document: shared.document, sentence: shared.sentence, text: shared.text };
    if (shared.speaker !== undefined) evidence.speaker = shared.speaker;
    if (shared.time !== undefined) evidence.time = shared.time;
    if (shared.list === true) evidence.list = true;
    sentences.set(id, evidence);
  }
  return { graphAttributes, sentences };
}

/** Replaces the sentence ids an edge's evidence cites with the sentences themselves. */
function resolveEvidence(attributes: Attributes | undefined, sentences: Map<string, Attributes> | undefined, where: string): Attributes | undefined {
  if (attributes === undefined || sentences === undefined || !Array.isArray(attributes.evidence)) return attributes;
  const evidence = (attributes.evidence as unknown[]).map((item) => {
    if (typeof item !== 'string') return item;
    const sentence = sentences.get(item);
    if (sentence === undefined) throw new GraphJsonError(`${where} cites evidence sentence ${JSON.stringify(item)}, which is not in "${EVIDENCE_TABLE}"`);
    return sentence;
  });
  return { ...attributes, evidence };
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
  const checkedGraphAttributes = checkAttributes(data.attributes, 'graph');
  const { graphAttributes, sentences } = splitEvidenceTable(checkedGraphAttributes);

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
    const attributes = resolveEvidence(checkAttributes(edge.attributes, where), sentences, where);
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
