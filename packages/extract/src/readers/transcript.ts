// Reads speaker/timestamp transcripts as podcast and meeting tools export them: header lines such as
// "Jean-Pierre Lacroix 01:25", "[00:00:17] Name" or "Name [00:01:02]", with their export debris.
import {
  type Block,
  type ReadResult,
  TIME_PATTERN,
  collapseWhitespace,
  endsWithTerminal,
  findDate,
  isDateLine,
  displaySpeaker,
  looksLikeSpeakerName,
  timedSegment,
} from './blocks.ts';

/** A parsed speaker header line; `text` is speech that followed on the same line. */
export interface SpeakerHeader {
  speaker?: string;
  time?: string;
  text?: string;
}

const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*(?:[ \t]+[\p{L}\p{M}\p{N}'’.\-]+){0,5}`;
const NAME_THEN_TIME = new RegExp(String.raw`^(${NAME})[ \t]+[\[(]?(${TIME_PATTERN})[\])]?:?$`, 'u');
const TIME_THEN_NAME = new RegExp(String.raw`^[\[(](${TIME_PATTERN})[\])][ \t]*(?:(${NAME})[ \t]*(?::[ \t]*(.*))?)?$`, 'u');
/** "Name [00:00:05]: text" and "Name (00:01:02): text": a header and the speech on one line. */
const NAME_TIME_THEN_TEXT = new RegExp(String.raw`^(${NAME})[ \t]+[\[(](${TIME_PATTERN})[\])]:?[ \t]+(\S.*)$`, 'u');
const BARE_TIME_THEN_NAME = new RegExp(String.raw`^(${TIME_PATTERN})[ \t]+(${NAME}):[ \t]*(.*)$`, 'u');
const STRAY_INITIAL = /^\p{Lu}\.?$/u;

/** Removes a stray one-letter initial that some exports put before a speaker name ("J Jean-Pierre Lacroix"). */
function stripStrayInitial(name: string): string {
  const match = /^(\p{Lu})\s+((\p{Lu})\S*(?:\s+\S+)+)$/u.exec(name);
  if (match && match[1] === match[3]) return match[2] ?? name;
  return name;
}

/** Parses one trimmed line as a speaker header, or returns undefined. */
export function parseSpeakerHeader(line: string): SpeakerHeader | undefined {
  if (line.length > 100) return longSpeakerTurn(line);
  const nameThenTime = NAME_THEN_TIME.exec(line);
  if (nameThenTime) {
    const speaker = stripStrayInitial((nameThenTime[1] ?? '').trim());
    if (looksLikeSpeakerName(speaker)) return { speaker, time: nameThenTime[2] };
  }
  const timeThenName = TIME_THEN_NAME.exec(line);
  if (timeThenName) {
    const speaker = timeThenName[2] ? stripStrayInitial(timeThenName[2].trim()) : undefined;
    if (speaker === undefined) return { time: timeThenName[1] };
    if (looksLikeSpeakerName(speaker)) {
      const text = timeThenName[3]?.trim();
      return text ? { speaker, time: timeThenName[1], text } : { speaker, time: timeThenName[1] };
    }
    if (timeThenName[3] === undefined) return { time: timeThenName[1], text: speaker };
  }
  const nameTimeText = NAME_TIME_THEN_TEXT.exec(line);
  if (nameTimeText) {
    const speaker = stripStrayInitial((nameTimeText[1] ?? '').trim());
    if (looksLikeSpeakerName(speaker)) return { speaker, time: nameTimeText[2], text: (nameTimeText[3] ?? '').trim() };
  }
  const bare = BARE_TIME_THEN_NAME.exec(line);
  if (bare) {
    const speaker = (bare[2] ?? '').trim();
    if (looksLikeSpeakerName(speaker)) {
      const text = bare[3]?.trim();
      return text ? { speaker, time: bare[1], text } : { speaker, time: bare[1] };
    }
  }
  return undefined;
}

/** Speech on the header's own line makes it long: "[00:12:34] Name: text …" ("00:12:34 Name: text …"). */
const LONG_TURN = new RegExp(String.raw`^(?:[\[(](${TIME_PATTERN})[\])]|(${TIME_PATTERN}))[ \t]*(${NAME}):[ \t]+(\S.*)$`, 'u');

/** A speaker header whose speech follows on the same line, however long the speech. */
function longSpeakerTurn(line: string): SpeakerHeader | undefined {
  const nameTimeText = NAME_TIME_THEN_TEXT.exec(line);
  const named = nameTimeText?.[1] ? stripStrayInitial(nameTimeText[1].trim()) : undefined;
  if (nameTimeText && named !== undefined && looksLikeSpeakerName(named)) return { speaker: named, time: nameTimeText[2], text: (nameTimeText[3] ?? '').trim() };
  const match = LONG_TURN.exec(line);
  const speaker = match?.[3] ? stripStrayInitial(match[3].trim()) : undefined;
  if (!match || speaker === undefined || !looksLikeSpeakerName(speaker)) return undefined;
  return { speaker, time: match[1] ?? match[2], text: (match[4] ?? '').trim() };
}

/** Counts lines that are speaker headers with a name; the format detector uses it. */
export function countSpeakerHeaders(lines: readonly string[]): number {
  let count = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length > 0 && /\d:\d\d/.test(trimmed) && parseSpeakerHeader(trimmed)?.speaker) count += 1;
  }
  return count;
}

