// Reads plain text and Markdown into paragraph blocks: Markdown syntax is reduced to its text, and
// paragraphs split by a page break in mid-sentence are joined again.
import { type Block, type ReadResult, assignColonSpeakers, collapseWhitespace, endsWithTerminal, findDate } from './blocks.ts';
import { STOPWORDS } from '../topics/stopwords.ts';

interface Paragraph {
  text: string;
  /** Headings, list items and table rows stand alone: never joined to a neighbour. */
  standalone: boolean;
  heading: boolean;
  /** A table row or a bullet item without a verb-length sentence: its sentences are marked `list`. */
  list?: boolean;
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Decodes the common named and numeric HTML entities. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return HTML_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Reduces inline Markdown to its text: images → alt text, links → link text, emphasis and code marks removed. */
export function stripInlineMarkdown(text: string): string {
  return decodeEntities(
    text
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/!\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, '$1')
      .replace(/\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, '$1')
      .replace(/\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]{1,2000})>/g, '$1')
      .replace(/<\/?[a-zA-Z][a-zA-Z0-9-]{0,20}(?:\s[^<>]{0,500})?\/?>/g, ' ')
      .replace(/`{1,3}([^`\n]{1,500})`{1,3}/g, '$1')
      .replace(/(\*\*|__)(?=\S)([^\n]{1,500}?\S)\1/g, '$2')
      .replace(/(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]{0,500}?[^\s*])\*(?![\p{L}\p{N}*])/gu, '$1')
      .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_\n]{0,500}?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/~~(?=\S)([^\n]{1,500}?\S)~~/g, '$1'),
  );
}

/**
 * True when a document's first line is a title line of its own although the next line follows without a
 * blank line ("Interview: …\nRecorded in Bogota, 2023."): short, without final punctuation, not ending in
 * a small word or comma that a wrapped sentence would go on from, and followed by a capitalised line.
 */
function isTitleLine(line: string, next: string): boolean {
  if (line.length > 150 || next.length === 0 || /^#/.test(line) || /[.!?:;,]["'”’)]*$/u.test(line)) return false;
  const lastWord = (/[\p{L}'’]+$/u.exec(line)?.[0] ?? '').toLowerCase();
  if (lastWord.length === 0 || STOPWORDS.has(lastWord)) return false;
  return /^["“‘(]?[\p{Lu}\p{N}]/u.test(next);
}

/** Splits Markdown (or plain text) into paragraphs, dropping code blocks, rules and link definitions. */
function markdownParagraphs(text: string, markdown: boolean): { paragraphs: Paragraph[]; frontTitle?: string } {
  const lines = text.split('\n');
  const paragraphs: Paragraph[] = [];
  let buffer: string[] = [];
  let inFence = false;
  let frontTitle: string | undefined;
  let index = 0;
  let bullet = false;
  const flush = (): void => {
    const text = buffer.join(' ');
    if (buffer.length > 0) paragraphs.push(bullet && isNameBullet(text) ? { text, standalone: false, heading: false, list: true } : { text, standalone: false, heading: false });
    buffer = [];
    bullet = false;
  };
  if (markdown && lines[0]?.trim() === '---') {
    const close = lines.findIndex((line, position) => position > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
    if (close > 0 && close < 100) {
      for (const line of lines.slice(1, close)) {
        const match = /^title:\s*["']?(.+?)["']?\s*$/i.exec(line);
        if (match) frontTitle = match[1];
      }
      index = close + 1;
    }
  }
  for (; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    const line = raw.trim();
    if (markdown && /^(?:```|~~~)/.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    if (line.length === 0) {
      flush();
      continue;
    }
    // The title line, and in the head of a document (before any prose) the short unpunctuated lines under it,
    // such as a byline name over a course or date line ("Tomás Ferreira\nPOL 312: …, 4 December 2023").
    const inHead = paragraphs.length > 0 && paragraphs.length < 6 && paragraphs.every((paragraph) => !endsWithTerminal(paragraph.text)) && line.length <= 80;
    if ((paragraphs.length === 0 || inHead) && buffer.length === 0 && isTitleLine(line, lines[index + 1]?.trim() ?? '')) {
      paragraphs.push({ text: line, standalone: true, heading: false });
      continue;
    }
    if (!markdown) {
      // A bullet or a numbered note ("- that the Council …", "[3] Margaret Joan Anstee, …") is a line of its own.
      if (/^(?:[-•*]|\[\d{1,3}\])\s+\S/u.test(line)) {
        flush();
        bullet = /^[-•*]/u.test(line);
      }
      buffer.push(line);
      continue;
    }
    const next = lines[index + 1]?.trim() ?? '';
    if (/^(?:[-*_]\s*){3,}$/.test(line)) {
      flush();
      continue;
    }
    if (/^\[[^\]]{1,200}\]:\s*\S+/.test(line)) continue;
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      paragraphs.push({ text: heading[1] ?? '', standalone: true, heading: true });
      continue;
    }
    if (buffer.length === 0 && /^(?:=+|-+)$/.test(next) && next.length >= 2) {
      paragraphs.push({ text: line, standalone: true, heading: true });
      index += 1;
      continue;
    }
    const listItem = /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (listItem) {
      flush();
      bullet = true;
      buffer.push(listItem[1] ?? '');
      continue;
    }
    if (line.startsWith('|') || /\|.*\|/.test(line)) {
      if (/^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/.test(line)) continue;
      flush();
      const cells = line.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim()).filter((cell) => cell.length > 0);
      paragraphs.push({ text: cells.join('; '), standalone: true, heading: false, list: cells.length >= 2 });
      continue;
    }
    buffer.push(line.replace(/^(?:>\s?)+/, ''));
  }
  flush();
  return frontTitle === undefined ? { paragraphs } : { paragraphs, frontTitle };
}

