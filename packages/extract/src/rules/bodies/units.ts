// Military units and named operations, known to the lexicon or not: numbered units ("the 10th Mountain
// Division", "1st Battalion"), task forces by name ("Task Force Ranger") and operations ("Operation Serval").
import type { SentenceRecord } from '../../types.ts';
import type { RuleCandidate, RuleContext } from '../context.ts';
import { CAP_WORD, alternatives, isHeadline, makeCandidate, mentionsOver } from '../text.ts';
import { MILITARY_UNIT_HEADS, UNIT_ORDINALS } from './vocabulary.ts';

/** "10th", "82nd", "Second": the number that opens a unit's name. */
const ORDINAL = `(?:\\d{1,3}(?:st|nd|rd|th)|${alternatives(UNIT_ORDINALS)})`;
/** A numbered unit: an ordinal, up to three capitalised words, a unit head ("the 10th Mountain Division"). */
const NUMBERED_UNIT = new RegExp(`(?<![\\p{L}\\p{N}'’-])${ORDINAL}(?:\\s+${CAP_WORD}){0,3}?\\s+(?:${alternatives(MILITARY_UNIT_HEADS)})(?![\\p{L}'’-])`, 'gu');
/** A task force or an operation named by one to three capitalised words after its head: "Task Force Ranger", "Operation Restore Hope". */
const NAMED_BY_HEAD = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:(?:Joint|Combined)\\s+)?(Task Force|Operation)((?:\\s+${CAP_WORD}){1,3})(?![\\p{L}\\p{N}'’-])`, 'gu');

/** Capitalised words after the head that start the next phrase, not the operation's or task force's name ("Operation Serval Commander"). */
const NOT_NAME_WORDS = new Set(['The', 'In', 'On', 'At', 'And', 'Of', 'For', 'A', 'An', 'I', 'He', 'She', 'It', 'We', 'They', 'Headquarters', 'Commander', 'Chief', 'Support']);

const CAPITALISED = new RegExp(`(?<![\\p{L}'’-])${CAP_WORD}`, 'gu');

/** True when the sentence names a nation: a country mention, a demonym ("French forces") or "<X>-led". */
function nationNamed(text: string, sentence: number, context: RuleContext): boolean {
  if ((context.mentions.get(sentence) ?? []).some((mention) => mention.type === 'country') || /\p{L}-led\b/u.test(text)) return true;
  CAPITALISED.lastIndex = 0;
  for (let match = CAPITALISED.exec(text); match !== null; match = CAPITALISED.exec(text)) if (context.isDemonym(match[0])) return true;
  return false;
}

export function proposeUnits(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    if (isHeadline(text) || !(text.includes('Task Force') || text.includes('Operation') || /\d(?:st|nd|rd|th)\s|(?:First|Second|Third)\s/u.test(text))) continue;
    const propose = (start: number, end: number, type: 'organization' | 'mission' | 'event', reason: string): void => {
      // A known name that is the whole span or runs past it keeps its place; one inside it gives way.
      if (mentionsOver(context, sentence.index, start, end).some((mention) => !mention.guessed && (mention.start < start || mention.end > end || (mention.start === start && mention.end === end)))) return;
      const label = text.slice(start, end);
      candidates.push(makeCandidate({ sentence: sentence.index, start, end, text, type, label, generator: 'units', reason, confidence: 'likely', supersedes: true }, context));
    };
    NUMBERED_UNIT.lastIndex = 0;
    for (let match = NUMBERED_UNIT.exec(text); match !== null; match = NUMBERED_UNIT.exec(text)) {
      propose(match.index, match.index + match[0].length, 'organization', 'numbered-unit: "<ordinal> <Name> <unit head>"');
    }
    NAMED_BY_HEAD.lastIndex = 0;
    for (let match = NAMED_BY_HEAD.exec(text); match !== null; match = NAMED_BY_HEAD.exec(text)) {
      const head = match[1] ?? '';
      // The name is the words after the head up to the first one that starts another phrase.
      const tail = match[2] ?? '';
      let nameLength = 0;
      for (const word of tail.matchAll(/\s+(\S+)/gu)) {
        if (NOT_NAME_WORDS.has(word[1] ?? '')) break;
        nameLength = (word.index ?? 0) + word[0].length;
      }
      if (nameLength === 0) continue;
      const end = match.index + match[0].length - tail.length + nameLength;
      if (head === 'Operation') {
        // A nation's deployment is a peace operation of its own, written with the nation that runs it ("French
        // forces of Operation Sangaris", "the US-led Operation Restore Hope"); otherwise a military action of
        // a mission or alliance ("NATO launched Operation Deliberate Force", "Operation Morthor failed").
        const national = nationNamed(text, sentence.index, context);
        propose(match.index, end, national ? 'mission' : 'event', national ? 'national-operation: "Operation <Name>" with the nation that runs it' : 'military-operation: "Operation <Name>"');
      }
      else propose(match.index, end, 'organization', 'named-task-force: "Task Force <Name>"');
    }
  }
  return candidates;
}
