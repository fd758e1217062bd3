// Dropped documents to text in the page: PDF through pdfjs-dist (its parsing in pdfjs's own worker), Word
// (.docx) through the extract package's zip and paragraph readers, HTML without navigation and scripts.
import { docxCreatedDate, docxDocumentText, type DocumentDateHint, htmlToText, pdfToText, PdfReadError, ZipError, zipEntries, type ZipEntry } from '@missiongraph/extract';
import pdfWorkerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { InputError } from './graph-model.ts';
import { checkSize, decodeText } from './io.ts';

/** The limits on one dropped document (the CLI's, docs/robustness.md): file size, pages, reading time, inflated Word XML. */
export const DOCUMENT_LIMITS = {
  bytes: 32 * 1024 * 1024,
  pdfPages: 1000,
  pdfMilliseconds: 60_000,
  docxXmlBytes: 64 * 1024 * 1024,
  /** Most a deflated entry may grow (inflated over compressed size); a zip bomb stops there. */
  docxRatio: 200,
} as const;

type DocumentFormat = 'pdf' | 'docx' | 'html';

/** A dropped document's text, with the date (and UN symbol) its reader found beside it, as the CLI keeps them. */
export interface DocumentRead extends DocumentDateHint {
  text: string;
}

function formatOf(name: string): DocumentFormat | undefined {
  const suffix = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (suffix === 'pdf') return 'pdf';
  if (suffix === 'docx' || suffix === 'docm' || suffix === 'dotx') return 'docx';
  if (suffix === 'html' || suffix === 'htm' || suffix === 'xhtml') return 'html';
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

let pdfjsReady: Promise<void> | null = null;

/** Loads pdfjs-dist (the same module the extract package's reader imports) with its worker served beside the page. */
function preparePdfjs(): Promise<void> {
  pdfjsReady ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  });
  return pdfjsReady;
}

async function readPdf(bytes: Uint8Array, name: string): Promise<DocumentRead> {
  if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) throw new InputError(`${name}: not a PDF (no %PDF- signature)`);
  await preparePdfjs();
  let timer: number | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = window.setTimeout(() => reject(new InputError(`${name}: PDF not read within ${DOCUMENT_LIMITS.pdfMilliseconds / 1000} s`)), DOCUMENT_LIMITS.pdfMilliseconds);
  });
  try {
    const pdf = await Promise.race([pdfToText(bytes, { maxPages: DOCUMENT_LIMITS.pdfPages }), late]);
    return { text: pdf.text, ...(pdf.date !== undefined && { date: pdf.date, dateSource: 'first-page' as const }), ...(pdf.symbol !== undefined && { symbol: pdf.symbol }) };
  } catch (error) {
    if (error instanceof PdfReadError) throw new InputError(`${name}: ${error.message}`);
    throw error;
  } finally {
    window.clearTimeout(timer);
  }
}

/** A zip entry's bytes, inflated by the browser with a hard output limit. */
async function entryBytes(entry: ZipEntry, limit: number): Promise<Uint8Array> {
  if (entry.method === 0) return entry.data;
  if (entry.method !== 8) throw new ZipError(`entry ${entry.name} uses compression method ${entry.method}`);
  const bound = Math.min(limit, Math.max(64 * 1024, entry.compressedSize * DOCUMENT_LIMITS.docxRatio));
  const reader = new Blob([entry.data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > bound) {
        void reader.cancel();
        throw new ZipError(`${entry.name} inflates past ${Math.max(1, Math.round(bound / 1024 / 1024))} MB (a zip bomb?)`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError(`corrupt zip entry ${entry.name} (${error instanceof Error ? error.message : String(error)})`);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function readDocx(bytes: Uint8Array, name: string): Promise<DocumentRead> {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw new InputError(`${name}: not a Word document (a .docx is a zip archive; this file is not one)`);
  try {
    const entries = zipEntries(bytes);
    const documentEntry = entries.find((entry) => entry.name === 'word/document.xml');
    if (!documentEntry) throw new InputError(`${name}: zip archive without word/document.xml (not a Word document)`);
    const text = docxDocumentText(new TextDecoder('utf-8').decode(await entryBytes(documentEntry, DOCUMENT_LIMITS.docxXmlBytes)));
    if (text.trim() === '') throw new InputError(`${name}: Word document without text; nothing was added`);
    const core = entries.find((entry) => entry.name === 'docProps/core.xml');
    const created = core ? docxCreatedDate(new TextDecoder('utf-8').decode(await entryBytes(core, 1024 * 1024))) : undefined;
    return created === undefined ? { text } : { text, date: created, dateSource: 'dateline' };
  } catch (error) {
    if (error instanceof ZipError) throw new InputError(`${name}: Word document: ${error.message}`);
    throw error;
  }
}

function readHtml(bytes: Uint8Array, name: string): DocumentRead {
  const page = htmlToText(decodeText(bytes, name));
  if (page.text.trim() === '') throw new InputError(`${name}: HTML page without text; nothing was added`);
  const text = page.title !== undefined && !page.text.startsWith(page.title) ? `${page.title}\n\n${page.text}` : page.text;
  return page.date === undefined ? { text } : { text, date: page.date, dateSource: 'dateline' };
}

/**
 * The text of a dropped PDF, Word or HTML document, ready for extraction. Every refusal is one InputError line
 * naming the file and the reason.
 */
export async function readDocumentText(file: File): Promise<DocumentRead> {
  const format = formatOf(file.name);
  if (!format) throw new InputError(`${file.name}: not a PDF, Word or HTML document`);
  checkSize(file, DOCUMENT_LIMITS.bytes);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (format === 'pdf') return readPdf(bytes, file.name);
  if (format === 'docx') return readDocx(bytes, file.name);
  return readHtml(bytes, file.name);
}
