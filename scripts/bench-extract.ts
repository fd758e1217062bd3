// Extraction benchmark, side by side in one run: a cold `missiongraph build` of the seeds made into 100 distinct files
// (≥ 4 MB) against compromise's full NER on every sentence of the same text; the lexicon scan with today's lexicon
// and a tenfold one; a name-density doubling check; extractDocument streaming a generated corpus, and its memory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LexiconEntry, compileLexicon, defaultLexicon, extractDocument, readDocument } from '../packages/extract/src/index.ts';
import { seededRandom as random } from '../packages/graph/src/random.ts';
import { nameDenseDocument } from './name-dense.ts';

const scriptPath = fileURLToPath(import.meta.url);
const rootDir = path.resolve(path.dirname(scriptPath), '..');
const seedDir = path.join(rootDir, 'data', 'transcripts');
const encoder = new TextEncoder();

export interface ExtractBenchOptions {
  /** Size of the generated corpus in MB (default 10). */
  mb?: number;
  /** Size of the sample the compromise baseline runs on, in MB (default 0.3). */
  baselineMb?: number;
}

export interface ExtractBenchResult {
  corpusMb: number;
  documents: number;
  /** Wall-clock seconds and MB/s. */
  extractSeconds: number;
  extractMbPerSecond: number;
  /** The same on process CPU time, which other load on the machine disturbs less. */
  extractCpuMbPerSecond: number;
  baselineMb: number;
  baselineMbPerSecond: number;
  baselineCpuMbPerSecond: number;
  /** extractMbPerSecond / baselineMbPerSecond (wall clock); target ≥ 20. */
  ratio: number;
  /** The ratio on CPU time. */
  cpuRatio: number;
  /** Peak resident memory of the process that streamed the corpus through extraction, in MB; target < 500 at 100 MB. */
  peakRssMb: number;
  entities: number;
  coMentions: number;
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)] as T;
}

const MISSIONS = ['MONUSCO', 'MINUSCA', 'UNMISS', 'UNIFIL', 'UNISFA', 'MINURSO', 'UNFICYP', 'UNDOF', 'UNMIK', 'MINUSMA', 'MINUSTAH', 'UNAMID', 'UNMIL', 'UNOCI', 'UNAMA', 'UNSMIL', 'BINUH'];
const COUNTRIES = ['Mali', 'the Central African Republic', 'South Sudan', 'Lebanon', 'the Democratic Republic of the Congo', 'Haiti', 'Cyprus', 'Kosovo', 'Liberia', 'Sudan', 'Somalia', 'Libya', 'Afghanistan', 'Colombia', 'Western Sahara'];
const ORGANIZATIONS = ['the Security Council', 'the General Assembly', 'the African Union', 'the European Union', 'ECOWAS', 'the Peacebuilding Commission', 'UNHCR', 'UNICEF', 'the World Food Programme', 'OHCHR'];
const CONCEPTS = ['protection of civilians', 'the Responsibility to Protect', 'sexual exploitation and abuse', 'disarmament, demobilization and reintegration', 'climate change', 'misinformation and disinformation', 'peace enforcement', 'early warning'];
const FIRST = ['Amara', 'Lucas', 'Fatima', 'Kwame', 'Ingrid', 'Mateo', 'Aisha', 'Hiroshi', 'Elena', 'Tomasz', 'Nadia', 'Samuel', 'Leila', 'Omar', 'Grace', 'Pedro'];
const SYLLABLES = ['ka', 'lo', 'mbe', 'ri', 'sa', 'to', 'vi', 'dra', 'nu', 'el', 'gor', 'fi', 'an', 'zu', 'mar', 'ten'];
const TEMPLATES = [
  '{person}, the head of {mission}, briefed {org} on the situation in {country}.',
  'In {year}, {mission} was asked to strengthen {concept} in {country}.',
  'We discussed {concept} with {org} and with colleagues from {mission}.',
  '"Our priority remains {concept}," {person} told reporters in {country}.',
  'Mr. {surname} said that {org} had renewed the mandate of {mission} until {year}.',
  'The peacekeepers deployed in {country} reported new attacks on civilians last week.',
  'Funding shortfalls, fuel costs and the rainy season slowed the convoys once again.',
  'Civil affairs officers met community leaders to discuss local grievances and land disputes.',
];

