// The extraction cache: one packed, append-only store of per-document entries (keyed by content hash, extractor and
// lexicon versions and options) with an index; every entry is checked on read, and a damaged store is rebuilt, never trusted.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentExtraction } from '@missiongraph/extract';
import { MAX_CACHE_ENTRY_BYTES, validateCachedExtraction } from './cache-validate.ts';
import type { TextEncodingName } from './decode.ts';
import { describeFileKind } from './file-kind.ts';

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

/** Checks one record's bytes (header line, payload, newline) against the key and document id it should hold. */
function checkRecord(raw: Buffer, key: string, documentId: string): CacheRead {
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
  if (raw[raw.length - 1] !== 0x0a) return { status: 'invalid', reason: 'truncated entry' };
  const payload = raw.subarray(newline + 1, raw.length - 1);
  if (sha256(payload) !== header.payloadSha) return { status: 'invalid', reason: 'checksum mismatch' };
  const json = payload.toString('utf8');
  let extraction: unknown;
  try {
    extraction = JSON.parse(json);
  } catch {
    return { status: 'invalid', reason: 'unreadable payload' };
  }
  const validated = validateCachedExtraction(extraction, documentId);
  if (typeof validated === 'string') return { status: 'invalid', reason: validated };
  return { status: 'hit', extraction: validated, json };
}

/**
 * One record of the store: the header line and the payload, then a newline. Extraction threads encode the records of
 * the documents they extract, so the main thread only appends them (ExtractionStore.putRecord).
 */
export function encodeRecord(key: string, contentSha: string, settings: ExtractionSettings, documentId: string, json: string): Buffer {
  const payload = Buffer.from(json, 'utf8');
  const header: EntryHeader = {
    format: CACHE_FORMAT,
    key,
    id: documentId,
    contentSha,
    extractorVersion: settings.extractorVersion,
    lexiconVersion: settings.lexiconVersion,
    topics: settings.topics,
    payloadSha: sha256(payload),
  };
  return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n', 'utf8'), payload, Buffer.from('\n')]);
}

/** Where an entry lies in the pack: byte offset and length of its record. */
export interface EntryLocation {
  offset: number;
  length: number;
}

/** Largest index the cache reads (an index of a million entries is about 150 MB). */
const MAX_INDEX_BYTES = 512 * 1024 * 1024;

/**
 * Reads one of the cache's own small files, refusing (with the reason) what is not a regular file (a link to /dev/zero,
 * a FIFO) or is beyond `limit` bytes, before reading a byte of it.
 */
function readRegularFile(file: string, limit: number): Buffer {
  const stat = fs.lstatSync(file);
  if (!stat.isFile()) throw new Error(`not a regular file (${stat.isSymbolicLink() ? 'a symbolic link' : describeFileKind(stat)})`);
  if (stat.size > limit) throw new Error(`larger than ${limit} bytes`);
  return fs.readFileSync(file);
}

export const PACK_NAME = 'extractions.pack';
export const PACK_INDEX_NAME = 'extractions.index.json';
const PACK_INDEX_FORMAT = 'missiongraph-pack-index/1';

