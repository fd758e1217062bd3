// CLI benchmark: a cold `missiongraph build` of ≥ 1,000 generated transcripts (≥ 50 MB) with 1 and 2 workers, then a
// warm rebuild after adding one transcript, as ratios measured in the same run; peak memory from the build process.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { seededRandom } from '../packages/graph/src/random.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI_BIN = path.join(REPO, 'packages/cli/bin/missiongraph.js');

export interface CliBenchOptions {
  files?: number;
  /** Target corpus size in MB. */
  megabytes?: number;
  seed?: number;
}

export interface BuildRun {
  workers: number;
  seconds: number;
  /** Input read by the build (MB). */
  megabytes: number;
  mbPerSecond: number;
  documents: number;
  cacheHits: number;
  extracted: number;
  nodes: number;
  edges: number;
  /** Pieces of co-mention evidence ((edge, sentence) pairs) in the graph. */
  evidence: number;
  peakRssMb: number;
  /** CPU seconds of the build process (all threads); over `seconds`, the cores it actually got on a shared machine. */
  cpuSeconds: number;
  /** The build's own phase timings (seconds): read = reading + extraction (or cache), then graph, analyze, write. */
  phases: Record<'read' | 'graph' | 'analyze' | 'write', number>;
  outputMb: number;
  /** MB per output file. */
  outputs: Record<string, number>;
}

export interface CliBenchResult {
  files: number;
  megabytes: number;
  cores: number;
  loadAverage: number;
  /** machineParallelism(), the highest of its measures before each cold build: the ceiling for the 1 → 2 worker speed-up here. */
  machineParallelism: number;
  /** The cold build (2 workers) of the original corpus whose cache the warm builds use. */
  firstCold: BuildRun;
  /** The fastest of the cold 1-worker builds (COLD_ROUNDS each, alternating with the 2-worker ones). */
  coldOneWorker: BuildRun;
  coldTwoWorkers: BuildRun;
  warmAddOne: BuildRun;
  /** Another transcript added, written with `--formats json,csv` (what the explorer and a spreadsheet need). */
  warmAddOneLight: BuildRun;
  /** Nothing changed: the build finds its outputs up to date and writes nothing. */
  warmUnchanged: BuildRun;
  /** End-to-end cold build, 1 worker over 2 workers. */
  speedUp: number;
  /** The parallel part alone: the read + extraction phase, 1 worker over 2 workers. */
  extractionSpeedUp: number;
  /** Warm rebuild after adding one transcript over the cold build (2 workers) of the same corpus, end to end. */
  warmRatio: number;
  /** The same with `--formats json,csv`. */
  warmLightRatio: number;
  /** The up-to-date rebuild (nothing changed) over the cold build. */
  unchangedRatio: number;
  /** The same for the read phase alone: what the cache saves before the graph is rebuilt and rewritten. */
  warmReadRatio: number;
  peakRssMb: number;
  /** Evidence per MB of input: the generated corpus, and the seed transcripts (data/transcripts) built the same way. */
  evidencePerMb: { corpus: number; seeds: number };
  targets: { speedUp: boolean; warmRatio: boolean; memory: boolean };
}

/** An allocation-heavy JavaScript loop (strings, regexes, small objects), the kind of work extraction does. */
const CALIBRATION_CODE = `
const words = 'the Security Council renewed the mandate of MONUSCO in the Democratic Republic of the Congo'.split(' ');
let n = 0; const kept = [];
for (let i = 0; i < 1500000; i++) {
  const s = words[i % words.length] + ' ' + i;
  const o = { s, m: s.match(/[A-Z]\\w+/g), k: s.split(' ') };
  kept.push(o); if (kept.length > 20000) kept.length = 0; n += o.k.length;
}
require('node:worker_threads').parentPort.postMessage(n);`;

async function calibrationSeconds(threads: number): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: threads }, () => new Promise((resolve) => new Worker(CALIBRATION_CODE, { eval: true }).on('message', resolve))),
  );
  return (performance.now() - started) / 1000;
}

/**
 * How much faster two threads finish twice the work of one, on this machine now, for allocation-heavy JavaScript.
 * One V8 thread already uses part of the second core for garbage collection, so on 2 cores this is well under 2.
 */
export async function machineParallelism(): Promise<number> {
  const one = Math.min(await calibrationSeconds(1), await calibrationSeconds(1));
  const two = await calibrationSeconds(2);
  return (2 * one) / two;
}

interface LexiconRecord {
  label: string;
  aliases?: string[];
}

