// A person found under part of a longer name the document also writes ("Ruiz Massieu" beside "Carlos Ruiz
// Massieu", "Margaret Anstee" beside "Margaret Joan Anstee") is that person.
import { type DocumentState } from '../../pipeline/state.ts';
import { countSteps } from '../../readers/work-count.ts';
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
  const plainOf = new Map<string, string>();
  for (const [id, label] of people) plainOf.set(id, plain(label));
  // Indexes instead of comparing every name with every other: a document may name thousands of people.
  const byPlain = new Map<string, string[]>();
  for (const [id, name] of plainOf) {
    const same = byPlain.get(name) ?? [];
    // Each copy of a list counts (one name shared by thousands of people would make these copies quadratic).
    countSteps('partial-names', 1 + same.length);
    byPlain.set(name, [...same, id]);
  }
  // A full name with middle names ("Margaret Joan Anstee") is the person named by first and last name alone.
  for (const [id] of people) {
    const words = (plainOf.get(id) ?? '').split(' ');
    if (words.length < 3 || (fullNames.has(id) && !state.labels.has(id))) continue;
    const candidates = byPlain.get(`${words[0]} ${words[words.length - 1]}`) ?? [];
    countSteps('partial-names', 1 + candidates.length);
    const short = candidates.filter((otherId) => otherId !== id);
    if (short.length === 1 && short[0] !== undefined) moves.set(id, short[0]);
  }
  for (const id of moves.keys()) people.delete(id);
  // Every ending of a name after a space, with the people whose names end so: "walsum", "van walsum".
  const bySuffix = new Map<string, string[]>();
  for (const [id] of people) {
    const name = plainOf.get(id) ?? '';
    for (let space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) {
      const suffix = name.slice(space + 1);
      const ending = bySuffix.get(suffix) ?? [];
      countSteps('partial-names', 1 + ending.length);
      bySuffix.set(suffix, [...ending, id]);
    }
  }
  for (const [id] of people) {
    if (fullNames.has(id) && !state.labels.has(id)) continue;
    // Case and hyphens aside: "Van Walsum" at the start of a sentence is "Peter van Walsum", "Ould Abdallah" is
    // "Ahmedou Ould-Abdallah".
    const ending = bySuffix.get(plainOf.get(id) ?? '') ?? [];
    countSteps('partial-names', 1 + ending.length);
    const longer = [...new Set(ending)].filter((otherId) => otherId !== id);
    const target = longer[0];
    if (longer.length === 1 && target !== undefined) moves.set(id, target);
  }
  if (moves.size === 0) return;
  for (const [sentence, list] of state.mentions) {
    countSteps('partial-names', 1 + list.length);
    if (list.some((mention) => moves.has(mention.entity))) state.mentions.set(sentence, list.map((mention) => (moves.has(mention.entity) ? { ...mention, entity: moves.get(mention.entity) ?? mention.entity } : mention)));
  }
  for (const id of moves.keys()) {
    state.labels.delete(id);
    state.types.delete(id);
  }
}
