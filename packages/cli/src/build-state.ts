// The graph state a build leaves in the cache folder for the next one: each document's key, the graph builder's
// tallies (so documents can be added and subtracted) and the map (positions, communities). Checked, never trusted.
import fs from 'node:fs';
import path from 'node:path';
import { BUILDER_STATE_FORMAT, type GraphBuilderState } from '@missiongraph/graph';
import { sha256 } from './cache.ts';
import type { TextEncodingName } from './decode.ts';

export const STATE_NAME = 'graph-state.json';
const STATE_FORMAT = 'missiongraph-build-state/1';

/** One document of the previous build: what its manifest entry said, its cache key and its warnings. */
export interface StateDocument {
  id: string;
  key: string;
  sha256: string;
  bytes: number;
  encoding: TextEncodingName;
  format: string;
  sentences: number;
  warnings: string[];
}

export interface BuildState {
  /** Extractor, lexicon and output-code versions: a state written by other code is not used. */
  versions: { extractor: string; lexicon: string; output: string };
  documents: StateDocument[];
  builder: GraphBuilderState;
  /** The map the build drew: [node key, x, y, community], and the edge keys. */
  map: { nodes: [string, number, number, number][]; edges: string[] };
}

export type StateRead = { status: 'ok'; state: BuildState } | { status: 'none' } | { status: 'stale' } | { status: 'damaged'; reason: string };

function statePath(cacheDir: string): string {
  return path.join(cacheDir, STATE_NAME);
}

function isDocument(value: unknown): value is StateDocument {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['id'] === 'string' &&
    typeof record['key'] === 'string' &&
    typeof record['sha256'] === 'string' &&
    typeof record['bytes'] === 'number' &&
    typeof record['encoding'] === 'string' &&
    typeof record['format'] === 'string' &&
    typeof record['sentences'] === 'number' &&
    Array.isArray(record['warnings']) &&
    (record['warnings'] as unknown[]).every((warning) => typeof warning === 'string')
  );
}

/**
 * Reads the state: a header line (format, sha256 of the body) and the body. `stale` when it was written by other
 * extractor, lexicon or output code (not an error: the build starts cold); `damaged` when it fails any check.
 */
export function readBuildState(cacheDir: string, versions: BuildState['versions']): StateRead {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(statePath(cacheDir));
  } catch {
    return { status: 'none' };
  }
  const newline = raw.indexOf(0x0a);
  if (newline < 0) return { status: 'damaged', reason: 'no header' };
  let header: { format?: unknown; sha256?: unknown; versions?: unknown };
  try {
    header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as typeof header;
  } catch {
    return { status: 'damaged', reason: 'unreadable header' };
  }
  if (header.format !== STATE_FORMAT) return { status: 'damaged', reason: 'foreign format' };
  if (JSON.stringify(header.versions) !== JSON.stringify(versions)) return { status: 'stale' };
  const body = raw.subarray(newline + 1);
  if (sha256(body) !== header.sha256) return { status: 'damaged', reason: 'checksum mismatch' };
  let state: BuildState;
  try {
    state = JSON.parse(body.toString('utf8')) as BuildState;
  } catch {
    return { status: 'damaged', reason: 'unreadable body' };
  }
  const shapeOk =
    typeof state === 'object' &&
    state !== null &&
    Array.isArray(state.documents) &&
    state.documents.every(isDocument) &&
    state.builder?.format === BUILDER_STATE_FORMAT &&
    Array.isArray(state.builder.documents) &&
    state.builder.documents.length === state.documents.length &&
    state.builder.documents.every((document, index) => document?.id === state.documents[index]!.id) &&
    Array.isArray(state.map?.nodes) &&
    state.map.nodes.every((node) => Array.isArray(node) && typeof node[0] === 'string' && Number.isFinite(node[1]) && Number.isFinite(node[2]) && Number.isInteger(node[3])) &&
    Array.isArray(state.map.edges) &&
    state.map.edges.every((edge) => typeof edge === 'string');
  if (!shapeOk) return { status: 'damaged', reason: 'unexpected shape' };
  return { status: 'ok', state: { ...state, versions } };
}

/** Writes the state atomically (temp file, then rename). */
export function writeBuildState(cacheDir: string, state: BuildState): void {
  const { versions, ...rest } = state;
  const body = Buffer.from(JSON.stringify(rest), 'utf8');
  const header = JSON.stringify({ format: STATE_FORMAT, versions, sha256: sha256(body) });
  fs.mkdirSync(cacheDir, { recursive: true });
  const target = statePath(cacheDir);
  const temporary = `${target}.${process.pid}.tmp`;
  const descriptor = fs.openSync(temporary, 'w');
  try {
    fs.writeSync(descriptor, header + '\n');
    fs.writeSync(descriptor, body);
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  fs.renameSync(temporary, target);
}

/** Removes the state (a build that could not trust it, before starting cold). */
export function removeBuildState(cacheDir: string): void {
  fs.rmSync(statePath(cacheDir), { force: true });
}
