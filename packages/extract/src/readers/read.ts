// readDocument: detects a document's format from its content, reads it into blocks, and splits the
// blocks into sentences that keep their speaker and start time.
import type { DocumentFormat, SentenceRecord, SourceDocument } from '../types.ts';
import { UN_SYMBOL } from '../formats/pdf.ts';
import { sanitizeText } from '../text/sanitize.ts';
import { isEnumeration, splitSentences } from '../text/sentences.ts';
import type { Block, ReadResult } from './blocks.ts';
import { readCaptions } from './captions.ts';
import { readParagraphs } from './paragraphs.ts';
import { countSpeakerHeaders, countTimedLines, readTimedLines, readTranscript } from './transcript.ts';

/** A document read into sentences. */
export interface ParsedDocument {
  id: string;
  format: DocumentFormat;
  title?: string;
  /** The document's date (YYYY-MM-DD) when its header, dateline, caption note or id gives one. */
  date?: string;
  dateSource?: 'header' | 'dateline' | 'note' | 'name';
  /** A UN document symbol on the first page ("S/2023/648"). */
  symbol?: string;
  /** A transcript's SUMMARY KEYWORDS block: metadata, not sentences. */
  keywords?: string[];
  sentences: SentenceRecord[];
  speakers: string[];
  warnings: string[];
}

const SRT_START = /^\s*\d+[ \t]*\n[ \t]*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}[ \t]*-->/;

