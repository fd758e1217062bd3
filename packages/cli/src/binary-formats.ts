// PDF, Word (.docx) and HTML inputs to text for extraction, each bounded in time and memory; and the
// document date the build records (--date-from name|content|mtime). The only Node-side part of those formats.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { constants as zlibConstants, inflateRawSync, inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { DateFrom, DocumentExtraction } from '@missiongraph/extract';
import { applyDocumentDate as applyExtractedDocumentDate, docxCreatedDate, docxDocumentText, htmlToText, type PageText, pdfPagesDirect, PdfReadError, textOfPages, ZipError, zipEntries } from '@missiongraph/extract';
import { decodeWindows1252 } from './decode.ts';

/** Where the build takes a document's date from. */
export type { DateFrom } from '@missiongraph/extract';

export type BinaryRead =
  | { kind: 'not-binary' }
  | { kind: 'text'; format: 'pdf' | 'docx' | 'html'; text: string; date?: string; dateSource?: 'first-page' | 'dateline'; symbol?: string }
  | { kind: 'skip'; reason: string };

/** The limits on one PDF, Word or HTML input (docs/robustness.md). */
export const BINARY_LIMITS = {
  /** A PDF's reading in its child process: wall-clock milliseconds, heap MB, pages. */
  pdfMilliseconds: 60_000,
  pdfHeapMb: 768,
  pdfPages: 1000,
  /** Decoded content streams of one PDF read in the build's own thread; past it, the child process reads the file. */
  pdfContentBytes: 256 * 1024 * 1024,
  /** A .docx's document.xml once inflated, and the ratio of inflated to compressed size. */
  docxXmlBytes: 64 * 1024 * 1024,
  docxRatio: 200,
} as const;

/**
 * The PDF child script: beside this module when run from source or the CLI's bundle (whose module URL is the
 * source's); a worker's bundle in the cache folder finds it through MISSIONGRAPH_PDF_CHILD, which the main thread
 * sets when it loads this module (threads inherit the environment).
 */
