// Robustness benchmark (issue 16): the cost of doubling the input for every reader and for extraction on the three
// shapes the fault audit found quadratic; with --document-mb N, one N MB document built by the CLI (time, memory, sizes).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLexicon, docxDocumentText, extractDocument, htmlToText, readDocument } from '../packages/extract/src/index.ts';
import { analyzeGraph, buildGraph } from '../packages/graph/src/index.ts';
import { nameDenseDocument } from './name-dense.ts';

const scriptPath = fileURLToPath(import.meta.url);
const rootDir = path.resolve(path.dirname(scriptPath), '..');
const CLI_BIN = path.join(rootDir, 'packages', 'cli', 'bin', 'missiongraph.js');
/** The audit's bar: doubling the input may cost at most this much. */
export const DOUBLING_TARGET = 2.3;
/** Rounds per row (each times n and 2n once); the row's median is taken. */
const DOUBLING_RUNS = 7;
/** A row whose run at n takes less CPU than this is flagged: its ratio is mostly noise. */
const SHORTEST_MEASURABLE_SECONDS = 0.25;

function cpuSecondsOf(work: () => void): number {
  const since = process.cpuUsage();
  work();
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

// ---- The shapes: text of about `scale` units, each a function of its size so n and 2n are the same kind of text ----

const PROSE = 'and the mission in the east went on with the patrols near the border';
const SENTENCE = 'MONUSCO and the African Union reviewed the patrols near Goma with the authorities of the Democratic Republic of the Congo.';

function clock(seconds: number, separator = '.'): string {
  const hours = String(Math.floor(seconds / 3600)).padStart(2, '0');
  const minutes = String(Math.floor(seconds / 60) % 60).padStart(2, '0');
  return `${hours}:${minutes}:${String(seconds % 60).padStart(2, '0')}${separator}000`;
}

/** Defect 1: an unpunctuated auto-transcript with a speaker header before each short turn. */
function speakerDense(turns: number): string {
  const parts: string[] = [];
  for (let turn = 0; turn < turns; turn += 1) parts.push(`Jane Doe ${String(Math.floor(turn / 60) % 60).padStart(2, '0')}:${String(turn % 60).padStart(2, '0')}\n${PROSE}\n\n`);
  return parts.join('');
}

/** Defect 4: two caption cues of `lines` lines each, the second repeating the first (rolling captions). */
function captionDense(lines: number): string {
  const payload = Array.from({ length: lines }, (_unused, index) => `line number ${index % 1000} of the rolling caption`).join('\n');
  return `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n${payload}\n\n00:00:02.000 --> 00:00:03.000\n${payload}\n`;
}


/** YouTube-style rolling captions over many cues: each cue repeats the last line of the one before. */
function rollingCues(cues: number): string {
  const parts = ['WEBVTT\n'];
  for (let cue = 0; cue < cues; cue += 1) parts.push(`\n${clock(cue)} --> ${clock(cue + 1)}\nwords ${cue - 1} of the briefing\nwords ${cue} of the briefing\n`);
  return parts.join('');
}

function srtCues(cues: number): string {
  const parts: string[] = [];
  for (let cue = 0; cue < cues; cue += 1) parts.push(`${cue + 1}\n${clock(cue, ',')} --> ${clock(cue + 1, ',')}\n${SENTENCE}\n\n`);
  return parts.join('');
}

function timedLines(lines: number): string {
  return Array.from({ length: lines }, (_unused, index) => `[${clock(index).slice(0, 8)}] Jane Doe: ${SENTENCE}`).join('\n');
}

function questionAnswer(turns: number): string {
  return Array.from({ length: turns }, (_unused, index) => `${index % 2 === 0 ? 'Q' : 'A'}: ${SENTENCE}`).join('\n\n');
}

function plainText(paragraphs: number): string {
  return Array.from({ length: paragraphs }, () => `${SENTENCE} ${SENTENCE}`).join('\n\n');
}

function markdown(sections: number): string {
  return Array.from({ length: sections }, (_unused, index) => `## Section ${index}\n\n- **MONUSCO** patrols near [Goma](https://example.org/${index})\n- ${SENTENCE}\n\n> ${SENTENCE}`).join('\n\n');
}

function html(paragraphs: number): string {
  return `<!doctype html><html><head><title>Briefing</title><script>var x = 1;</script></head><body>${Array.from({ length: paragraphs }, () => `<p>${SENTENCE} <b>UNMISS</b> &amp; <a href="#">Juba</a></p>`).join('')}</body></html>`;
}

function docxXml(paragraphs: number): string {
  const body = Array.from({ length: paragraphs }, () => `<w:p><w:r><w:t xml:space="preserve">${SENTENCE} </w:t></w:r><w:r><w:t>UNIFIL</w:t></w:r></w:p>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

export interface DoublingShape {
  name: string;
  /** Units of the smaller input (turns, lines, sentences…). */
  size: number;
  /** The text at a size; another `variant` may give another text of the same shape and size (name-dense does). */
  make: (size: number, variant: number) => string;
  /** What is timed on the text. */
  run: (text: string) => void;
}

const read = (text: string): void => void readDocument({ id: 'bench.txt', text });

/** Every reader, then extraction (and for names the graph too) on the three shapes the audit found quadratic. */
export function doublingShapes(): DoublingShape[] {
  const lexicon = defaultLexicon();
  const extract = (text: string): void => void extractDocument({ id: 'bench.txt', text }, { lexicon });
  const extractAndAnalyse = (text: string): void => {
    const extraction = extractDocument({ id: 'bench.txt', text }, { lexicon });
    analyzeGraph(buildGraph([extraction], { lexicon }), { seed: 1 });
  };
  return [
    { name: 'reader: plain text paragraphs', size: 20_000, make: plainText, run: read },
    { name: 'reader: Markdown', size: 10_000, make: markdown, run: read },
    { name: 'reader: transcript, header before each turn (defect 1)', size: 60_000, make: speakerDense, run: read },
    { name: 'reader: transcript, [time] Name: lines', size: 36_000, make: timedLines, run: read },
    { name: 'reader: transcript, Q:/A: turns', size: 28_000, make: questionAnswer, run: read },
    { name: 'reader: WebVTT, two cues of repeated lines (defect 4)', size: 50_000, make: captionDense, run: read },
    { name: 'reader: WebVTT, rolling cues', size: 40_000, make: rollingCues, run: read },
    { name: 'reader: SRT cues', size: 48_000, make: srtCues, run: read },
    { name: 'reader: HTML', size: 48_000, make: html, run: (text) => void htmlToText(text) },
    { name: 'reader: .docx document.xml', size: 100_000, make: docxXml, run: (text) => void docxDocumentText(text) },
    { name: 'extraction: speaker-dense (defect 1)', size: 20_000, make: speakerDense, run: extract },
    { name: 'extraction: caption-dense (defect 4)', size: 32_000, make: captionDense, run: extract },
    { name: 'extraction: name-dense (defect 2)', size: 1_600, make: nameDenseDocument, run: extract },
    // At 250 → 500 sentences (456 → 910 entities) an all-pairs repulsion would show; at 1,500 → 3,000 (2,721 →
    // 5,440) the betweenness of every source would, noverlap on a fixed grid, and any log factor of the Barnes-Hut tree.
    { name: 'extraction + graph + analysis: name-dense, 250 sentences', size: 250, make: nameDenseDocument, run: extractAndAnalyse },
    { name: 'extraction + graph + analysis: name-dense, 1,500 sentences', size: 1_500, make: nameDenseDocument, run: extractAndAnalyse },
  ];
}

export interface DoublingRow {
  name: string;
  smallMb: number;
  /** Median CPU seconds of the runs at n and at 2n. */
  smallSeconds: number;
  doubleSeconds: number;
  /** doubleSeconds / smallSeconds; target ≤ DOUBLING_TARGET. */
  ratio: number;
}

/** V8's collector when the process runs with --expose-gc (as the bench starts each row), else nothing. */
const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** Warm-up before the timed runs: at least this many rounds at n and 2n… */
const WARM_UP_ROUNDS = 2;
/** …and until this much CPU time is spent (V8 keeps optimising extraction over its first several runs). */
const WARM_UP_SECONDS = 4;

/**
 * Times one shape at n and 2n in this process: warm-up rounds at both sizes, then `runs` rounds, each timing both
 * sizes on the process's CPU time, small first in even rounds and double first in odd ones (so a drift in speed hits
 * both alike); the median drops the runs a burst of load disturbed. Each run reads a text of its own (a fresh
 * variant where the shape has them), and garbage is collected before it, so one run's garbage is not billed to the
 * next (each run still pays for its own collections).
 */
export function measureDoubling(shape: DoublingShape, runs: number): DoublingRow {
  let variant = 0;
  const timed = (size: number): number => {
    const text = shape.make(size, variant);
    variant += 1;
    collectGarbage();
    return cpuSecondsOf(() => shape.run(text));
  };
  let warmUp = 0;
  for (let round = 0; round < WARM_UP_ROUNDS || warmUp < WARM_UP_SECONDS; round += 1) warmUp += timed(shape.size) + timed(shape.size * 2);
  const smallTimes: number[] = [];
  const doubleTimes: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    if (run % 2 === 0) {
      smallTimes.push(timed(shape.size));
      doubleTimes.push(timed(shape.size * 2));
    } else {
      doubleTimes.push(timed(shape.size * 2));
      smallTimes.push(timed(shape.size));
    }
  }
  const smallSeconds = median(smallTimes);
  const doubleSeconds = median(doubleTimes);
  return { name: shape.name, smallMb: Buffer.byteLength(shape.make(shape.size, 0)) / 1e6, smallSeconds, doubleSeconds, ratio: doubleSeconds / smallSeconds };
}

/**
 * Measures each shape in a child process of its own, started with --expose-gc: no row inherits the heap, the
 * compiled code or the garbage of the rows before it.
 */
export function runDoubling(shapes: readonly DoublingShape[] = doublingShapes(), runs = DOUBLING_RUNS): DoublingRow[] {
  return shapes.map((shape) => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', scriptPath, '--measure-row', shape.name, '--runs', String(runs)], {
      cwd: rootDir,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`bench-robust: measuring "${shape.name}" failed (${child.status ?? child.signal}): ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as DoublingRow;
  });
}

