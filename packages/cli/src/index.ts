// Public API of @missiongraph/cli for scripts (benchmarks, maintenance): the same functions the command runs.
// Only re-exports; the command itself starts in main.ts.
export { runCli, parseSize, EXIT_OK, EXIT_FAILED, EXIT_SKIPPED } from './cli.ts';
export { runBuild, formatSummary, DEFAULT_MAX_FILE_SIZE, ANALYSIS_SEED, MANIFEST_FORMAT } from './build.ts';
export type { BuildOptions, BuildSummary, SkippedInput } from './build.ts';
export { ExtractionRunner } from './pool.ts';
export { decodeText } from './decode.ts';
export type { DecodeResult, TextEncodingName } from './decode.ts';
export { discoverInputs, InputError, TRANSCRIPT_EXTENSIONS } from './discover.ts';
export type { Discovery, InputFile } from './discover.ts';
export { diffGraphs, diffOutDirs, formatDiff } from './diff.ts';
export type { GraphDiff } from './diff.ts';
export { findEntities, inspectEntity, formatEntityReport, foldName } from './inspect.ts';
export { BuildError, acquireLock, writeOutputsAtomically } from './out-dir.ts';
export { CLI_VERSION } from './version.ts';
