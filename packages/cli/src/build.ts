// `missiongraph build`: discovers inputs, extracts each document (cache first, then the worker pool), builds and
// analyses the graph, and writes every output file atomically under the output folder's lock.
import fs from 'node:fs';
import path from 'node:path';
import { defaultLexiconEntries, type LexiconEntries } from '@missiongraph/extract';
import {
  analyzeGraph,
  analyzeGraphElsewhere,
  compareStrings,
  evidenceLimitedView,
  networkMetrics,
  networkPositions,
  edgesCsvChunks,
  evidenceJsonlChunks,
  gexfChunks,
  graphTimelineSpells,
  cytoscapeJsonChunks,
  gmlChunks,
  neo4jNodesCsvChunks,
  neo4jRelationshipsCsvChunks,
  writeNeo4jCypher,
  DEFAULT_GEXF_VERSION,
  type GexfOptions,
  type GexfVersion,
  graphJsonChunks,
  graphmlChunks,
  GraphBuilder,
  DEFAULT_EXPORT_EVIDENCE,
  nodesCsvChunks,
  type MissionGraph,
  type PreviousMap,
} from '@missiongraph/graph';
import {
  cacheKey,
  ExtractionStore,
  removeLegacyEntries,
  readFileIndex,
  sha256,
  stampMatches,
  writeFileIndex,
  type ExtractionSettings,
  type FileIndex,
} from './cache.ts';
import { extractorFingerprint, outputFingerprint, UNKNOWN_CODE } from './fingerprint.ts';
import { discoverInputs, documentId, fsPathOf, InputError, type InputFile } from './discover.ts';
import { describeFileError, formatBytes, type DocumentOutcome, type DocumentTask, type ReadDocument } from './document-task.ts';
import { acquireLock, BuildError, ensureOutDir, removeStaleStaging, writeOutputsAtomically, type OutputFile, type WriteHooks, type WrittenOutput } from './out-dir.ts';
import { BuildThread, THREAD_OUTPUT_NAMES } from './build-thread.ts';
import { readBuildState, removeBuildState, writeBuildState, type BuildState, type StateDocument } from './build-state.ts';
import type { ExtractionRunner, PlannedTask } from './pool.ts';
import { createProgress, type ProgressMode } from './progress.ts';
import { terminalSafe } from './terminal.ts';
import { CLI_VERSION } from './version.ts';

export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;
/** Seed of every random choice in the graph analysis (communities, layout), so builds are reproducible. */
export const ANALYSIS_SEED = 1;
/** How many topics a build keeps at most: those that most documents use first (GraphBuilder's maxTopics). */
export const MAX_TOPICS = 150;
export const MANIFEST_FORMAT = 'missiongraph-manifest/1';

/** What `--formats` can name, and the files each one is. */
export const OUTPUT_FORMATS = {
  json: ['graph.json'],
  gexf: ['graph.gexf'],
  graphml: ['graph.graphml'],
  csv: ['nodes.csv', 'edges.csv'],
  evidence: ['evidence.jsonl'],
  cytoscape: ['graph.cyjs'],
  neo4j: ['neo4j-nodes.csv', 'neo4j-relationships.csv', 'neo4j-import.cypher'],
  gml: ['graph.gml'],
} as const satisfies Record<string, readonly string[]>;
export type OutputFormat = keyof typeof OUTPUT_FORMATS;
export const ALL_OUTPUT_FORMATS = Object.keys(OUTPUT_FORMATS) as OutputFormat[];
/**
 * What a build writes without --formats: the explorer's graph.json, GEXF for Gephi, the CSV tables and the evidence.
 * The exports for other tools (graphml, cytoscape, neo4j, gml) are asked for by name: GraphML carries what GEXF does,
 * and writing both by default made the outputs of a big corpus more than twice its text (docs/rebuild.md).
 */
