// PDF to text with pdfjs-dist (its legacy build runs in Node and in browsers): lines rebuilt from positioned
// text, two columns read one after the other, running headers, footers and page numbers dropped, hyphens joined.
import { findDate } from '../readers/blocks.ts';

/** One piece of positioned text as pdfjs gives it (TextItem): its string, baseline origin, width and font size. */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A page's text pieces and its size, in PDF units (y grows upwards). */
export interface PageText {
  width: number;
  height: number;
  items: PositionedText[];
}

export interface PdfText {
  /** Paragraphs separated by blank lines, in reading order; ready for readDocument. */
  text: string;
  pages: number;
  /** The first date written on the first page (YYYY-MM-DD). */
  date?: string;
  /** The UN document symbol on the first page ("S/2023/648"). */
  symbol?: string;
}

/** Why a PDF gives no text: the CLI and the explorer turn it into a one-line skip. */
export class PdfReadError extends Error {
  override name = 'PdfReadError';
}

export interface PdfReadOptions {
  /** Pages above this are refused before any is read (default 1,000). */
  maxPages?: number;
  /** Extracted characters above this stop the reading (default 50 million). */
  maxCharacters?: number;
}

interface Line {
  text: string;
  x: number;
  y: number;
  size: number;
  end: number;
}

/** A UN document symbol: S/2023/648, A/78/123, S/PV.9000, S/RES/2719 (2023), A/HRC/55/12. */
export const UN_SYMBOL = /(?<![\p{L}\p{N}/])(?:S|A|E|A\/HRC|E\/CN\.\d{1,2})\/(?:PV\.\d{1,5}|RES\/\d{1,5}(?: \((?:19|20)\d{2}\))?|\d{1,4}\/\d{1,5}(?:\/(?:Add|Rev|Corr)\.\d{1,3})?)(?![\p{L}\p{N}/])/u;

const PAGE_NUMBER = /^(?:page\s+)?\d{1,5}(?:\s*(?:\/|of)\s*\d{1,5})?$|^[-–—]\s*\d{1,5}\s*[-–—]$/i;

/** Whether a UTF-16 unit is white space as `\s` and String.prototype.trim see it (WhiteSpace and LineTerminator). */
function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** `text.replace(/\s+/g, ' ').trim()`, with the text itself returned when it has no white space but single inner spaces. */
function collapseSpaces(text: string): string {
  const length = text.length;
  let previousSpace = true;
  let clean = true;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 32) {
      if (previousSpace) {
        clean = false;
        break;
      }
      previousSpace = true;
    } else if (isWhiteSpace(code)) {
      clean = false;
      break;
    } else previousSpace = false;
  }
  if (clean && !(length > 0 && previousSpace)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

/** Groups pieces that share a baseline into lines, left to right, a space where the gap is wide. */
function buildLines(items: readonly PositionedText[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { pieces: PositionedText[]; y: number; size: number }[] = [];
  for (const item of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - item.y) <= Math.max(1, 0.35 * Math.min(last.size, item.size))) {
      last.pieces.push(item);
      last.size = Math.max(last.size, item.size);
    } else {
      lines.push({ pieces: [item], y: item.y, size: item.size });
    }
  }
  return lines.map(({ pieces, y, size }) => {
    pieces.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const piece of pieces) {
      if (text.length > 0 && !isWhiteSpace(text.charCodeAt(text.length - 1)) && !isWhiteSpace(piece.text.charCodeAt(0)) && piece.x - end > 0.15 * piece.size) text += ' ';
      text += piece.text;
      end = Math.max(end, piece.x + piece.width);
    }
    return { text: collapseSpaces(text), x: pieces[0]?.x ?? 0, y, size, end };
  });
}

/** Text enough to tell columns on a page of few pieces: a reader that gives a line as one piece gives few. */
const GUTTER_MIN_CHARACTERS = 200;

/**
 * The x of a gutter between two columns: a place in the middle half of the page that (almost) no piece
 * crosses while both sides hold a fifth of the text or more (characters, not pieces: pdfjs-dist gives a justified
 * line word by word, the direct reader as one piece); undefined for a one-column page. A page needs 8 pieces, or
 * 4 holding 200 characters (pdfjs-dist splits a line at a ligature where the direct reader does not).
 */
