// `missiongraph build`: discovers inputs, extracts each document (cache first, then the worker pool), builds and
// analyses the graph, and writes every output file atomically under the output folder's lock.
import fs from 'node:fs';
import path from 'node:path';
import { defaultLexicon, rankTopics, type CompiledLexicon, type DocumentExtraction } from '@missiongraph/extract';
import {
  analyzeGraph,
  analyzeGraphWithLayoutElsewhere,
  forceAtlas2Layout,
  buildGraph,
  edgesCsvChunks,
  evidenceJsonlChunks,
  gexfChunks,
  graphJsonChunks,
  graphmlChunks,
  GraphBuilder,
  nodesCsvChunks,
  type MissionGraph,
} from '@missiongraph/graph';
import {
  cacheKey,
  pruneCache,
  readCacheEntry,
  readFileIndex,
  sha256,
  stampMatches,
  writeFileIndex,
  type ExtractionSettings,
  type FileIndex,
} from './cache.ts';
import { extractorFingerprint, outputFingerprint, UNKNOWN_CODE } from './fingerprint.ts';
import { discoverInputs, InputError, type InputFile } from './discover.ts';
import { describeFileError, formatBytes, type DocumentOutcome, type DocumentTask } from './document-task.ts';
import { acquireLock, BuildError, ensureOutDir, removeStaleStaging, writeOutputsAtomically, type OutputFile, type WriteHooks, type WrittenOutput } from './out-dir.ts';
import { BuildThread, THREAD_OUTPUT_NAMES } from './build-thread.ts';
import type { ExtractionRunner, PlannedTask } from './pool.ts';
import { createProgress, type ProgressMode } from './progress.ts';
import { terminalSafe } from './terminal.ts';
import { CLI_VERSION } from './version.ts';

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;
/** Seed of every random choice in the graph analysis (communities, layout), so builds are reproducible. */
export const ANALYSIS_SEED = 1;
/** How many corpus topics `--topics` keeps. */
export const MAX_TOPICS = 50;
export const MANIFEST_FORMAT = 'missiongraph-manifest/1';

/** What `--formats` can name, and the files each one is. */
export const OUTPUT_FORMATS = {
  json: ['graph.json'],
  gexf: ['graph.gexf'],
  graphml: ['graph.graphml'],
  csv: ['nodes.csv', 'edges.csv'],
  evidence: ['evidence.jsonl'],
} as const satisfies Record<string, readonly string[]>;
export type OutputFormat = keyof typeof OUTPUT_FORMATS;
export const ALL_OUTPUT_FORMATS = Object.keys(OUTPUT_FORMATS) as OutputFormat[];

export interface BuildOptions {
  inputs: readonly string[];
  outDir: string;
  /** Defaults to `<outDir>/.cache`. */
  cacheDir?: string;
  topics: boolean;
  maxFileSize: number;
  strict: boolean;
  /** Delete cache entries this build did not use. */
  prune: boolean;
  /** Ignore the cache and re-extract everything (entries are rewritten). */
  force: boolean;
  /** Where document dates come from (default `content`; see docs/graph-format.md, "Document dates"). */
  dateFrom?: 'name' | 'content' | 'mtime';
  /** The output files to write besides manifest.json (default: all of them). */
  formats?: readonly OutputFormat[];
  progress: ProgressMode;
  cwd?: string;
  /** Where skip lines, warnings and notes go (one line each). */
  log: (line: string) => void;
  hooks?: WriteHooks;
}

export interface SkippedInput {
  /** Path relative to the input root (the id it would have had). */
  id: string;
  reason: string;
}

export interface BuildSummary {
  outDir: string;
  documents: number;
  bytes: number;
  sentences: number;
  nodes: number;
  edges: number;
  coMentionEdges: number;
  evidence: number;
  entitiesByType: Record<string, number>;
  cacheHits: number;
  extracted: number;
  /** The outputs in the folder were already built from these very inputs, versions and options: nothing was rewritten. */
  upToDate: boolean;
  skipped: SkippedInput[];
  warnings: number;
  seconds: number;
  /** Seconds per phase: reading and extraction, graph building, analysis, serialising and writing the outputs. */
  timings: Record<'read' | 'graph' | 'analyze' | 'write', number>;
  peakRssBytes: number;
  /** CPU time of the whole process, every thread (user + system), in seconds: over `seconds`, the cores it kept busy. */
  cpuSeconds: number;
  outputs: string[];
}

