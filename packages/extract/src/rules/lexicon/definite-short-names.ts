// Definite short names: "the Mission" / "the Force" is the mission that dominates the document, "the
// Commission" the one commission it named before.
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { MISSION_SHORT_HEADS, BODY_SHORT_HEADS } from '../../vocabulary.ts';
import { type DocumentState, addMention, tallyMentions } from '../../pipeline/state.ts';
import { type WorkingMention, overlapsAny } from '../../recognize/mention.ts';



/**
 * Definite short names: "the Mission" or "the Force", capitalised, is the mission a document is about when one
 * mission dominates it (the only mission named, or named at least twice and three times as often as any other) and its name has that
 * head; "the Commission" is the one commission the document named before. Lower case ("the mission") is a
 * description, and a capitalised word after the head makes a longer name ("the Force Commander").
 */
export function recogniseDefiniteShortNames(state: DocumentState, lexicon: CompiledLexicon): void {
  const { counts, firstSentence } = tallyMentions(state);
  const namesOf = (id: string): string[] => {
    const entry = lexicon.get(id);
    return entry ? [entry.label, ...entry.aliases] : [state.labels.get(id) ?? ''];
  };
  const owners = new Map<string, string>();
  /** The mission that dominates `missionCounts` (the only one, or ≥ 2 and ≥ 3× any other), by head noun. */
  const dominantByHead = (missionCounts: ReadonlyMap<string, number>): Map<string, string> => {
    const byHead = new Map<string, string>();
    const missions = [...missionCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const [top, second] = missions;
    if (top && (second ? top[1] >= 2 && top[1] >= 3 * second[1] : true)) {
      for (const head of MISSION_SHORT_HEADS) if (namesOf(top[0]).some((name) => new RegExp(`\\b${head}\\b`, 'u').test(name))) byHead.set(head, top[0]);
    }
    return byHead;
  };
  for (const [head, id] of dominantByHead(new Map([...counts].filter(([id]) => id.startsWith('mission:'))))) owners.set(head, id);
  const missionHeads = new Set(MISSION_SHORT_HEADS);
  for (const head of BODY_SHORT_HEADS) {
    // The head ends the name or takes its complement: "the Joint Committee on Foreign Affairs and Defence".
    const headed = new RegExp(`\\s${head}(?:$|\\s+(?:on|of|for)\\s)`, 'u');
    const bodies = [...counts.keys()].filter((id) => !id.startsWith('mission:') && namesOf(id).some((name) => headed.test(name)));
    if (bodies.length === 1 && bodies[0] !== undefined) owners.set(head, bodies[0]);
  }
  // Where no mission dominates the whole document, the one that dominates it so far: "the Force" in a hearing
  // on UNDOF that names UNIFIL only near its end.
  const runningCounts = new Map<string, number>();
  const documentOwnsMissionHead = [...owners.keys()].some((head) => missionHeads.has(head));
  const heads = documentOwnsMissionHead ? [...owners.keys()] : [...new Set([...owners.keys(), ...MISSION_SHORT_HEADS])];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])[Tt]he\\s+(${heads.join('|')})(?:['’]s)?(?![\\p{L}\\p{N}\\-])`, 'gu');
  for (const sentence of state.sentences) {
    for (const mention of state.mentions.get(sentence.index) ?? []) {
      if (mention.entity.startsWith('mission:')) runningCounts.set(mention.entity, (runningCounts.get(mention.entity) ?? 0) + 1);
    }
    let running: Map<string, string> | undefined;
    // Only mentions block it: an ambiguous "the Commission" the lexicon could not resolve is this one.
    const covered: { start: number; end: number }[] = [...(state.mentions.get(sentence.index) ?? [])];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.text); match !== null; match = pattern.exec(sentence.text)) {
      const head = match[1] ?? '';
      if (!owners.has(head) && running === undefined) running = dominantByHead(runningCounts);
      const entity = owners.get(head) ?? running?.get(head);
      const start = match.index + match[0].indexOf(head, 3);
      const end = start + head.length;
      if (entity === undefined || sentence.index <= (firstSentence.get(entity) ?? Infinity) - 1 || overlapsAny(covered, start, end)) continue;
      const after = sentence.text.slice(match.index + match[0].length, match.index + match[0].length + 40);
      if (/^\s+(?:\p{Lu}|(?:of|for|in|on)\s+(?:the\s+)?\p{Lu})/u.test(after)) continue;
      const mention: WorkingMention = { entity, sentence: sentence.index, start, end, surface: head, how: 'lexicon' };
      addMention(state, mention);
      covered.push(mention);
    }
  }
}
