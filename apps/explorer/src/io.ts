// Files in and out of the page: what a dropped or picked file is, size limits, decoding its bytes to
// text, and downloads (GEXF, PNG, graph JSON). Every refusal is an InputError naming the file.
import { InputError } from './graph-model.ts';

export type FileKind = 'graph-json' | 'gexf' | 'transcript';

/** Largest graph file (graph JSON, GEXF or GraphML) the page will read. */
export const MAX_GRAPH_BYTES = 64 * 1024 * 1024;
/** Largest single transcript, and largest batch of transcripts dropped at once. */
export const MAX_TRANSCRIPT_BYTES = 8 * 1024 * 1024;
export const MAX_TRANSCRIPT_BATCH_BYTES = 64 * 1024 * 1024;

/** Documents read by documents.ts (loaded when one is dropped): PDF, Word, HTML. */
const DOCUMENT_EXTENSIONS = new Set(['pdf', 'docx', 'docm', 'dotx', 'html', 'htm', 'xhtml']);
/** Transcripts and documents, both added to the graph. */
const TRANSCRIPT_EXTENSIONS = new Set(['txt', 'md', 'markdown', 'vtt', 'srt', ...DOCUMENT_EXTENSIONS]);

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

export function classifyFile(name: string): FileKind | undefined {
  const suffix = extension(name);
  if (suffix === 'json') return 'graph-json';
  // GraphML goes through the same reader path as GEXF (graphFromGexf tells them apart by the root element).
  if (suffix === 'gexf' || suffix === 'xml' || suffix === 'graphml') return 'gexf';
  if (TRANSCRIPT_EXTENSIONS.has(suffix)) return 'transcript';
  return undefined;
}

/** Whether a dropped transcript is a PDF, Word or HTML document rather than text. */
export function isDocumentFile(name: string): boolean {
  return DOCUMENT_EXTENSIONS.has(extension(name));
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export function checkSize(file: File, limit: number): void {
  if (file.size > limit) {
    throw new InputError(`${file.name}: too big (${megabytes(file.size)}; the limit is ${megabytes(limit)})`);
  }
}

/**
 * Decodes a file's bytes: UTF-8 (BOM or not), UTF-16 with a BOM or the NUL pattern of mostly-ASCII
 * text, else Windows-1252 when the bytes are not UTF-8. Refuses files that look binary.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const sample = bytes.subarray(0, Math.min(bytes.length, 65_536) & ~1);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index + 1 < sample.length; index += 2) {
    if (sample[index] === 0) evenNuls += 1;
    if (sample[index + 1] === 0) oddNuls += 1;
  }
  const pairs = sample.length / 2;
  if (pairs >= 2 && oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.05) return new TextDecoder('utf-16le').decode(bytes);
  if (pairs >= 2 && evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.05) return new TextDecoder('utf-16be').decode(bytes);
  if (evenNuls + oddNuls > 0) throw new InputError(`${name}: looks like a binary file, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function readFileText(file: File, limit: number): Promise<string> {
  checkSize(file, limit);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return decodeText(bytes, file.name);
}

export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(`${name}: not valid JSON (${detail})`);
  }
}

/** Offers a blob as a download with the given file name. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