interface ManifestInput {
  id: string;
  sha256: string;
  bytes: number;
  encoding: string;
  format: string;
  sentences: number;
}

/**
 * A path as the user would type it, relative to the working folder when inside it, absolute otherwise;
 * made safe for one terminal line (a file name may hold newlines or escape sequences).
 */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return terminalSafe(relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file);
}

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Reads the documents whose file stamp is unchanged straight from the cache, without opening the file itself. */
function readUnchangedFromCache(
  file: InputFile,
  stat: fs.Stats,
  index: FileIndex,
  cacheDir: string,
  settings: ExtractionSettings,
): DocumentOutcome | undefined {
  const stamp = index.get(file.realPath);
  if (!stampMatches(stamp, stat)) return undefined;
  const key = cacheKey(file.id, stamp.contentSha, settings);
  const cached = readCacheEntry(cacheDir, key, file.id);
  if (cached.status !== 'hit') return undefined;
  return {
    status: 'ok',
    id: file.id,
    source: 'cache',
    extraction: cached.extraction,
    bytes: stat.size,
    encoding: stamp.encoding,
    key,
    stamp,
    notes: stamp.encodingNote === undefined ? [] : [stamp.encodingNote],
  };
}

/** What a build compares with the manifest already in the output folder to know whether its outputs are current. */
interface BuildIdentity {
  tool: string;
  versions: { extractor: string; lexicon: string; output: string };
  options: { topics: boolean; maxFileSize: number; seed: number; formats: OutputFormat[] };
  inputs: ManifestInput[];
  skipped: SkippedInput[];
}

interface PreviousManifest extends BuildIdentity {
  counts: { documents: number; bytes: number; sentences: number; nodes: number; edges: number; coMentionEdges: number; evidence: number; entitiesByType: Record<string, number> };
  outputs: WrittenOutput[];
}

/** The manifest of the outputs now in the folder, when this version of the tool wrote it; otherwise undefined. */
function readPreviousManifest(outDir: string): PreviousManifest | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const tool = parsed['tool'] as { version?: unknown } | undefined;
    if (parsed['format'] !== MANIFEST_FORMAT || typeof tool?.version !== 'string') return undefined;
    if (!Array.isArray(parsed['inputs']) || !Array.isArray(parsed['skipped']) || !Array.isArray(parsed['outputs'])) return undefined;
    if (typeof parsed['counts'] !== 'object' || parsed['counts'] === null) return undefined;
    return { ...(parsed as unknown as PreviousManifest), tool: tool.version };
  } catch {
    return undefined;
  }
}

/**
 * True when the folder's outputs were built from exactly these inputs (ids and content hashes), skips, versions and
 * options, and every output the manifest lists is still there at its recorded size. Building again would then write
 * the same bytes (builds are deterministic), so it is not done; --force does it anyway.
 */
function outputsAreCurrent(previous: PreviousManifest, current: BuildIdentity, outDir: string): boolean {
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  if (current.versions.output === UNKNOWN_CODE) return false;
  if (previous.tool !== current.tool || !same(previous.versions, current.versions) || !same(previous.options, current.options)) return false;
  if (!same(previous.inputs, current.inputs) || !same(previous.skipped, current.skipped)) return false;
  return previous.outputs.every((output) => {
    if (typeof output?.name !== 'string' || output.name.includes('/') || output.name.includes(path.sep)) return false;
    try {
      return fs.statSync(path.join(outDir, output.name)).size === output.bytes;
    } catch {
      return false;
    }
  });
}

/**
 * Outputs the last build wrote that this one will not (another --formats): those its manifest lists, that are one of
 * our output names, and whose bytes are still the ones it wrote. A file the user put there or changed stays.
 */