// ---- One large document through the CLI (defects 6 and 29) ----

/** A document of about `megabytes` MB: the repository's transcripts one after another, again and again. */
function largeDocument(megabytes: number): string {
  const folder = path.join(rootDir, 'data', 'transcripts');
  const seeds = fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).sort().map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < megabytes * 1e6; index += 1) {
    const part = seeds[index % seeds.length]! + '\n\n';
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

export interface LargeDocumentResult {
  megabytes: number;
  seconds: number;
  peakRssMb: number;
  timings: Record<string, number>;
  nodes: number;
  edges: number;
  outputsMb: Record<string, number>;
  /** xmllint, without --huge, on graph.gexf and graph.graphml: "ok" or its first error line. */
  xmllint: Record<string, string>;
}

/** Builds one `megabytes` MB document with the CLI (one worker, GraphML asked for besides the default outputs) and measures it. */
export function runLargeDocument(megabytes: number): LargeDocumentResult {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mg-bench-robust-'));
  try {
    fs.mkdirSync(path.join(work, 'in'));
    fs.writeFileSync(path.join(work, 'in', 'large.txt'), largeDocument(megabytes));
    const out = path.join(work, 'out');
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI_BIN, 'build', path.join(work, 'in'), '--out', out, '-w', '1', '--json', '-q', '--formats', 'json,gexf,graphml,csv,evidence', '--max-file-size', `${Math.ceil(megabytes * 2)}MB`], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`bench-robust: the build failed (${result.status}): ${result.stderr}`);
    const summary = JSON.parse(result.stdout) as { peakRssBytes: number; timings: Record<string, number>; nodes: number; edges: number };
    const outputsMb = Object.fromEntries(
      fs.readdirSync(out).filter((name) => !name.startsWith('.')).sort().map((name) => [name, fs.statSync(path.join(out, name)).size / 1e6]),
    );
    const xmllint: Record<string, string> = {};
    for (const name of ['graph.gexf', 'graph.graphml']) {
      const check = spawnSync('xmllint', ['--noout', '--nonet', path.join(out, name)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (check.error) throw new Error(`bench-robust: xmllint is missing (apt-get install -y libxml2-utils): ${check.error.message}`);
      xmllint[name] = check.status === 0 ? 'ok' : (check.stderr.split('\n')[0] ?? `exit ${check.status}`);
    }
    return { megabytes: Buffer.byteLength(fs.readFileSync(path.join(work, 'in', 'large.txt'))) / 1e6, seconds, peakRssMb: summary.peakRssBytes / 1e6, timings: summary.timings, nodes: summary.nodes, edges: summary.edges, outputsMb, xmllint };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Where `--document-mb 100` records its figures; docs/robustness.md quotes them and a test holds the two equal. */
export const LARGE_DOCUMENT_RECORD = path.join(rootDir, 'docs', 'robustness-100mb.json');

/** What the record holds: the measurement, when and under what load it was taken. */
export interface LargeDocumentRecord {
  measuredOn: string;
  loadAverage: number;
  command: string;
  result: LargeDocumentResult;
}

const PHASE_NAMES: Record<string, string> = { read: 'read and extraction', graph: 'graph', analyze: 'analysis', write: 'writing' };
const thousands = (value: number): string => Math.round(value).toLocaleString('en-US');

/** The "Measured" table of docs/robustness.md for a record, as the page writes it. */
export function largeDocumentTable(record: LargeDocumentRecord): string {
  const { result } = record;
  const phases = Object.entries(result.timings).map(([phase, seconds]) => `${PHASE_NAMES[phase] ?? phase} ${seconds.toFixed(1)} s`).join(', ');
  const outputs = Object.entries(result.outputsMb).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const large = outputs.filter(([, mb]) => mb >= 0.05).map(([name, mb]) => `${name} ${mb.toFixed(1)} MB`);
  const small = outputs.length > large.length ? ', the rest under 0.1 MB' : '';
  const json = result.outputsMb['graph.json'] ?? 0;
  return [
    '| measure | value |',
    '|---|---|',
    `| build, end to end | ${result.seconds.toFixed(1)} s (${phases}) |`,
    `| peak memory | ${thousands(result.peakRssMb)} MB |`,
    `| graph | ${result.nodes} entities, ${result.edges} links |`,
    `| outputs | ${large.join(', ')}${small} |`,
    `| xmllint without \`--huge\` | ${Object.entries(result.xmllint).map(([name, verdict]) => `${name} ${verdict}`).join(', ')} |`,
    `| explorer | ${json <= 64 * 1.048576 ? 'graph.json is within its 64 MB limit: it opens it' : 'graph.json is over its 64 MB limit: it says so, with the size'} |`,
  ].join('\n');
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const measureRow = argument('--measure-row');
if (measureRow !== undefined && process.argv[1] !== undefined && path.resolve(process.argv[1]) === scriptPath) {
  // A child started by runDoubling: one row, its figures as one JSON line.
  const shape = doublingShapes().find((candidate) => candidate.name === measureRow);
  if (shape === undefined) throw new Error(`bench-robust: no shape named "${measureRow}"`);
  console.log(JSON.stringify(measureDoubling(shape, Number(argument('--runs') ?? DOUBLING_RUNS))));
  process.exit(0);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === scriptPath) {
  const runs = Number(argument('--runs') ?? DOUBLING_RUNS);
  console.log(`doubling the input (median CPU time of ${runs} interleaved runs at n and 2n, each row in a process of its own, garbage collected before each run; target <= ${DOUBLING_TARGET}x; load average ${os.loadavg()[0]!.toFixed(1)})`);
  let unmet = 0;
  // --document-only: only the large document (it takes minutes of its own); --only TEXT: the shapes whose name holds it.
  const only = argument('--only');
  const shapes = process.argv.includes('--document-only') ? [] : doublingShapes().filter((shape) => only === undefined || shape.name.includes(only));
  for (const shape of shapes) {
    // Each row as it comes: a slow machine shows progress.
    const [row] = runDoubling([shape], runs);
    const met = row!.ratio <= DOUBLING_TARGET;
    if (!met) unmet += 1;
    const short = row!.smallSeconds < SHORTEST_MEASURABLE_SECONDS ? ` (under ${SHORTEST_MEASURABLE_SECONDS} s at n: mostly noise)` : '';
    console.log(`  ${row!.name.padEnd(58)} ${row!.smallMb.toFixed(2).padStart(6)} MB ${row!.smallSeconds.toFixed(3)} s, 2x ${row!.doubleSeconds.toFixed(3)} s: ${row!.ratio.toFixed(2)}x ${met ? 'met' : 'NOT met'}${short}`);
  }
  const documentMb = argument('--document-mb');
  if (documentMb !== undefined) {
    const large = runLargeDocument(Number(documentMb));
    console.log(`\none ${large.megabytes.toFixed(1)} MB document, --workers 1: ${large.seconds.toFixed(1)} s, peak memory ${large.peakRssMb.toFixed(0)} MB; ${large.nodes} entities, ${large.edges} edges`);
    console.log(`  phases: ${Object.entries(large.timings).map(([phase, value]) => `${phase} ${value.toFixed(1)} s`).join(', ')}`);
    console.log(`  outputs: ${Object.entries(large.outputsMb).map(([name, mb]) => `${name} ${mb.toFixed(1)} MB`).join(', ')}`);
    console.log(`  xmllint without --huge: ${Object.entries(large.xmllint).map(([name, verdict]) => `${name} ${verdict}`).join(', ')}`);
    const json = large.outputsMb['graph.json'] ?? 0;
    console.log(`  graph.json ${json.toFixed(1)} MB: ${json <= 64 * 1.048576 ? 'the explorer opens it' : 'over the explorer\'s 64 MB limit (it says so, with the size)'}`);
    if (Number(documentMb) === 100) {
      // The page's figures come from this file only (scripts/test/robustness-doc.test.ts holds them equal).
      const record: LargeDocumentRecord = { measuredOn: new Date().toISOString().slice(0, 10), loadAverage: Math.round(os.loadavg()[0]! * 10) / 10, command: 'pnpm bench robust --document-only --document-mb 100', result: large };
      fs.writeFileSync(LARGE_DOCUMENT_RECORD, `${JSON.stringify(record, null, 2)}\n`);
      console.log(`\nrecorded in ${path.relative(rootDir, LARGE_DOCUMENT_RECORD)}; docs/robustness.md's "Measured" table must now read:\n${largeDocumentTable(record)}`);
    }
  }
  process.exit(unmet > 0 ? 1 : 0);
}
