// Transcript speakers: lexicon entities when the lexicon knows the label, people when it reads like a name, and
// the delegation of a meeting-record label ("Mr. Wood (United States of America)").
import { findAgain } from '../../pipeline/find-again.ts';
import type { DocumentContext } from '../../pipeline/types.ts';
import { namesPattern } from '../../text/patterns.ts';
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { isPersonName } from '../../recognize/people.ts';
import { matchKey } from '../../text/fold.ts';
import { slugify } from '../../text/slug.ts';

/** A speaker label's parts: "Mr. Wood (United States of America)" → honorific, name "Wood", delegation. */
export const SPEAKER_LABEL = /^(?:(Mr|Mrs|Ms|Mx|Dr|Prof|Sir|Dame)\.?\s+)?(.+?)(?:\s+\(([^()]+)\))?$/u;

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