export const DEFAULT_OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'gexf', 'csv', 'evidence'];

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
  /** Evidence sentences per edge in GEXF and GraphML (default DEFAULT_EXPORT_EVIDENCE); 'all' keeps every one. */
  exportEvidence?: number | 'all';
  /** Lay out and number communities from scratch (the cold result) instead of from the previous map. */
  fresh?: boolean;
  /** GEXF version of graph.gexf (default DEFAULT_GEXF_VERSION, 1.2draft). */
  gexfVersion?: GexfVersion;
  /** graph.gexf is dynamic (`--gexf-dynamic`): spells from the documents' dates, for Gephi's timeline. */
  gexfDynamic?: boolean;
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
  /** What a build that started from the previous one changed; undefined for a cold build. */
  changes?: BuildChanges;
}

export interface BuildChanges {
  documents: { added: number; changed: number; removed: number };
  nodes: { added: number; removed: number };
  edges: { added: number; removed: number };
  /** Displacement of the nodes both maps hold, as fractions of the new layout's diameter; undefined with --fresh. */
  layout?: { median: number; max: number; diameter: number; nodes: number };
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

/**
 * Reads the documents whose file stamp is unchanged straight from the cache, without opening the file itself.
 * Undefined when the cache has no entry; the reason when its entry failed a check (the document is then extracted again).
 */
function readUnchangedFromCache(
  file: InputFile,
  stat: fs.Stats,
  index: FileIndex,
  store: ExtractionStore,
  settings: ExtractionSettings,
): DocumentOutcome | { invalid: string } | undefined {
  const stamp = index.get(file.realPath);
  if (!stampMatches(stamp, stat)) return undefined;
  const key = cacheKey(file.id, stamp.contentSha, settings);
  const cached = store.get(key, file.id);
  if (cached.status === 'invalid') return { invalid: cached.reason };
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
  options: { topics: boolean; maxFileSize: number; seed: number; formats: OutputFormat[]; gexfEvidence: number | 'all'; gexfVersion?: GexfVersion; gexfDynamic?: true };
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

/**
 * Runs one build. Throws BuildError (or InputError) for failures that stop the build; skipped files are in the summary.
 * `lexicon` gives the version (part of cache keys) and the entries by id; the recogniser is compiled in the workers only.
 */
export async function runBuild(options: BuildOptions, runner: ExtractionRunner, lexicon: LexiconEntries = defaultLexiconEntries()): Promise<BuildSummary> {
  const startedAt = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.outDir);
  const cacheDir = path.resolve(cwd, options.cacheDir ?? path.join(outDir, '.cache'));
  // The outputs and the cache are never inputs, even under a glob or folder that covers them.
  const discovery = discoverInputs(options.inputs, cwd, { exclude: [outDir, cacheDir] });

  ensureOutDir(outDir);
  const releaseLock = acquireLock(outDir);
  try {
    removeStaleStaging(outDir);
    const settings: ExtractionSettings = { extractorVersion: extractorFingerprint(), lexiconVersion: lexicon.version, topics: options.topics, ...(options.dateFrom && options.dateFrom !== 'content' ? { dateFrom: options.dateFrom } : {}) };
    const skipped: SkippedInput[] = [];
    const relativeToRoot = (file: string): string => documentId(discovery.root, file);
    const skip = (file: string, reason: string): void => {
      skipped.push({ id: relativeToRoot(file), reason });
      options.log(`missiongraph: skipped ${displayPath(file, cwd)}: ${reason}`);
    };
    for (const problem of discovery.skipped) skip(problem.path, problem.reason);
    for (const { path: file, note } of discovery.notes) options.log(`missiongraph: warning: ${displayPath(file, cwd)}: ${note}`);
    for (const duplicate of discovery.duplicates) {
      options.log(`missiongraph: note: ${displayPath(duplicate.path, cwd)} is the same file as ${displayPath(duplicate.sameAs, cwd)}; read once`);
    }

    const index: FileIndex = options.force ? new Map() : readFileIndex(cacheDir);
    // Outcomes waiting for an earlier document: they go to the graph in corpus order, whatever order they finish in.
    const waiting = new Map<string, DocumentOutcome>();
    const stats = new Map<string, fs.Stats>();
    for (const file of discovery.files) {
      try {
        stats.set(file.id, fs.statSync(fsPathOf(file)));
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
    const formats = ALL_OUTPUT_FORMATS.filter((format) => (options.formats ?? DEFAULT_OUTPUT_FORMATS).includes(format));
    const gexfVersion = options.gexfVersion ?? DEFAULT_GEXF_VERSION;
    const manifestOptions = {
      topics: options.topics,
      maxFileSize: options.maxFileSize,
      seed: ANALYSIS_SEED,
      formats,
      gexfEvidence: options.exportEvidence ?? DEFAULT_EXPORT_EVIDENCE,
      ...(gexfVersion !== DEFAULT_GEXF_VERSION ? { gexfVersion } : {}),
      ...(options.gexfDynamic === true ? { gexfDynamic: true as const } : {}),
      ...(settings.dateFrom ? { dateFrom: settings.dateFrom } : {}),
    };
    const gexfOptions: GexfOptions = { version: gexfVersion, toolVersion: `missiongraph ${CLI_VERSION}`, extractorVersion: settings.extractorVersion };
    const lastManifest = readPreviousManifest(outDir);
    // --fresh redraws the map even when the inputs are those of the outputs in the folder.
    const previous = options.force || options.fresh === true ? undefined : lastManifest;
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

    const outputVersions = { extractor: settings.extractorVersion, lexicon: lexicon.version, output: outputFingerprint() };
    // Something changed. Threads take seconds to start (the pool's compile the lexicon): start them now, so they load
    // while this thread reads the previous state. The pool only when some file must be read (its stamp is not the
    // one the file index holds), the build thread (analysis, XML exports) always.
    const mustRead = discovery.files.some((file) => {
      const stat = stats.get(file.id);
      return stat !== undefined && (options.force || stat.size > options.maxFileSize || !stampMatches(index.get(file.realPath), stat));
    });
    if (mustRead) await runner.prepare(cacheDir);
    const threadStarting = BuildThread.start(cacheDir).catch(() => undefined);
    const store = ExtractionStore.open(cacheDir);
    if (store.problem !== undefined) options.log(`missiongraph: warning: extraction cache ${displayPath(cacheDir, cwd)}: ${store.problem}`);
    try {
      // A build starts from the previous one (its tallies, keys and map) unless told not to, or the state is missing,
      // stale or damaged; then it starts cold. Topics are decided per document, so a rebuild keeps them too.
      let state: BuildState | undefined;
      if (!options.force && outputVersions.output !== UNKNOWN_CODE) {
        const read = readBuildState(cacheDir, outputVersions);
        if (read.status === 'ok') state = read.state;
        else if (read.status === 'damaged') options.log(`missiongraph: warning: graph state in ${displayPath(cacheDir, cwd)} ignored (${read.reason}); built from the cache`);
      }
      const buildWith = async (from: BuildState | undefined): Promise<BuildSummary> =>
        buildGraphAndWrite({ gexfOptions, options, cwd, outDir, cacheDir, lexicon, runner, settings, outputVersions, discovery, stats, index, waiting: new Map(waiting), skipped: [...skipped], deferredSkip: skip, relativeToRoot, store, state: from, previous, lastManifest, identity, upToDateSummary, formats, manifestOptions, startedAt, threadStarting });
      try {
        return await buildWith(state);
      } catch (error) {
        if (!(error instanceof StateUnusable)) throw error;
        options.log(`missiongraph: warning: ${error.message}; built from the cache instead`);
        store.commit();
        removeBuildState(cacheDir);
        return await buildWith(undefined);
      }
    } finally {
      store.close();
      await (await threadStarting)?.close();
    }
  } finally {
    releaseLock();
  }
}

/** The previous build's state cannot be updated (an entry to subtract is gone or damaged): start cold. */
class StateUnusable extends Error {}

interface BuildContext {
  gexfOptions: GexfOptions;
  options: BuildOptions;
  cwd: string;
  outDir: string;
  cacheDir: string;
  lexicon: LexiconEntries;
  runner: ExtractionRunner;
  settings: ExtractionSettings;
  outputVersions: BuildState['versions'];
  discovery: ReturnType<typeof discoverInputs>;
  stats: Map<string, fs.Stats>;
  index: FileIndex;
  waiting: Map<string, DocumentOutcome>;
  skipped: SkippedInput[];
  deferredSkip: (file: string, reason: string) => void;
  relativeToRoot: (file: string) => string;
  store: ExtractionStore;
  state: BuildState | undefined;
  previous: PreviousManifest | undefined;
  lastManifest: PreviousManifest | undefined;
  identity: (inputs: ManifestInput[]) => BuildIdentity;
  upToDateSummary: (manifest: PreviousManifest, cacheHits: number, warnings: number) => BuildSummary;
  formats: OutputFormat[];
  manifestOptions: BuildIdentity['options'];
  startedAt: number;
  /** The build thread (analysis, XML exports), started early by runBuild; undefined when it cannot start. */
  threadStarting: Promise<BuildThread | undefined>;
}

/** Median and maximum displacement of the nodes two maps share, over the new map's diameter (largest distance). */
export function layoutMovement(before: ReadonlyMap<string, readonly [number, number]>, graph: MissionGraph): BuildChanges['layout'] {
  const xs: number[] = [];
  const ys: number[] = [];
  const moves: number[] = [];
  graph.forEachNode((key, attributes) => {
    const x = Number(attributes['x']);
    const y = Number(attributes['y']);
    xs.push(x);
    ys.push(y);
    const old = before.get(key);
    if (old !== undefined) moves.push(Math.hypot(x - old[0], y - old[1]));
  });
  let diameter = 0;
  for (let i = 0; i < xs.length; i += 1) {
    for (let j = i + 1; j < xs.length; j += 1) diameter = Math.max(diameter, (xs[i]! - xs[j]!) ** 2 + (ys[i]! - ys[j]!) ** 2);
  }
  diameter = Math.sqrt(diameter) || 1;
  moves.sort((a, b) => a - b);
  const median = moves.length === 0 ? 0 : moves.length % 2 === 1 ? moves[(moves.length - 1) / 2]! : (moves[moves.length / 2 - 1]! + moves[moves.length / 2]!) / 2;
  return { median: median / diameter, max: (moves[moves.length - 1] ?? 0) / diameter, diameter, nodes: moves.length };
}

async function buildGraphAndWrite(context: BuildContext): Promise<BuildSummary> {
  const { options, cwd, outDir, cacheDir, lexicon, runner, settings, discovery, stats, index, waiting, skipped, relativeToRoot, store, state } = context;
  const { previous, lastManifest, identity, upToDateSummary, formats, manifestOptions, startedAt, outputVersions, gexfOptions, threadStarting } = context;
  const stateDocuments = new Map<string, StateDocument>((state?.documents ?? []).map((document) => [document.id, document]));
  const builderOptions = { lexicon, documentOrder: compareStrings, maxTopics: MAX_TOPICS };
  let builder: GraphBuilder;
  try {
    builder = state !== undefined ? GraphBuilder.fromState(state.builder, builderOptions) : new GraphBuilder(builderOptions);
  } catch (error) {
    throw new StateUnusable(`graph state unreadable (${error instanceof Error ? error.message : String(error)})`);
  }
  /** The previous extraction of a document, to subtract it; without it the state cannot be updated. */
  const subtract = (document: StateDocument): void => {
    const old = store.get(document.key, document.id);
    if (old.status !== 'hit') throw new StateUnusable(`the cache entry of ${document.id} is ${old.status === 'miss' ? 'missing' : `damaged (${old.reason})`}, so the previous graph cannot be updated`);
    builder.remove(old.extraction);
  };
  const inputs: ManifestInput[] = [];
  const stateOut: StateDocument[] = [];
  const newIndex: FileIndex = new Map();
  const usedKeys = new Set<string>();
  const present = new Set<string>();
  const counts = { added: 0, changed: 0 };
  /** Documents whose cache entry failed a check in this thread, with the reason, for their warning line. */
  const ignoredEntries = new Map<string, string>();
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
    const known = stateDocuments.get(file.id);
    const extraction = outcome.extraction;
    const extractionWarnings = extraction?.warnings ?? known?.warnings ?? [];
    const ignored = ignoredEntries.get(file.id);
    const outcomeNotes = ignored === undefined || outcome.source !== 'extracted' ? outcome.notes : [...outcome.notes, `cache entry ignored and rebuilt (${ignored})`];
    for (const note of [...outcomeNotes, ...extractionWarnings]) {
      warnings += 1;
      deferredLines.push(`missiongraph: warning: ${displayPath(file.path, cwd)}: ${note}`);
    }
    if (outcome.source !== 'extracted') cacheHits += 1;
    if (outcome.record !== undefined || outcome.extractionJson !== undefined) {
      try {
        if (outcome.record !== undefined) store.putRecord(outcome.key, file.id, outcome.record);
        else store.put(outcome.key, outcome.stamp.contentSha, settings, file.id, outcome.extractionJson!);
      } catch (error) {
        deferredLines.push(`missiongraph: warning: ${displayPath(file.path, cwd)}: cache not written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      }
    }
    usedKeys.add(outcome.key);
    present.add(file.id);
    newIndex.set(file.realPath, { ...outcome.stamp, warnings: extractionWarnings });
    const unchanged = outcome.source === 'unchanged' || (state !== undefined && known?.key === outcome.key);
    if (!unchanged) {
      if (extraction === undefined) throw new StateUnusable(`no extraction for ${file.id}`);
      if (known !== undefined) {
        subtract(known);
        counts.changed += 1;
      } else if (state !== undefined) counts.added += 1;
      builder.add(extraction);
    }
    const format = extraction?.document.format ?? known!.format;
    const sentenceCount = extraction?.document.sentenceCount ?? known!.sentences;
    documents += 1;
    sentences += sentenceCount;
    bytes += outcome.bytes;
    inputs.push({ id: file.id, sha256: outcome.stamp.contentSha, bytes: outcome.bytes, encoding: outcome.encoding, format, sentences: sentenceCount });
    stateOut.push({ id: file.id, key: outcome.key, sha256: outcome.stamp.contentSha, bytes: outcome.bytes, encoding: outcome.encoding, format, sentences: sentenceCount, warnings: extractionWarnings });
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
      const stamp = index.get(file.realPath);
      const known = stateDocuments.get(file.id);
      const stampKey = stamp === undefined ? undefined : cacheKey(file.id, stamp.contentSha, settings);
      // Same file stamp and the key the previous graph holds: nothing to read at all.
      if (!options.force && stat.size <= options.maxFileSize && known !== undefined && stampMatches(stamp, stat) && stampKey === known.key) {
        const unchanged: ReadDocument = {
          status: 'ok',
          id: file.id,
          source: 'unchanged',
          bytes: stat.size,
          encoding: stamp.encoding,
          key: known.key,
          stamp,
          notes: stamp.encodingNote === undefined ? [] : [stamp.encodingNote],
        };
        accept(unchanged);
        progress.advance(stat.size);
        continue;
      }
      // Files over the size limit go to processDocument, which skips them, cached or not.
      const fromCache = options.force || stat.size > options.maxFileSize ? undefined : readUnchangedFromCache(file, stat, index, store, settings);
      if (fromCache !== undefined && 'invalid' in fromCache) ignoredEntries.set(file.id, fromCache.invalid);
      else if (fromCache !== undefined) {
        accept(fromCache);
        progress.advance(stat.size);
        continue;
      }
      const hintKey = known?.key ?? stampKey;
      const location = hintKey === undefined ? undefined : store.locate(hintKey);
      const task: DocumentTask = {
        id: file.id,
        path: file.path,
        cacheDir,
        maxFileSize: options.maxFileSize,
        settings,
        ignoreCache: options.force,
        ...(hintKey !== undefined ? { previous: { key: hintKey, inGraph: known !== undefined, ...(location !== undefined ? { location } : {}) } } : {}),
      };
      if (file.rawPath !== undefined) task.rawPath = file.rawPath;
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
  // Documents of the previous graph that are gone (or now skipped) leave it.
  let removedDocuments = 0;
  if (state !== undefined) {
    for (const document of state.documents) {
      if (present.has(document.id)) continue;
      subtract(document);
      removedDocuments += 1;
    }
  }

  if (options.strict && skipped.length > 0) {
    throw new BuildError(`${skipped.length} input(s) skipped and --strict is set; no output written`);
  }
  if (documents === 0) {
    throw new BuildError('no readable document among the inputs; no output written');
  }
  const saveCacheState = (): void => {
    try {
      writeFileIndex(cacheDir, newIndex);
      store.commit(options.prune ? usedKeys : undefined);
      if (options.prune) removeLegacyEntries(cacheDir);
    } catch (error) {
      options.log(`missiongraph: warning: cache folder ${cacheDir} not updated (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  };
  // Files were touched or re-read but their contents, and so the outputs, are the same.
  if (previous !== undefined && state !== undefined && outputsAreCurrent(previous, identity(inputs), outDir)) {
    saveCacheState();
    return upToDateSummary(previous, cacheHits, warnings);
  }

  const readDone = performance.now();
  // The analysis runs in a thread, so this one only waits and Ctrl-C ends the build at once. With more than one worker
  // allowed, a second thread computes the metrics while the first lays out the graph, then the first writes the GEXF and
  // GraphML exports while this one writes the rest. The first was started by runBuild (so it has loaded), which closes it.
  const thread = await threadStarting;
  const metricsThread = thread !== undefined && runner.workers > 1 ? await BuildThread.start(cacheDir) : undefined;
  const analyzeAndWrite = async (): Promise<BuildSummary> => {
    const builderState = builder.exportState();
    const graph: MissionGraph = builder.finish();
    const graphDone = performance.now();
    const positions = new Map<string, readonly [number, number]>((state?.map.nodes ?? []).map(([key, x, y]) => [key, [x, y] as const]));
    const previousMap: PreviousMap | undefined =
      state === undefined || options.fresh === true
        ? undefined
        : {
            positions,
            communities: new Map(state.map.nodes.map(([key, , , community]) => [key, community])),
            unchanged: counts.added === 0 && counts.changed === 0 && removedDocuments === 0,
          };
    const analyzeOptions = { seed: ANALYSIS_SEED, ...(previousMap !== undefined ? { previous: previousMap } : {}) };
    progress.phase(`analysing the graph (${graph.order} entities, ${graph.size} links)`);
    // Only when no thread can be started (no bundle) does the analysis run here.
    if (thread === undefined) analyzeGraph(graph, analyzeOptions);
    else {
      // Should a thread fail, its half is computed here: the same result either way.
      await analyzeGraphElsewhere(graph, analyzeOptions, {
        metrics: (network, seed, communities) => (metricsThread ?? thread).metrics(network, seed, communities).catch(() => networkMetrics(network, seed, communities)),
        positions: (network, seed, iterations, start) => thread.positions(network, seed, iterations, start).catch(() => networkPositions(network, seed, iterations, start)),
      });
    }
    await metricsThread?.close();
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
    const exportEvidence = manifestOptions.gexfEvidence;
    let tableView: MissionGraph | undefined;
    const viewForTables = (): MissionGraph => (tableView ??= evidenceLimitedView(graph, exportEvidence === 'all' ? undefined : exportEvidence) as MissionGraph);
    // --gexf-dynamic: spells from the full graph's evidence (the table view cuts it), none when no document has a date.
    const spells = manifestOptions.gexfDynamic === true ? graphTimelineSpells(graph) : undefined;
    const gexfWritten: GexfOptions = spells !== undefined && spells.nodes.size > 0 ? { ...gexfOptions, spells } : gexfOptions;
    const producers: Record<string, () => Iterable<string>> = {
      'graph.json': () => graphJsonChunks(graph),
      'graph.gexf': () => gexfChunks(viewForTables(), gexfWritten),
      'graph.graphml': () => graphmlChunks(viewForTables()),
      'graph.cyjs': () => cytoscapeJsonChunks(graph),
      'neo4j-nodes.csv': () => neo4jNodesCsvChunks(graph),
      'neo4j-relationships.csv': () => neo4jRelationshipsCsvChunks(graph),
      'neo4j-import.cypher': () => [writeNeo4jCypher(graph)],
      'graph.gml': () => gmlChunks(graph),
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
        versions: outputVersions,
        options: manifestOptions,
        counts: { documents: inputs.length, skipped: skipped.length, ...graphCounts },
        inputs,
        skipped,
        outputs: written,
      };
      return { name: 'manifest.json', content: () => JSON.stringify(manifest, null, 2) + '\n' };
    };
    const offload =
      thread === undefined || runner.workers <= 1
        ? undefined
        : { names: THREAD_OUTPUT_NAMES, write: (staging: string, names: string[]) => thread.write(viewForTables(), staging, names, gexfWritten), cancel: () => thread.close() };
    const written = await writeOutputsAtomically(outDir, files, manifestFile, options.hooks, offload, obsolete);
    const writeDone = performance.now();

    let changes: BuildChanges | undefined;
    if (state !== undefined) {
      const nodesBefore = new Set(state.map.nodes.map(([key]) => key));
      const edgesBefore = new Set(state.map.edges);
      let nodesAdded = 0;
      let edgesAdded = 0;
      graph.forEachNode((key) => {
        if (!nodesBefore.has(key)) nodesAdded += 1;
      });
      graph.forEachEdge((key) => {
        if (!edgesBefore.has(key)) edgesAdded += 1;
      });
      changes = {
        documents: { added: counts.added, changed: counts.changed, removed: removedDocuments },
        nodes: { added: nodesAdded, removed: nodesBefore.size - (graph.order - nodesAdded) },
        edges: { added: edgesAdded, removed: edgesBefore.size - (graph.size - edgesAdded) },
        ...(previousMap !== undefined ? { layout: layoutMovement(positions, graph) } : {}),
      };
    }
    saveCacheState();
    try {
      writeBuildState(cacheDir, {
        versions: outputVersions,
        documents: stateOut,
        builder: builderState,
        map: {
          nodes: graph.mapNodes((key, attributes): [string, number, number, number] => [key, Number(attributes['x']), Number(attributes['y']), Number(attributes['community'])]),
          edges: graph.edges(),
        },
      });
    } catch (error) {
      removeBuildState(cacheDir);
      options.log(`missiongraph: warning: graph state not saved (${(error as NodeJS.ErrnoException).code ?? String(error)}); the next build starts cold`);
    }

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
      ...(changes !== undefined ? { changes } : {}),
    };
  };
  try {
    return await analyzeAndWrite();
  } finally {
    await metricsThread?.close();
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
  const changes = summary.changes;
  if (changes !== undefined) {
    const percent = (fraction: number): string => `${(fraction * 100).toFixed(fraction < 0.1 ? 2 : 1)}%`;
    lines.push(
      `  changed    documents +${changes.documents.added} added, ${changes.documents.changed} changed, -${changes.documents.removed} removed; ` +
        `entities +${changes.nodes.added} -${changes.nodes.removed}; edges +${changes.edges.added} -${changes.edges.removed}`,
      changes.layout === undefined
        ? `  layout     drawn afresh (--fresh)`
        : `  layout     kept: the ${changes.layout.nodes} entities already on the map moved ${percent(changes.layout.median)} of its width (median; at most ${percent(changes.layout.max)})`,
    );
  }
  return lines.join('\n');
}
