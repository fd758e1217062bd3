// A person found under part of a longer name the document also writes ("Ruiz Massieu" beside "Carlos Ruiz
// Massieu", "Margaret Anstee" beside "Margaret Joan Anstee") is that person.
import { type DocumentState } from '../../pipeline/state.ts';
import { foldText } from '../../text/fold.ts';

/**
 * A person found under part of a longer name also found in the document ("Ruiz Massieu" beside "Carlos
 * Ruiz Massieu") is that person: their mentions move to the full name.
 */
export function mergePartialNames(state: DocumentState, fullNames: ReadonlyMap<string, string>): void {
  const people = new Map<string, string>(fullNames);
  for (const [id, label] of state.labels) if (id.startsWith('person:')) people.set(id, label);
  const moves = new Map<string, string>();
  const plain = (name: string): string => foldText(name).toLowerCase().replace(/[\s\-‐]+/gu, ' ');
  // A full name with middle names ("Margaret Joan Anstee") is the person named by first and last name alone.
  for (const [id, label] of people) {
    const words = plain(label).split(' ');
    if (words.length < 3 || (fullNames.has(id) && !state.labels.has(id))) continue;
    const short = [...people].filter(([otherId, other]) => otherId !== id && plain(other) === `${words[0]} ${words[words.length - 1]}`);
    if (short.length === 1 && short[0]) moves.set(id, short[0][0]);
  }
  for (const id of moves.keys()) people.delete(id);
  for (const [id, label] of people) {
    if (fullNames.has(id) && !state.labels.has(id)) continue;
    // Case and hyphens aside: "Van Walsum" at the start of a sentence is "Peter van Walsum", "Ould Abdallah" is
    // "Ahmedou Ould-Abdallah".
    const longer = [...people].filter(([otherId, other]) => otherId !== id && plain(other).endsWith(` ${plain(label)}`));
    const target = longer[0];
    if (longer.length === 1 && target) moves.set(id, target[0]);
  }
  if (moves.size === 0) return;
  for (const [sentence, list] of state.mentions) {
    state.mentions.set(sentence, list.map((mention) => ({ ...mention, entity: moves.get(mention.entity) ?? mention.entity })));
  }
  for (const id of moves.keys()) {
    state.labels.delete(id);
    state.types.delete(id);
  }
}