function labelsOf(file: string): string[] {
  const entries = JSON.parse(fs.readFileSync(path.join(REPO, 'data/lexicon', file), 'utf8')) as LexiconRecord[];
  return entries.map((entry) => entry.label).filter((label) => label.length > 1);
}

/** Sentences of the sample transcripts, the texture of real speech around the generated entity mentions. */
function seedSentences(): string[] {
  const folder = path.join(REPO, 'data/transcripts');
  const sentences: string[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    for (const sentence of text.split(/(?<=[.!?])\s+/)) {
      const clean = sentence.replace(/\s+/g, ' ').trim();
      if (clean.length > 40 && clean.length < 400 && !/\d{1,2}:\d{2}/.test(clean)) sentences.push(clean);
    }
  }
  return sentences;
}

/**
 * Share of generated entity sentences (two or three entities each) among the sentences taken from the seed
 * transcripts, chosen so the corpus carries about the seeds' own co-mention evidence per MB (pieces of evidence, i.e.
 * (edge, sentence) pairs): the seeds give ~6,200/MB; 0.08 gave ~7,000 on the full corpus, the former 0.2 ~8,900.
 * The bench measures both densities in the same run and prints them, so the load it reports is that of real speech.
 */
const TEMPLATE_SHARE = 0.05;
const SPEAKERS = ['Amina Diallo', 'Jean-Pierre Lacroix', 'Jane Holl Lute', 'Carlos Mendes', 'Ingrid Solberg', 'Kwame Mensah', 'Leila Haddad', 'Tomás Ferreira'];
const TEMPLATES = [
  (m: string, c: string, o: string) => `${m} briefed the ${o} on the situation in ${c} last week.`,
  (m: string, c: string, o: string) => `Officials in ${c} said ${m} had stepped up patrols, and the ${o} welcomed the move.`,
  (m: string, c: string) => `The protection of civilians remains the core task of ${m} in ${c}.`,
  (m: string, c: string, o: string) => `According to the ${o}, ${m} still lacks helicopters in ${c}.`,
  (m: string, c: string) => `Misinformation about ${m} spread quickly across ${c} this year.`,
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** One generated transcript of about `bytes` bytes: speaker/timestamp turns of seed sentences and entity sentences. */
function generateTranscript(index: number, bytes: number, random: () => number, pools: { missions: string[]; countries: string[]; organizations: string[]; seeds: string[] }): string {
  const parts: string[] = [`Peace operations briefing ${index + 1}\n\n`];
  let size = parts[0]!.length;
  let seconds = 0;
  while (size < bytes) {
    const speaker = pick(random, SPEAKERS);
    const time = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    const sentences: string[] = [];
    const count = 3 + Math.floor(random() * 5);
    for (let i = 0; i < count; i += 1) {
      if (random() < TEMPLATE_SHARE) sentences.push(pick(random, TEMPLATES)(pick(random, pools.missions), pick(random, pools.countries), pick(random, pools.organizations)));
      else sentences.push(pick(random, pools.seeds));
    }
    const turn = `${speaker} ${time}\n\n${sentences.join(' ')}\n\n`;
    parts.push(turn);
    size += Buffer.byteLength(turn);
    seconds = (seconds + 20 + Math.floor(random() * 90)) % 5940;
  }
  return parts.join('');
}

/** Writes the corpus; returns its size in bytes. Deterministic for a seed. */
export function generateCorpus(folder: string, files: number, totalBytes: number, seed: number, first = 0): number {
  const random = seededRandom(seed + first);
  const pools = {
    missions: labelsOf('missions.json'),
    countries: labelsOf('countries.json'),
    organizations: labelsOf('organizations.json'),
    seeds: seedSentences(),
  };
  fs.mkdirSync(folder, { recursive: true });
  let written = 0;
  for (let index = first; index < first + files; index += 1) {
    const text = generateTranscript(index, Math.ceil(totalBytes / files), random, pools);
    const file = path.join(folder, `batch-${String(Math.floor(index / 100)).padStart(2, '0')}`, `briefing-${String(index).padStart(5, '0')}.txt`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written += Buffer.byteLength(text);
  }
  return written;
}

interface SummaryJson {
  documents: number;
  bytes: number;
  cacheHits: number;
  extracted: number;
  nodes: number;
  edges: number;
  evidence: number;
  peakRssBytes: number;
  cpuSeconds: number;
  skipped: unknown[];
  timings: Record<'read' | 'graph' | 'analyze' | 'write', number>;
}

function timedBuild(corpus: string, out: string, workers: number, extra: string[] = []): BuildRun {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI_BIN, 'build', corpus, '--out', out, '--workers', String(workers), '--json', '--quiet', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`bench-cli: build with ${workers} worker(s) exited ${result.status}: ${result.stderr}`);
  const summary = JSON.parse(result.stdout) as SummaryJson;
  const outputs = Object.fromEntries(
    fs
      .readdirSync(out)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => [name, fs.statSync(path.join(out, name)).size / (1024 * 1024)]),
  );
  return {
    workers,
    seconds,
    megabytes: summary.bytes / (1024 * 1024),
    mbPerSecond: summary.bytes / (1024 * 1024) / seconds,
    documents: summary.documents,
    cacheHits: summary.cacheHits,
    extracted: summary.extracted,
    nodes: summary.nodes,
    edges: summary.edges,
    evidence: summary.evidence,
    peakRssMb: summary.peakRssBytes / (1024 * 1024),
    cpuSeconds: summary.cpuSeconds,
    phases: summary.timings,
    outputMb: Object.values(outputs).reduce((sum, mb) => sum + mb, 0),
    outputs,
  };
}

