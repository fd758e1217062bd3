// Bodies named after a known country, place, mission or organisation: its forces ("Kenya Defence Forces",
// "Rwandan Armed Forces"), a mission's divisions and sections, commissions and programmes named after a country.
// The longer name wins over the known name nested at its start.
import type { SentenceRecord } from '../../types.ts';
import type { KnownMention, RuleCandidate, RuleContext } from '../context.ts';
import { alternatives, CAP_WORD, containsAny, isHeadline, makeCandidate, mentionsOver } from '../text.ts';
import { BODY_CONNECTORS, FORCE_HEADS, ROLE_MODIFIERS, UNIT_HEADS } from './vocabulary.ts';


/** The owner types a body is named after. */
const OWNER_TYPES = new Set(['country', 'place', 'mission', 'organization']);
const MODIFIER = `(?:${CAP_WORD}|(?:${alternatives(BODY_CONNECTORS)})(?=\\s+\\p{Lu}))`;
const FORCES_AFTER = new RegExp(`^((?:\\s+${CAP_WORD}){0,2}?)\\s+(${alternatives(FORCE_HEADS)})(?![\\p{L}'’-])(?!\\s+\\p{Lu})(?!\\s+(?:of|for)\\s+\\p{Lu})`, 'u');
const COMPLEMENT = `(?:\\s+(?:on|for|of)\\s+(?:the\\s+)?${CAP_WORD}(?:\\s+(?:and\\s+)?${CAP_WORD}){0,3})?`;
const UNIT_AFTER = new RegExp(`^((?:\\s+${MODIFIER}){1,6}?)\\s+(${alternatives(UNIT_HEADS)})(${COMPLEMENT})(?![\\p{L}'’-])(?!\\s+\\p{Lu})(?!\\s+to\\s+\\p{Lu})`, 'u');
const DEMONYM_WORD = new RegExp(`(?<![\\p{L}'’-])${CAP_WORD}`, 'gu');

/** Every body this rule names ends in a force or unit head: sentences without one are skipped. */
const hasBodyHead = containsAny([...FORCE_HEADS, ...UNIT_HEADS]);

export function proposeBodies(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    if (isHeadline(text) || !hasBodyHead(text)) continue;
    const owners: { start: number; end: number; type: string }[] = (context.mentions.get(sentence.index) ?? [])
      .filter((mention: KnownMention) => OWNER_TYPES.has(mention.type) && !mention.guessed)
      .map((mention) => ({ start: mention.start, end: mention.end, type: mention.type }));
    DEMONYM_WORD.lastIndex = 0;
    for (let match = DEMONYM_WORD.exec(text); match !== null; match = DEMONYM_WORD.exec(text)) {
      if (context.isDemonym(match[0])) owners.push({ start: match.index, end: match.index + match[0].length, type: 'demonym' });
    }
    for (const owner of owners) {
      const rest = text.slice(owner.end);
      const forces = owner.type === 'country' || owner.type === 'demonym' || owner.type === 'place' ? FORCES_AFTER.exec(rest) : null;
      const unit = forces ? null : UNIT_AFTER.exec(rest);
      const match = forces ?? unit;
      if (!match) continue;
      const end = owner.end + match[0].length;
      if ((match[1] ?? '').split(/\s+/).some((word) => ROLE_MODIFIERS.has(word.toLowerCase()))) continue;
      // Known names inside: concepts ("Human Rights"), and other names after a modifier of the owner's ("Kenya National
      // Commission on Human Rights"); a known body right after the owner is that body qualified ("UN Security Council").
      const firstModifier = owner.end + (/^\s*/u.exec(rest)?.[0].length ?? 0);
      const inside = mentionsOver(context, sentence.index, owner.end, end);
      if (!inside.every((mention) => mention.guessed || mention.type === 'concept' || (mention.type !== 'person' && mention.start > firstModifier && mention.end <= end))) continue;
      const label = text.slice(owner.start, end);
      candidates.push(
        makeCandidate(
          {
            sentence: sentence.index,
            start: owner.start,
            end,
            text,
            type: 'organization',
            label,
            generator: 'bodies',
            reason: forces ? `forces: "<${owner.type}> ${match[2] ?? ''}"` : `unit: "<${owner.type}> <Name> ${match[2] ?? ''}"`,
            confidence: 'likely',
            supersedes: true,
          },
          context,
        ),
      );
    }
  }
  return candidates;
}