const KEYWORDS_LABEL = /^(?:summary\s+)?keywords:?$/i;
const SPEAKERS_LABEL = /^speakers:?$/i;
const EXPORT_NOISE = /^(?:transcribed by\b|https?:\/\/otter\.ai\b|\d+\s*\/\s*\d+$|page \d+( of \d+)?$|[-–]\s*\d+\s*[-–]$|\d{1,4}$|.{0,100}\bpage \d+ of \d+$)/i;

/**
 * Reads a transcript. Lines before the first speaker header are header material: the first line is the
 * title, a date line gives the date, the SUMMARY KEYWORDS line gives the keywords and the SPEAKERS line the
 * speakers. An export's header (one with a date line, keywords or speakers) is metadata: none of it is a
 * sentence; without one, the title and preface paragraphs are read as sentences. A header repeating the
 * current speaker while their sentence is unfinished (a page break) continues the same turn, so the broken
 * sentence is read as one. Linear in the input: only the last line of a turn is looked at.
 */
export function readTranscript(text: string): ReadResult {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const headerParagraphs: string[][] = [[]];
  let title: string | undefined;
  let date: string | undefined;
  let keywords: string[] | undefined;
  let declaredSpeakers: string[] | undefined;
  let metadataMode: 'keywords' | 'speakers' | undefined;
  let exportHeader = false;
  let current: Block | undefined;
  /** The last line of speech of the current turn: whether it ends a sentence decides page-break joins. */
  let lastSpoken = '';

  const appendText = (line: string): void => {
    if (!current) return;
    const last = current.segments[current.segments.length - 1];
    if (last) last.text = last.text.length > 0 ? `${last.text} ${line}` : line;
    else current.segments.push({ text: line });
    lastSpoken = line;
  };

  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (line.length === 0) {
      if (!current) headerParagraphs.push([]);
      continue;
    }
    if (STRAY_INITIAL.test(line) || EXPORT_NOISE.test(line)) continue;
    const header = /\d:\d\d/.test(line) ? parseSpeakerHeader(line) : undefined;
    if (header && (header.speaker !== undefined || current !== undefined)) {
      metadataMode = undefined;
      const previousSpoken = lastSpoken;
      const sameSpeaker = header.speaker === undefined || displaySpeaker(header.speaker) === current?.speaker;
      if (current && sameSpeaker && !endsWithTerminal(previousSpoken)) {
        current.segments.push(timedSegment(header.text ?? '', header.time));
      } else if (current && header.speaker === undefined) {
        current.segments.push(timedSegment(header.text ?? '', header.time));
      } else {
        current = { segments: [timedSegment(header.text ?? '', header.time)] };
        lastSpoken = '';
        if (header.speaker !== undefined) current.speaker = displaySpeaker(header.speaker);
        blocks.push(current);
      }
      if (header.text) lastSpoken = header.text;
      continue;
    }
    if (current) {
      appendText(line);
      continue;
    }
    // Header material before the first speaker line.
    if (KEYWORDS_LABEL.test(line)) {
      metadataMode = 'keywords';
      exportHeader = true;
      continue;
    }
    if (SPEAKERS_LABEL.test(line)) {
      metadataMode = 'speakers';
      exportHeader = true;
      continue;
    }
    if (metadataMode === 'keywords') {
      keywords = [...(keywords ?? []), ...line.split(/[,;]/).map(collapseWhitespace).filter((word) => word.length > 0)];
      continue;
    }
    if (metadataMode === 'speakers') {
      declaredSpeakers = [...(declaredSpeakers ?? []), ...line.split(/[,;]/).map(collapseWhitespace).filter(looksLikeSpeakerName)];
      continue;
    }
    if (isDateLine(line)) {
      date ??= findDate(line);
      exportHeader = true;
      continue;
    }
    if (title === undefined && line.length <= 200) {
      title = collapseWhitespace(line);
      blocks.push({ segments: [{ text: title }] });
      continue;
    }
    headerParagraphs[headerParagraphs.length - 1]?.push(line);
  }
  const preface: Block[] = headerParagraphs.filter((paragraph) => paragraph.length > 0).map((paragraph) => ({ segments: [{ text: paragraph.join(' ') }] }));
  const titleBlocks = title === undefined ? [] : blocks.splice(0, 1);
  const result: ReadResult = { blocks: exportHeader ? blocks : [...titleBlocks, ...preface, ...blocks], warnings: [] };
  if (title !== undefined) result.title = title;
  if (date !== undefined) {
    result.date = date;
    result.dateSource = 'header';
  }
  if (keywords !== undefined) result.keywords = keywords;
  if (declaredSpeakers !== undefined) result.declaredSpeakers = declaredSpeakers;
  return result;
}

