// The per-document extraction cache: one file per document, keyed by content hash, extractor and lexicon versions and options.
// Every entry is checked on read (format, key, checksum, shape); anything that fails is ignored and rebuilt, never trusted.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentExtraction } from '@missiongraph/extract';
import type { TextEncodingName } from './decode.ts';

const ENCODINGS: readonly TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

/** Bumped whenever the entry layout changes; older entries are then rebuilt. */
export const CACHE_FORMAT = 'missiongraph-extraction-cache/1';
const INDEX_FORMAT = 'missiongraph-file-index/1';
const ENTRY_SUFFIX = '.mgc';

/** What, besides the text, decides an extraction: a change to any of these makes a new key. */
export interface ExtractionSettings {
  extractorVersion: string;
  lexiconVersion: string;
  topics: boolean;
  /** --date-from when not the default (`content`): dates are part of the cached extraction. */
  dateFrom?: 'name' | 'mtime';
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The cache key of one document: its id (the extraction records it), its content hash and the settings. */
export function cacheKey(documentId: string, contentSha: string, settings: ExtractionSettings): string {
  return sha256(
    JSON.stringify([CACHE_FORMAT, documentId, contentSha, settings.extractorVersion, settings.lexiconVersion, settings.topics, ...(settings.dateFrom ? [settings.dateFrom] : [])]),
  );
}

export function entryPath(cacheDir: string, key: string): string {
  return path.join(cacheDir, key.slice(0, 2), key + ENTRY_SUFFIX);
}

interface EntryHeader {
  format: string;
  key: string;
  id: string;
  contentSha: string;
  extractorVersion: string;
  lexiconVersion: string;
  topics: boolean;
  payloadSha: string;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A structural check of an extraction read back from disk: enough that the graph builder can't trip on it. */
export function looksLikeExtraction(value: unknown, documentId: string): value is DocumentExtraction {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  const document = candidate['document'] as Record<string, unknown> | undefined;
  if (typeof document !== 'object' || document === null) return false;
  if (document['id'] !== documentId || typeof document['sentenceCount'] !== 'number' || typeof document['format'] !== 'string') return false;
  if (!Array.isArray(candidate['sentences']) || !Array.isArray(candidate['entities'])) return false;
  if (!Array.isArray(candidate['mentions']) || !Array.isArray(candidate['coMentions'])) return false;
  if (!isStringArray(candidate['warnings'])) return false;
  const entitiesValid = (candidate['entities'] as unknown[]).every((entity) => {
    if (typeof entity !== 'object' || entity === null) return false;
    const record = entity as Record<string, unknown>;
    return typeof record['id'] === 'string' && typeof record['type'] === 'string' && typeof record['mentions'] === 'number';
  });
  const sentencesValid = (candidate['sentences'] as unknown[]).every(
    (sentence) => typeof sentence === 'object' && sentence !== null && typeof (sentence as Record<string, unknown>)['text'] === 'string',
  );
  return entitiesValid && sentencesValid;
}

export type CacheRead =
  | { status: 'hit'; extraction: DocumentExtraction; /** The entry's payload: the extraction as JSON text. */ json: string }
  | { status: 'miss' }
  | { status: 'invalid'; reason: string };

/** Reads and validates one entry. A missing entry is a miss; a damaged or foreign one is 'invalid' (and will be overwritten). */
export function readCacheEntry(cacheDir: string, key: string, documentId: string): CacheRead {
  let raw: Buffer;
  try {
    raw = fs.readFileSync(entryPath(cacheDir, key));
  } catch {
    return { status: 'miss' };
  }
  const newline = raw.indexOf(0x0a);
  if (newline < 0) return { status: 'invalid', reason: 'no header' };
  let header: EntryHeader;
  try {
    header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as EntryHeader;
  } catch {
    return { status: 'invalid', reason: 'unreadable header' };
  }
  if (typeof header !== 'object' || header === null || header.format !== CACHE_FORMAT) return { status: 'invalid', reason: 'foreign format' };
  if (header.key !== key || header.id !== documentId) return { status: 'invalid', reason: 'entry for another document' };
  const payload = raw.subarray(newline + 1);
  if (sha256(payload) !== header.payloadSha) return { status: 'invalid', reason: 'checksum mismatch' };
  const json = payload.toString('utf8');
  let extraction: unknown;
  try {
    extraction = JSON.parse(json);
  } catch {
    return { status: 'invalid', reason: 'unreadable payload' };
  }
  if (!looksLikeExtraction(extraction, documentId)) return { status: 'invalid', reason: 'unexpected shape' };
  return { status: 'hit', extraction, json };
}

/** Writes one entry atomically (temp file, then rename), so a reader never sees half an entry. `json` is the extraction as JSON. */
export function writeCacheEntry(
  cacheDir: string,
  key: string,
  contentSha: string,
  settings: ExtractionSettings,
  extraction: DocumentExtraction,
  json: string = JSON.stringify(extraction),
): void {
  const payload = Buffer.from(json, 'utf8');
  const header: EntryHeader = {
    format: CACHE_FORMAT,
    key,
    id: extraction.document.id,
    contentSha,
    extractorVersion: settings.extractorVersion,
    lexiconVersion: settings.lexiconVersion,
    topics: settings.topics,
    payloadSha: sha256(payload),
  };
  const target = entryPath(cacheDir, key);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), payload]));
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Deletes entries (and stray temp files) whose key is not in `keep`; returns how many were removed. */
export function pruneCache(cacheDir: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  let shards: string[];
  try {
    shards = fs.readdirSync(cacheDir);
  } catch {
    return 0;
  }
  for (const shard of shards) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    const shardDir = path.join(cacheDir, shard);
    for (const name of fs.readdirSync(shardDir)) {
      const isEntry = name.endsWith(ENTRY_SUFFIX) && keep.has(name.slice(0, -ENTRY_SUFFIX.length));
      if (isEntry) continue;
      if (name.endsWith(ENTRY_SUFFIX) || name.endsWith('.tmp')) {
        fs.rmSync(path.join(shardDir, name), { force: true });
        removed += 1;
      }
    }
    if (fs.readdirSync(shardDir).length === 0) fs.rmdirSync(shardDir);
  }
  return removed;
}