function findGutter(items: readonly PositionedText[], pageWidth: number): number | undefined {
  if (pageWidth <= 0 || items.length < 4) return undefined;
  const characters = items.reduce((sum, item) => sum + item.text.trim().length, 0);
  if (items.length < 8 && characters < GUTTER_MIN_CHARACTERS) return undefined;
  const bins = Math.max(1, Math.ceil(pageWidth));
  const crossing = new Int32Array(bins + 1);
  const starts = new Int32Array(bins + 1);
  for (const item of items) {
    const from = Math.max(0, Math.min(bins, Math.floor(item.x)));
    const to = Math.max(0, Math.min(bins, Math.ceil(item.x + item.width)));
    crossing[from] = (crossing[from] ?? 0) + 1;
    if (to + 1 <= bins) crossing[to + 1] = (crossing[to + 1] ?? 0) - 1;
    starts[from] = (starts[from] ?? 0) + item.text.trim().length;
  }
  let running = 0;
  const covered = new Int32Array(bins + 1);
  for (let x = 0; x <= bins; x += 1) {
    running += crossing[x] ?? 0;
    covered[x] = running;
  }
  const before = new Int32Array(bins + 2);
  for (let x = 0; x <= bins; x += 1) before[x + 1] = (before[x] ?? 0) + (starts[x] ?? 0);
  const allowed = Math.max(2, items.length * 0.05);
  let best: { x: number; run: number } | undefined;
  let runStart = -1;
  for (let x = Math.floor(pageWidth * 0.25); x <= Math.ceil(pageWidth * 0.75) + 1; x += 1) {
    const open = x <= Math.ceil(pageWidth * 0.75) && (covered[x] ?? 0) <= allowed;
    if (open && runStart < 0) runStart = x;
    if (!open && runStart >= 0) {
      const middle = Math.floor((runStart + x - 1) / 2);
      const left = before[middle + 1] ?? 0;
      const right = characters - left;
      if (x - runStart >= 3 && left >= characters * 0.2 && right >= characters * 0.2 && (!best || x - runStart > best.run)) best = { x: middle, run: x - runStart };
      runStart = -1;
    }
  }
  return best?.x;
}

/** A page's lines in reading order: full-width lines as they come, and between two of them the left column, then the right. */
export function pageLines(page: PageText): Line[] {
  const items = page.items.filter((item) => item.text.trim().length > 0 && Number.isFinite(item.x) && Number.isFinite(item.y));
  const gutter = findGutter(items, page.width);
  if (gutter === undefined) return buildLines(items);
  const spanning: PositionedText[] = [];
  const left: PositionedText[] = [];
  const right: PositionedText[] = [];
  for (const item of items) {
    if (item.x + item.width <= gutter + 1) left.push(item);
    else if (item.x >= gutter - 1) right.push(item);
    else spanning.push(item);
  }
  const spanningLines = buildLines(spanning);
  const leftLines = buildLines(left);
  const rightLines = buildLines(right);
  const ordered: Line[] = [];
  let leftIndex = 0;
  let rightIndex = 0;
  for (const wide of [...spanningLines, undefined]) {
    const floor = wide?.y ?? -Infinity;
    while (leftIndex < leftLines.length && (leftLines[leftIndex]?.y ?? 0) > floor) ordered.push(leftLines[leftIndex++] as Line);
    while (rightIndex < rightLines.length && (rightLines[rightIndex]?.y ?? 0) > floor) ordered.push(rightLines[rightIndex++] as Line);
    if (wide) ordered.push(wide);
  }
  return ordered;
}

