// Reads WebVTT and SRT captions: cue timing becomes each segment's time, <v Speaker> voice tags the
// speaker, and consecutive cues of one speaker are merged so sentences can run across cue boundaries.
import { type Block, type ReadResult, collapseWhitespace, timedSegment } from './blocks.ts';
import { decodeEntities } from './paragraphs.ts';

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

/**
 * Reads WebVTT (`vtt`) or SRT (`srt`). NOTE, STYLE and REGION blocks are skipped. A cue without a voice
 * tag continues the previous speaker. A caption line repeating the previous cue's last line (rolling
 * captions) is read once.
 */
export function readCaptions(text: string): ReadResult {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let previousLines: string[] = [];
  for (const rawBlock of text.split(/\n[ \t]*\n/)) {
    const lines = rawBlock.split('\n').filter((line) => line.trim().length > 0);
    const timingIndex = lines.findIndex((line) => TIMING.test(line));
    if (timingIndex < 0 || timingIndex > 2) continue;
    const timing = TIMING.exec(lines[timingIndex] ?? '');
    const start = timing?.[1];
    let payloadLines = lines.slice(timingIndex + 1).map((line) => line.trim());
    while (payloadLines.length > 0 && previousLines.includes(payloadLines[0] ?? '')) payloadLines = payloadLines.slice(1);
    previousLines = lines.slice(timingIndex + 1).map((line) => line.trim());
    for (const piece of cuePieces(payloadLines.join('\n'))) {
      const speaker = piece.speaker ?? current?.speaker;
      if (!current || speaker !== current.speaker) {
        current = { segments: [] };
        if (speaker !== undefined) current.speaker = speaker;
        blocks.push(current);
      }
      current.segments.push(timedSegment(piece.text, start));
    }
  }
  return { blocks, warnings: [] };
}
