// The `missiongraph` command line: parses arguments, runs build / diff / inspect / explain, prints help and one-line errors.
// Exit codes: 0 done, 1 failed (nothing written), 2 built but some inputs were skipped.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultLexicon } from '@missiongraph/extract';
import { DEFAULT_EXPORT_EVIDENCE } from '@missiongraph/graph';
import { GEXF_VERSIONS, type GexfVersion } from '@missiongraph/graph';
import {
  ALL_OUTPUT_FORMATS,
  DEFAULT_MAX_FILE_SIZE,
  displayPath,
  formatSummary,
  runBuild,
  type BuildOptions,
  type BuildSummary,
  type OutputFormat,
} from './build.ts';
import { diffOutDirs, formatDiff } from './diff.ts';
import { InputError } from './discover.ts';
import { EXPLAIN_HELP, explainFile, explanationJson, formatExplanation } from './explain.ts';
import { loadGraph } from './graph-file.ts';
import { findEntities, formatEntityReport, inspectEntity, suggestEntities } from './inspect.ts';
import { BuildError, runCleanups } from './out-dir.ts';
import { ExtractionRunner } from './pool.ts';
import { chooseProgressMode } from './progress.ts';
import { terminalSafe } from './terminal.ts';
import { CLI_VERSION } from './version.ts';
import { watchForChanges, watchRoots } from './watch.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_SKIPPED = 2;

/** Test-only: pause this many ms after outputs are staged and before they are renamed (to kill a build mid-write). */
const PAUSE_AFTER_STAGING_ENV = 'MISSIONGRAPH_TEST_PAUSE_AFTER_STAGING_MS';
/** Test-only: pause this many ms after the first output is renamed into place and before the others. */
const PAUSE_BETWEEN_RENAMES_ENV = 'MISSIONGRAPH_TEST_PAUSE_BETWEEN_RENAMES_MS';

const MAIN_HELP = `missiongraph ${CLI_VERSION}: a knowledge graph of UN peace operations from transcripts

Usage:
  missiongraph build <files|folders|globs…> --out DIR [options]
  missiongraph diff OLD_DIR NEW_DIR [--json] [--top N]
  missiongraph inspect NAME --out DIR [--json] [--neighbours N] [--evidence N]
  missiongraph explain FILE [--json] [--topics]
  missiongraph --version

Run "missiongraph <command> --help" for a command's options.

Examples:
  missiongraph build data/transcripts --out data/graph
  missiongraph build 'interviews/**/*.vtt' notes.md --out graph --topics
  missiongraph build data/transcripts --out data/graph --watch
  missiongraph diff graph-last-week data/graph
  missiongraph inspect MONUSCO --out data/graph
  missiongraph explain data/transcripts/un-news-2017-05-22-lacroix-interview.txt
`;

