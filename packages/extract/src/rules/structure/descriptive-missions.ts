// Descriptive mission references ("the UN mission in Mali") as a pipeline step: the phrase replaces the
// country mention inside it (the phrase reading itself lives in recognize/descriptive.ts).
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState } from '../../pipeline/state.ts';
import { resolveDescriptiveMissions } from '../../recognize/descriptive.ts';
import { overlapsAny } from '../../recognize/mention.ts';

/** Descriptive mission phrases replace the country mentions inside them, and swallow mentions they cover. */
export function applyDescriptiveMissions(state: DocumentState, lexicon: CompiledLexicon, documentYear: number | undefined): void {
  const namedMissions = new Set<string>();
  for (const list of state.mentions.values()) for (const mention of list) if (mention.entity.startsWith('mission:')) namedMissions.add(mention.entity);
  for (const sentence of state.sentences) {
    const list = state.mentions.get(sentence.index);
    if (!list || !list.some((mention) => lexicon.missionsByHost.has(mention.entity))) continue;
    const resolved = resolveDescriptiveMissions(sentence.text, list, lexicon, documentYear, namedMissions);
    const phrases = resolved.filter((mention) => mention.how === 'descriptive');
    if (phrases.length === 0) continue;
    state.mentions.set(
      sentence.index,
      resolved.filter((mention) => mention.how === 'descriptive' || !overlapsAny(phrases, mention.start, mention.end)),
    );
  }
}
