// "the <city> process" names a diplomatic track (an event): "the Doha process", "the Rabat process".
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState } from '../../pipeline/state.ts';
import { slugify } from '../../text/slug.ts';

/**
 * A city followed by "process" after "the" names a diplomatic track: "the Doha process" (the UN-convened
 * meetings on Afghanistan), "the Rabat process". Capitalised ("the Berlin Process"), NER finds it.
 */
export function recogniseNamedProcesses(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const [sentence, list] of state.mentions) {
    const text = state.sentences[sentence]?.text ?? '';
    const replaced = list.map((mention) => {
      const kind = lexicon.get(mention.entity)?.facts?.kind;
      if (typeof kind !== 'string' || !kind.includes('city') || !/\bthe\s+$/iu.test(text.slice(Math.max(0, mention.start - 5), mention.start))) return mention;
      const process = /^\s+process(?![\p{L}-])/u.exec(text.slice(mention.end, mention.end + 10));
      if (!process) return mention;
      const end = mention.end + process[0].length;
      const name = text.slice(mention.start, end);
      const id = `event:${slugify(name)}`;
      if (lexicon.get(id) === undefined) {
        if (!state.labels.has(id)) state.labels.set(id, name);
        state.types.set(id, 'event');
      }
      return { ...mention, entity: id, end, surface: name, how: 'ner' as const };
    });
    state.mentions.set(sentence, replaced);
  }
}
