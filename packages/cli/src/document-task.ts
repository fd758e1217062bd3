// One document's trip from file to extraction: read, size check, decode, hash, cache lookup, extract (the main thread
// appends new entries to the store). Runs unchanged in a worker thread and in the main thread; never throws for a bad file.
import fs from 'node:fs';
import type { CompiledLexicon, DocumentExtraction } from '@missiongraph/extract';
import { extractDocument } from '@missiongraph/extract';
import { cacheKey, encodeRecord, readEntryAt, sha256, type EntryLocation, type ExtractionSettings, type FileStamp } from './cache.ts';
import { decodeText, type DecodeResult, type TextEncodingName } from './decode.ts';
import { applyDocumentDate, readBinaryFormat } from './binary-formats.ts';
import { describeFileKind, systemFileArea } from './file-kind.ts';

export interface DocumentTask {
  id: string;
  path: string;
  cacheDir: string;
  maxFileSize: number;
  settings: ExtractionSettings;
  /** --force: extract even when a valid cache entry exists (the entry is then rewritten). */
  ignoreCache: boolean;
  /** The path's bytes when a name in it is not UTF-8 (see InputFile.rawPath). */
  rawPath?: Uint8Array;
  /**
   * The key this document had in the previous build, when its file stamp changed: if the content hashes to the same
   * key, the document is `unchanged` (when the previous graph holds it) or read from the store at `location`.
   */
  previous?: { key: string; inGraph: boolean; location?: EntryLocation };
}

function realPathOrSelf(file: string | Uint8Array): string {
  try {
    return fs.realpathSync(Buffer.from(file as Uint8Array), { encoding: 'buffer' }).toString('utf8');
  } catch {
    return typeof file === 'string' ? file : Buffer.from(file).toString('utf8');
  }
}

interface DocumentRead {
  status: 'ok';
  id: string;
  /** unchanged: same content as in the previous graph, so no extraction is needed (nor sent). */
  source: 'cache' | 'extracted' | 'unchanged';
  bytes: number;
  encoding: TextEncodingName;
  key: string;
  stamp: FileStamp;
  /** Notes for the user: encoding guesses, a cache entry that was rebuilt, a cache that could not be written. */
  notes: string[];
}

export interface SkippedDocument {
  status: 'skipped';
  id: string;
  path: string;
  reason: string;
}

/**
 * A document read: its extraction, none when unchanged; when just extracted, what the store appends: the record an
 * extraction thread encoded, or (extracted in this thread) the JSON.
 */
export type ReadDocument = DocumentRead & { extraction?: DocumentExtraction; extractionJson?: string; record?: Uint8Array };
export type DocumentOutcome = ReadDocument | SkippedDocument;

/**
 * What a worker thread sends back: the extraction as JSON text (the cache payload it has anyway), and when it is new,
 * the store record the worker encoded (hashed) from it. Passing a string and a byte array between threads is a copy;
 * passing the object graph costs the main thread a structured-clone decode per document.
 */
export type WireOutcome = (DocumentRead & { extractionJson?: string; record?: Uint8Array }) | SkippedDocument;

/** Turns a worker's answer back into an outcome, parsing the extraction. */
export function fromWire(wire: WireOutcome): DocumentOutcome {
  if (wire.status === 'skipped' || wire.extractionJson === undefined) return wire;
  const { extractionJson, record, ...read } = wire;
  const extraction = JSON.parse(extractionJson) as DocumentExtraction;
  // The record (or the JSON) goes to the store only when it is new.
  if (read.source !== 'extracted') return { ...read, extraction };
  return record !== undefined ? { ...read, extraction, record } : { ...read, extraction, extractionJson };
}

/** For a worker: the outcome with the extraction as JSON text only, and a new extraction's store record. */
export function toWire(outcome: ProcessedDocument, settings: ExtractionSettings): WireOutcome {
  if (outcome.status === 'skipped') return outcome;
  const { extraction: _extraction, ...wire } = outcome;
  if (wire.source !== 'extracted' || wire.extractionJson === undefined) return wire;
  return { ...wire, record: encodeRecord(wire.key, wire.stamp.contentSha, settings, wire.id, wire.extractionJson) };
}

/** Both forms of the extraction: the object (in-process use) and its JSON (cache payload, wire format); none when unchanged. */
export type ProcessedDocument = (DocumentRead & { extraction?: DocumentExtraction; extractionJson?: string }) | SkippedDocument;