const BUILD_HELP = `missiongraph build <files|folders|globs…> --out DIR [options]

Reads transcripts, interviews and articles (.txt .text .md .markdown .vtt .srt in folders, any file named
directly), finds the missions, countries, organisations, people and concepts they mention, and writes the
co-mention graph to DIR: graph.json, graph.gexf, graph.graphml, nodes.csv, edges.csv, evidence.jsonl,
manifest.json. Unchanged documents come from the extraction cache, so a rebuild costs what is new.

Options:
  -o, --out DIR            output folder (required)
      --cache DIR          extraction cache folder (default DIR/.cache)
  -w, --workers N          worker threads for extraction (default: ${os.availableParallelism()}, the cores here)
      --topics             add corpus topics (recurring noun phrases) as topic nodes
      --max-file-size SIZE skip files larger than this (default 50MB; e.g. 500KB, 2GB, 1048576)
      --date-from WHERE    document dates from: content (default: the text, then the file name),
                           name (the file name first) or mtime (the file's modification day)
      --strict             fail (exit 1, write nothing) when any input is skipped
      --force              ignore the cache and extract every document again, even when the outputs are up to date
      --keep-cache         keep cache entries this build did not use (default: delete them)
      --formats LIST       outputs to write, comma-separated (default: json,gexf,graphml,csv,evidence): json
                           (graph.json, the explorer's), gexf, graphml, csv (nodes.csv, edges.csv), evidence
                           (evidence.jsonl), cytoscape (graph.cyjs, Cytoscape.js JSON), neo4j (neo4j-nodes.csv,
                           neo4j-relationships.csv for neo4j-admin import, neo4j-import.cypher), gml (graph.gml);
                           manifest.json always; diff and inspect read graph.json
      --gexf-version V     1.2 (default: 1.2draft, which every Gephi, networkx and graphology reads) or 1.3
      --gexf-dynamic       graph.gexf is dynamic (mode="dynamic"): each entity and link carries one spell per
                           date of the documents that name it, so Gephi's timeline plays the corpus by date;
                           elements named only in undated documents have no spell (always shown); without any
                           dated document the file stays static
      --gexf-evidence N|all evidence sentences per edge in graph.gexf and graph.graphml (default 3; each edge
                           also carries its evidence count); graph.json and evidence.jsonl keep them all
      --fresh              lay out and number communities from scratch (the cold result) instead of starting
                           from the previous build's map; the extraction cache is still used
      --watch              rebuild whenever the inputs change; Ctrl-C to stop
  -q, --quiet              no progress and no summary (skips and errors are still printed)
      --json               print the summary as JSON on stdout
  -h, --help               this help

Exit codes: 0 built (or up to date); 2 built, but some inputs were skipped (one line each on stderr); 1 failed,
no output written; 130 interrupted (Ctrl-C; the previous outputs are unchanged).

Examples:
  missiongraph build data/transcripts --out data/graph
  missiongraph build 'podcasts/**/*.txt' captions/ --out graph --workers 4 --topics
  missiongraph build data/transcripts --out data/graph --strict --max-file-size 5MB
  missiongraph build data/transcripts --out data/graph --watch
  missiongraph build data/transcripts --out data/graph --formats json,gexf
`;

const DIFF_HELP = `missiongraph diff OLD_DIR NEW_DIR [--json] [--top N]

What a regeneration changed between two build folders: new and removed nodes and edges, the biggest
edge weight changes, and nodes that moved to another community (communities are matched by overlap).

Options:
      --json    the full diff as JSON
      --top N   entries shown per list (default 20)

Example:
  cp -r data/graph /tmp/graph-before && missiongraph build data/transcripts --out data/graph
  missiongraph diff /tmp/graph-before data/graph
`;

const INSPECT_HELP = `missiongraph inspect NAME --out DIR [options]

Finds an entity by id, name or alias (case and accents ignored) and prints its facts, its neighbours by
weight, and the sentences that link it to them, with document, speaker and time.

Options:
  -o, --out DIR        the build folder to read (required)
      --neighbours N   neighbours shown (default 15)
      --evidence N     evidence sentences shown (default 10)
      --json           the whole report as JSON

Examples:
  missiongraph inspect MONUSCO --out data/graph
  missiongraph inspect "cote d'ivoire" --out data/graph --evidence 50
`;

class UsageError extends Error {
  override name = 'UsageError';
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Parses sizes such as 50MB, 500k, 1.5GB or a plain number of bytes. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = SIZE_UNITS[(match?.[2] ?? '').toLowerCase()];
  if (match === null || unit === undefined) throw new UsageError(`--max-file-size: cannot read "${text}" (use e.g. 50MB, 500KB or a number of bytes)`);
  return Math.floor(Number(match[1]) * unit);
}

function parseCount(text: string | undefined, flag: string, fallback: number, minimum: number, maximum = Number.MAX_SAFE_INTEGER): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) throw new UsageError(`${flag}: expected a whole number ≥ ${minimum}, got "${text}"`);
  if (value > maximum) throw new UsageError(`${flag}: at most ${maximum} here, got ${value}${flag === '--workers' ? WORKERS_LIMIT_REASON : ''}`);
  return value;
}

