// Splits running text into sentences: respects abbreviations, initials, decimals, ellipses and quotes,
// and cuts runaway "sentences" at a hard limit so later stages always see bounded input.

/** A sentence as character offsets into the text it was split from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Longest sentence passed on; longer runs are cut at the last space before it (or hard). */
export const MAX_SENTENCE_LENGTH = 2000;

// Abbreviations after which a period does not end the sentence when a capitalised word follows.
const TITLE_ABBREVIATIONS = new Set(
  'mr mrs ms mx dr prof st mt vs amb gen lt col maj capt cpt sgt cmdr adm gov sen rep hon rev fr sr jr pres supt insp messrs mme mlle mm ft'.split(' '),
);
// Abbreviations that may end a sentence: split only when a clear sentence opener follows.
const OTHER_ABBREVIATIONS = new Set(
  'e.g i.e cf etc al approx est inc ltd co corp dept fig figs vol vols pp p art para paras ch sec jan feb mar apr jun jul aug sep sept oct nov dec ca ibid op viz resp'.split(' '),
);
const SENTENCE_OPENERS = new Set(
  'the this that these those it its we i he she they there in but and a an our his her their however so then now when what why how if as on at for after before while yes no thank thanks'.split(' '),
);

// Runs of end marks are matched only from their first character, atomically, so long runs stay linear.
// A footnote marker may follow the end mark ("… South Africa.[2] The same accords").
const BOUNDARY = /(?<![.!?\u2026])(?=([.!?\u2026]+))\1(?=((?:["'\u201d\u2019)\]]|\[\d{1,3}\])*))\2(\s+)/g;
// Abbreviations that precede a number ("No. 5", "para. 3").
const NUMBER_ABBREVIATIONS = new Set('no nos nr p pp art arts para paras ch sec fig figs vol vols op res'.split(' '));

/** The word just before position `end` (letters, digits and inner dots). */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0) {
    const ch = text.charCodeAt(start - 1);
    const isWordChar = ch === 46 || (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch > 127;
    if (!isWordChar || end - start > 40) break;
    start -= 1;
  }
  return text.slice(start, end);
}

/** The word starting at `start`, letters only, lower-cased. */
function wordAfter(text: string, start: number): string {
  const match = /^[\p{L}']+/u.exec(text.slice(start, start + 40));
  return match ? match[0].toLowerCase() : '';
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Decides whether the punctuation `mark` before `nextStart` ends a sentence. */
function endsSentence(text: string, markStart: number, mark: string, nextStart: number): boolean {
  const next = text[nextStart] ?? '';
  const nextIsLower = next !== next.toUpperCase() && next === next.toLowerCase();
  if (nextIsLower) return false;
  // A year or page in parentheses goes on with a title that ends in "?" ("Does Peacekeeping Work? (2008)").
  if (mark.startsWith('?') || mark.startsWith('!')) return !/^\(\s*\d/.test(text.slice(nextStart, nextStart + 4));
  if (mark.length > 1 || mark === '\u2026') return isUpper(next) || /["\u201c([]/.test(next);
  const word = wordBefore(text, markStart);
  const lower = word.toLowerCase();
  if (word.length === 0) return true;
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  if (/[0-9]/.test(next) && NUMBER_ABBREVIATIONS.has(lower)) return false;
  // A single capital letter is an initial ("J. Smith"); dotted acronyms ("U.N.") and listed abbreviations
  // end a sentence only before a typical sentence opener.
  const isInitial = word.length === 1 && isUpper(word);
  const isDotted = /^(?:\p{L}\.)+\p{L}$/u.test(word);
  if (isInitial || isDotted || OTHER_ABBREVIATIONS.has(lower)) {
    return SENTENCE_OPENERS.has(wordAfter(text, nextStart)) && !isInitial;
  }
  return true;
}

/** Splits `text` into sentence spans; spans are trimmed and never longer than MAX_SENTENCE_LENGTH. */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let sentenceStart = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match !== null; match = BOUNDARY.exec(text)) {
    const mark = match[1] ?? '';
    const markStart = match.index;
    const nextStart = match.index + match[0].length;
    if (nextStart >= text.length) break;
    if (endsSentence(text, markStart, mark, nextStart)) {
      pushSpan(text, sentenceStart, markStart + mark.length + (match[2] ?? '').length, spans);
      sentenceStart = nextStart;
    }
  }
  pushSpan(text, sentenceStart, text.length, spans);
  return spans;
}

/** Trims a span and cuts it into pieces of at most MAX_SENTENCE_LENGTH; drops spans without letters or digits. */
function pushSpan(text: string, from: number, to: number, spans: SentenceSpan[]): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  while (start < end) {
    let pieceEnd = end;
    if (end - start > MAX_SENTENCE_LENGTH) {
      pieceEnd = start + MAX_SENTENCE_LENGTH;
      const lastSpace = text.lastIndexOf(' ', pieceEnd);
      if (lastSpace > start + MAX_SENTENCE_LENGTH / 2) pieceEnd = lastSpace;
      else if (/[\udc00-\udfff]/.test(text[pieceEnd] ?? '')) pieceEnd -= 1;
    }
    let pieceTrimEnd = pieceEnd;
    while (pieceTrimEnd > start && /\s/.test(text[pieceTrimEnd - 1] ?? '')) pieceTrimEnd -= 1;
    if (hasWordCharacter(text, start, pieceTrimEnd)) spans.push({ start, end: pieceTrimEnd });
    start = pieceEnd;
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  }
}

function hasWordCharacter(text: string, start: number, end: number): boolean {
  const limit = Math.min(end, start + MAX_SENTENCE_LENGTH);
  return /[\p{L}\p{N}]/u.test(text.slice(start, limit));
}

/**
 * True for a sentence that only lists things: four or more items split by commas or semicolons, nearly all
 * of them short ("Those are X in A, Y in B, Z in C, and W in D."; a keyword line; a table row's cells). Its
 * mentions count, but its co-mentions come from a list, not from a statement about the two.
 */
export function isEnumeration(text: string): boolean {
  const items = text
    .replace(/[.!?…]+["'”’)]*\s*$/u, '')
    .split(/[,;]\s*|\s+[–—]\s+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length < 4) return false;
  const short = items.filter((item) => item.split(/\s+/).length <= 7).length;
  return short >= items.length * 0.75;
}