/** True when `text` begins, after opening punctuation, with a lower-case letter. */
function startsLowerCase(text: string): boolean {
  const match = /^[\s"'“‘([—–-]*(\p{L})/u.exec(text);
  const letter = match?.[1];
  return letter !== undefined && letter !== letter.toUpperCase();
}

/** A bullet of names rather than of sentences: "- Jean-Pierre Lacroix, Under-Secretary-General" (no final stop, a few words). */
function isNameBullet(text: string): boolean {
  return /^(?:[-•*]\s+)?[\p{Lu}\p{N}]/u.test(text) && !/[.!?]["'”’)]*$/u.test(text) && text.split(/\s+/).length <= 8 && /,|\s[–—-]\s/.test(text);
}

/** Reads plain text or Markdown. The first short unpunctuated paragraph (or first heading) is the title. */
export function readParagraphs(text: string, markdown: boolean): ReadResult {
  const { paragraphs, frontTitle } = markdownParagraphs(text, markdown);
  const cleaned = paragraphs
    .map((paragraph) => ({ ...paragraph, text: collapseWhitespace(markdown ? stripInlineMarkdown(paragraph.text) : paragraph.text) }))
    .filter((paragraph) => paragraph.text.length > 0);
  // A paragraph that stops mid-sentence and a next one that starts in lower case were split by a page break.
  const joined: Paragraph[] = [];
  for (const paragraph of cleaned) {
    const previous = joined[joined.length - 1];
    if (previous && !previous.standalone && !paragraph.standalone && !endsWithTerminal(previous.text) && startsLowerCase(paragraph.text) && !/^(?:[-•*]|\[\d{1,3}\])\s/u.test(paragraph.text)) {
      previous.text = `${previous.text} ${paragraph.text}`;
    } else {
      joined.push({ ...paragraph });
    }
  }
  let title = frontTitle;
  const first = joined[0];
  if (title === undefined && first) {
    const firstHeading = joined.find((paragraph) => paragraph.heading);
    if (firstHeading && joined.indexOf(firstHeading) <= 2) title = firstHeading.text;
    else if (first.text.length <= 200 && !/[.!?]["'”’)]*$/.test(first.text)) title = first.text;
  }
  const blocks: Block[] = assignColonSpeakers(joined.map((paragraph) => (paragraph.list === true ? { segments: [{ text: paragraph.text }], list: true } : { segments: [{ text: paragraph.text }] })));
  const result: ReadResult = { blocks, warnings: [] };
  if (title !== undefined) result.title = collapseWhitespace(stripInlineMarkdown(title));
  const date = findDate(text.slice(0, 1500));
  if (date !== undefined) {
    result.date = date;
    result.dateSource = 'dateline';
  }
  return result;
}
