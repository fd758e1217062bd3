// nodes.csv and edges.csv (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or
// line break) and evidence.jsonl (one JSON object per line per piece of co-mention evidence).
import type Graph from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { sortColumnNames } from './attributes.ts';
import { formatNumber, wellFormed } from './text.ts';

/** One CSV field: arrays of strings are `|`-joined; other arrays and objects are JSON. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' && !item.includes('|'))) return value.join('|');
  return JSON.stringify(value);
}

/** Quotes a field when RFC 4180 requires it (comma, quote, CR, LF) or when spaces at its ends could be trimmed. */
export function csvField(text: string): string {
  const clean = wellFormed(text);
  return /[",\r\n]|^\s|\s$/.test(clean) ? `"${clean.replace(/"/g, '""')}"` : clean;
}

function csv(header: string[], rows: string[][]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function columnsOf(records: Attributes[], leading: string[], skip: Set<string>): string[] {
  const names = new Set<string>();
  for (const attributes of records) for (const name in attributes) if (!skip.has(name) && !leading.includes(name)) names.add(name);
  return [...leading, ...sortColumnNames(names)];
}

/** nodes.csv: `id`, then the attributes (order of docs/graph-format.md, then the rest sorted). Aliases are `|`-joined; facts JSON. */
export function writeNodesCsv(graph: Graph): string {
  const records: Attributes[] = [];
  graph.forEachNode((_node, attributes) => void records.push(attributes));
  const columns = columnsOf(records, [], new Set());
  const rows: string[][] = [];
  graph.forEachNode((node, attributes) => rows.push([node, ...columns.map((name) => cellText(attributes[name]))]));
  return csv(['id', ...columns], rows);
}

/** edges.csv: `id,source,target`, then the attributes except `evidence` (that is evidence.jsonl). */
export function writeEdgesCsv(graph: Graph): string {
  const records: Attributes[] = [];
  graph.forEachEdge((_edge, attributes) => void records.push(attributes));
  const columns = columnsOf(records, [], new Set(['evidence']));
  const rows: string[][] = [];
  graph.forEachEdge((edge, attributes, source, target) =>
    rows.push([edge, source, target, ...columns.map((name) => cellText(attributes[name]))]),
  );
  return csv(['id', 'source', 'target', ...columns], rows);
}

/** evidence.jsonl: per edge (graph order), per piece of evidence (corpus order): edge, source, target, document, sentence, text, speaker, time. */
export function writeEvidenceJsonl(graph: Graph): string {
  const lines: string[] = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    const evidence: unknown = attributes.evidence;
    if (!Array.isArray(evidence)) return;
    for (const item of evidence as Record<string, unknown>[]) {
      lines.push(
        JSON.stringify({
          edge,
          source,
          target,
          document: item.document,
          sentence: item.sentence,
          text: item.text,
          speaker: item.speaker,
          time: item.time,
        }),
      );
    }
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
