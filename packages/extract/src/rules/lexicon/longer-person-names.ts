// A lexicon person matched inside a longer name the text writes ("Aïchatou Mindaoudou" in "Aïchatou Mindaoudou
// Souleymane") yields to that name: the same register entry when it holds all of the entry's name parts, else a new person.
import { type LexiconEntry } from '../../lexicon/schema.ts';
import { isEnglishWord } from '../../recognize/ner.ts';
import { matchKey } from '../../text/fold.ts';
import { STOPWORDS } from '../../topics/stopwords.ts';
import { HONORIFICS, NEVER_NAMES, PERSON_CONNECTORS, ROLE_WORDS } from '../../vocabulary.ts';

/** The longer name around a person match, and whether it is still the matched entry's. */
export interface LongerPersonName {
  start: number;
  end: number;
  surface: string;
  /** True when the longer name holds every name part of the entry's label (the entry gains the mention). */
  sameEntry: boolean;
}

/** At most this many name parts are taken on each side of the match. */
const MOST_PARTS_PER_SIDE = 3;

/** A word written as a name part: a capital, then small letters ("Souleymane", "Onanga-Anyanga", "N'Diaye"). */
const NAME_PART_SHAPE = /^\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*$/u;
/** A word written with a capital and small letters, whatever it means: what may continue a longer name. */
const CAPITALISED_SHAPE = /^\p{Lu}[\p{Ll}\p{M}'’-]/u;

/** A word that is no part of a name: an ordinary English word, a title, a month, a stopword. */
function isNotNamePart(word: string): boolean {
  const lower = word.toLowerCase();
  return ROLE_WORDS.has(lower) || HONORIFICS.has(lower) || NEVER_NAMES.has(lower) || STOPWORDS.has(lower) || isEnglishWord(lower);
}

/** A capitalised word next to a name that is a title or small word, so it ends the name without extending it. */
function isTitleOrSmallWord(word: string): boolean {
  const lower = word.toLowerCase();
  return ROLE_WORDS.has(lower) || HONORIFICS.has(lower) || NEVER_NAMES.has(lower) || STOPWORDS.has(lower);
}

interface Word {
  start: number;
  end: number;
  text: string;
}

/** The word right after `position` (one space apart), if any. */
function wordAfter(text: string, position: number): Word | undefined {
  const match = /^ ([\p{L}\p{M}'’-]+)/u.exec(text.slice(position, position + 60));
  const word = match?.[1];
  return word === undefined ? undefined : { start: position + 1, end: position + 1 + word.length, text: word };
}

/** The word right before `position` (one space apart), if any. */
function wordBefore(text: string, position: number): Word | undefined {
  const from = Math.max(0, position - 60);
  const match = /(?:^|[^\p{L}\p{M}'’-])([\p{L}\p{M}'’-]+) $/u.exec(text.slice(from, position));
  const word = match?.[1];
  return word === undefined ? undefined : { start: position - 1 - word.length, end: position - 1, text: word };
}

const overlapsSpan = (spans: readonly { start: number; end: number }[], word: Word): boolean => spans.some((span) => span.start < word.end && word.start < span.end);

/**
 * The name parts next to [start, end) on one side: capitalised words no other lexicon match explains, with a
 * particle between them ("dos Santos"). Undefined when the run goes on into capitalised words that are no name
 * ("Kofi Annan Peacekeeping Training Centre" names a centre, not a longer person).
 */
function namePartsOnSide(text: string, start: number, end: number, side: 'after' | 'before', others: readonly { start: number; end: number }[]): { start: number; end: number } | undefined {
  const step = (position: number): Word | undefined => (side === 'after' ? wordAfter(text, position) : wordBefore(text, position));
  let edge = side === 'after' ? end : start;
  let parts = 0;
  for (;;) {
    let word = step(edge);
    if (word === undefined || overlapsSpan(others, word)) break;
    // A particle counts only with a name part beyond it.
    if (PERSON_CONNECTORS.has(word.text.toLowerCase()) && parts < MOST_PARTS_PER_SIDE) {
      const beyond = step(side === 'after' ? word.end : word.start);
      if (beyond === undefined || overlapsSpan(others, beyond) || !NAME_PART_SHAPE.test(beyond.text) || isNotNamePart(beyond.text)) break;
      word = { start: Math.min(word.start, beyond.start), end: Math.max(word.end, beyond.end), text: beyond.text };
    } else if (!NAME_PART_SHAPE.test(word.text) || isNotNamePart(word.text) || parts >= MOST_PARTS_PER_SIDE) {
      // Only after the name took parts does a further capitalised word say the run is some other name.
      const continues = parts > 0 && CAPITALISED_SHAPE.test(word.text) && !isTitleOrSmallWord(word.text);
      const sentenceStart = side === 'before' && text.slice(0, word.start).trim() === '';
      if (continues && !sentenceStart) return undefined;
      break;
    }
    edge = side === 'after' ? word.end : word.start;
    parts += 1;
  }
  return side === 'after' ? { start, end: edge } : { start: edge, end };
}

/** The name parts of a name, folded ("Jean-Pierre Lacroix" → jean, pierre, lacroix). */
function namePartKeys(name: string): string[] {
  return matchKey(name)
    .split(' ')
    .filter((part) => part.length > 0 && !PERSON_CONNECTORS.has(part));
}

/**
 * The longer name a person match [start, end) of `entry` sits in, or undefined when the text writes no further
 * name part next to it. `others` are the sentence's other lexicon matches: a word one of them explains (a
 * country, a demonym, another person) is no name part.
 */
export function longerPersonName(text: string, start: number, end: number, entry: LexiconEntry, others: readonly { start: number; end: number }[]): LongerPersonName | undefined {
  const after = namePartsOnSide(text, start, end, 'after', others);
  const before = namePartsOnSide(text, start, end, 'before', others);
  if (after === undefined || before === undefined) return undefined;
  if (after.end === end && before.start === start) return undefined;
  const surface = text.slice(before.start, after.end);
  const parts = new Set(namePartKeys(surface));
  const sameEntry = namePartKeys(entry.label).every((part) => parts.has(part));
  return { start: before.start, end: after.end, surface, sameEntry };
}