/** Counts distinct Markdown features; two or more (or several links) make a document Markdown. */
function markdownScore(text: string): number {
  const sample = text.slice(0, 200_000);
  const features = [
    /^#{1,6}\s+\S/m,
    /\[[^\]\n]{1,300}\]\([^)\s]{0,1000}\)/,
    /^\s{0,3}[-*+]\s+\S/m,
    /(?:\*\*|__)\S[^\n]{0,200}?\S(?:\*\*|__)/,
    /(?<![\w*])\*[^\s*][^*\n]{0,200}\*(?![\w*])/,
    /^>\s?\S/m,
    /^(?:```|~~~)/m,
    /^\|.*\|\s*$/m,
  ];
  const links = (sample.match(/\[[^\]\n]{1,300}\]\([^)\s]{0,1000}\)/g) ?? []).length;
  return features.filter((feature) => feature.test(sample)).length + (links >= 3 ? 1 : 0);
}

/** At least three lines, and three in ten of the lines, open with a timestamp. */
function hasTimedLines(lines: readonly string[]): boolean {
  const { timed, nonEmpty } = countTimedLines(lines);
  return timed >= 3 && timed >= nonEmpty * 0.3;
}

/** Detects the format from content: captions by their header/timing lines, transcripts by speaker headers. */
export function detectFormat(text: string): DocumentFormat {
  const head = text.slice(0, 2000);
  if (/^\s*WEBVTT(?:[ \t]|\n|$)/.test(head)) return 'vtt';
  if (SRT_START.test(head)) return 'srt';
  const lines = text.slice(0, 200_000).split('\n', 5000);
  if (countSpeakerHeaders(lines) >= 2) return 'transcript';
  if (hasTimedLines(lines)) return 'transcript';
  if (markdownScore(text) >= 2) return 'markdown';
  const colonTurns = new Map<string, number>();
  for (const line of lines) {
    const match = /^([\p{Lu}][\p{L}\p{M}'’.\- ]{0,40}):\s+\S/u.exec(line.trim());
    if (match) colonTurns.set(match[1] ?? '', (colonTurns.get(match[1] ?? '') ?? 0) + 1);
  }
  if ([...colonTurns.values()].filter((count) => count >= 2).length >= 2 || (colonTurns.size >= 2 && colonTurns.size <= 8)) return 'transcript';
  return 'text';
}

function readByFormat(text: string, format: DocumentFormat): ReadResult {
  switch (format) {
    case 'vtt':
    case 'srt':
      return readCaptions(text);
    case 'transcript': {
      const lines = text.slice(0, 200_000).split('\n', 5000);
      if (countSpeakerHeaders(lines) >= 2) return readTranscript(text);
      return hasTimedLines(lines) ? readTimedLines(text) : readParagraphs(text, false);
    }
    case 'markdown':
      return readParagraphs(text, true);
    case 'text':
      return readParagraphs(text, false);
  }
}

/** Splits blocks into sentence records; a sentence takes the time of the segment it starts in, and is a list when its block is or it enumerates. */
function blocksToSentences(blocks: readonly Block[]): SentenceRecord[] {
  const sentences: SentenceRecord[] = [];
  for (const block of blocks) {
    const starts: number[] = [];
    let joined = '';
    for (const segment of block.segments) {
      const text = segment.text.replace(/\s+/g, ' ').trim();
      if (text.length === 0) {
        starts.push(joined.length);
        continue;
      }
      if (joined.length > 0) joined += ' ';
      starts.push(joined.length);
      joined += text;
    }
    let segmentIndex = 0;
    for (const span of splitSentences(joined)) {
      while (segmentIndex + 1 < starts.length && (starts[segmentIndex + 1] ?? Infinity) <= span.start) segmentIndex += 1;
      // Segments whose text was empty (a bare header) lend their time to the next text.
      let timed = segmentIndex;
      while (timed > 0 && starts[timed - 1] === starts[timed]) timed -= 1;
      const segment = block.segments[timed];
      const record: SentenceRecord = { index: sentences.length, text: joined.slice(span.start, span.end) };
      if (block.speaker !== undefined) record.speaker = block.speaker;
      if (segment?.time !== undefined) record.time = segment.time;
      if (segment?.seconds !== undefined) record.seconds = segment.seconds;
      if (block.list === true || isEnumeration(record.text)) record.list = true;
      sentences.push(record);
    }
  }
  return sentences;
}


/** A date in a file name: 2017-05-22, 20170522, 2017_05_22 or 22-05-2017 (not part of a longer number). */
export function dateInName(id: string): string | undefined {
  const name = id.slice(id.lastIndexOf('/') + 1);
  const ymd = /(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  if (ymd) return `${ymd[1]}-${ymd[2]}-${ymd[3]}`;
  const dmy = /(?<!\d)(0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.]((?:19|20)\d{2})(?!\d)/.exec(name);
  return dmy ? `${dmy[3]}-${dmy[2]}-${dmy[1]}` : undefined;
}

/** Reads a document: sanitises its text, detects its format, and splits it into sentences with speaker and time. */
export function readDocument(doc: SourceDocument): ParsedDocument {
  const warnings: string[] = [];
  const raw = typeof doc.text === 'string' ? doc.text : '';
  const { text, removedControl, removedReplacement } = sanitizeText(raw);
  if (removedControl > 0) warnings.push(`extract/readDocument: ${doc.id}: removed ${removedControl} control or invisible characters`);
  if (removedReplacement > 0) warnings.push(`extract/readDocument: ${doc.id}: removed ${removedReplacement} undecodable characters`);
  if (raw.length > 0 && (removedControl + removedReplacement) / raw.length > 0.1) warnings.push(`extract/readDocument: ${doc.id}: looks like binary data, not text`);
  const format = detectFormat(text);
  const result = readByFormat(text, format);
  const sentences = blocksToSentences(result.blocks);
  const speakers: string[] = [];
  for (const name of [...(result.declaredSpeakers ?? []), ...sentences.map((sentence) => sentence.speaker)]) {
    if (name !== undefined && !speakers.includes(name)) speakers.push(name);
  }
  const parsed: ParsedDocument = { id: doc.id, format, sentences, speakers, warnings: [...warnings, ...result.warnings] };
  if (result.title !== undefined) parsed.title = result.title;
  const nameDate = dateInName(doc.id);
  if (result.date !== undefined) {
    parsed.date = result.date;
    parsed.dateSource = result.dateSource ?? 'dateline';
  } else if (nameDate !== undefined) {
    parsed.date = nameDate;
    parsed.dateSource = 'name';
  }
  const symbol = UN_SYMBOL.exec(text.slice(0, 3000))?.[0];
  if (symbol !== undefined) parsed.symbol = symbol;
  if (result.keywords !== undefined) parsed.keywords = result.keywords;
  return parsed;
}
