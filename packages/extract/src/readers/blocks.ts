// The intermediate shape every reader produces: blocks of text by one speaker, made of timed segments.
// Also the helpers readers share: time parsing, colon speaker turns, dates and titles in headers.
import { countSteps } from './work-count.ts';

/** A run of text with the start time the source gave it. */
export interface Segment {
  text: string;
  time?: string;
  seconds?: number;
}

/** A speaker turn or paragraph; sentences never cross block boundaries but may cross segments. */
export interface Block {
  speaker?: string;
  segments: Segment[];
  /** The block only lists things (a table row, a bullet, a keyword line): its sentences are marked `list`. */
  list?: boolean;
}

/** What a reader returns before sentence splitting. */
export interface ReadResult {
  blocks: Block[];
  title?: string;
  date?: string;
  /** Where the reader found the date: an export's header, a dateline in the first lines, a caption NOTE. */
  dateSource?: 'header' | 'dateline' | 'note';
  keywords?: string[];
  declaredSpeakers?: string[];
  warnings: string[];
}

/** A timestamp as transcripts and captions write it: `01:25`, `1:02:03`, `00:01:25.300`, `00:00:01,000`. */
export const TIME_PATTERN = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;

/** Seconds for a timestamp, or undefined if it is not one. */
export function parseTime(time: string): number | undefined {
  const match = /^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(time.trim());
  if (!match) return undefined;
  const hours = Number(match[1] ?? 0);
  const minutes = Number(match[2]);
  const seconds = Number(match[3]);
  const fraction = match[4] ? Number(`0.${match[4]}`) : 0;
  if (seconds >= 60) return undefined;
  return Math.round((hours * 3600 + minutes * 60 + seconds + fraction) * 1000) / 1000;
}

/** A segment for `text` stamped with `time` when it parses. */
export function timedSegment(text: string, time: string | undefined): Segment {
  if (time === undefined) return { text };
  const seconds = parseTime(time);
  return seconds === undefined ? { text, time } : { text, time, seconds };
}

/** Collapses whitespace runs to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'la', 'le', 'al', 'el', 'bin', 'bint', 'ibn', 'ben', 'ould', 'mint', 'ag', 'y', 'e', 'di', 'ter', 'ten', 'of', 'the']);
const NOT_SPEAKER_LABELS = new Set(
  'photo photos note notes source sources credit credits caption update disclaimer editor tags keywords summary date title subject from to cc re fig figure table step example warning tip important interview transcript read more see also related video audio image images location dateline contact email tel phone website url link'.split(' '),
);

/** True for a plausible speaker label: 1–6 capitalised words (particles allowed), no sentence punctuation. */
export function looksLikeSpeakerName(name: string): boolean {
  if (name.length === 0 || name.length > 60) return false;
  if (/[,;!?"“”()[\]{}<>|]/.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 6) return false;
  if (NOT_SPEAKER_LABELS.has(name.toLowerCase())) return false;
  return words.every((word, index) => /^[\p{Lu}\p{N}]/u.test(word) || (index > 0 && NAME_PARTICLES.has(word.toLowerCase())));
}

/**
 * A speaker label as it is shown: labels in capitals ("NICHOLAS HAYSOM", "MR. LACROIX") in proper case
 * ("Nicholas Haysom", "Mr. Lacroix"), words of one or two letters ("Q", "UN") and mixed case left as they are.
 */
export function displaySpeaker(label: string): string {
  const letters = label.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return label;
  return label
    .split(/(\s+)/)
    .map((word) => {
      if (/^\s+$/.test(word) || word.replace(/[^\p{L}]/gu, '').length <= 2) return word;
      if (NAME_PARTICLES.has(word.toLowerCase())) return word.toLowerCase();
      return word.toLowerCase().replace(/(^|[-'’.])(\p{L})/gu, (_whole, before: string, letter: string) => before + letter.toUpperCase());
    })
    .join('');
}

const COLON_TURN = /^([^\s:][^:\n]{0,59}):\s+(\S[\s\S]*)$/;

/**
 * A meeting record's speaker label: an honorific, a name and the delegation or body in parentheses
 * ("Mr. Wood (United States of America)", "Ms. Woodward (United Kingdom)"). Each delegate may speak once,
 * so such labels count from their first turn when the document has two or more of them.
 */
const DELEGATE_LABEL = /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame)\.?\s+\p{Lu}[\p{L}\p{M}'’-]+(?:\s+\p{Lu}[\p{L}\p{M}'’-]+){0,3}\s+\([^()]{2,60}\)$/u;

/**
 * Finds "Name: text" speaker turns in paragraphs. A label counts when it opens at least two paragraphs of
 * the document, or when two or more different labels each open one (a two-turn Q&A), so a one-off label
 * ("Photo:", "Note:") never becomes a speaker. Paragraphs after a turn inherit its speaker until the next
 * turn. Labels in capitals are shown in proper case.
 */
export function assignColonSpeakers(blocks: Block[]): Block[] {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    const first = block.segments[0]?.text ?? '';
    const match = COLON_TURN.exec(first);
    const name = (match?.[1] ?? '').trim();
    if (match && (looksLikeSpeakerName(name) || DELEGATE_LABEL.test(name))) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const delegates = [...counts.keys()].filter((name) => DELEGATE_LABEL.test(name));
  const dialogue = counts.size >= 2;
  const accepted = new Set([...counts].filter(([name, count]) => count >= 2 || dialogue || (delegates.length >= 2 && delegates.includes(name))).map(([name]) => name));
  if (accepted.size === 0) return blocks;
  let currentSpeaker: string | undefined;
  const result = blocks.map((block): Block & { inherited?: boolean } => {
    const first = block.segments[0];
    const match = first ? COLON_TURN.exec(first.text) : null;
    const name = match ? (match[1] ?? '').trim() : '';
    if (first && match && accepted.has(name)) {
      currentSpeaker = displaySpeaker(name);
      return { speaker: currentSpeaker, segments: [{ ...first, text: match[2] ?? '' }, ...block.segments.slice(1)] };
    }
    return currentSpeaker === undefined || block.speaker !== undefined ? block : { ...block, speaker: currentSpeaker, inherited: true };
  });
  // A photo credit ("Photo: UN/Name") ends a caption, in the same paragraph or as the next one: neither the
  // credit nor its caption is the speaker's words.
  for (let index = 0; index < result.length; index += 1) {
    const text = result[index]?.segments[0]?.text ?? '';
    if (!PHOTO_CREDIT.test(text)) continue;
    for (const position of [index, index - 1]) {
      const block = result[position];
      if (block?.inherited) result[position] = { segments: block.segments };
    }
  }
  return result.map(({ inherited: _inherited, ...block }) => block);
}

const PHOTO_CREDIT = /(?:^|[.!?]\s+)(?:photos?|credits?|image|picture|caption|video)\s*(?:credit\s*)?:\s*[^.!?]{0,120}$|^(?:photos?|credits?|image|picture|caption|source|video)\s*:/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})\s+${MONTH}\.?,?\s+((?:19|20)\d{2})\b`);
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\.?\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b`);
const ISO_DATE = /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/;