function personName(next: () => number): { full: string; surname: string } {
  const surname = `${pick(SYLLABLES, next)}${pick(SYLLABLES, next)}${pick(SYLLABLES, next)}`;
  const capitalised = surname.charAt(0).toUpperCase() + surname.slice(1);
  return { full: `${pick(FIRST, next)} ${capitalised}`, surname: capitalised };
}

function syntheticSentence(next: () => number): string {
  const person = personName(next);
  return pick(TEMPLATES, next).replace(/\{(\w+)\}/g, (_whole, slot: string) => {
    switch (slot) {
      case 'person':
        return person.full;
      case 'surname':
        return person.surname;
      case 'mission':
        return pick(MISSIONS, next);
      case 'country':
        return pick(COUNTRIES, next);
      case 'org':
        return pick(ORGANIZATIONS, next);
      case 'concept':
        return pick(CONCEPTS, next);
      default:
        return String(1995 + Math.floor(next() * 30));
    }
  });
}

let seedTexts: string[] | undefined;

async function loadSeeds(): Promise<string[]> {
  const { readdir, readFile } = await import('node:fs/promises');
  const names = (await readdir(seedDir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map((name) => readFile(path.join(seedDir, name), 'utf8')));
}

/**
 * Document `index` of the generated corpus: a seed text with its paragraphs' order varied, mission names
 * swapped and synthetic sentences mixed in; every fourth document is laid out as WebVTT captions.
 */
export function generateDocument(index: number, seeds: readonly string[]): { id: string; text: string } {
  const next = random(index * 7919 + 17);
  const seed = seeds[index % seeds.length] ?? '';
  const paragraphs = seed.split(/\n\s*\n/);
  const isHeader = (paragraph: string): boolean => /\d\d:\d\d\s*$/.test(paragraph) || paragraph.trim().length < 40;
  const body = paragraphs.slice(1).map((paragraph) => {
    if (isHeader(paragraph)) return paragraph;
    const swapped = paragraph.replace(/\b(?:MONUSCO|MINUSCA|UNIFIL|UNMISS|UNISFA)\b/g, () => pick(MISSIONS, next));
    return next() < 0.35 ? `${swapped} ${syntheticSentence(next)} ${syntheticSentence(next)}` : swapped;
  });
  for (let i = body.length - 1; i > 0; i -= 1) {
    if (next() < 0.3 && !isHeader(body[i] ?? '') && !isHeader(body[i - 1] ?? '')) {
      const swap = body[i] as string;
      body[i] = body[i - 1] as string;
      body[i - 1] = swap;
    }
  }
  const text = [paragraphs[0] ?? '', ...body].join('\n\n');
  if (index % 4 !== 3) return { id: `generated/${index}.txt`, text };
  const cues: string[] = ['WEBVTT', ''];
  const words = text.replace(/\s+/g, ' ').split(' ');
  for (let cue = 0; cue * 12 < words.length; cue += 1) {
    const start = cue * 4;
    const stamp = (seconds: number): string => `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}.000`;
    cues.push(`${stamp(start)} --> ${stamp(start + 4)}`, `<v ${cue % 20 < 10 ? 'Jane Doe' : 'John Roe'}>${words.slice(cue * 12, cue * 12 + 12).join(' ')}`, '');
  }
  return { id: `generated/${index}.vtt`, text: cues.join('\n') };
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Streams documents through extractDocument until `mb` MB were read; keeps only counts. Runs in the child. */
async function streamExtraction(mb: number): Promise<{ bytes: number; documents: number; seconds: number; cpuSeconds: number; entities: number; coMentions: number }> {
  seedTexts ??= await loadSeeds();
  const lexicon = defaultLexicon();
  extractDocument(generateDocument(0, seedTexts), { lexicon });
  const target = mb * 1e6;
  let bytes = 0;
  let documents = 0;
  let entities = 0;
  let coMentions = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  while (bytes < target) {
    const doc = generateDocument(documents, seedTexts);
    const result = extractDocument(doc, { lexicon });
    bytes += encoder.encode(doc.text).length;
    entities += result.entities.length;
    coMentions += result.coMentions.length;
    documents += 1;
  }
  return { bytes, documents, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpuStarted), entities, coMentions };
}

interface CompromiseDoc {
  people(): { out(format: 'array'): string[] };
  places(): { out(format: 'array'): string[] };
  organizations(): { out(format: 'array'): string[] };
}

/** The baseline: compromise's full NER (people, places, organisations) on every sentence of a sample. */
async function baseline(mb: number): Promise<{ bytes: number; seconds: number; cpuSeconds: number }> {
  seedTexts ??= await loadSeeds();
  const requireFromExtract = createRequire(path.join(rootDir, 'packages', 'extract', 'package.json'));
  const nlp = requireFromExtract('compromise') as (text: string) => CompromiseDoc;
  const sentences: string[] = [];
  let bytes = 0;
  for (let index = 0; bytes < mb * 1e6; index += 1) {
    for (const sentence of readDocument(generateDocument(index, seedTexts)).sentences) {
      sentences.push(sentence.text);
      bytes += encoder.encode(sentence.text).length;
      if (bytes >= mb * 1e6) break;
    }
  }
  nlp('Warm up with Jean-Pierre Lacroix in Mali.').people();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (const sentence of sentences) {
    const doc = nlp(sentence);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
  }
  return { bytes, seconds: (performance.now() - started) / 1000, cpuSeconds: cpuSeconds(cpuStarted) };
}

const CLI_BIN = path.join(rootDir, 'packages', 'cli', 'bin', 'missiongraph.js');

/**
 * The build corpus: the two seed transcripts made into `files` distinct files of at least `mb` MB in all, each
 * seed written out as often as needed, and every text line carrying its own reference (§file.line) so that no
 * cache of repeated text helps. Speaker and time lines, headings and blank lines are left as they are.
 */
export function writeBuildCorpus(folder: string, seeds: readonly string[], files = 100, mb = 4): number {
  fs.mkdirSync(folder, { recursive: true });
  const perFile = (mb * 1e6) / files;
  let bytes = 0;
  for (let index = 0; index < files; index += 1) {
    const seed = seeds[index % seeds.length] ?? '';
    const copies = Math.max(1, Math.ceil(perFile / Math.max(1, seed.length)));
    let line = 0;
    const parts: string[] = [];
    for (let copy = 0; copy < copies; copy += 1) {
      parts.push(
        seed
          .split('\n')
          .map((text) => {
            line += 1;
            const plain = text.trim();
            if (plain.length < 40 || /\d\d:\d\d\s*$/u.test(plain) || /^#|^\[|^[A-Z ]+$/u.test(plain)) return text;
            return `§${index}.${line} ${text}`;
          })
          .join('\n'),
      );
    }
    const text = parts.join('\n\n');
    fs.writeFileSync(path.join(folder, `seed-${String(index).padStart(3, '0')}.txt`), text);
    bytes += encoder.encode(text).length;
  }
  return bytes;
}

interface BuildSummaryJson {
  documents: number;
  bytes: number;
  extracted: number;
  nodes: number;
  edges: number;
  peakRssBytes: number;
  timings: Record<'read' | 'graph' | 'analyze' | 'write', number>;
}

export interface BuildBenchResult {
  mb: number;
  files: number;
  buildSeconds: number;
  buildMbPerSecond: number;
  phases: BuildSummaryJson['timings'];
  peakRssMb: number;
  nodes: number;
  baselineSeconds: number;
  baselineMbPerSecond: number;
  /** buildMbPerSecond / baselineMbPerSecond; target ≥ 30. */
  ratio: number;
}

/** compromise's full NER on every sentence of every file of `folder`; seconds. */
function compromiseOnFolder(folder: string): { bytes: number; seconds: number } {
  const requireFromExtract = createRequire(path.join(rootDir, 'packages', 'extract', 'package.json'));
  const nlp = requireFromExtract('compromise') as (text: string) => CompromiseDoc;
  nlp('Warm up with Jean-Pierre Lacroix in Mali.').people();
  let bytes = 0;
  let seconds = 0;
  for (const name of fs.readdirSync(folder).sort()) {
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    bytes += encoder.encode(text).length;
    const sentences = readDocument({ id: name, text }).sentences.map((sentence) => sentence.text);
    const started = performance.now();
    for (const sentence of sentences) {
      const doc = nlp(sentence);
      doc.people().out('array');
      doc.places().out('array');
      doc.organizations().out('array');
    }
    seconds += (performance.now() - started) / 1000;
  }
  return { bytes, seconds };
}

/** A cold `missiongraph build` (fresh cache and output) of the build corpus, one worker, and the baseline on the same files. */
export async function runBuildBench(mb = 4, files = 100): Promise<BuildBenchResult> {
  seedTexts ??= await loadSeeds();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mg-bench-extract-'));
  try {
    const corpus = path.join(work, 'corpus');
    const written = writeBuildCorpus(corpus, seedTexts, files, mb);
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI_BIN, 'build', corpus, '--out', path.join(work, 'out'), '--cache', path.join(work, 'cache'), '--workers', '1', '--json', '--quiet'], {
      encoding: 'utf8',
      env: { ...process.env, CI: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const buildSeconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`bench-extract: build exited ${result.status}: ${result.stderr}`);
    const summary = JSON.parse(result.stdout) as BuildSummaryJson;
    const base = compromiseOnFolder(corpus);
    const buildMbPerSecond = written / 1e6 / buildSeconds;
    const baselineMbPerSecond = base.bytes / 1e6 / base.seconds;
    return {
      mb: written / 1e6,
      files,
      buildSeconds,
      buildMbPerSecond,
      phases: summary.timings,
      peakRssMb: summary.peakRssBytes / (1024 * 1024),
      nodes: summary.nodes,
      baselineSeconds: base.seconds,
      baselineMbPerSecond,
      ratio: buildMbPerSecond / baselineMbPerSecond,
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A place-like name nobody uses: syllables from a seeded generator ("Kalomberi Sato"). */
function syntheticName(next: () => number, words: number): string {
  return Array.from({ length: words }, () => {
    const word = `${pick(SYLLABLES, next)}${pick(SYLLABLES, next)}${pick(SYLLABLES, next)}`;
    return word.charAt(0).toUpperCase() + word.slice(1);
  }).join(' ');
}

export interface ScanBenchResult {
  entries: number;
  tenfoldEntries: number;
  mbPerSecond: number;
  tenfoldMbPerSecond: number;
  /** tenfoldMbPerSecond / mbPerSecond; "no slowdown" is ≥ 0.8 on this noisy machine. */
  ratio: number;
}

/** The lexicon scan (matcher.scanAll) over the seeds' sentences, with today's lexicon and with ten times as many entries. */
export async function runScanBench(): Promise<ScanBenchResult> {
  seedTexts ??= await loadSeeds();
  const today = defaultLexicon();
  const next = random(4242);
  const extra: LexiconEntry[] = [];
  const seen = new Set<string>();
  while (extra.length < today.entries.length * 9) {
    const label = syntheticName(next, 1 + Math.floor(next() * 3));
    const id = `place:synthetic-${label.toLowerCase().replace(/\s+/g, '-')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    extra.push({ id, type: 'place', label, aliases: [] });
  }
  const tenfold = compileLexicon([...today.entries, ...extra]);
  const sentences = Array.from({ length: 40 }, (_, index) => readDocument(generateDocument(index, seedTexts ?? [])).sentences.map((sentence) => sentence.text));
  const bytes = sentences.flat().reduce((sum, text) => sum + encoder.encode(text).length, 0);
  const time = (lexicon: typeof today): number => {
    for (const texts of sentences.slice(0, 4)) lexicon.matcher.scanAll(texts);
    const started = performance.now();
    for (let round = 0; round < 3; round += 1) for (const texts of sentences) lexicon.matcher.scanAll(texts);
    return (performance.now() - started) / 1000 / 3;
  };
  // Interleaved, best of three each, so that load on the machine hits both alike.
  const todaySeconds: number[] = [];
  const tenfoldSeconds: number[] = [];
  for (let trial = 0; trial < 3; trial += 1) {
    todaySeconds.push(time(today));
    tenfoldSeconds.push(time(tenfold));
  }
  const mbPerSecond = bytes / 1e6 / Math.min(...todaySeconds);
  const tenfoldMbPerSecond = bytes / 1e6 / Math.min(...tenfoldSeconds);
  return { entries: today.entries.length, tenfoldEntries: tenfold.entries.length, mbPerSecond, tenfoldMbPerSecond, ratio: tenfoldMbPerSecond / mbPerSecond };
}

export interface LexiconBenchResult {
  curatedEntries: number;
  grownEntries: number;
  /** Best-of-five CPU seconds to compile each lexicon; the target is under 1 s for the grown one. */
  curatedCompileSeconds: number;
  grownCompileSeconds: number;
  /** CPU seconds of the first compile of the default (grown) lexicon in a fresh process, as a build's start-up pays it. */
  coldCompileSeconds: number;
  /** extractDocument throughput on the build corpus sample, MB/s of CPU time, with each lexicon. */
  curatedMbPerSecond: number;
  grownMbPerSecond: number;
  /** grownMbPerSecond / curatedMbPerSecond: the cost of the gazetteer and register on extraction. */
  ratio: number;
}

/** CPU seconds `task` takes, best of `trials`. */
function bestCpuSeconds(trials: number, task: () => void): number {
  let best = Infinity;
  for (let trial = 0; trial < trials; trial += 1) {
    const started = process.cpuUsage();
    task();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

/**
 * The grown lexicon (the curated files plus the generated gazetteer) side by side with the curated files alone:
 * compile time of each, and extraction throughput on the same seed-made documents with each (interleaved, best of
 * five, on CPU time so that other load disturbs it less).
 */
export async function runLexiconBench(documents = 12): Promise<LexiconBenchResult> {
  seedTexts ??= await loadSeeds();
  const grownEntries = defaultLexicon().entries;
  const isGenerated = (entry: LexiconEntry): boolean => {
    const source = entry.facts?.['source'];
    return typeof source === 'string' && (source.startsWith('GeoNames ') || source.startsWith('ISO 3166-2 '));
  };
  const curatedEntries = grownEntries.filter((entry) => !isGenerated(entry));
  let curated = compileLexicon(curatedEntries);
  let grown = compileLexicon(grownEntries);
  const curatedCompileSeconds = bestCpuSeconds(5, () => {
    curated = compileLexicon(curatedEntries);
  });
  const grownCompileSeconds = bestCpuSeconds(5, () => {
    grown = compileLexicon(grownEntries);
  });
  const child = spawnSync(process.execPath, ['--import', 'tsx', scriptPath, '--child-compile'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench-extract: the compile child exited ${child.status}: ${child.stderr}`);
  const coldCompileSeconds = (JSON.parse(child.stdout) as { cpuSeconds: number }).cpuSeconds;
  const docs = Array.from({ length: documents }, (_, index) => generateDocument(index, seedTexts ?? []));
  const bytes = docs.reduce((sum, doc) => sum + encoder.encode(doc.text).length, 0);
  for (const lexicon of [curated, grown]) extractDocument(docs[0] ?? { id: 'warm.txt', text: '' }, { lexicon });
  const curatedSeconds: number[] = [];
  const grownSeconds: number[] = [];
  for (let trial = 0; trial < 5; trial += 1) {
    curatedSeconds.push(bestCpuSeconds(1, () => docs.forEach((doc) => extractDocument(doc, { lexicon: curated }))));
    grownSeconds.push(bestCpuSeconds(1, () => docs.forEach((doc) => extractDocument(doc, { lexicon: grown }))));
  }
  const curatedMbPerSecond = bytes / 1e6 / Math.min(...curatedSeconds);
  const grownMbPerSecond = bytes / 1e6 / Math.min(...grownSeconds);
  return {
    curatedEntries: curatedEntries.length,
    grownEntries: grownEntries.length,
    curatedCompileSeconds,
    grownCompileSeconds,
    coldCompileSeconds,
    curatedMbPerSecond,
    grownMbPerSecond,
    ratio: grownMbPerSecond / curatedMbPerSecond,
  };
}


export interface DoublingResult {
  smallSeconds: number;
  largeSeconds: number;
  /** largeSeconds / smallSeconds for twice the sentences; target ≤ 2.3. */
  ratio: number;
}

/** extractDocument on 1,500 and on 3,000 name-dense sentences (best of two each): the cost must grow about linearly. */
export function runDoublingCheck(small = 1500): DoublingResult {
  const lexicon = defaultLexicon();
  extractDocument({ id: 'warm.txt', text: nameDenseDocument(200) }, { lexicon });
  const time = (sentences: number): number => {
    const text = nameDenseDocument(sentences);
    const started = performance.now();
    extractDocument({ id: `dense-${sentences}.txt`, text }, { lexicon });
    return (performance.now() - started) / 1000;
  };
  const smallSeconds = Math.min(time(small), time(small));
  const largeSeconds = Math.min(time(small * 2), time(small * 2));
  return { smallSeconds, largeSeconds, ratio: largeSeconds / smallSeconds };
}

/** Runs the benchmark: extraction in a child process (for a clean peak-memory figure), the baseline here. */
export async function runExtractBench(options: ExtractBenchOptions = {}): Promise<ExtractBenchResult> {
  const mb = options.mb ?? 10;
  const baselineMb = options.baselineMb ?? 0.3;
  const child = spawnSync(process.execPath, ['--import', 'tsx', scriptPath, '--child', '--mb', String(mb)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`bench-extract: extraction child failed: ${child.stderr || child.error?.message || child.status}`);
  const lines = child.stdout.trim().split('\n');
  const figures = JSON.parse(lines[lines.length - 1] ?? '{}') as Awaited<ReturnType<typeof streamExtraction>> & { maxRssKb: number };
  const base = await baseline(baselineMb);
  const extractMbPerSecond = figures.bytes / 1e6 / figures.seconds;
  const baselineMbPerSecond = base.bytes / 1e6 / base.seconds;
  const extractCpuMbPerSecond = figures.bytes / 1e6 / figures.cpuSeconds;
  const baselineCpuMbPerSecond = base.bytes / 1e6 / base.cpuSeconds;
  return {
    corpusMb: figures.bytes / 1e6,
    documents: figures.documents,
    extractSeconds: figures.seconds,
    extractMbPerSecond,
    extractCpuMbPerSecond,
    baselineMb: base.bytes / 1e6,
    baselineMbPerSecond,
    baselineCpuMbPerSecond,
    ratio: extractMbPerSecond / baselineMbPerSecond,
    cpuRatio: extractCpuMbPerSecond / baselineCpuMbPerSecond,
    peakRssMb: figures.maxRssKb / 1024,
    entities: figures.entities,
    coMentions: figures.coMentions,
  };
}

// ---- Topics: what finding the key phrases adds to extraction (issue 17: at most 10%) ----

export interface TopicCostResult {
  mb: number;
  documents: number;
  trials: number;
  /** CPU seconds of extracting every document without topics and with them, in the trial of median cost. */
  withoutSeconds: number;
  withSeconds: number;
  /** (with − without) / without over the whole corpus: the median of the trials, and the lowest and highest. */
  cost: number;
  minCost: number;
  maxCost: number;
}

/**
 * Extracts the same generated documents (at least `mb` MB) with and without topics, on CPU time. A first pass
 * over every document with and without topics warms caches and compiled code. Each trial then extracts every
 * document both ways, one right after the other (alternately without first and with first), so that a change of
 * load on the machine falls on both sides alike; a trial's cost is (with − without) / without summed over the
 * whole corpus, and the median trial counts.
 */
export async function runTopicCostBench(mb = 4, trials = 5): Promise<TopicCostResult> {
  const seeds = await loadSeeds();
  const lexicon = defaultLexicon();
  const docs: { id: string; text: string }[] = [];
  let bytes = 0;
  while (bytes < mb * 1e6) {
    const doc = generateDocument(docs.length, seeds);
    docs.push(doc);
    bytes += encoder.encode(doc.text).length;
  }
  for (const doc of docs) {
    extractDocument(doc, { lexicon, topics: true });
    extractDocument(doc, { lexicon, topics: false });
  }
  const results: { withoutSeconds: number; withSeconds: number; cost: number }[] = [];
  for (let trial = 0; trial < trials; trial += 1) {
    let withoutSeconds = 0;
    let withSeconds = 0;
    docs.forEach((doc, index) => {
      for (const topics of (trial + index) % 2 === 0 ? [false, true] : [true, false]) {
        const seconds = bestCpuSeconds(1, () => extractDocument(doc, { lexicon, topics }));
        if (topics) withSeconds += seconds;
        else withoutSeconds += seconds;
      }
    });
    results.push({ withoutSeconds, withSeconds, cost: (withSeconds - withoutSeconds) / withoutSeconds });
  }
  results.sort((a, b) => a.cost - b.cost);
  const median = results[Math.floor(results.length / 2)]!;
  return { mb: bytes / 1e6, documents: docs.length, trials, ...median, minCost: results[0]!.cost, maxCost: results[results.length - 1]!.cost };
}

function topicCostRow(topicCost: TopicCostResult): [string, string, string] {
  const percent = (cost: number): string => `${(cost * 100).toFixed(1)}%`;
  return ['topics cost', percent(topicCost.cost), `median of ${topicCost.trials} paired trials (${percent(topicCost.minCost)} to ${percent(topicCost.maxCost)}), ${topicCost.mb.toFixed(2)} MB in ${topicCost.documents} documents: ${topicCost.withoutSeconds.toFixed(2)} s CPU without topics, ${topicCost.withSeconds.toFixed(2)} s with; target <= 10%: ${topicCost.cost <= 0.1 ? 'met' : 'NOT met'}`];
}

/** Points to the readers' benchmarks, which run on their own. */
function printReaderBench(): void {
  console.log('\nreaders: the cost of doubling each reader\'s input is in pnpm bench robust (scripts/bench-robust.ts), PDF reading speed in pnpm bench pdf (scripts/bench-pdf.ts)');
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === scriptPath;
if (isMain) {
  const mb = Number(argument('--mb') ?? 10);
  if (!Number.isFinite(mb) || mb <= 0) {
    console.error('bench-extract: --mb must be a positive number');
    process.exit(1);
  }
  if (process.argv.includes('--child-compile')) {
    console.log(JSON.stringify({ cpuSeconds: bestCpuSeconds(1, () => defaultLexicon()) }));
  } else if (argument('--only') === 'topics') {
    // `pnpm bench extract --only topics`: the topics cost alone (seconds, not the whole extraction bench).
    console.log(topicCostRow(await runTopicCostBench()).join('  '));
  } else if (process.argv.includes('--child')) {
    const figures = await streamExtraction(mb);
    console.log(JSON.stringify({ ...figures, maxRssKb: process.resourceUsage().maxRSS }));
  } else {
    const build = await runBuildBench(Number(argument('--build-mb') ?? 4));
    const scan = await runScanBench();
    const doubling = runDoublingCheck();
    const topicCost = await runTopicCostBench();
    const lexiconBench = await runLexiconBench();
    const headline: [string, string, string][] = [
      ['build corpus', `${build.mb.toFixed(1)} MB in ${build.files} files`, 'the two seeds, every line with its own reference'],
      ['missiongraph build (cold, 1 worker)', `${build.buildMbPerSecond.toFixed(3)} MB/s`, `${build.buildSeconds.toFixed(1)} s end to end; phases read ${build.phases.read.toFixed(1)} s, graph ${build.phases.graph.toFixed(1)} s, analyze ${build.phases.analyze.toFixed(1)} s, write ${build.phases.write.toFixed(1)} s; ${build.nodes} nodes`],
      ['compromise full NER, same text', `${build.baselineMbPerSecond.toFixed(3)} MB/s`, `${build.baselineSeconds.toFixed(1)} s on every sentence`],
      ['build / compromise', `${build.ratio.toFixed(1)}x`, `target >= 30x: ${build.ratio >= 30 ? 'met' : 'NOT met'}`],
      ['build peak memory', `${build.peakRssMb.toFixed(0)} MB`, `target < 500 MB: ${build.peakRssMb < 500 ? 'met' : 'NOT met'}`],
      ['lexicon scan, today', `${scan.mbPerSecond.toFixed(2)} MB/s`, `${scan.entries} entries`],
      ['lexicon scan, tenfold', `${scan.tenfoldMbPerSecond.toFixed(2)} MB/s`, `${scan.tenfoldEntries} entries; ${scan.ratio.toFixed(2)}x today's speed (no slowdown: >= 0.8): ${scan.ratio >= 0.8 ? 'met' : 'NOT met'}`],
      topicCostRow(topicCost),
      ['lexicon compile, curated', `${lexiconBench.curatedCompileSeconds.toFixed(2)} s CPU`, `${lexiconBench.curatedEntries} entries (best of 5)`],
      ['lexicon compile, grown', `${lexiconBench.grownCompileSeconds.toFixed(2)} s CPU`, `${lexiconBench.grownEntries} entries with the gazetteer (best of 5)`],
      ['lexicon compile, grown, fresh process', `${lexiconBench.coldCompileSeconds.toFixed(2)} s CPU`, `the first compile a build pays; target < 1 s: ${lexiconBench.coldCompileSeconds < 1 ? 'met' : 'NOT met'}`],
      ['extraction, grown / curated lexicon', `${lexiconBench.ratio.toFixed(2)}x`, `${lexiconBench.grownMbPerSecond.toFixed(3)} vs ${lexiconBench.curatedMbPerSecond.toFixed(3)} MB/s CPU on the same documents (no slowdown: >= 0.8): ${lexiconBench.ratio >= 0.8 ? 'met' : 'NOT met'}`],
      ['name density doubling', `${doubling.ratio.toFixed(2)}x`, `1,500 sentences ${doubling.smallSeconds.toFixed(2)} s, 3,000 sentences ${doubling.largeSeconds.toFixed(2)} s; target <= 2.3x: ${doubling.ratio <= 2.3 ? 'met' : 'NOT met'}`],
    ];
    const headWidth = Math.max(...headline.map((row) => row[0].length));
    const headValueWidth = Math.max(...headline.map((row) => row[1].length));
    for (const [name, value, note] of headline) console.log(`${name.padEnd(headWidth)}  ${value.padEnd(headValueWidth)}  ${note}`);
    console.log('');
    const result = await runExtractBench({ mb });
    const rows: [string, string, string][] = [
      ['corpus', `${result.corpusMb.toFixed(1)} MB in ${result.documents} documents`, ''],
      ['extractDocument', `${result.extractMbPerSecond.toFixed(2)} MB/s`, `${result.extractSeconds.toFixed(1)} s wall, one core; ${result.extractCpuMbPerSecond.toFixed(2)} MB/s on CPU time`],
      ['compromise full NER (baseline)', `${result.baselineMbPerSecond.toFixed(3)} MB/s`, `on a ${result.baselineMb.toFixed(2)} MB sample; ${result.baselineCpuMbPerSecond.toFixed(3)} MB/s on CPU time`],
      ['ratio', `${result.ratio.toFixed(1)}x`, `${result.cpuRatio.toFixed(1)}x on CPU time; target >= 20x: ${Math.min(result.ratio, result.cpuRatio) >= 20 ? 'met' : 'NOT met'}`],
      ['peak memory (streaming)', `${result.peakRssMb.toFixed(0)} MB`, `${result.corpusMb.toFixed(0)} MB input; target < 500 MB at 100 MB${result.peakRssMb < 500 ? '' : ': NOT met'}`],
      ['output', `${result.entities} entity records, ${result.coMentions} co-mentions`, ''],
    ];
    const width = Math.max(...rows.map((row) => row[0].length));
    const valueWidth = Math.max(...rows.map((row) => row[1].length));
    for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${note}`);
    printReaderBench();
  }
}
