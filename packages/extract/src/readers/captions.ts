// Reads WebVTT and SRT captions: cue timing becomes each segment's time, <v Speaker> voice tags the
// speaker, and consecutive cues of one speaker are merged so sentences can run across cue boundaries.
import { type Block, type ReadResult, collapseWhitespace, findDate, looksLikeSpeakerName, timedSegment } from './blocks.ts';
import { decodeEntities } from './paragraphs.ts';
import { countSteps } from './work-count.ts';

const TIMING = /^\s*((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})/;
const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;

interface CuePiece {
  speaker?: string;
  text: string;
}

/** Splits a cue payload on voice tags and removes the other caption markup. */
function cuePieces(payload: string): CuePiece[] {
  const pieces: CuePiece[] = [];
  let lastSpeaker: string | undefined;
  let lastIndex = 0;
  const clean = (raw: string): string =>
    collapseWhitespace(
      decodeEntities(
        raw
          .replace(/<\/?[a-z][^>]{0,200}>|<\/?[a-z]>|<\d{1,2}:[\d:.]+>|<\/v>/gi, ' ')
          .replace(/\{\\[^}]{0,100}\}/g, ' ')
          .replace(/^\s*(?:-|>>)\s*/gm, ''),
      ),
    );
  VOICE.lastIndex = 0;
  for (let match = VOICE.exec(payload); match !== null; match = VOICE.exec(payload)) {
    const before = clean(payload.slice(lastIndex, match.index));
    if (before.length > 0) pieces.push(lastSpeaker === undefined ? { text: before } : { speaker: lastSpeaker, text: before });
    lastSpeaker = collapseWhitespace(match[1] ?? '') || undefined;
    lastIndex = match.index + match[0].length;
  }
  const rest = clean(payload.slice(lastIndex));
  if (rest.length > 0) pieces.push(lastSpeaker === undefined ? { text: rest } : { speaker: lastSpeaker, text: rest });
  return pieces;
}

/** Zoom writes the speaker into the cue text: "Jane Doe: Hello everyone." */
const NAME_IN_CUE = /^([\p{Lu}][\p{L}\p{M}\p{N}'’.-]*(?:[ \t]+[\p{L}\p{M}\p{N}'’.-]+){0,5}):[ \t]+(\S[\s\S]*)$/u;

/** A cue piece whose text opens with "Name: " takes that name as its speaker. */
function namedInCue(piece: CuePiece): CuePiece {
  if (piece.speaker !== undefined) return piece;
  const match = NAME_IN_CUE.exec(piece.text);
  const name = match?.[1]?.trim();
  return match && name !== undefined && looksLikeSpeakerName(name) ? { speaker: name, text: match[2] ?? '' } : piece;
}

/** Words in a block of unpunctuated captions before a cue boundary ends a sentence. */
const UNPUNCTUATED_SENTENCE_WORDS = 25;

/**
 * Reads WebVTT (`vtt`) or SRT (`srt`). STYLE and REGION blocks are skipped; a NOTE may give the date, the
 * text after WEBVTT on the first line is the title. A cue without a voice tag or "Name:" continues the
 * previous speaker. Caption lines repeating the previous cue's lines (rolling captions, as YouTube's
 * automatic captions write them) are read once. Captions without any sentence punctuation (automatic
 * captions) are cut into sentences at the first cue boundary after 25 words. Linear in the input.
 */
export function readCaptions(text: string): ReadResult {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let previousLines = new Set<string>();
  let title: string | undefined;
  let date: string | undefined;
  const punctuated = /[.!?…](?:\s|$)/.test(text.slice(0, 200_000).replace(/-->|\d[.,]\d|<[^>\n]{0,200}>/g, ' '));
  let wordsInBlock = 0;
  // A blank line ends a cue, except a line holding only a space right under the timing line: YouTube's
  // automatic captions start each cue with one (the slot of the rolling line).
  const rawBlocks = text.split(/(?<!-->[^\n]{0,200})\n[ \t]*\n/);
  const titleMatch = /^\s*WEBVTT[ \t]+(?:-[ \t]+)?(\S[^\n]*)/.exec(rawBlocks[0] ?? '');
  if (titleMatch?.[1]) title = collapseWhitespace(titleMatch[1]);
  for (const rawBlock of rawBlocks) {
    if (/^\s*NOTE(?:\s|$)/.test(rawBlock)) {
      date ??= findDate(rawBlock);
      continue;
    }
    const lines = rawBlock.split('\n').filter((line) => line.trim().length > 0);
    const timingIndex = lines.findIndex((line, index) => index <= 2 && TIMING.test(line));
    if (timingIndex < 0) continue;
    const timing = TIMING.exec(lines[timingIndex] ?? '');
    const start = timing?.[1];
    const cueLines = lines.slice(timingIndex + 1).map((line) => line.trim());
    // Lines are compared without their inline timing and style tags (YouTube repeats a line without them).
    const plainLines = cueLines.map((line) => collapseWhitespace(line.replace(/<[^>\n]{0,200}>/g, '')));
    let first = 0;
    while (first < cueLines.length && previousLines.has(plainLines[first] ?? '')) first += 1;
    previousLines = new Set(plainLines);
    // Lines compared with the previous cue, kept for the next and copied on (a list searched and sliced line by
    // line, as once, made this quadratic in a cue's length).
    countSteps('caption-repeats', first + 1 + plainLines.length + cueLines.length - first);
    for (const piece of cuePieces(cueLines.slice(first).join('\n')).map(namedInCue)) {
      const speaker = piece.speaker ?? current?.speaker;
      const words = piece.text.split(' ').length;
      if (!current || speaker !== current.speaker || (!punctuated && wordsInBlock >= UNPUNCTUATED_SENTENCE_WORDS)) {
        current = { segments: [] };
        if (speaker !== undefined) current.speaker = speaker;
        blocks.push(current);
        wordsInBlock = 0;
      }
      wordsInBlock += words;
      current.segments.push(timedSegment(piece.text, start));
    }
  }
  const result: ReadResult = { blocks, warnings: [] };
  if (title !== undefined) result.title = title;
  if (date !== undefined) {
    result.date = date;
    result.dateSource = 'note';
  }
  return result;
}