/** A caption line with its timestamp glued to the text ("00:10A spokesperson said", as video sites export). */
const GLUED_TIME = new RegExp(String.raw`^(${TIME_PATTERN})(?![\d:])[ \t]*(\S.*)?$`, 'u');

/** Counts lines that open with a timestamp (glued to the text or alone on the line); the format detector uses it. */
export function countTimedLines(lines: readonly string[]): { timed: number; nonEmpty: number } {
  let timed = 0;
  let nonEmpty = 0;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    nonEmpty += 1;
    const match = GLUED_TIME.exec(trimmed);
    if (match && !/^-->/.test(match[2] ?? '')) timed += 1;
  }
  return { timed, nonEmpty };
}

/** Words in a block of unpunctuated timed lines before a line boundary ends a sentence. */
const UNPUNCTUATED_SENTENCE_WORDS = 25;

/**
 * Reads timed lines without speakers: "00:10A spokesperson said …" (the timestamp glued to the text) or a
 * timestamp alone on a line over its text. Each line's text keeps its time, whole; lines run on into one
 * another so sentences join across them. Text without sentence punctuation (automatic captions) is cut at
 * the first line boundary after 25 words.
 */
export function readTimedLines(text: string): ReadResult {
  const blocks: Block[] = [];
  const punctuated = /[\p{L}\p{N}][.!?…](?:\s|$)/u.test(text.slice(0, 200_000));
  let current: Block | undefined;
  let words = 0;
  let pendingTime: string | undefined;
  const push = (line: string, time: string | undefined): void => {
    if (!current || (!punctuated && words >= UNPUNCTUATED_SENTENCE_WORDS)) {
      current = { segments: [] };
      blocks.push(current);
      words = 0;
    }
    words += line.split(' ').length;
    current.segments.push(timedSegment(line, time));
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line.length === 0) continue;
    const match = GLUED_TIME.exec(line);
    if (match) {
      const rest = (match[2] ?? '').trim();
      if (rest.length === 0) pendingTime = match[1];
      else push(rest, match[1]);
      continue;
    }
    if (pendingTime !== undefined || !current) {
      push(line, pendingTime);
      pendingTime = undefined;
    } else {
      const last = current.segments[current.segments.length - 1];
      if (last) last.text = `${last.text} ${line}`;
    }
  }
  return { blocks, warnings: [] };
}