/** `--gexf-evidence 3` or `all`: how many evidence sentences per edge the GEXF and GraphML exports carry. */
function parseExportEvidence(text: string | undefined): number | 'all' {
  if (text === undefined) return DEFAULT_EXPORT_EVIDENCE;
  if (text.trim().toLowerCase() === 'all') return 'all';
  if (!/^\s*\d+\s*$/.test(text)) throw new UsageError(`--gexf-evidence: expected a number of sentences or "all", got "${text}"`);
  return Number(text);
}

/** `--gexf-version 1.3`: one of GEXF_VERSIONS. */
function parseGexfVersion(text: string): GexfVersion {
  const version = GEXF_VERSIONS.find((known) => known === text.trim());
  if (version === undefined) throw new UsageError(`--gexf-version: "${text}" is not one of ${GEXF_VERSIONS.join(', ')}`);
  return version;
}

/** Memory one extraction thread needs at least (its heap, the lexicon, the recogniser's tables). */
const MEMORY_PER_WORKER = 256 * 1024 * 1024;
const WORKERS_LIMIT_REASON = ' (4 per core, and no more than the memory holds at 256 MB a thread)';

/**
 * The most extraction threads a build may start: 4 per core (more only queue for the cores) and no more than the
 * memory holds; 2000 threads would end in an out-of-memory abort instead of an answer.
 */
export function maxWorkers(): number {
  return Math.max(1, Math.min(4 * os.availableParallelism(), Math.floor(os.totalmem() / MEMORY_PER_WORKER)));
}

/** `--formats json,csv`: the output formats named, each known; at least one. */
function parseFormats(text: string): OutputFormat[] {
  const names = text.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  if (names.length === 0) throw new UsageError(`--formats: name at least one of ${ALL_OUTPUT_FORMATS.join(', ')}`);
  for (const name of names) {
    if (!(ALL_OUTPUT_FORMATS as string[]).includes(name)) {
      throw new UsageError(`--formats: unknown format "${name}" (choose from ${ALL_OUTPUT_FORMATS.join(', ')})`);
    }
  }
  return names as OutputFormat[];
}

function parseDateFrom(text: string): 'name' | 'content' | 'mtime' {
  if (text === 'name' || text === 'content' || text === 'mtime') return text;
  throw new UsageError(`--date-from: "${text}" is not one of name, content, mtime`);
}

function writeLine(line: string): void {
  process.stderr.write(line + '\n');
}

