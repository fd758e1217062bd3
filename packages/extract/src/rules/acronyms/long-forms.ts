// A long form right before a known acronym in parentheses is that acronym's entity, even where it only begins a
// listed name ("the European Union Rule of Law Mission (EULEX)").
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState, addMention } from '../../pipeline/state.ts';
import { ACRONYM_IN_PARENTHESES } from '../../recognize/acronyms.ts';
import { matchKey } from '../../text/fold.ts';

/**
 * A long form written before a known acronym in parentheses is that acronym's entity even where it is only
 * the start of a listed name: "the European Union Rule of Law Mission (EULEX)" is EULEX (whose full name
 * goes on "in Kosovo"), and the European Union and the rule of law inside it are nested, not mentions.
 */
export function recogniseLongFormsOfKnownAcronyms(state: DocumentState, lexicon: CompiledLexicon): void {
  for (const sentence of state.sentences) {
    if (!sentence.text.includes('(')) continue;
    ACRONYM_IN_PARENTHESES.lastIndex = 0;
    for (let match = ACRONYM_IN_PARENTHESES.exec(sentence.text); match !== null; match = ACRONYM_IN_PARENTHESES.exec(sentence.text)) {
      const ids = lexicon.surfaceKeys.get(matchKey(match[1] ?? ''));
      const entry = ids?.length === 1 && ids[0] !== undefined ? lexicon.get(ids[0]) : undefined;
      if (!entry) continue;
      const nameEnd = match.index - (/\s*$/u.exec(sentence.text.slice(0, match.index))?.[0].length ?? 0);
      const longForms = [entry.label, ...entry.aliases].map(matchKey).filter((key) => key.includes(' '));
      // Word starts before the parenthesis, nearest first; the longest one whose words begin a long form wins.
      let start: number | undefined;
      const words = /(?:^|\s)(?=[\p{L}\p{N}])/gu;
      const head = sentence.text.slice(Math.max(0, nameEnd - 120), nameEnd);
      const offset = nameEnd - head.length;
      for (let word = words.exec(head); word !== null; word = words.exec(head)) {
        const wordStart = offset + word.index + word[0].length;
        const key = matchKey(sentence.text.slice(wordStart, nameEnd));
        if (/^\p{Lu}/u.test(sentence.text.slice(wordStart, wordStart + 1)) && key.includes(' ') && longForms.some((form) => form.startsWith(`${key} `))) {
          start = wordStart;
          break;
        }
        if (words.lastIndex === word.index) words.lastIndex += 1;
      }
      if (start === undefined) continue;
      const from = start;
      const list = state.mentions.get(sentence.index) ?? [];
      state.mentions.set(sentence.index, list.filter((mention) => mention.end <= from || mention.start >= nameEnd));
      const blocked = state.blocked.get(sentence.index);
      if (blocked) state.blocked.set(sentence.index, blocked.filter((span) => span.end <= from || span.start >= nameEnd));
      addMention(state, { entity: entry.id, sentence: sentence.index, start: from, end: nameEnd, surface: sentence.text.slice(from, nameEnd), how: 'lexicon' });
    }
  }
}
