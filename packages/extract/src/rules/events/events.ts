// Named events: wars and civil wars ("the Second Congo War", "the Lebanese Civil War"), dated or place-named
// crises, epidemics, earthquakes and coups ("the 2014 West Africa Ebola epidemic", "the Haiti earthquake").
import type { SentenceRecord } from '../../types.ts';
import type { RuleCandidate, RuleContext } from '../context.ts';
import { isRareWord } from '../../topics/background.ts';
import { alternatives, CAP_WORD, containsAny, isHeadline, makeCandidate, mentionsOver } from '../text.ts';
import { ANY_NAME_EVENT_HEADS, CAPITALISED_EVENT_HEADS, DATED_EVENT_HEADS, EVENT_ORDINALS, EVENT_QUALIFIERS, NOT_EVENT_WORDS, PLACE_NAMED_EVENT_HEADS, WAR_COMPLEMENTS } from './vocabulary.ts';


const YEAR = '(?:1[89]\\d\\d|20[0-3]\\d)(?:[–-](?:\\d\\d){1,2})?';
/** A capitalised word, or two joined by a dash: "Cambodian–Vietnamese". */
const NAME_WORD = `${CAP_WORD}(?:–${CAP_WORD})?`;
/** A capitalised name word or a year, one to five of them, then a capitalised head and an optional complement. */
const CAPITALISED_EVENT = new RegExp(
  `(?<![\\p{L}\\p{N}'’–-])((?:(?:${YEAR}|${NAME_WORD})\\s+){1,5})(${alternatives(CAPITALISED_EVENT_HEADS)})(?:\\s+(?:I{1,3}|One|Two)\\b|\\s+of\\s+(?:${alternatives(WAR_COMPLEMENTS)}))?(?![\\p{L}\\p{N}'’-])(?!\\s+\\p{Lu})`,
  'gu',
);
/** A year (or a named place) with optional capitalised words and qualifiers, then a lower-case head. */
/** A word of a name: capitalised, or an Arabic article joined to one ("al-Qubeir"). */
const EVENT_NAME_WORD = `(?:(?:al|el|ad|ash|as|an|ar|at|az)-)?${CAP_WORD}`;
const DATED_EVENT = new RegExp(
  `(?<![\\p{L}\\p{N}'’-])(?:(${YEAR})\\s+)?((?:${EVENT_NAME_WORD}\\s+){0,4})((?:(?:${alternatives(EVENT_QUALIFIERS)})\\s+){0,2})(${alternatives(DATED_EVENT_HEADS)})(?![\\p{L}\\p{N}'’-])`,
  'gu',
);

/** A nation's invasion of a country or place, by its demonym: "the Iraqi invasion of Kuwait". */
const INVASION = new RegExp(`(?<![\\p{L}\\p{N}'’-])(${CAP_WORD})\\s+invasion\\s+of\\s+(?:the\\s+)?`, 'gu');

const hasCapitalisedHead = containsAny(CAPITALISED_EVENT_HEADS);
const hasDatedHead = containsAny(DATED_EVENT_HEADS);

/** Drops the words that open a clause from the front of a run: "After the Lebanese" → "Lebanese". */
function trimOpeners(run: string): number {
  let offset = 0;
  for (const word of run.split(/(\s+)/u)) {
    if (/^\s+$/u.test(word) || word === '') {
      offset += word.length;
      continue;
    }
    if (!NOT_EVENT_WORDS.has(word.toLowerCase())) break;
    offset += word.length;
  }
  return offset;
}

/** Named wars, crises, epidemics, earthquakes and coups. */
export function proposeEvents(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    if (isHeadline(text)) continue;
    CAPITALISED_EVENT.lastIndex = 0;
    for (let match = hasCapitalisedHead(text) ? CAPITALISED_EVENT.exec(text) : null; match !== null; match = CAPITALISED_EVENT.exec(text)) {
      const run = match[1] ?? '';
      const start = match.index + trimOpeners(run);
      const end = match.index + match[0].length;
      const modifiers = text.slice(start, match.index + run.length).trim();
      // "Civil War" alone, or an ordinal alone ("the Second War"), names nothing.
      if (modifiers === '' || modifiers === 'Civil' || (EVENT_ORDINALS as readonly string[]).includes(modifiers)) continue;
      const head = match[2] ?? '';
      const label = text.slice(start, end);
      candidates.push(
        makeCandidate(
          { sentence: sentence.index, start, end, text, type: 'event', label, generator: 'events', reason: `named-event: "<name> ${head}"`, confidence: 'likely', supersedes: true },
          context,
        ),
      );
    }
    INVASION.lastIndex = 0;
    for (let match = text.includes(' invasion of ') ? INVASION.exec(text) : null; match !== null; match = INVASION.exec(text)) {
      const target = (context.mentions.get(sentence.index) ?? []).find((mention) => mention.start === match.index + match[0].length && (mention.type === 'country' || mention.type === 'place'));
      if (!target || !context.isDemonym(match[1] ?? '')) continue;
      const label = text.slice(match.index, target.end);
      candidates.push(
        makeCandidate({ sentence: sentence.index, start: match.index, end: target.end, text, type: 'event', label, generator: 'events', reason: 'invasion: "<demonym> invasion of <country>"', confidence: 'likely', supersedes: true }, context),
      );
    }
    DATED_EVENT.lastIndex = 0;
    for (let match = hasDatedHead(text) ? DATED_EVENT.exec(text) : null; match !== null; match = DATED_EVENT.exec(text)) {
      const year = match[1];
      const names = (match[2] ?? '').trim();
      const head = match[4] ?? '';
      // Lower case only: a capitalised head is the other pattern's.
      if (head !== head.toLowerCase()) continue;
      let start = match.index;
      if (year === undefined) {
        // Without a year: "the <named place> epidemic", where the words before the head are a known place or country.
        if (!(PLACE_NAMED_EVENT_HEADS as readonly string[]).includes(head)) continue;
        start += trimOpeners(names);
        const nameEnd = match.index + names.length;
        if (start >= nameEnd || !/(?:^|\s)the\s+$/iu.test(text.slice(Math.max(0, start - 5), start))) continue;
        const nested = mentionsOver(context, sentence.index, start, nameEnd);
        // The name must hold a word English does not use every day: "the Government massacre" is a description.
        const namedByAnyName =
          (ANY_NAME_EVENT_HEADS as readonly string[]).includes(head) &&
          text.slice(start, nameEnd).split(/\s+/u).some((word) => word !== '' && isRareWord(word)) &&
          !nested.some((mention) => mention.type === 'person' || mention.type === 'organization' || mention.type === 'mission');
        if (!namedByAnyName && !nested.some((mention) => mention.type === 'place' || mention.type === 'country')) continue;
      } else if (names === '' && (match[3] ?? '').trim() === '') {
        // "the 2011 crisis" is a description.
        continue;
      }
      const end = match.index + match[0].length;
      const label = text.slice(start, end);
      candidates.push(
        makeCandidate(
          { sentence: sentence.index, start, end, text, type: 'event', label, generator: 'events', reason: `dated-event: "<year|place> ${head}"`, confidence: 'likely', supersedes: true },
          context,
        ),
      );
    }
  }
  return candidates;
}