function obsoleteOutputs(outDir: string, last: PreviousManifest, outputNames: ReadonlySet<string>, wanted: ReadonlySet<string>): string[] {
  return last.outputs
    .filter((output) => typeof output?.name === 'string' && outputNames.has(output.name) && !wanted.has(output.name))
    .filter((output) => {
      try {
        const file = path.join(outDir, output.name);
        return fs.statSync(file).size === output.bytes && sha256(fs.readFileSync(file)) === output.sha256;
      } catch {
        return false;
      }
    })
    .map((output) => output.name);
}

function compareSkipped(a: SkippedInput, b: SkippedInput): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The manifest entries of the inputs when the file index vouches for every one of them (same size, times and inode
 * as when it was hashed) and each has the id and hash the previous manifest lists at its place; with the warnings
 * their extraction gave, to report again. Undefined as soon as one file may have changed.
 */
function inputsKnownUnchanged(
  files: readonly InputFile[],
  stats: ReadonlyMap<string, fs.Stats>,
  index: FileIndex,
  previous: PreviousManifest,
  maxFileSize: number,
): { inputs: ManifestInput[]; notes: [string, string][] } | undefined {
  if (files.length !== previous.inputs.length) return undefined;
  const inputs: ManifestInput[] = [];
  const notes: [string, string][] = [];
  for (const [position, file] of files.entries()) {
    const stat = stats.get(file.id);
    const stamp = index.get(file.realPath);
    const listed = previous.inputs[position];
    if (stat === undefined || stat.size > maxFileSize || !stampMatches(stamp, stat) || stamp.warnings === undefined) return undefined;
    if (listed === undefined || listed.id !== file.id || listed.sha256 !== stamp.contentSha) return undefined;
    inputs.push({ id: file.id, sha256: stamp.contentSha, bytes: stat.size, encoding: stamp.encoding, format: listed.format, sentences: listed.sentences });
    for (const note of [...(stamp.encodingNote === undefined ? [] : [stamp.encodingNote]), ...stamp.warnings]) notes.push([file.path, note]);
  }
  return { inputs, notes };
}