function parseBuildArgs(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      cache: { type: 'string' },
      workers: { type: 'string', short: 'w' },
      topics: { type: 'boolean' },
      'max-file-size': { type: 'string' },
      'date-from': { type: 'string' },
      strict: { type: 'boolean' },
      force: { type: 'boolean' },
      'keep-cache': { type: 'boolean' },
      formats: { type: 'string' },
      'gexf-evidence': { type: 'string' },
      fresh: { type: 'boolean' },
      'gexf-version': { type: 'string' },
      'gexf-dynamic': { type: 'boolean' },
      watch: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function summaryJson(summary: BuildSummary): string {
  return JSON.stringify(summary, null, 2);
}

async function runBuildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseBuildArgs(args);
  if (values.help === true) {
    process.stdout.write(BUILD_HELP);
    return EXIT_OK;
  }
  if (values.out === undefined) throw new UsageError('build: --out DIR is required (where the graph files go)');
  if (values.out.trim() === '') throw new UsageError('build: --out is empty; name the output folder (e.g. --out graph, or --out . for this folder)');
  if (values.cache !== undefined && values.cache.trim() === '') throw new UsageError('build: --cache is empty; name the cache folder or leave the option out');
  if (positionals.length === 0) throw new UsageError('build: name at least one input file, folder or glob');
  const workers = parseCount(values.workers, '--workers', os.availableParallelism(), 1, maxWorkers());
  const quiet = values.quiet === true;
  const json = values.json === true;
  const pauseMs = Number(process.env[PAUSE_AFTER_STAGING_ENV] ?? '0');
  const renamePauseMs = Number(process.env[PAUSE_BETWEEN_RENAMES_ENV] ?? '0');
  const options: BuildOptions = {
    inputs: positionals,
    outDir: values.out,
    ...(values.cache !== undefined ? { cacheDir: values.cache } : {}),
    topics: values.topics === true,
    maxFileSize: values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(values['max-file-size']),
    strict: values.strict === true,
    ...(values['date-from'] !== undefined ? { dateFrom: parseDateFrom(values['date-from']) } : {}),
    prune: values['keep-cache'] !== true,
    force: values.force === true,
    ...(values.formats !== undefined ? { formats: parseFormats(values.formats) } : {}),
    exportEvidence: parseExportEvidence(values['gexf-evidence']),
    fresh: values.fresh === true,
    ...(values['gexf-version'] !== undefined ? { gexfVersion: parseGexfVersion(values['gexf-version']) } : {}),
    ...(values['gexf-dynamic'] === true ? { gexfDynamic: true } : {}),
    progress: chooseProgressMode(quiet),
    log: writeLine,
    ...(pauseMs > 0 || renamePauseMs > 0
      ? {
          hooks: {
            ...(pauseMs > 0
              ? {
                  afterStaged: async () => {
                    writeLine('missiongraph: test hook: outputs staged, pausing before rename');
                    await new Promise((resolve) => setTimeout(resolve, pauseMs));
                  },
                }
              : {}),
            ...(renamePauseMs > 0
              ? {
                  betweenRenames: async () => {
                    writeLine('missiongraph: test hook: first output renamed, pausing before the others');
                    await new Promise((resolve) => setTimeout(resolve, renamePauseMs));
                  },
                }
              : {}),
          },
        }
      : {}),
  };
  const report = (summary: BuildSummary): void => {
    if (json) process.stdout.write(summaryJson(summary) + '\n');
    else if (!quiet) process.stdout.write(formatSummary(summary) + '\n');
  };

  const runner = new ExtractionRunner(workers);
  const lexicon = defaultLexicon();
  try {
    if (values.watch !== true) {
      const summary = await runBuild(options, runner, lexicon);
      report(summary);
      return summary.skipped.length > 0 ? EXIT_SKIPPED : EXIT_OK;
    }
    return await runWatch(options, runner, lexicon, report);
  } finally {
    await runner.close();
  }
}

async function runWatch(
  options: BuildOptions,
  runner: ExtractionRunner,
  lexicon: ReturnType<typeof defaultLexicon>,
  report: (summary: BuildSummary) => void,
): Promise<number> {
  const cwd = process.cwd();
  const buildOnce = async (): Promise<void> => {
    try {
      report(await runBuild(options, runner, lexicon));
    } catch (error) {
      if (!(error instanceof BuildError || error instanceof InputError)) throw error;
      writeLine(`missiongraph: rebuild failed: ${error.message}; the last good graph is kept`);
    }
  };
  await buildOnce();
  const outDir = path.resolve(cwd, options.outDir);
  const ignored = [outDir, ...(options.cacheDir !== undefined ? [path.resolve(cwd, options.cacheDir)] : [])];
  const watcher = watchForChanges(watchRoots(options.inputs, cwd), ignored, async (changed) => {
    const names = changed.slice(0, 3).map((file) => displayPath(file, cwd));
    writeLine(`missiongraph: ${changed.length} change(s) (${names.join(', ')}${changed.length > 3 ? ', …' : ''}); rebuilding`);
    await buildOnce();
  }, { log: writeLine });
  await watcher.ready;
  writeLine('missiongraph: watching for changes (Ctrl-C to stop)');
  // Runs until the process is interrupted; main's signal handler cleans up and exits.
  await new Promise<void>(() => {});
  await watcher.close();
  return EXIT_OK;
}

function runDiffCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, top: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    process.stdout.write(DIFF_HELP);
    return EXIT_OK;
  }
  const [oldDir, newDir, ...extra] = positionals;
  if (oldDir === undefined || newDir === undefined || extra.length > 0) throw new UsageError('diff: give exactly two build folders, OLD_DIR NEW_DIR');
  const diff = diffOutDirs(oldDir, newDir);
  if (values.json === true) process.stdout.write(JSON.stringify(diff, null, 2) + '\n');
  else process.stdout.write(formatDiff(diff, parseCount(values.top, '--top', 20, 1)) + '\n');
  return EXIT_OK;
}

function runInspectCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      neighbours: { type: 'string' },
      evidence: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    process.stdout.write(INSPECT_HELP);
    return EXIT_OK;
  }
  if (values.out === undefined) throw new UsageError('inspect: --out DIR is required (the build folder to read)');
  const name = positionals.join(' ').trim();
  if (name === '') throw new UsageError('inspect: name an entity, e.g. missiongraph inspect MONUSCO --out data/graph');
  const graph = loadGraph(values.out);
  const [best, ...others] = findEntities(graph, name);
  if (best === undefined) {
    const suggestions = suggestEntities(graph, name);
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((id) => terminalSafe(id)).join(', ')}?` : '';
    writeLine(`missiongraph: no entity named "${terminalSafe(name)}" in ${values.out}${hint}`);
    return EXIT_FAILED;
  }
  const report = inspectEntity(graph, best, others);
  if (values.json === true) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else {
    const limits = { neighbours: parseCount(values.neighbours, '--neighbours', 15, 0), evidence: parseCount(values.evidence, '--evidence', 10, 0) };
    process.stdout.write(formatEntityReport(report, limits) + '\n');
  }
  return EXIT_OK;
}

function runExplainCommand(args: string[]): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, topics: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help === true) {
    process.stdout.write(EXPLAIN_HELP);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('explain: give exactly one FILE, e.g. missiongraph explain talk.txt');
  const explanation = explainFile(file, { topics: values.topics === true });
  process.stdout.write((values.json === true ? explanationJson(explanation) : formatExplanation(explanation)) + '\n');
  return EXIT_OK;
}

/** Runs the command line and returns the exit code; prints one line for any failure. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(MAIN_HELP);
        return command === undefined ? EXIT_FAILED : EXIT_OK;
      case '-v':
      case '--version':
        process.stdout.write(`missiongraph ${CLI_VERSION}\n`);
        return EXIT_OK;
      case 'build':
        return await runBuildCommand(rest);
      case 'diff':
        return runDiffCommand(rest);
      case 'inspect':
        return runInspectCommand(rest);
      case 'explain':
        return runExplainCommand(rest);
      default:
        throw new UsageError(`unknown command "${command}" (commands: build, diff, inspect, explain; see missiongraph --help)`);
    }
  } catch (error) {
    if (error instanceof BuildError || error instanceof InputError || error instanceof UsageError) {
      writeLine(`missiongraph: ${error.message}`);
      return EXIT_FAILED;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      writeLine(`missiongraph: ${(error as Error).message} (see missiongraph ${command ?? ''} --help)`);
      return EXIT_FAILED;
    }
    // A bug, not bad input: still one line, with the stack on request.
    const message = error instanceof Error ? error.message : String(error);
    writeLine(`missiongraph: unexpected error: ${message} (set MISSIONGRAPH_DEBUG=1 for the stack trace)`);
    if (process.env['MISSIONGRAPH_DEBUG'] && error instanceof Error && error.stack) writeLine(error.stack);
    return EXIT_FAILED;
  } finally {
    runCleanups();
  }
}
