// One document's trip from file to extraction: read, size check, decode, hash, cache lookup, extract, cache write.
// Runs unchanged in a worker thread and in the main thread (one worker), and never throws for a bad file.
import fs from 'node:fs';
import type { CompiledLexicon, DocumentExtraction } from '@missiongraph/extract';
import { extractDocument } from '@missiongraph/extract';
import { cacheKey, readCacheEntry, sha256, writeCacheEntry, type ExtractionSettings, type FileStamp } from './cache.ts';
import { decodeText, type DecodeResult, type TextEncodingName } from './decode.ts';
import { applyDocumentDate, readBinaryFormat } from './binary-formats.ts';

export interface DocumentTask {
  id: string;
  path: string;
  cacheDir: string;
  maxFileSize: number;
  settings: ExtractionSettings;
  /** --force: extract even when a valid cache entry exists (the entry is then rewritten). */
  ignoreCache: boolean;
}

interface DocumentRead {
  status: 'ok';
  id: string;
  source: 'cache' | 'extracted';
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

export type DocumentOutcome = (DocumentRead & { extraction: DocumentExtraction }) | SkippedDocument;

/**
 * What a worker thread sends back: the extraction as JSON text (the cache payload it has anyway). Passing one string
 * between threads is a copy; passing the object graph costs the main thread a structured-clone decode per document.
 */
export type WireOutcome = (DocumentRead & { extractionJson: string }) | SkippedDocument;

/** Turns a worker's answer back into an outcome, parsing the extraction. */
export function fromWire(wire: WireOutcome): DocumentOutcome {
  if (wire.status === 'skipped') return wire;
  const { extractionJson, ...read } = wire;
  return { ...read, extraction: JSON.parse(extractionJson) as DocumentExtraction };
}

/** For a worker: the outcome with the extraction as JSON text only. */
export function toWire(outcome: ProcessedDocument): WireOutcome {
  if (outcome.status === 'skipped') return outcome;
  const { extraction: _extraction, ...wire } = outcome;
  return wire;
}

/** Both forms of the extraction: the object (in-process use) and its JSON (cache payload, wire format). */
export type ProcessedDocument = (DocumentRead & { extraction: DocumentExtraction; extractionJson: string }) | SkippedDocument;

export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'unreadable (permission denied)';
  if (code === 'ENOENT') return 'removed while building';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'EIO') return 'unreadable (I/O error)';
  return `unreadable (${code ?? (error instanceof Error ? error.message : String(error))})`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

/** Processes one document in the main thread. */
export function processDocument(task: DocumentTask, lexicon: CompiledLexicon): DocumentOutcome {
  const processed = processDocumentFully(task, lexicon);
  if (processed.status === 'skipped') return processed;
  const { extractionJson: _json, ...outcome } = processed;
  return outcome;
}

/** Processes one document with the given lexicon (loaded once per thread by the caller). */
export function processDocumentFully(task: DocumentTask, lexicon: CompiledLexicon): ProcessedDocument {
  const skip = (reason: string): SkippedDocument => ({ status: 'skipped', id: task.id, path: task.path, reason });
  let bytes: Buffer;
  let stat: fs.Stats;
  try {
    const descriptor = fs.openSync(task.path, 'r');
    try {
      stat = fs.fstatSync(descriptor);
      if (!stat.isFile()) return skip('not a regular file');
      if (stat.size > task.maxFileSize) {
        return skip(`too large (${formatBytes(stat.size)}; the limit is ${formatBytes(task.maxFileSize)}, see --max-file-size)`);
      }
      bytes = fs.readFileSync(descriptor);
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

  const cached = task.ignoreCache ? ({ status: 'miss' } as const) : readCacheEntry(task.cacheDir, key, task.id);
  const read: DocumentRead = { status: 'ok', id: task.id, source: 'cache', bytes: bytes.length, encoding: decoded.encoding, key, stamp, notes };
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
  try {
    writeCacheEntry(task.cacheDir, key, contentSha, task.settings, extraction, extractionJson);
  } catch (error) {
    notes.push(`cache not written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return { ...read, source: 'extracted', extraction, extractionJson };
}