/** Runs one build. Throws BuildError (or InputError) for failures that stop the build; skipped files are in the summary. */
export async function runBuild(options: BuildOptions, runner: ExtractionRunner, lexicon: CompiledLexicon = defaultLexicon()): Promise<BuildSummary> {
  const startedAt = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  const cacheDir = path.resolve(cwd, options.cacheDir ?? path.join(outDir, '.cache'));
  const discovery = discoverInputs(options.inputs, cwd);

  ensureOutDir(outDir);
  const releaseLock = acquireLock(outDir);
  try {
    removeStaleStaging(outDir);
    const settings: ExtractionSettings = { extractorVersion: extractorFingerprint(), lexiconVersion: lexicon.version, topics: options.topics, ...(options.dateFrom && options.dateFrom !== 'content' ? { dateFrom: options.dateFrom } : {}) };
    const skipped: SkippedInput[] = [];
    const relativeToRoot = (file: string): string => path.relative(discovery.root, file).split(path.sep).join('/');
    const skip = (file: string, reason: string): void => {
      skipped.push({ id: relativeToRoot(file), reason });
      options.log(`missiongraph: skipped ${displayPath(file, cwd)}: ${reason}`);
    };
    for (const problem of discovery.skipped) skip(problem.path, problem.reason);
    for (const duplicate of discovery.duplicates) {
      options.log(`missiongraph: note: ${displayPath(duplicate.path, cwd)} is the same file as ${displayPath(duplicate.sameAs, cwd)}; read once`);
    }

    const index: FileIndex = options.force ? new Map() : readFileIndex(cacheDir);
    // Outcomes waiting for an earlier document: they go to the graph in corpus order, whatever order they finish in.
    const waiting = new Map<string, DocumentOutcome>();
    const stats = new Map<string, fs.Stats>();
    for (const file of discovery.files) {
      try {
        stats.set(file.id, fs.statSync(file.path));
      } catch (error) {
        waiting.set(file.id, { status: 'skipped', id: file.id, path: file.path, reason: describeFileError(error) });
      }
    }

    const identity = (inputs: ManifestInput[]): BuildIdentity => ({
      tool: CLI_VERSION,
      versions: { extractor: settings.extractorVersion, lexicon: lexicon.version, output: outputFingerprint() },
      options: manifestOptions,
      inputs,
      skipped: [...skipped].sort(compareSkipped),
    });
    const formats = ALL_OUTPUT_FORMATS.filter((format) => (options.formats ?? ALL_OUTPUT_FORMATS).includes(format));
    const manifestOptions = { topics: options.topics, maxFileSize: options.maxFileSize, seed: ANALYSIS_SEED, formats, ...(settings.dateFrom ? { dateFrom: settings.dateFrom } : {}) };
    const lastManifest = readPreviousManifest(outDir);
    const previous = options.force ? undefined : lastManifest;
    /** The summary of a build that found the outputs current: the figures are those of the build that wrote them. */
    const upToDateSummary = (manifest: PreviousManifest, cacheHits: number, warnings: number): BuildSummary => {
      const seconds = (performance.now() - startedAt) / 1000;
      return {
        outDir,
        documents: manifest.counts.documents,
        bytes: manifest.counts.bytes,
        sentences: manifest.counts.sentences,
        nodes: manifest.counts.nodes,
        edges: manifest.counts.edges,
        coMentionEdges: manifest.counts.coMentionEdges,
        evidence: manifest.counts.evidence,
        entitiesByType: manifest.counts.entitiesByType,
        cacheHits,
        extracted: manifest.counts.documents - cacheHits,
        upToDate: true,
        skipped: [...skipped].sort(compareSkipped),
        warnings,
        seconds,
        timings: { read: seconds, graph: 0, analyze: 0, write: 0 },
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
        cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
        outputs: [...manifest.outputs.map((output) => output.name), 'manifest.json'],
      };
    };
    // When no file changed since the build that wrote the outputs (the file index knows each one's hash without
    // opening it), the outputs are current: nothing is read, analysed or written.
    if (previous !== undefined && waiting.size === 0 && !(options.strict && skipped.length > 0)) {
      const known = inputsKnownUnchanged(discovery.files, stats, index, previous, options.maxFileSize);
      if (known !== undefined && outputsAreCurrent(previous, identity(known.inputs), outDir)) {
        for (const [file, note] of known.notes) options.log(`missiongraph: warning: ${displayPath(file, cwd)}: ${note}`);
        return upToDateSummary(previous, known.inputs.length, known.notes.length);
      }
    }

    // Each extraction is added to the graph as soon as every document before it is in, then let go: the build never
    // holds the whole corpus's extractions. --topics ranks topics over the whole corpus first, so it keeps them.
    const builder = options.topics ? undefined : new GraphBuilder({ lexicon });
    const keptForTopics: DocumentExtraction[] = [];
    const inputs: ManifestInput[] = [];
    const newIndex: FileIndex = new Map();
    const usedKeys = new Set<string>();
    // Skip and warning lines wait until the progress display is gone; they are printed in corpus order.
    const deferredLines: string[] = [];
    let documents = 0;
    let sentences = 0;
    let cacheHits = 0;
    let warnings = 0;
    let bytes = 0;
    const consume = (file: InputFile, outcome: DocumentOutcome): void => {
      if (outcome.status === 'skipped') {
        skipped.push({ id: relativeToRoot(file.path), reason: outcome.reason });
        deferredLines.push(`missiongraph: skipped ${displayPath(file.path, cwd)}: ${outcome.reason}`);
        return;
      }
      for (const note of [...outcome.notes, ...outcome.extraction.warnings]) {
        warnings += 1;
        deferredLines.push(`missiongraph: warning: ${displayPath(file.path, cwd)}: ${note}`);
      }
      if (outcome.source === 'cache') cacheHits += 1;
      usedKeys.add(outcome.key);
      newIndex.set(file.realPath, { ...outcome.stamp, warnings: outcome.extraction.warnings });
      if (builder !== undefined) builder.add(outcome.extraction);
      else keptForTopics.push(outcome.extraction);
      documents += 1;
      sentences += outcome.extraction.document.sentenceCount;
      bytes += outcome.bytes;
      inputs.push({
        id: file.id,
        sha256: outcome.stamp.contentSha,
        bytes: outcome.bytes,
        encoding: outcome.encoding,
        format: outcome.extraction.document.format,
        sentences: outcome.extraction.document.sentenceCount,
      });
    };
    let nextFile = 0;
    const drain = (): void => {
      while (nextFile < discovery.files.length) {
        const file = discovery.files[nextFile]!;
        const outcome = waiting.get(file.id);
        if (outcome === undefined) return;
        waiting.delete(file.id);
        consume(file, outcome);
        nextFile += 1;
      }
    };
    const accept = (outcome: DocumentOutcome): void => {
      waiting.set(outcome.id, outcome);
      drain();
    };

    const progress = createProgress(options.progress);
    const totalBytes = [...stats.values()].reduce((sum, stat) => sum + stat.size, 0);
    progress.start(stats.size, totalBytes);
    const toExtract: PlannedTask[] = [];
    try {
      for (const file of discovery.files) {
        const stat = stats.get(file.id);
        if (stat === undefined) continue;
        // Files over the size limit go to processDocument, which skips them, cached or not.
        const fromCache = options.force || stat.size > options.maxFileSize ? undefined : readUnchangedFromCache(file, stat, index, cacheDir, settings);
        if (fromCache !== undefined) {
          accept(fromCache);
          progress.advance(stat.size);
          continue;
        }
        const task: DocumentTask = { id: file.id, path: file.path, cacheDir, maxFileSize: options.maxFileSize, settings, ignoreCache: options.force };
        toExtract.push({ task, bytes: stat.size });
      }
      await runner.run(toExtract, (outcome, fileBytes) => {
        accept(outcome);
        progress.advance(fileBytes);
      });
      drain();
    } finally {
      progress.stop();
      // The workers' heaps (lexicon, NER models) are not needed for the graph: give the memory back now.
      await runner.close();
      for (const line of deferredLines) options.log(line);
    }
    skipped.sort(compareSkipped);

    if (options.strict && skipped.length > 0) {
      throw new BuildError(`${skipped.length} input(s) skipped and --strict is set; no output written`);
    }
    if (documents === 0) {
      throw new BuildError('no readable document among the inputs; no output written');
    }
    const saveCacheState = (): void => {
      try {
        writeFileIndex(cacheDir, newIndex);
        if (options.prune) pruneCache(cacheDir, usedKeys);
      } catch (error) {
        options.log(`missiongraph: warning: cache folder ${cacheDir} not updated (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
    };
    // Files were touched or re-read but their contents, and so the outputs, are the same.
    if (previous !== undefined && outputsAreCurrent(previous, identity(inputs), outDir)) {
      saveCacheState();
      return upToDateSummary(previous, cacheHits, warnings);
    }

    const readDone = performance.now();
    // With more than one thread allowed, a second thread runs the layout while this one computes the metrics, then
    // writes the GEXF and GraphML exports while this one writes the rest. Started now, so it loads meanwhile.
    const thread = runner.workers > 1 ? await BuildThread.start(cacheDir) : undefined;
    const analyzeAndWrite = async (): Promise<BuildSummary> => {
      let graph: MissionGraph;
      if (builder !== undefined) graph = builder.finish();
      else {
        const topics = rankTopics(keptForTopics, { max: MAX_TOPICS });
        graph = buildGraph(keptForTopics, { lexicon, topics });
        keptForTopics.length = 0;
      }
      const graphDone = performance.now();
      if (thread === undefined) analyzeGraph(graph, { seed: ANALYSIS_SEED });
      else {
        // Should the thread fail, the layout is computed here: the same positions either way.
        await analyzeGraphWithLayoutElsewhere(graph, { seed: ANALYSIS_SEED }, (network, seed, iterations) =>
          thread.layout(network, seed, iterations).catch(() => forceAtlas2Layout(network, seed, iterations)),
        );
      }
      const analyzeDone = performance.now();

      const entitiesByType = new Map<string, number>();
      graph.forEachNode((_key, attributes) => {
        const type = String(attributes['type']);
        entitiesByType.set(type, (entitiesByType.get(type) ?? 0) + 1);
      });
      let coMentionEdges = 0;
      let evidence = 0;
      graph.forEachEdge((_key, attributes) => {
        if (attributes['kind'] === 'co-mention') {
          coMentionEdges += 1;
          evidence += Array.isArray(attributes['evidence']) ? (attributes['evidence'] as unknown[]).length : 0;
        }
      });

      /** The figures the manifest and the summary share. */
      const graphCounts = {
        bytes,
        sentences,
        nodes: graph.order,
        edges: graph.size,
        coMentionEdges,
        evidence,
        entitiesByType: sortedRecord(entitiesByType),
      };
      const producers: Record<string, () => Iterable<string>> = {
        'graph.json': () => graphJsonChunks(graph),
        'graph.gexf': () => gexfChunks(graph),
        'graph.graphml': () => graphmlChunks(graph),
        'nodes.csv': () => nodesCsvChunks(graph),
        'edges.csv': () => edgesCsvChunks(graph),
        'evidence.jsonl': () => evidenceJsonlChunks(graph),
      };
      const wanted = new Set<string>(formats.flatMap((format) => OUTPUT_FORMATS[format]));
      const files: OutputFile[] = Object.entries(producers)
        .filter(([name]) => wanted.has(name))
        .map(([name, content]) => ({ name, content }));
      const obsolete = lastManifest === undefined ? [] : obsoleteOutputs(outDir, lastManifest, new Set(Object.keys(producers)), wanted);
      const manifestFile = (written: readonly WrittenOutput[]): OutputFile => {
        const manifest = {
          format: MANIFEST_FORMAT,
          tool: { name: 'missiongraph', version: CLI_VERSION },
          versions: { extractor: settings.extractorVersion, lexicon: lexicon.version, output: outputFingerprint() },
          options: manifestOptions,
          counts: { documents: inputs.length, skipped: skipped.length, ...graphCounts },
          inputs,
          skipped,
          outputs: written,
        };
        return { name: 'manifest.json', content: () => JSON.stringify(manifest, null, 2) + '\n' };
      };
      const offload =
        thread === undefined
          ? undefined
          : { names: THREAD_OUTPUT_NAMES, write: (staging: string, names: string[]) => thread.write(graph, staging, names), cancel: () => thread.close() };
      const written = await writeOutputsAtomically(outDir, files, manifestFile, options.hooks, offload, obsolete);
      const writeDone = performance.now();

      saveCacheState();

      return {
        outDir,
        documents,
        ...graphCounts,
        cacheHits,
        extracted: documents - cacheHits,
        upToDate: false,
        skipped,
        warnings,
        seconds: (performance.now() - startedAt) / 1000,
        timings: {
          read: (readDone - startedAt) / 1000,
          graph: (graphDone - readDone) / 1000,
          analyze: (analyzeDone - graphDone) / 1000,
          write: (writeDone - analyzeDone) / 1000,
        },
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
        cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
        outputs: written.map((file) => file.name),
      };
    };
    try {
      return await analyzeAndWrite();
    } finally {
      await thread?.close();
    }
  } finally {
    releaseLock();
  }
}

export { BuildError, InputError };

/** The closing summary, a few lines for people. */
export function formatSummary(summary: BuildSummary, cwd: string = process.cwd()): string {
  const types = Object.entries(summary.entitiesByType)
    .map(([type, count]) => `${type} ${count}`)
    .join(', ');
  const lines = [
    summary.upToDate
      ? `missiongraph: ${displayPath(summary.outDir, cwd)} is up to date (no input, version or option changed); nothing rewritten (${summary.seconds.toFixed(2)} s)`
      : `missiongraph: built ${displayPath(summary.outDir, cwd)} in ${summary.seconds.toFixed(2)} s`,
    `  documents  ${summary.documents} (${formatBytes(summary.bytes)}; ${summary.cacheHits} from cache, ${summary.extracted} extracted)`,
    `  sentences  ${summary.sentences}`,
    `  entities   ${summary.nodes}${types === '' ? '' : ` (${types})`}`,
    `  edges      ${summary.edges} (${summary.coMentionEdges} co-mention, ${summary.evidence} pieces of evidence)`,
    `  skipped    ${summary.skipped.length}${summary.warnings > 0 ? `; warnings ${summary.warnings}` : ''}`,
    `  peak memory ${formatBytes(summary.peakRssBytes)}`,
  ];
  return lines.join('\n');
}