/** Reads the record at `location` of the pack in `cacheDir` and checks it (worker threads call this for one entry). */
export function readEntryAt(cacheDir: string, location: EntryLocation, key: string, documentId: string): CacheRead {
  const packFile = path.join(cacheDir, PACK_NAME);
  // A store replaced by a link, a FIFO or a device is never opened; an index pointing past a sane record size is not trusted.
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(packFile);
  } catch {
    return { status: 'miss' };
  }
  if (!stat.isFile()) return { status: 'invalid', reason: 'the store is not a regular file' };
  if (location.length > MAX_CACHE_ENTRY_BYTES || location.offset + location.length > stat.size) return { status: 'invalid', reason: 'entry beyond the end of the store' };
  let descriptor: number;
  try {
    descriptor = fs.openSync(packFile, 'r');
  } catch {
    return { status: 'miss' };
  }
  try {
    const raw = Buffer.alloc(location.length);
    const read = fs.readSync(descriptor, raw, 0, location.length, location.offset);
    if (read !== location.length) return { status: 'invalid', reason: 'entry beyond the end of the store' };
    return checkRecord(raw, key, documentId);
  } catch (error) {
    return { status: 'invalid', reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * The packed store: `extractions.pack`, records appended one after another (header line with key, id, versions and
 * payload sha256; the extraction as JSON; a newline), and `extractions.index.json`, key → where its record lies.
 * Only the main thread appends. Opening checks the index against the pack; an index that is missing, damaged or does
 * not match is rebuilt by scanning the pack, and the pack is cut at its first damaged record. Every read checks the
 * record again (key, id, checksum, shape): a bad entry is a miss, dropped, and extracted again.
 */
export class ExtractionStore {
  readonly cacheDir: string;
  readonly #entries = new Map<string, EntryLocation & { id: string }>();
  #packBytes = 0;
  #appendDescriptor: number | undefined;
  #dirty = false;
  /** What was wrong with the store on opening (and was repaired), for a warning; undefined when it was sound. */
  readonly problem: string | undefined;

  private constructor(cacheDir: string) {
    this.cacheDir = cacheDir;
    this.problem = this.#load();
  }

  static open(cacheDir: string): ExtractionStore {
    return new ExtractionStore(cacheDir);
  }

  get #packPath(): string {
    return path.join(this.cacheDir, PACK_NAME);
  }

  get #indexPath(): string {
    return path.join(this.cacheDir, PACK_INDEX_NAME);
  }

  #load(): string | undefined {
    let packBytes: number;
    try {
      const stat = fs.lstatSync(this.#packPath);
      if (!stat.isFile()) {
        // A link (to /dev/zero, say), a FIFO or a folder is never read or appended to: it goes, and the store starts again.
        const kind = stat.isSymbolicLink() ? 'a symbolic link' : describeFileKind(stat);
        fs.rmSync(this.#packPath, { recursive: true, force: true });
        fs.rmSync(this.#indexPath, { force: true });
        this.#dirty = true;
        return `the store is not a regular file (${kind}); started again`;
      }
      packBytes = stat.size;
    } catch {
      return undefined; // no store yet
    }
    let indexed = 0;
    let problem: string | undefined;
    try {
      const parsed = JSON.parse(readRegularFile(this.#indexPath, MAX_INDEX_BYTES).toString('utf8')) as { format?: unknown; packBytes?: unknown; entries?: unknown };
      if (parsed.format !== PACK_INDEX_FORMAT || typeof parsed.packBytes !== 'number' || typeof parsed.entries !== 'object' || parsed.entries === null) {
        throw new Error('of a foreign format');
      }
      if (parsed.packBytes > packBytes) throw new Error('beyond the end of the store');
      for (const [key, value] of Object.entries(parsed.entries as Record<string, unknown>)) {
        const [offset, length, id] = Array.isArray(value) ? (value as unknown[]) : [];
        if (typeof offset !== 'number' || typeof length !== 'number' || typeof id !== 'string' || offset < 0 || length <= 0 || offset + length > parsed.packBytes) {
          throw new Error('damaged');
        }
        this.#entries.set(key, { offset, length, id });
      }
      indexed = parsed.packBytes;
    } catch (error) {
      this.#entries.clear();
      problem = `index ${error instanceof Error && error.message !== '' && !(error instanceof SyntaxError) ? error.message : 'unreadable'}; rebuilt from the store`;
    }
    // Records after the indexed part (a build that stopped before writing the index) are scanned and kept if sound.
    if (indexed < packBytes) {
      const cut = this.#scan(indexed, packBytes);
      if (cut !== undefined) problem = `${problem === undefined ? '' : problem + '; '}damaged record at byte ${cut}, store cut there`;
    } else this.#packBytes = packBytes;
    if (problem !== undefined) this.#dirty = true;
    return problem;
  }

  /** Reads records from `from` to `to`, indexing the sound ones; returns where it cut the pack, if it had to. */
  #scan(from: number, to: number): number | undefined {
    const raw = fs.readFileSync(this.#packPath).subarray(0, to);
    let at = from;
    while (at < to) {
      const newline = raw.indexOf(0x0a, at);
      let header: EntryHeader | undefined;
      try {
        header = newline < 0 ? undefined : (JSON.parse(raw.subarray(at, newline).toString('utf8')) as EntryHeader);
      } catch {
        header = undefined;
      }
      const end = header === undefined ? -1 : raw.indexOf(0x0a, newline + 1);
      const sound =
        header !== undefined &&
        header.format === CACHE_FORMAT &&
        typeof header.key === 'string' &&
        typeof header.id === 'string' &&
        end > 0 &&
        sha256(raw.subarray(newline + 1, end)) === header.payloadSha;
      if (!sound || header === undefined) {
        fs.truncateSync(this.#packPath, at);
        this.#packBytes = at;
        return at;
      }
      this.#entries.set(header.key, { offset: at, length: end + 1 - at, id: header.id });
      at = end + 1;
    }
    this.#packBytes = to;
    return undefined;
  }

  /** Where the entry of `key` lies, if the index has one (a worker can then read it itself). */
  locate(key: string): EntryLocation | undefined {
    const entry = this.#entries.get(key);
    return entry === undefined ? undefined : { offset: entry.offset, length: entry.length };
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Reads and checks the entry of `key`; a bad one is dropped from the index (and so extracted again). */
  get(key: string, documentId: string): CacheRead {
    const entry = this.#entries.get(key);
    if (entry === undefined) return { status: 'miss' };
    const read = readEntryAt(this.cacheDir, entry, key, documentId);
    if (read.status !== 'hit') this.drop(key);
    return read;
  }

  /** Forgets an entry whose record turned out bad. */
  drop(key: string): void {
    if (this.#entries.delete(key)) this.#dirty = true;
  }

  /** Appends an entry (the extraction as JSON) and indexes it. */
  put(key: string, contentSha: string, settings: ExtractionSettings, documentId: string, json: string): void {
    this.putRecord(key, documentId, encodeRecord(key, contentSha, settings, documentId, json));
  }

  /** Appends a record encodeRecord made (for `key` and `documentId`) and indexes it. */
  putRecord(key: string, documentId: string, record: Uint8Array): void {
    if (this.#appendDescriptor === undefined) {
      fs.mkdirSync(this.cacheDir, { recursive: true });
      this.#appendDescriptor = fs.openSync(this.#packPath, 'a');
    }
    fs.writeSync(this.#appendDescriptor, record);
    this.#entries.set(key, { offset: this.#packBytes, length: record.length, id: documentId });
    this.#packBytes += record.length;
    this.#dirty = true;
  }

  /**
   * Makes the appended records durable and writes the index. With `keep`, entries not in it are forgotten, and when
   * the pack is more than half dead bytes it is rewritten with the live records only.
   */
  commit(keep?: ReadonlySet<string>): void {
    if (keep !== undefined) {
      for (const key of [...this.#entries.keys()]) if (!keep.has(key)) this.drop(key);
    }
    if (this.#appendDescriptor !== undefined) {
      fs.fsyncSync(this.#appendDescriptor);
      fs.closeSync(this.#appendDescriptor);
      this.#appendDescriptor = undefined;
    }
    let live = 0;
    for (const entry of this.#entries.values()) live += entry.length;
    if (keep !== undefined && this.#packBytes > 2 * live + 1024 * 1024) this.#compact();
    else if (!this.#dirty) return;
    const entries = Object.fromEntries(
      [...this.#entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, entry]) => [key, [entry.offset, entry.length, entry.id]]),
    );
    writeAtomically(this.#indexPath, JSON.stringify({ format: PACK_INDEX_FORMAT, packBytes: this.#packBytes, entries }));
    this.#dirty = false;
  }

  /** Rewrites the pack with the live records only (in offset order), then the index points into the new one. */
  #compact(): void {
    const source = fs.openSync(this.#packPath, 'r');
    const temporary = `${this.#packPath}.${process.pid}.tmp`;
    const target = fs.openSync(temporary, 'w');
    try {
      let at = 0;
      for (const [, entry] of [...this.#entries].sort((a, b) => a[1].offset - b[1].offset)) {
        const raw = Buffer.alloc(entry.length);
        fs.readSync(source, raw, 0, entry.length, entry.offset);
        fs.writeSync(target, raw);
        entry.offset = at;
        at += entry.length;
      }
      fs.fsyncSync(target);
      this.#packBytes = at;
    } finally {
      fs.closeSync(source);
      fs.closeSync(target);
    }
    // Should the index write below not happen, reads of the old offsets fail their checks: misses, not wrong data.
    fs.renameSync(temporary, this.#packPath);
    this.#dirty = true;
  }

  /** Closes the append handle without writing the index (a build that failed). */
  close(): void {
    if (this.#appendDescriptor !== undefined) fs.closeSync(this.#appendDescriptor);
    this.#appendDescriptor = undefined;
  }
}

function writeAtomically(target: string, text: string): void {
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, target);
}

/** Deletes the one-file-per-entry cache of earlier versions (`<2 hex>/<key>.mgc`); returns how many files went. */
export function removeLegacyEntries(cacheDir: string): number {
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
    const parsed = JSON.parse(readRegularFile(indexPath(cacheDir), MAX_INDEX_BYTES).toString('utf8')) as { format?: unknown; files?: unknown };
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
