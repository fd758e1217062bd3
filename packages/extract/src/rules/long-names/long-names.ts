// Long names that contain a known shorter one, which must win over it: "Transitional Government of South Sudan",
// "Political Agreement for Peace and Reconciliation in the Central African Republic", "Global Centre for the
// Responsibility to Protect": a head noun, its complement, and a known name at or near the complement's end.
import type { SentenceRecord } from '../../types.ts';
import type { RuleCandidate, RuleContext } from '../context.ts';
import { CAP_WORD, escapePattern, isHeadline, makeCandidate, mentionsOver } from '../text.ts';
import { COMPLEMENT_CONNECTORS, COMPLEMENT_HEADS, COMPLEMENT_PREPOSITIONS, HEADS_NEEDING_MODIFIER } from './vocabulary.ts';

const typeOfHead = new Map(COMPLEMENT_HEADS.map(({ head, type }) => [head, type]));
const HEADED = new RegExp(
  `(?<![\\p{L}'’-])((?:${CAP_WORD}\\s+){0,4})(${COMPLEMENT_HEADS.map(({ head }) => escapePattern(head)).join('|')})\\s+(?:${COMPLEMENT_PREPOSITIONS.join('|')})\\s+`,
  'gu',
);
/** A comma that continues a list closed by "and": ", Salif and Ras Isa". */
const LIST_CONTINUES = new RegExp(`^,(?=\\s+${CAP_WORD}(?:\\s+${CAP_WORD}){0,2}(?:,\\s+${CAP_WORD}(?:\\s+${CAP_WORD}){0,2})*\\s+and\\s+\\p{Lu})\\s`, 'u');
const TOKEN = /\s+([\p{L}\p{M}\p{N}'’-]+(?:\.\p{L}+)*|&)/uy;

/** Words that open a sentence or clause, never a name's first word. Lower case. */
const OPENERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'by', 'of', 'for', 'and', 'or', 'but', 'with', 'from', 'to', 'as', 'since', 'after', 'before', 'during', 'under', 'this', 'that', 'its', 'their', 'our', 'his', 'her', 'new', 'said', 'says', 'then', 'when', 'while', 'if', 'we', 'they', 'it']);

/** The end of a capitalised complement from `start`: capitalised words and small words, ending on a capitalised word. */
function complementEnd(text: string, start: number, takesLists: boolean): number {
  let position = start;
  let end = start;
  let connectors = 0;
  let listed = false;
  for (;;) {
    // An agreement's complement may list places: "… and Ports of Hudaydah, Salif and Ras Isa".
    const list = takesLists && end === position ? LIST_CONTINUES.exec(text.slice(position)) : null;
    if (list) {
      position += list[0].length - 1;
      listed = true;
      continue;
    }
    TOKEN.lastIndex = position;
    const word = TOKEN.exec(text)?.[1];
    if (word === undefined) break;
    if (/^[\p{Lu}\d]/u.test(word)) {
      end = TOKEN.lastIndex;
      connectors = 0;
    } else if (COMPLEMENT_CONNECTORS.has(word.toLowerCase()) && connectors < 2 && !(listed && word !== 'and')) {
      connectors += 1;
    } else break;
    position = TOKEN.lastIndex;
  }
  return end;
}

export function proposeLongNames(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    if (isHeadline(text) || !/\s(?:of|for|on|in|to)\s/u.test(text)) continue;
    HEADED.lastIndex = 0;
    for (let match = HEADED.exec(text); match !== null; match = HEADED.exec(text)) {
      const head = match[2] ?? '';
      const modifierWords = (match[1] ?? '').trim().split(/\s+/).filter(Boolean);
      let skip = 0;
      while (skip < modifierWords.length && OPENERS.has((modifierWords[skip] ?? '').toLowerCase())) skip += 1;
      const modifiers = modifierWords.slice(skip);
      if (modifiers.length === 0 && HEADS_NEEDING_MODIFIER.has(head)) continue;
      const start = modifiers.length === 0 ? match.index + (match[1]?.length ?? 0) : match.index + (match[1] ?? '').indexOf(modifiers[0] ?? '');
      const headEnd = match.index + (match[1]?.length ?? 0) + head.length;
      const complementStart = match.index + match[0].length;
      // A date after the head dates the name ("the Agreement of 5 May 2006 in Darfur"); it starts no longer one.
      if (/^(?:\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/u.test(text.slice(complementStart))) continue;
      const end = complementEnd(text, complementStart - 1, typeOfHead.get(head) === 'agreement');
      if (end <= complementStart) continue;
      const inside = mentionsOver(context, sentence.index, start, end);
      // The head is no known name's; known names sit in the modifiers ("Maputo Accord for …") or the complement, wholly inside.
      if (inside.some((mention) => !mention.guessed && mention.start < headEnd && mention.end > headEnd - head.length)) continue;
      if (inside.some((mention) => mention.end > end || mention.start < start)) continue;
      const nested = inside.filter((mention) => !mention.guessed);
      // Or the name finder guessed its start and stopped early: "Maputo Accord for Peace" of "… and National Reconciliation".
      const cutShort = inside.some((mention) => mention.guessed && mention.start === start && mention.end < end && mention.type === (typeOfHead.get(head) ?? 'organization'));
      if ((nested.length === 0 && !cutShort) || nested.some((mention) => mention.type === 'person')) continue;
      // "and" joining two known names ("the Government of Mali and the African Union") makes two names.
      const between = text.slice(complementStart, end);
      if (/\sand\s+the\s/u.test(between) || nested.some((mention) => /^\s*and\s/u.test(text.slice(mention.end, end)) && /\sand\s*$/u.test(text.slice(complementStart, mention.start)))) continue;
      const label = text.slice(start, end);
      candidates.push(
        makeCandidate(
          { sentence: sentence.index, start, end, text, type: typeOfHead.get(head) ?? 'organization', label, generator: 'long-names', reason: `head-complement: "${head} of <name with a known name>"`, confidence: 'likely', supersedes: true },
          context,
        ),
      );
    }
  }
  return candidates;
}