function pdfChildScript(): string {
  const beside = fileURLToPath(new URL('./pdf-child.mjs', import.meta.url));
  if (fs.existsSync(beside)) {
    process.env['MISSIONGRAPH_PDF_CHILD'] ??= beside;
    return beside;
  }
  return process.env['MISSIONGRAPH_PDF_CHILD'] ?? beside;
}
const PDF_CHILD = pdfChildScript();

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** UTF-8 text, or Windows-1252 when the bytes are not UTF-8 (old saved pages). */
function decodeLoosely(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** A FlateDecode stream inflated up to `maxBytes`; a stream cut short gives what it holds, as PDF viewers read it. */
function inflatePdfStream(data: Uint8Array, maxBytes: number): Uint8Array {
  const inflated = inflateSync(data, { maxOutputLength: Math.max(1, maxBytes), finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
}

/** The read of a PDF's pages: the pages' text with its first-page date and symbol, or the skip that says why not. */
function pdfRead(pages: PageText[]): BinaryRead {
  let pdf: ReturnType<typeof textOfPages>;
  try {
    pdf = textOfPages(pages);
  } catch (error) {
    return { kind: 'skip', reason: error instanceof PdfReadError ? error.message : `PDF layout failed (${String(error)})` };
  }
  const read: BinaryRead = { kind: 'text', format: 'pdf', text: pdf.text };
  if (pdf.date !== undefined) Object.assign(read, { date: pdf.date, dateSource: 'first-page' });
  if (pdf.symbol !== undefined) read.symbol = pdf.symbol;
  return read;
}

/**
 * Reads a PDF: the direct reader in this thread for the common text layer (about ten times faster than
 * pdfjs-dist); pdfjs-dist in a bounded child process for what it does not read (encryption, other filters
 * and fonts), and for a file where it finds no text at all.
 */
function readPdf(bytes: Uint8Array): BinaryRead {
  try {
    const pages = pdfPagesDirect(bytes, { inflate: inflatePdfStream, maxPages: BINARY_LIMITS.pdfPages, maxContentBytes: BINARY_LIMITS.pdfContentBytes });
    if (pages.some((page) => page.items.some((item) => item.text.trim().length > 0))) return pdfRead(pages);
  } catch (error) {
    // Over a limit is a skip; anything else this reader does not read (PdfUnsupported, a malformed object) pdfjs-dist tries.
    if (error instanceof PdfReadError) return { kind: 'skip', reason: error.message };
  }
  return readPdfInChild(bytes);
}

function readPdfInChild(bytes: Uint8Array): BinaryRead {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${BINARY_LIMITS.pdfHeapMb}`, PDF_CHILD], {
    input: bytes,
    timeout: BINARY_LIMITS.pdfMilliseconds,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, MISSIONGRAPH_PDF_MAX_PAGES: String(BINARY_LIMITS.pdfPages) },
    killSignal: 'SIGKILL',
  });
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { kind: 'skip', reason: `PDF not read within ${BINARY_LIMITS.pdfMilliseconds / 1000} s` };
  if (child.signal !== null) return { kind: 'skip', reason: `PDF reader stopped (${child.signal}; over ${BINARY_LIMITS.pdfMilliseconds / 1000} s or ${BINARY_LIMITS.pdfHeapMb} MB)` };
  let answer: { ok: boolean; reason?: string; pages?: PageText[] };
  try {
    answer = JSON.parse(child.stdout.toString('utf8')) as typeof answer;
  } catch {
    // A crash ends with Node's version line: the line that names the error says more.
    const lines = child.stderr.toString('utf8').trim().split('\n');
    const detail = lines.find((line) => /Error|error:/.test(line))?.trim() ?? lines.pop() ?? '';
    return { kind: 'skip', reason: `PDF reader failed${/heap|memory/i.test(detail) ? ` (over ${BINARY_LIMITS.pdfHeapMb} MB)` : detail ? ` (${detail.slice(0, 160)})` : ''}` };
  }
  if (!answer.ok || !Array.isArray(answer.pages)) return { kind: 'skip', reason: answer.reason ?? 'not a readable PDF' };
  return pdfRead(answer.pages);
}

/** An entry's bytes, inflated with a hard output limit (a zip bomb stops there). */
function entryBytes(entry: ReturnType<typeof zipEntries>[number], limit: number): Uint8Array {
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) throw new ZipError(`entry ${entry.name} uses compression method ${entry.method}`);
  const bound = Math.min(limit, Math.max(64 * 1024, entry.compressedSize * BINARY_LIMITS.docxRatio));
  try {
    return inflateRawSync(entry.data, { maxOutputLength: bound });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipError(`${entry.name} inflates past ${Math.round(bound / 1024 / 1024)} MB (a zip bomb?)`);
    throw new ZipError(`corrupt zip entry ${entry.name} (${code ?? String(error)})`);
  }
}

function readDocx(bytes: Uint8Array): BinaryRead {
  try {
    const entries = zipEntries(bytes);
    const documentEntry = entries.find((entry) => entry.name === 'word/document.xml');
    if (!documentEntry) return { kind: 'skip', reason: 'zip archive without word/document.xml (not a Word document)' };
    const xml = new TextDecoder('utf-8').decode(entryBytes(documentEntry, BINARY_LIMITS.docxXmlBytes));
    const text = docxDocumentText(xml);
    if (text.trim().length === 0) return { kind: 'skip', reason: 'Word document without text' };
    const read: BinaryRead = { kind: 'text', format: 'docx', text };
    const core = entries.find((entry) => entry.name === 'docProps/core.xml');
    const created = core ? docxCreatedDate(new TextDecoder('utf-8').decode(entryBytes(core, 1024 * 1024))) : undefined;
    if (created !== undefined) Object.assign(read, { date: created, dateSource: 'dateline' });
    return read;
  } catch (error) {
    return { kind: 'skip', reason: error instanceof ZipError ? `Word document: ${error.message}` : `Word document unreadable (${String(error)})` };
  }
}

/** Reads a PDF, Word or HTML input into text; `not-binary` for anything else (the text decoder takes it). */
export function readBinaryFormat(bytes: Uint8Array, fileName: string): BinaryRead {
  const lower = fileName.toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) && lower.endsWith('.pdf')) return readPdf(bytes);
  if (lower.endsWith('.pdf')) return { kind: 'skip', reason: 'not a PDF (no %PDF- signature)' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && /\.(?:docx|docm|dotx)$/.test(lower)) return readDocx(bytes);
  if (/\.(?:docx|docm|dotx)$/.test(lower)) return { kind: 'skip', reason: 'not a Word document (a .docx is a zip archive; this file is not one)' };
  if (/\.(?:html?|xhtml)$/.test(lower)) {
    const page = htmlToText(decodeLoosely(bytes));
    if (page.text.trim().length === 0) return { kind: 'skip', reason: 'HTML page without text' };
    const text = page.title !== undefined && !page.text.startsWith(page.title) ? `${page.title}\n\n${page.text}` : page.text;
    return page.date === undefined ? { kind: 'text', format: 'html', text } : { kind: 'text', format: 'html', text, date: page.date, dateSource: 'dateline' };
  }
  return { kind: 'not-binary' };
}

/**
 * Sets the extraction's document date by --date-from (the extract package's rule, which the explorer's drop
 * uses too): `content` keeps what the text gave (a PDF's first page first), then the file name; `name` prefers
 * the file name's date; `mtime` takes the file's time.
 */
export function applyDocumentDate(extraction: DocumentExtraction, read: BinaryRead, dateFrom: DateFrom, mtimeMs: number): void {
  applyExtractedDocumentDate(extraction, read.kind === 'text' ? read : {}, dateFrom, mtimeMs);
}
