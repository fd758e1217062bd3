// Authors of academic citations ("(Fortna 2008)", "Diehl (1994)") are people in a document that cites at least
// twice; titles of cited works name nothing.
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState, addMention, coveredSpans } from '../../pipeline/state.ts';
import { citedAuthors, citedTitles, referenceFullName } from '../../recognize/citations.ts';
import { type WorkingMention, overlapsAny } from '../../recognize/mention.ts';
import { matchKey } from '../../text/fold.ts';
import { slugify } from '../../text/slug.ts';

/**
 * Authors of academic citations ("(Fortna 2008; Doyle and Sambanis 2006)", "Diehl (1994)", "Fortna, V. P.
 * (2008)") are people, in a document that cites at least twice (one "Srebrenica (1995)" is no citation).
 * Names the lexicon knows, demonyms and names inside other mentions are left alone. Returns the ids added.
 */
export function recogniseCitations(state: DocumentState, lexicon: CompiledLexicon): Map<string, string> {
  const people = new Map<string, string>();
  const bySentence = state.sentences.map((sentence) => citedAuthors(sentence.text));
  // "Bigirimana, Claudine (2014)" in the reference list gives the full name that "(Bigirimana 2014)" cites.
  const fullNames = state.sentences.map((sentence) => referenceFullName(sentence.text));
  const fullBySurname = new Map<string, string>();
  for (const entry of fullNames) {
    if (entry === undefined) continue;
    const key = matchKey(entry.surname);
    fullBySurname.set(key, fullBySurname.has(key) && fullBySurname.get(key) !== entry.name ? '' : entry.name);
  }
  if (bySentence.reduce((sum, authors) => sum + authors.length, 0) + fullBySurname.size < 2) return people;
  for (const [index, entry] of fullNames.entries()) {
    if (entry === undefined) continue;
    const key = matchKey(entry.name);
    if (lexicon.surfaceKeys.has(key) || overlapsAny(coveredSpans(state, index), entry.start, entry.end)) continue;
    const id = `person:${slugify(entry.name)}`;
    if (!state.labels.has(id)) state.labels.set(id, entry.name);
    state.types.set(id, 'person');
    people.set(id, entry.name);
    const surface = state.sentences[index]?.text.slice(entry.start, entry.end) ?? entry.name;
    addMention(state, { entity: id, sentence: index, start: entry.start, end: entry.end, surface, how: 'ner' });
  }
  // Titles of works a note cites ("Orphan of the Cold War", "Angola Unravels") name nothing (rule 3).
  for (const sentence of state.sentences) {
    const titles = citedTitles(sentence.text);
    if (titles.length === 0) continue;
    const list = state.mentions.get(sentence.index);
    if (list) state.mentions.set(sentence.index, list.filter((mention) => !overlapsAny(titles, mention.start, mention.end)));
    state.blocked.set(sentence.index, [...(state.blocked.get(sentence.index) ?? []), ...titles]);
  }
  for (const sentence of state.sentences) {
    const covered = coveredSpans(state, sentence.index);
    const authors = bySentence[sentence.index] ?? [];
    // An author whose name is also a place ("Paris (2004)", Roland Paris) is a person when the same sentence
    // cites an author the lexicon does not know: "See Paris (2004) and Howard (2008)". "Srebrenica (1995)
    // and Rwanda (1994)" cites no one.
    const citesAuthor = authors.some((author) => !lexicon.surfaceKeys.has(matchKey(author.name)) && !overlapsAny(covered, author.start, author.end));
    for (const author of authors) {
      const key = matchKey(author.name);
      const list = state.mentions.get(sentence.index) ?? [];
      const place = citesAuthor && !author.name.includes(' ') ? list.find((mention) => mention.start === author.start && mention.end === author.end && /^(?:place|country):/.test(mention.entity)) : undefined;
      if (place) {
        list.splice(list.indexOf(place), 1);
        const index = covered.findIndex((span) => span.start === place.start && span.end === place.end);
        if (index >= 0) covered.splice(index, 1);
      } else if (overlapsAny(covered, author.start, author.end) || lexicon.surfaceKeys.has(key) || lexicon.demonymKeys.has(key)) continue;
      const full = author.name.includes(' ') ? undefined : fullBySurname.get(key);
      const name = full !== undefined && full !== '' ? full : author.name;
      const id = `person:${slugify(name)}`;
      if (!state.labels.has(id)) state.labels.set(id, name);
      state.types.set(id, 'person');
      people.set(id, state.labels.get(id) ?? name);
      const mention: WorkingMention = { entity: id, sentence: sentence.index, start: author.start, end: author.end, surface: author.name, how: 'ner' };
      addMention(state, mention);
      covered.push(mention);
    }
  }
  return people;
}