/** What the index remembers of a file, so an unchanged file need not be read again to know its hash. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  contentSha: string;
  /** How the text was decoded, and the warning that came with it, so a warm build reports what a cold one did. */
  encoding: TextEncodingName;
  encodingNote?: string;
  /** The extraction's own warnings, so a build that finds its outputs up to date still reports them. */
  warnings?: string[];
}

export type FileIndex = Map<string, FileStamp>;

export function stampMatches(stamp: FileStamp | undefined, stat: fs.Stats): stamp is FileStamp {
  return (
    stamp !== undefined &&
    stamp.size === stat.size &&
    stamp.mtimeMs === stat.mtimeMs &&
    stamp.ctimeMs === stat.ctimeMs &&
    stamp.ino === stat.ino
  );
}

function indexPath(cacheDir: string): string {
  return path.join(cacheDir, 'file-index.json');
}

/** Reads the file index (real path → stamp); anything damaged gives an empty index, so files are simply hashed again. */
export function readFileIndex(cacheDir: string): FileIndex {
  const index: FileIndex = new Map();
  try {
    const parsed = JSON.parse(fs.readFileSync(indexPath(cacheDir), 'utf8')) as { format?: unknown; files?: unknown };
    if (parsed.format !== INDEX_FORMAT || typeof parsed.files !== 'object' || parsed.files === null) return index;
    for (const [file, stamp] of Object.entries(parsed.files as Record<string, FileStamp>)) {
      const valid =
        typeof stamp === 'object' &&
        stamp !== null &&
        typeof stamp.size === 'number' &&
        typeof stamp.mtimeMs === 'number' &&
        typeof stamp.ctimeMs === 'number' &&
        typeof stamp.ino === 'number' &&
        typeof stamp.contentSha === 'string' &&
        ENCODINGS.includes(stamp.encoding) &&
        (stamp.encodingNote === undefined || typeof stamp.encodingNote === 'string') &&
        (stamp.warnings === undefined || (Array.isArray(stamp.warnings) && stamp.warnings.every((warning) => typeof warning === 'string'))) &&
        /^[0-9a-f]{64}$/.test(stamp.contentSha);
      if (valid) index.set(file, stamp);
    }
  } catch {
    // No index yet, or a damaged one: start empty.
  }
  return index;
}

export function writeFileIndex(cacheDir: string, index: FileIndex): void {
  fs.mkdirSync(cacheDir, { recursive: true });
  const files = Object.fromEntries([...index.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const target = indexPath(cacheDir);
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify({ format: INDEX_FORMAT, files }));
  fs.renameSync(temporary, target);
}