export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'unreadable (permission denied)';
  if (code === 'ENOENT') return 'removed while building';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EIO') return 'unreadable (I/O error)';
  if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return 'unreadable (the read would wait forever: not a regular file)';
  if (code === 'ENAMETOOLONG') return 'path too long for the system (ENAMETOOLONG)';
  return `unreadable (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

/** Reads at most `limit` bytes, whatever size the file claims: a file that grows or never ends costs no more. */
export function readBounded(descriptor: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.allocUnsafe(Math.min(limit - total, 1024 * 1024));
    const read = fs.readSync(descriptor, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Processes one document in the main thread. */
export function processDocument(task: DocumentTask, lexicon: CompiledLexicon): DocumentOutcome {
  const processed = processDocumentFully(task, lexicon);
  if (processed.status === 'skipped' || processed.source === 'extracted') return processed;
  const { extractionJson: _json, ...outcome } = processed;
  return outcome;
}

/** Processes one document with the given lexicon (loaded once per thread by the caller). */
export function processDocumentFully(task: DocumentTask, lexicon: CompiledLexicon): ProcessedDocument {
  const skip = (reason: string): SkippedDocument => ({ status: 'skipped', id: task.id, path: task.path, reason });
  let bytes: Buffer;
  let stat: fs.Stats;
  const systemArea = systemFileArea(realPathOrSelf(task.rawPath ?? task.path));
  if (systemArea !== undefined) return skip(`a file of the system's ${systemArea} area, not a transcript`);
  try {
    // O_NONBLOCK: opening a FIFO does not wait for a writer, and a device's read fails instead of waiting.
    const descriptor = fs.openSync(task.rawPath === undefined ? task.path : Buffer.from(task.rawPath), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      stat = fs.fstatSync(descriptor);
      if (!stat.isFile()) return skip(`not a regular file (${describeFileKind(stat)})`);
      if (stat.size > task.maxFileSize) {
        return skip(`too large (${formatBytes(stat.size)}; the limit is ${formatBytes(task.maxFileSize)}, see --max-file-size)`);
      }
      bytes = readBounded(descriptor, task.maxFileSize + 1);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    return skip(describeFileError(error));
  }
  if (bytes.length > task.maxFileSize) return skip(`too large (grew past ${formatBytes(task.maxFileSize)} while read)`);

  const contentSha = sha256(bytes);
  const binary = readBinaryFormat(bytes, task.path);
  if (binary.kind === 'skip') return skip(binary.reason);
  const decoded: DecodeResult = binary.kind === 'text' ? { ok: true, text: binary.text, encoding: 'utf-8' } : decodeText(bytes);
  if (!decoded.ok) return skip(decoded.reason);
  const stamp: FileStamp = { size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino, contentSha, encoding: decoded.encoding };
  if (decoded.warning !== undefined) stamp.encodingNote = decoded.warning;
  const notes: string[] = decoded.warning === undefined ? [] : [decoded.warning];
  // With --date-from mtime the day is part of the entry: a touched file gets its new date.
  const key = cacheKey(task.id, contentSha, task.settings.dateFrom === 'mtime' ? { ...task.settings, extractorVersion: `${task.settings.extractorVersion} ${new Date(stat.mtimeMs).toISOString().slice(0, 10)}` } : task.settings);

  const read: DocumentRead = { status: 'ok', id: task.id, source: 'cache', bytes: bytes.length, encoding: decoded.encoding, key, stamp, notes };
  const previous = task.ignoreCache || task.previous?.key !== key ? undefined : task.previous;
  if (previous?.inGraph === true) return { ...read, source: 'unchanged' };
  const cached = previous?.location === undefined ? ({ status: 'miss' } as const) : readEntryAt(task.cacheDir, previous.location, key, task.id);
  if (cached.status === 'hit') return { ...read, extraction: cached.extraction, extractionJson: cached.json };
  if (cached.status === 'invalid') notes.push(`cache entry ignored and rebuilt (${cached.reason})`);

  let extraction: DocumentExtraction;
  try {
    extraction = extractDocument({ id: task.id, text: decoded.text }, { lexicon, topics: task.settings.topics });
  } catch (error) {
    return skip(`extraction failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  applyDocumentDate(extraction, binary, task.settings.dateFrom ?? 'content', stat.mtimeMs);
  const extractionJson = JSON.stringify(extraction);
  return { ...read, source: 'extracted', extraction, extractionJson };
}
