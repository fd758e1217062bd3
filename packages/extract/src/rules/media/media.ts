// Media as organisations of kind 'media': wire services, broadcasters and papers by name, and stations by
// the words that build their names ("Radio Okapi", "Eye Radio", "Mikado FM", "UNMIL Radio").
import type { SentenceRecord } from '../../types.ts';
import type { RuleCandidate, RuleContext } from '../context.ts';
import { alternatives, CAP_WORD, containsAny, isHeadline, makeCandidate, mentionsOver } from '../text.ts';
import { KNOWN_MEDIA, MEDIUM_NOUNS, NOT_STATION_WORDS, STATION_FIRST_WORDS, STATION_LAST_WORDS } from './vocabulary.ts';


const MEDIA_FACTS = { kind: 'media' };
const labelOfForm = new Map<string, string>(KNOWN_MEDIA.flatMap((medium) => medium.forms.map((form) => [form.toLowerCase(), medium.label] as const)));
const KNOWN = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alternatives(KNOWN_MEDIA.flatMap((medium) => [...medium.forms]))})(?![\\p{L}\\p{N}'’-])`, 'gu');
const NAME_PART = `(?:${CAP_WORD}|\\d{1,3})`;
const FIRST_WORD_STATION = new RegExp(`(?<![\\p{L}'’-])(?:${alternatives(STATION_FIRST_WORDS)})((?:\\s+(?:des|de|du|la|le)?\\s*${NAME_PART}){1,4})(?:\\s+FM)?(?![\\p{L}\\p{N}'’-])`, 'gu');
const LAST_WORD_STATION = new RegExp(`(?<![\\p{L}'’-])((?:${NAME_PART}\\s+){1,3})(?:${alternatives(STATION_LAST_WORDS)})(?![\\p{L}\\p{N}'’-])`, 'gu');

/** A medium named right after the noun that says what it is: an acronym or one to three capitalised words. */
const AFTER_MEDIUM_NOUN = new RegExp(
  `(?<![\\p{L}'’-])(?:${alternatives(MEDIUM_NOUNS)})\\s+(\\p{Lu}{2,8}(?![\\p{L}\\p{N}'’-])|(?:(?:Le|La|Les|El|The|Al)\\s+)?${CAP_WORD}(?:\\s+${CAP_WORD}){0,2}(?![\\p{L}\\p{N}'’-]))`,
  'gu',
);
/** Capitalised words after a medium noun that are no medium's name. Lower case. */
const NOT_MEDIUM_NAMES = new Set(['on', 'in', 'that', 'this', 'and', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'i', 'he', 'she', 'they', 'we', 'it']);
const hasMediumNoun = containsAny(MEDIUM_NOUNS);

const hasFirstStationWord = containsAny(STATION_FIRST_WORDS);
const hasLastStationWord = containsAny(STATION_LAST_WORDS);

/** Words that open a sentence or clause, never a station's name. Lower case. */
const OPENERS = new Set(['the', 'a', 'an', 'on', 'in', 'at', 'by', 'from', 'to', 'our', 'their', 'his', 'her', 'its', 'local', 'community', 'national', 'state', 'public', 'private', 'and', 'or', 'via', 'said', 'told', 'listen', 'listening', 'tune', 'says']);

export function proposeMedia(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  const push = (sentence: SentenceRecord, start: number, end: number, label: string, reason: string, confidence: 'certain' | 'likely'): void => {
    candidates.push(
      makeCandidate(
        { sentence: sentence.index, start, end, text: sentence.text, type: 'organization', label, generator: 'media', reason, confidence, supersedes: true, facts: MEDIA_FACTS },
        context,
      ),
    );
  };
  for (const sentence of sentences) {
    const text = sentence.text;
    KNOWN.lastIndex = 0;
    for (let match = KNOWN.exec(text); match !== null; match = KNOWN.exec(text)) {
      const label = labelOfForm.get(match[0].toLowerCase()) ?? match[0];
      // Acronyms match as written; names need their capitals ("the guardian" is a person's role).
      if (!/^\p{Lu}/u.test(match[0])) continue;
      push(sentence, match.index, match.index + match[0].length, label, `known-media: "${label}"`, 'certain');
    }
    if (isHeadline(text)) continue;
    AFTER_MEDIUM_NOUN.lastIndex = 0;
    for (let match = hasMediumNoun(text) ? AFTER_MEDIUM_NOUN.exec(text) : null; match !== null; match = AFTER_MEDIUM_NOUN.exec(text)) {
      const name = match[1] ?? '';
      if (NOT_MEDIUM_NAMES.has((name.split(/\s+/u)[0] ?? '').toLowerCase())) continue;
      const start = match.index + match[0].length - name.length;
      // A name the lexicon already gives (a country, a body) is what the noun describes, not a medium of that name.
      if (mentionsOver(context, sentence.index, start, match.index + match[0].length).some((mention) => !mention.guessed)) continue;
      push(sentence, start, match.index + match[0].length, labelOfForm.get(name.toLowerCase()) ?? name, 'medium-named-after-its-kind: "state television <Name>"', 'likely');
    }
    FIRST_WORD_STATION.lastIndex = 0;
    for (let match = hasFirstStationWord(text) ? FIRST_WORD_STATION.exec(text) : null; match !== null; match = FIRST_WORD_STATION.exec(text)) {
      const first = (match[1] ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      if (NOT_STATION_WORDS.has(first)) continue;
      const name = match[0];
      push(sentence, match.index, match.index + name.length, labelOfForm.get(name.toLowerCase()) ?? name, 'station: "Radio <Name>"', 'likely');
    }
    LAST_WORD_STATION.lastIndex = 0;
    for (let match = hasLastStationWord(text) ? LAST_WORD_STATION.exec(text) : null; match !== null; match = LAST_WORD_STATION.exec(text)) {
      const words = (match[1] ?? '').trim().split(/\s+/);
      let skip = 0;
      while (skip < words.length && OPENERS.has((words[skip] ?? '').toLowerCase())) skip += 1;
      if (skip === words.length) continue;
      const start = match.index + (match[1] ?? '').indexOf(words[skip] ?? '');
      const end = match.index + match[0].length;
      const name = text.slice(start, end);
      push(sentence, start, end, labelOfForm.get(name.toLowerCase()) ?? name, 'station: "<Name> Radio|FM|TV"', 'likely');
    }
  }
  return candidates;
}