/** The text of a line with its digits folded, so "Page 3" and "Page 4" repeat as one running line. */
function runningKey(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

/**
 * The lines where running headers, footers and page numbers sit: the top line and the bottom line of the
 * page (and the next one inwards when that is a page number), if they lie in the page's top or bottom tenth.
 */
function marginLines(lines: readonly Line[], height: number): Line[] {
  const byHeight = [...lines].sort((a, b) => b.y - a.y);
  const picked = new Set<Line>();
  // The outermost line, with the lines beside it on the same baseline (a header split by the column gutter).
  const take = (ordered: Line[], inZone: (line: Line) => boolean): void => {
    let index = 0;
    for (let row = 0; row < 2 && index < ordered.length; row += 1) {
      const first = ordered[index] as Line;
      if (!inZone(first)) break;
      let pageNumber = false;
      while (index < ordered.length && Math.abs((ordered[index] as Line).y - first.y) <= 2) {
        const line = ordered[index] as Line;
        picked.add(line);
        pageNumber ||= PAGE_NUMBER.test(line.text);
        index += 1;
      }
      if (!pageNumber) break;
    }
  };
  take(byHeight, (line) => line.y >= height * 0.88);
  take(byHeight.reverse(), (line) => line.y <= height * 0.12);
  return lines.filter((line) => picked.has(line));
}

/** The text of each page's lines, running headers, footers and page numbers left out. */
function bodyLines(pages: readonly { lines: Line[]; height: number }[]): Line[][] {
  const seen = new Map<string, number>();
  for (const page of pages) {
    for (const key of new Set(marginLines(page.lines, page.height).map((line) => runningKey(line.text)))) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const repeated = (key: string): boolean => pages.length >= 2 && (seen.get(key) ?? 0) >= Math.max(2, pages.length * 0.5);
  return pages.map((page) => {
    const margins = new Set(marginLines(page.lines, page.height));
    return page.lines.filter((line) => !margins.has(line) || (!PAGE_NUMBER.test(line.text) && !repeated(runningKey(line.text))));
  });
}

/** Prefixes that keep their hyphen at a line end: the word is a compound ("north-west", "non-governmental", "ex-combatants"). */
const COMPOUND_PREFIXES = new Set(['north', 'south', 'east', 'west', 'non', 'self', 'ex', 'vice', 'cross', 'well', 'all', 'half', 'anti']);

/**
 * Joins a line to the text before it. A soft hyphen at the end always breaks a word; a hyphen before a
 * lower-case letter does too, unless the document writes that compound with its hyphen elsewhere, or
 * never writes it solid and its first part is a compound prefix ("south-" + "east" stays "south-east").
 * Undefined when the line only follows after a space (the caller keeps it as a part of its own).
 */
function joinLine(paragraph: string, line: string, vocabulary: () => ReadonlySet<string>): string | undefined {
  if (paragraph.length === 0) return line;
  const lastUnit = paragraph.charCodeAt(paragraph.length - 1);
  // Only a line ending in a hyphen or a soft hyphen joins otherwise.
  if (lastUnit !== 45 && lastUnit !== 0xad) return undefined;
  if (/\p{L}\u00ad$/u.test(paragraph)) return paragraph.slice(0, -1) + line;
  if (/\p{L}-$/u.test(paragraph) && /^\p{Ll}/u.test(line)) {
    const left = (/[\p{L}\p{M}]+(?=-$)/u.exec(paragraph)?.[0] ?? '').toLowerCase();
    const right = (/^[\p{L}\p{M}]+/u.exec(line)?.[0] ?? '').toLowerCase();
    const hyphenated = vocabulary().has(`${left}-${right}`);
    const solid = vocabulary().has(left + right);
    if (hyphenated || (!solid && COMPOUND_PREFIXES.has(left))) return paragraph + line;
    return paragraph.slice(0, -1) + line;
  }
  return undefined;
}

/** A vocabulary word: letters and marks, hyphenated compounds whole, not one that ends a line on a hyphen. */
const VOCABULARY_WORD = /[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*(?!-$)/gmu;
/** By UTF-16 unit: 1 a letter or mark, 2 anything else, 0 not looked up yet. */
const WORD_UNITS = new Uint8Array(65536);

function isWordUnit(code: number): boolean {
  let known = WORD_UNITS[code] as number;
  if (known === 0) {
    known = /[\p{L}\p{M}]/u.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_UNITS[code] = known;
  }
  return known === 1;
}

const isLineEnd = (text: string, index: number): boolean => {
  if (index >= text.length) return true;
  const code = text.charCodeAt(index);
  return code === 10 || code === 13 || code === 0x2028 || code === 0x2029;
};

/**
 * The matches of VOCABULARY_WORD in `text`, found by a scan over its units (the expression's backtracking
 * done by hand: a word that ends a line on a hyphen gives up its last letter, or its last one-letter part).
 */
function addVocabularyWords(text: string, words: Set<string>): void {
  // Letters outside the Basic Multilingual Plane are pairs of units: the expression itself reads such a text.
  if (/[\ud800-\udfff]/.test(text)) {
    for (const word of text.match(VOCABULARY_WORD) ?? []) words.add(word);
    return;
  }
  const length = text.length;
  let index = 0;
  while (index < length) {
    if (!isWordUnit(text.charCodeAt(index))) {
      index += 1;
      continue;
    }
    const start = index;
    let end = index;
    while (end < length && isWordUnit(text.charCodeAt(end))) end += 1;
    let lastPart = start;
    while (end + 1 < length && text.charCodeAt(end) === 45 && isWordUnit(text.charCodeAt(end + 1))) {
      lastPart = end + 1;
      end += 1;
      while (end < length && isWordUnit(text.charCodeAt(end))) end += 1;
    }
    if (!(text.charCodeAt(end) === 45 && isLineEnd(text, end + 1))) {
      words.add(text.slice(start, end));
      index = end;
    } else if (end - lastPart >= 2) {
      words.add(text.slice(start, end - 1));
      index = end - 1;
    } else if (lastPart > start) {
      words.add(text.slice(start, lastPart - 1));
      index = lastPart - 1;
    } else index = start + 1;
  }
}

/** Lower-case words of the lines, hyphenated compounds whole, to tell a broken word from a compound. */
function vocabularyOf(pages: readonly Line[][]): Set<string> {
  const words = new Set<string>();
  // A page's lines as one text, one line a row (`$` in multiline mode is a line's end): one lower-casing per page.
  for (const lines of pages) addVocabularyWords(lines.map((line) => line.text).join('\n').toLowerCase(), words);
  return words;
}

/** Units that may close a sentence after its mark: quotes, a parenthesis, a bracket. */
const isSentenceCloser = (code: number): boolean => code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 41 || code === 93;
const isSentenceMark = (code: number): boolean => code === 46 || code === 33 || code === 63 || code === 58 || code === 59 || code === 0x2026;

/** Whether the last 16 units of `text` end a sentence: a mark (. ! ? : ; …) and closing quotes or brackets after it. */
function endsWithSentenceEnd(text: string): boolean {
  const floor = Math.max(0, text.length - 16);
  let index = text.length - 1;
  while (index >= floor && isSentenceCloser(text.charCodeAt(index))) index -= 1;
  return index >= floor && isSentenceMark(text.charCodeAt(index));
}

/**
 * Lays the pages' lines out as paragraphs: a new paragraph where the space between lines is wider than
 * usual or the font size changes; a column or page break goes on with the same paragraph unless the text
 * before it ends a sentence.
 */
export function layoutPages(pages: readonly PageText[]): { text: string; pageTexts: string[] } {
  const laidOut = pages.map((page) => ({ lines: pageLines(page), height: page.height }));
  const kept = bodyLines(laidOut);
  // Built on the first hyphen at a line end: most documents never need it.
  let words: Set<string> | undefined;
  const vocabulary = (): Set<string> => (words ??= vocabularyOf(kept));
  const gaps: number[] = [];
  for (const lines of kept) {
    for (let index = 1; index < lines.length; index += 1) {
      const gap = (lines[index - 1]?.y ?? 0) - (lines[index]?.y ?? 0);
      if (gap > 0) gaps.push(gap);
    }
  }
  // Sorted as numbers (gaps are positive and finite: a typed array's sort gives the order the comparator a - b gives).
  const sortedGaps = Float64Array.from(gaps).sort();
  const usualGap = sortedGaps[Math.floor(sortedGaps.length / 2)] ?? 12;
  const paragraphs: string[] = [];
  const pageTexts: string[] = [];
  // The paragraph being built, as its lines (a hyphenated line end joins into the line before): joined once, at its end.
  const parts: string[] = [];
  let previous: Line | undefined;
  const flush = (): void => {
    if (parts.length > 0) paragraphs.push(parts.join(' '));
    parts.length = 0;
  };
  for (const lines of kept) {
    const pageStart = paragraphs.length;
    for (const line of lines) {
      if (previous && parts.length > 0) {
        const gap = previous.y - line.y;
        const sameFlow = gap > 0 && gap < usualGap * 1.3 && Math.abs(line.x - previous.x) < line.size * 4;
        const sizeChanged = Math.abs(line.size - previous.size) > 0.4;
        const breaksFlow = !sameFlow && (gap <= 0 || Math.abs(line.x - previous.x) >= line.size * 4);
        const endsSentence = endsWithSentenceEnd(parts[parts.length - 1] as string);
        if (sizeChanged || (breaksFlow ? endsSentence : !sameFlow)) flush();
      }
      const last = parts[parts.length - 1];
      const joined = last === undefined ? undefined : joinLine(last, line.text, vocabulary);
      if (joined === undefined) parts.push(line.text);
      else parts[parts.length - 1] = joined;
      previous = line;
    }
    pageTexts.push([...paragraphs.slice(pageStart), parts.join(' ')].join('\n\n'));
  }
  flush();
  return { text: paragraphs.join('\n\n'), pageTexts };
}

interface PdfjsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** The same messages in the CLI's PDF child process (packages/cli/src/pdf-child.mjs). */
export const PDF_MESSAGES = {
  encrypted: 'encrypted PDF (it needs a password)',
  noText: 'no text layer (an image-only or scanned PDF: it needs OCR first)',
} as const;

/** The positioned text of each page, read with pdfjs-dist; throws PdfReadError naming the reason when it cannot. */
export async function pdfPages(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PageText[]> {
  const maxPages = options.maxPages ?? 1000;
  const maxCharacters = options.maxCharacters ?? 50_000_000;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw new PdfReadError(PDF_MESSAGES.encrypted);
    throw new PdfReadError(`not a readable PDF (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    if (document.numPages > maxPages) throw new PdfReadError(`PDF of ${document.numPages} pages (the limit is ${maxPages})`);
    const pages: PageText[] = [];
    let characters = 0;
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [, , width = 0, height = 0] = page.view;
      const content = await page.getTextContent();
      const items: PositionedText[] = [];
      for (const raw of content.items as PdfjsTextItem[]) {
        const text = raw.str ?? '';
        if (text.length === 0 || !raw.transform) continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = raw.transform;
        characters += text.length;
        items.push({ text, x, y, width: raw.width ?? 0, size: Math.max(Math.hypot(c, d), Math.hypot(a, b), raw.height ?? 0) });
      }
      if (characters > maxCharacters) throw new PdfReadError(`PDF text longer than ${maxCharacters} characters`);
      pages.push({ width, height, items });
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The text of a PDF's pages in reading order, with the first page's date and symbol. */
export function textOfPages(pages: readonly PageText[]): PdfText {
  if (!pages.some((page) => page.items.some((item) => item.text.trim().length > 0))) throw new PdfReadError(PDF_MESSAGES.noText);
  const { text, pageTexts } = layoutPages(pages);
  const result: PdfText = { text, pages: pages.length };
  const firstPage = pageTexts[0] ?? '';
  const date = findDate(firstPage);
  if (date !== undefined) result.date = date;
  const symbol = UN_SYMBOL.exec(firstPage)?.[0];
  if (symbol !== undefined) result.symbol = symbol;
  return result;
}

/** Reads a PDF's text with pdfjs-dist (in Node or a browser); throws PdfReadError naming the reason when it has none to give. */
export async function pdfToText(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  return textOfPages(await pdfPages(bytes, options));
}