function isoDate(year: string, month: number, day: string): string | undefined {
  const dayNumber = Number(day);
  if (month < 1 || month > 12 || dayNumber < 1 || dayNumber > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** The first date written in `text` ("22 May 2017", "Mar 11, 2025", "2017-05-22") as YYYY-MM-DD. */
export function findDate(text: string): string | undefined {
  const candidates: { index: number; date: string | undefined }[] = [];
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) candidates.push({ index: dmy.index, date: isoDate(dmy[3] ?? '', monthNumber(dmy[2] ?? ''), dmy[1] ?? '') });
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) candidates.push({ index: mdy.index, date: isoDate(mdy[3] ?? '', monthNumber(mdy[1] ?? ''), mdy[2] ?? '') });
  const iso = ISO_DATE.exec(text);
  if (iso) candidates.push({ index: iso.index, date: isoDate(iso[1] ?? '', Number(iso[2]), iso[3] ?? '') });
  candidates.sort((a, b) => a.index - b.index);
  return candidates.find((candidate) => candidate.date !== undefined)?.date;
}

/** True when a line is only a date/time stamp (e.g. "Tue, Mar 11, 2025 1:40PM  34:58"). */
export function isDateLine(line: string): boolean {
  if (findDate(line) === undefined) return false;
  const rest = line
    .replace(DAY_MONTH_YEAR, '')
    .replace(MONTH_DAY_YEAR, '')
    .replace(ISO_DATE, '')
    .replace(/\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?/gi, '')
    .replace(new RegExp(TIME_PATTERN + String.raw`\s*(?:[ap]\.?m\.?)?`, 'gi'), '')
    .replace(/[\s,\-–|]+/g, '');
  return rest.length === 0;
}

/** Text ends a sentence (so a following block cannot continue it). */
export function endsWithTerminal(text: string): boolean {
  // The characters this looks at: a transcript reader that passed a whole turn here at every header was quadratic.
  countSteps('transcript-join', text.length);
  return /[.!?\u2026:;]["'\u201d\u2019)\]]*\s*$/.test(text);
}