/** How many times each cold build (1 worker, 2 workers) runs; the fastest of each is compared. */
const COLD_ROUNDS = 2;

export async function runCliBench(options: CliBenchOptions = {}): Promise<CliBenchResult> {
  const files = options.files ?? 1000;
  const megabytes = options.megabytes ?? 52;
  const seed = options.seed ?? 20_250_311;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mg-bench-cli-'));
  try {
    const corpus = path.join(work, 'corpus');
    const bytes = generateCorpus(corpus, files, megabytes * 1024 * 1024, seed);
    const loadAverage = os.loadavg()[0] ?? 0;
    // The warm builds reuse the cache of the first cold build. Then, on the grown corpus (+2 transcripts), the cold
    // builds that are compared — 1 worker and 2 workers, back to back, each right after a measure of the machine's
    // own 1 → 2 thread ceiling (others share it: what it gives changes from minute to minute).
    const firstCold = timedBuild(corpus, path.join(work, 'out-2'), 2);
    const warmUnchanged = timedBuild(corpus, path.join(work, 'out-2'), 2);
    generateCorpus(corpus, 1, Math.ceil(bytes / files), seed, files);
    const warmAddOne = timedBuild(corpus, path.join(work, 'out-2'), 2);
    generateCorpus(corpus, 1, Math.ceil(bytes / files), seed, files + 1);
    const warmAddOneLight = timedBuild(corpus, path.join(work, 'out-2'), 2, ['--formats', 'json,csv']);
    fs.rmSync(path.join(work, 'out-2'), { recursive: true, force: true });
    // Each cold build twice, alternating, and the faster of each kept: on a shared machine a build can lose whole
    // seconds to other work, never gain them, so the fastest run is the best measure of its own cost.
    const ceilings: number[] = [];
    const oneWorkerRuns: BuildRun[] = [];
    const twoWorkerRuns: BuildRun[] = [];
    for (let round = 0; round < COLD_ROUNDS; round += 1) {
      ceilings.push(await machineParallelism());
      oneWorkerRuns.push(timedBuild(corpus, path.join(work, 'out-1'), 1));
      fs.rmSync(path.join(work, 'out-1'), { recursive: true, force: true });
      ceilings.push(await machineParallelism());
      twoWorkerRuns.push(timedBuild(corpus, path.join(work, 'out-2b'), 2));
      fs.rmSync(path.join(work, 'out-2b'), { recursive: true, force: true });
    }
    const fastest = (runs: BuildRun[]): BuildRun => runs.reduce((best, run) => (run.seconds < best.seconds ? run : best));
    const coldOneWorker = fastest(oneWorkerRuns);
    const coldTwoWorkers = fastest(twoWorkerRuns);
    const parallelism = Math.max(...ceilings);
    const seeds = timedBuild(path.join(REPO, 'data/transcripts'), path.join(work, 'out-seeds'), 1);
    const speedUp = coldOneWorker.seconds / coldTwoWorkers.seconds;
    const extractionSpeedUp = coldOneWorker.phases.read / coldTwoWorkers.phases.read;
    const warmRatio = warmAddOne.seconds / coldTwoWorkers.seconds;
    const warmLightRatio = warmAddOneLight.seconds / coldTwoWorkers.seconds;
    const unchangedRatio = warmUnchanged.seconds / coldTwoWorkers.seconds;
    const warmReadRatio = warmAddOne.phases.read / coldTwoWorkers.phases.read;
    const peakRssMb = Math.max(
      ...[coldOneWorker, coldTwoWorkers, firstCold, warmUnchanged, warmAddOne, warmAddOneLight].map((run) => run.peakRssMb),
    );
    return {
      files,
      megabytes: bytes / (1024 * 1024),
      cores: os.availableParallelism(),
      loadAverage,
      machineParallelism: parallelism,
      firstCold,
      coldOneWorker,
      coldTwoWorkers,
      warmAddOne,
      warmAddOneLight,
      warmUnchanged,
      speedUp,
      extractionSpeedUp,
      warmRatio,
      warmLightRatio,
      unchangedRatio,
      warmReadRatio,
      peakRssMb,
      evidencePerMb: { corpus: coldOneWorker.evidence / coldOneWorker.megabytes, seeds: seeds.evidence / seeds.megabytes },
      targets: { speedUp: speedUp >= 1.7, warmRatio: warmRatio < 0.02, memory: peakRssMb < 1024 },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function describeRun(name: string, run: BuildRun): string {
  const phases = Object.entries(run.phases)
    .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)}`)
    .join(', ');
  return (
    `${name.padEnd(30)} ${run.seconds.toFixed(2).padStart(7)} s  ${run.mbPerSecond.toFixed(2).padStart(6)} MB/s  ` +
    `${run.documents} docs (${run.extracted} extracted, ${run.cacheHits} cached)  ${run.nodes} nodes ${run.edges} edges  ` +
    `peak ${run.peakRssMb.toFixed(0)} MB  CPU ${run.cpuSeconds.toFixed(1)} s (${(run.cpuSeconds / run.seconds).toFixed(2)} cores busy)\n${''.padEnd(32)}phases (s): ${phases}; outputs ${run.outputMb.toFixed(0)} MB ` +
    `(${Object.entries(run.outputs).map(([name, mb]) => `${name} ${mb.toFixed(mb < 10 ? 1 : 0)}`).join(', ')})`
  );
}

function numberFlag(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : undefined;
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = numberFlag('files');
  const megabytes = numberFlag('mb');
  const result = await runCliBench({ ...(files !== undefined ? { files } : {}), ...(megabytes !== undefined ? { megabytes } : {}) });
  console.log(`corpus: ${result.files} generated transcripts, ${result.megabytes.toFixed(1)} MB; ${result.cores} cores, load average ${result.loadAverage.toFixed(2)} at start (machine shared: figures are noisy)`);
  console.log(
    `evidence density: ${result.evidencePerMb.corpus.toFixed(0)} pieces of co-mention evidence per MB in the corpus, ` +
      `${result.evidencePerMb.seeds.toFixed(0)} in the seed transcripts (same build, same extractor)`,
  );
  console.log(describeRun('cold build, 2 workers (cache)', result.firstCold));
  console.log(describeRun('cold build, 1 worker (+2, best)', result.coldOneWorker));
  console.log(describeRun('cold build, 2 workers (+2, best)', result.coldTwoWorkers));
  console.log(describeRun('rebuild, nothing changed', result.warmUnchanged));
  console.log(describeRun('warm rebuild, +1 transcript', result.warmAddOne));
  console.log(describeRun('warm, +1 more, json+csv only', result.warmAddOneLight));
  if (result.warmUnchanged.extracted > 0 || result.warmAddOne.extracted > 1 || result.warmAddOneLight.extracted > 1) {
    console.log('warning: the extract package source changed during the run (its hash is part of the cache key), so the warm builds re-extracted: warm figures are not valid; run again');
  }
  const mark = (ok: boolean): string => (ok ? 'met' : 'NOT met');
  console.log(`speed-up 1 → 2 workers, end to end: ${result.speedUp.toFixed(2)}× (target ≥ 1.7×: ${mark(result.targets.speedUp)})`);
  console.log(
    `speed-up 1 → 2 workers, read + extraction phase: ${result.extractionSpeedUp.toFixed(2)}× ` +
      `(this machine's own 1 → 2 thread speed-up for allocation-heavy JavaScript, best of its measures in this run: ${result.machineParallelism.toFixed(2)}×)`,
  );
  console.log(`warm rebuild (+1) / cold build (2 workers), end to end: ${(result.warmRatio * 100).toFixed(2)}% (target < 2%: ${mark(result.targets.warmRatio)})`);
  console.log(`warm rebuild (+1) / cold build, read + extraction phase: ${(result.warmReadRatio * 100).toFixed(2)}%`);
  console.log(`warm rebuild (+1, --formats json,csv) / cold build: ${(result.warmLightRatio * 100).toFixed(2)}%`);
  console.log(`rebuild with nothing changed (outputs up to date) / cold build: ${(result.unchangedRatio * 100).toFixed(2)}%`);
  console.log(`peak memory (max RSS of the build process, workers included): ${result.peakRssMb.toFixed(0)} MB (target < 1024 MB: ${mark(result.targets.memory)})`);
}
