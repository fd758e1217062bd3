// nodes.csv and edges.csv (RFC 4180, CRLF; safe in a spreadsheet: formula-like text behind a `'`, controls as
// U+FFFD) and evidence.jsonl (one JSON object per evidence sentence, with the edges it supports).
import type Graph from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { sortColumnNames } from './attributes.ts';
import { compareStrings } from './build.ts';
import { formatNumber, wellFormed } from './text.ts';

/**
 * Text a spreadsheet would run as a formula (= + - @ tab CR first, as OWASP lists for CSV injection), also when it
 * already starts with our own `'` marks, so that removing one leading `'` always gives the original text back.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** C0 controls other than tab, LF and CR, DEL and C1 controls: never written raw, U+FFFD instead. */
const CSV_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** A text cell: a `'` in front when a spreadsheet would otherwise read it as a formula. */
function textCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV field. Numbers are written as numbers (a negative number keeps its `-`); every other value is text and goes
 * through `textCell`: arrays of strings are `|`-joined first (so only the joined cell is marked, not each item), other
 * arrays and objects are JSON (which starts with `[` or `{` and is never marked).
 */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' && !item.includes('|'))) return textCell(value.join('|'));
  return textCell(JSON.stringify(value));
}

/**
 * Quotes a field when RFC 4180 requires it (comma, quote, CR, LF) or when spaces at its ends could be trimmed.
 * Control characters (see CSV_CONTROL) and lone surrogates become U+FFFD.
 */
export function csvField(text: string): string {
  const clean = wellFormed(text).replace(CSV_CONTROL, '\ufffd');
  return /[",\r\n]|^\s|\s$/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

function csvLine(row: readonly string[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

function columnsOf(records: Attributes[], leading: string[], skip: Set<string>): string[] {
  const names = new Set<string>();
  for (const attributes of records) for (const name in attributes) if (!skip.has(name) && !leading.includes(name)) names.add(name);
  return [...leading, ...sortColumnNames(names)];
}

/** nodes.csv: `id`, then the attributes (order of docs/graph-format.md, then the rest sorted). Aliases are `|`-joined; facts JSON. */
export function writeNodesCsv(graph: Graph): string {
  return [...nodesCsvChunks(graph)].join('');
}

/** nodes.csv as a stream of lines. */
export function* nodesCsvChunks(graph: Graph): Generator<string> {
  const records: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void records.push(attributes));
  const columns = columnsOf(records, [], new Set());
  yield csvLine(['id', ...columns].map(textCell));
  for (const { node, attributes } of graph.nodeEntries()) yield csvLine([textCell(node), ...columns.map((name) => cellText(attributes[name]))]);
}

/** edges.csv: `id,source,target`, then the attributes except `evidence` (that is evidence.jsonl). */
export function writeEdgesCsv(graph: Graph): string {
  return [...edgesCsvChunks(graph)].join('');
}

/** edges.csv as a stream of lines. */
export function* edgesCsvChunks(graph: Graph): Generator<string> {
  const records: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void records.push(attributes));
  const columns = columnsOf(records, [], new Set(['evidence']));
  yield csvLine(['id', 'source', 'target', ...columns].map(textCell));
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    yield csvLine([textCell(edge), textCell(source), textCell(target), ...columns.map((name) => cellText(attributes[name]))]);
  }
}

/**
 * evidence.jsonl: one line per evidence sentence, in corpus order (document order as the edges cite them, then
 * sentence number): document, sentence, speaker, time, text, and `edges`, the keys of the co-mention edges it
 * supports (graph order). Every piece of evidence ((edge, sentence) pair) is there, each sentence's text once.
 */
export function writeEvidenceJsonl(graph: Graph): string {
  return [...evidenceJsonlChunks(graph)].join('');
}

/** An evidence sentence, the keys of the edges it supports, and when it was first met. */
interface SentenceEdges {
  item: Record<string, unknown>;
  edges: string[];
  order: number;
}

/** The evidence sentences of a graph in corpus order, each with the edges it supports. */
function evidenceSentences(graph: Graph): SentenceEdges[] {
  const byItem = new Map<object, SentenceEdges>();
  const byDocument = new Map<string, SentenceEdges[]>();
  graph.forEachEdge((edge, attributes) => {
    const evidence: unknown = attributes.evidence;
    if (!Array.isArray(evidence)) return;
    for (const item of evidence as Record<string, unknown>[]) {
      if (typeof item !== 'object' || item === null) continue;
      let entry = byItem.get(item);
      if (entry === undefined) {
        entry = { item, edges: [], order: byItem.size };
        byItem.set(item, entry);
        const document = String(item.document);
        const group = byDocument.get(document);
        if (group === undefined) byDocument.set(document, [entry]);
        else group.push(entry);
      }
      entry.edges.push(edge);
    }
  });
  // Document id order (the corpus order of the CLI's builds), then sentence number: a function of the graph alone.
  const sentenceOf = (item: Record<string, unknown>): number => (typeof item.sentence === 'number' ? item.sentence : 0);
  const sorted: SentenceEdges[] = [];
  for (const document of [...byDocument.keys()].sort(compareStrings)) {
    const group = byDocument.get(document)!;
    group.sort((a, b) => sentenceOf(a.item) - sentenceOf(b.item) || a.order - b.order);
    for (const entry of group) sorted.push(entry);
  }
  return sorted;
}

/** One evidence sentence's line of evidence.jsonl. */
export function evidenceLine(item: Record<string, unknown>, edges: readonly string[]): string {
  return JSON.stringify({ document: item.document, sentence: item.sentence, speaker: item.speaker, time: item.time, text: item.text, edges }) + '\n';
}

/** evidence.jsonl as a stream of chunks (a few hundred sentences each). */
export function* evidenceJsonlChunks(graph: Graph): Generator<string> {
  let chunk = '';
  for (const { item, edges } of evidenceSentences(graph)) {
    chunk += evidenceLine(item, edges);
    if (chunk.length > 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
