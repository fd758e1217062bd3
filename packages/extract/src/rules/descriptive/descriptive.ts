// A descriptive mission reference followed by the mission's acronym ("the UN mission in Lebanon, UNIFIL", "the
// African Union force in Somalia (AMISOM)") names the mission of that acronym: the acronym that follows wins over
// whatever the description alone resolved to, and the country inside the description is no mention of its own.
import type { SentenceRecord } from '../../types.ts';
import type { RuleCandidate, RuleContext } from '../context.ts';
import { makeCandidate } from '../text.ts';

const DESCRIPTION = new RegExp(
  [
    '(?<![\\p{L}])(?:[Tt]he|[Oo]ur|[Aa])\\s+',
    "(?:(?:\\p{Lu}[\\p{L}.'’-]*)\\s+){0,3}",
    '(?:(?:peacekeeping|political|stabili[sz]ation|observer|support|assistance|multidimensional|integrated|interim|regional|verification|transition|protection)\\s+){0,2}',
    '(?:mission|force|operation|presence|peacekeepers)\\s+(?:in|to|for|on)\\s+(?:the\\s+)?',
    "(?:\\p{Lu}[\\p{L}'’-]*)(?:\\s+(?:of\\s+the\\s+|of\\s+|d['’])?\\p{Lu}[\\p{L}'’-]*){0,4}",
    '(,\\s*|\\s*\\(\\s*|\\s+[—–-]\\s+)',
    '(\\p{Lu}[\\p{Lu}\\d-]{2,})(?![\\p{L}])',
  ].join(''),
  'gu',
);

export function proposeDescribedMissions(sentences: readonly SentenceRecord[], context: RuleContext): RuleCandidate[] {
  const candidates: RuleCandidate[] = [];
  for (const sentence of sentences) {
    const text = sentence.text;
    if (!/\b(?:mission|force|operation|presence|peacekeepers)\s/u.test(text)) continue;
    DESCRIPTION.lastIndex = 0;
    for (let match = DESCRIPTION.exec(text); match !== null; match = DESCRIPTION.exec(text)) {
      const acronym = match[2] ?? '';
      const mission = context.lexiconIdOf(acronym);
      if (mission === undefined || !mission.startsWith('mission:')) continue;
      const end = match.index + match[0].length - acronym.length - (match[1]?.length ?? 0);
      candidates.push(
        makeCandidate(
          {
            sentence: sentence.index,
            start: match.index,
            end,
            text,
            type: 'mission',
            label: acronym,
            entity: mission,
            generator: 'descriptive',
            reason: 'described-mission: "the <…> mission in <place>, <ACRONYM>"',
            confidence: 'certain',
            supersedes: true,
          },
          context,
        ),
      );
    }
  }
  return candidates;
}
