// Transcript speakers: lexicon entities when the lexicon knows the label, people when it reads like a name, and
// the delegation of a meeting-record label ("Mr. Wood (United States of America)").
import { findAgain } from '../../pipeline/find-again.ts';
import type { DocumentContext } from '../../pipeline/types.ts';
import { namesPattern } from '../../text/patterns.ts';
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { isPersonName } from '../../recognize/people.ts';
import { matchKey } from '../../text/fold.ts';
import { slugify } from '../../text/slug.ts';

/** A speaker label's parts: "Mr. Wood (United States of America)" → honorific or title, name "Wood", delegation ("Senator Dunne" → "Dunne"). */
export const SPEAKER_LABEL =
  /^(?:(Mr|Mrs|Ms|Mx|Dr|Prof|Professor|Sir|Dame|Senator|Sen|Deputy|Representative|Rep|Ambassador|Amb|Minister|Judge|Justice|Chair|Chairman|Chairwoman|Spokesperson|Spokesman|Spokeswoman|Moderator|Commandant|Brig\.?\s+Gen|Maj\.?\s+Gen|Lt\.?\s+Gen|Gen|General|Col|Colonel|Maj|Major|Lt|Lieutenant|Capt|Captain|Cdr|Commander|Adm|Admiral)\.?\s+)?(.+?)(?:\s+\(([^()]+)\))?$/u;

/**
 * Speakers: lexicon entities when the lexicon knows the name, people when the label reads like a name (an
 * honorific makes a surname alone one: "Mr. Wood"). A delegation in parentheses that the lexicon knows
 * ("(United States of America)") is an entity the document names, in `affiliations` (label → id).
 */
export function resolveSpeakers(speakers: readonly string[], lexicon: CompiledLexicon, affiliations: Map<string, string> = new Map()): Map<string, string> {
  const ids = new Map<string, string>();
  for (const speaker of speakers) {
    const known = lexicon.surfaceKeys.get(matchKey(speaker));
    if (known && known.length === 1 && known[0] !== undefined) {
      ids.set(speaker, known[0]);
      continue;
    }
    const [, honorific, name = speaker, delegation] = SPEAKER_LABEL.exec(speaker.trim()) ?? [];
    if (delegation !== undefined) {
      const body = lexicon.surfaceKeys.get(matchKey(delegation));
      if (body?.length === 1 && body[0] !== undefined) affiliations.set(delegation, body[0]);
    }
    const knownName = lexicon.surfaceKeys.get(matchKey(name));
    if (knownName?.length === 1 && knownName[0] !== undefined && (honorific !== undefined || delegation !== undefined)) ids.set(speaker, knownName[0]);
    else if (!known && !knownName && (isPersonName(name) || (honorific !== undefined && /^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(name)))) ids.set(speaker, `person:${slugify(name)}`);
  }
  return ids;
}

/**
 * Speakers as entities of the document: people named in full (cited authors and titled names first, then
 * speakers), and speakers the lexicon does not know are mentions of themselves wherever the text names them.
 */
export function recogniseSpeakers(context: DocumentContext): void {
  const { lexicon } = context;
  context.speakerIds = resolveSpeakers(context.parsed.speakers, lexicon, context.affiliations);
  nameSurnameSpeakersInFull(context);
  for (const [speaker, id] of context.speakerIds) {
    if (!id.startsWith('person:')) continue;
    context.fullNames.set(id, lexicon.get(id)?.label ?? speaker);
    if (!lexicon.get(id)) {
      context.labels.set(id, SPEAKER_LABEL.exec(speaker.trim())?.[2] ?? speaker);
      context.types.set(id, 'person');
    }
  }
  const speakerNames = [...context.speakerIds].filter(([speaker, id]) => id.startsWith('person:') && !lexicon.get(id) && speaker.length > 0);
  if (speakerNames.length === 0) return;
  findAgain(context, 'speakers', namesPattern(speakerNames.map(([name]) => name)), (match, sentence) => {
    const id = context.speakerIds.get(match[0]);
    if (!id) return undefined;
    return { entity: id, sentence, start: match.index, end: match.index + match[0].length, surface: match[0], how: 'lexicon', rule: 'speaker-named', reason: `"${match[0]}" is a speaker of the transcript` };
  });
}

/** Words of a title before a name ("Brigadier General", "Deputy", "Senator"), in lower case without their period. */
const SPEAKER_TITLE_WORDS = new Set(
  'mr mrs ms mx dr prof professor spokesperson spokesman spokeswoman moderator commandant sir dame senator sen deputy representative rep ambassador amb minister judge justice chair chairman chairwoman brigadier brig general gen major maj lieutenant lt colonel col captain capt commander cdr admiral adm president secretary'.split(' '),
);

/**
 * A speaker labelled by title or honorific and surname ("SENATOR DUNNE", "Ms. Walsh") is the person the text names
 * in full with that surname ("Senator Orla Dunne, you have five minutes"), when it names exactly one such person.
 */
function nameSurnameSpeakersInFull(context: DocumentContext): void {
  for (const [speaker, id] of context.speakerIds) {
    if (!id.startsWith('person:') || context.lexicon.get(id)) continue;
    const [, title, name] = SPEAKER_LABEL.exec(speaker.trim()) ?? [];
    if (title === undefined || name === undefined || !/^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(name)) continue;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const fullName = new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{Ll}\\p{M}'’.-]+(?:\\s+\\p{Lu}[\\p{Ll}\\p{M}'’.-]+){0,2})\\s+${escaped}(?![\\p{L}])`, 'gu');
    const found = new Set<string>();
    for (const sentence of context.sentences) {
      for (const match of sentence.text.matchAll(fullName)) {
        // "Brigadier General Niamh", "Deputy Brendan": the title words go, the first name stays.
        const words = (match[1] ?? '').split(/\s+/).filter((word) => !SPEAKER_TITLE_WORDS.has(word.replace(/\.$/, '').toLowerCase()));
        if (words.length === 0) continue;
        const full = `${words.join(' ')} ${name}`;
        if (isPersonName(full)) found.add(full);
      }
    }
    if (found.size !== 1) continue;
    const full = [...found][0]!;
    context.speakerIds.set(speaker, `person:${slugify(full)}`);
  }
}
