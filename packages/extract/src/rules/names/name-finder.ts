// The name finder as a pipeline step: capitalised runs no earlier rule explains, read by recognize/ner.ts
// (compromise on small windows), with title-case headlines and covered spans kept out.
import { findAgain } from '../../pipeline/find-again.ts';
import type { DocumentContext } from '../../pipeline/types.ts';
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState, addMention } from '../../pipeline/state.ts';
import { type NerCandidate, TAGGER_WINDOWS_PER_DOCUMENT, type TaggerBudget, findNames, lexicalTags } from '../../recognize/ner.ts';
import { HEADLINE_SMALL_WORDS, ORGANIZATION_HEADS } from '../../vocabulary.ts';
import { matchKey } from '../../text/fold.ts';
import { namesPattern } from '../../text/patterns.ts';
import { slugify } from '../../text/slug.ts';


/** A line without final punctuation whose content words are (nearly) all capitalised, not a bulleted item: a headline in title case. */
export function isTitleCaseHeadline(text: string, lexicon: CompiledLexicon): boolean {
  // A bulleted line is a list item ("• Joseph Nyanti – Civil Affairs Section, UNMIL"), whose capitals are names.
  if (/[.!?:;"”’)]\s*$/.test(text) || /^\s*[•·▪]/u.test(text)) return false;
  const words = (text.match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? []).filter((word) => !HEADLINE_SMALL_WORDS.has(word.toLowerCase()));
  if (words.length < 5) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= 0.85 && !isOneBodyName(text, lexicon);
}

/**
 * A line that is one body's name, however long ("Joint Committee on Foreign Affairs and Defence"): capitalised
 * words joined by small words, no verb, with an organisation head that ends it or takes a complement.
 */
export function isOneBodyName(text: string, lexicon: CompiledLexicon): boolean {
  if (!/^(?:The\s+)?\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:of|on|for|and|the|in)\s+)*\p{Lu}[\p{L}\p{M}'’-]*)*$/u.test(text.trim())) return false;
  const words = text.trim().split(/\s+/).map((word) => word.toLowerCase());
  if (words.some((word) => lexicalTags(word, lexicon).has('Verb'))) return false;
  return words.some((word, index) => ORGANIZATION_HEADS.has(word) && (index === words.length - 1 || ['of', 'on', 'for'].includes(words[index + 1] ?? '')));
}

/** An honorific right before a name: in a headline or byline line in capitals, the name after it is still a person's. */
export const HONORIFIC_BEFORE = /(?:^|[^\p{L}])(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+$/u;

/**
 * Spans the name finder must not propose names over: mentions and blocked spans, except a demonym inside a
 * longer capitalised name after "of" ("National Council of Timorese Resistance"), which belongs to that name.
 */
export function nameFinderCovered(state: DocumentState, sentence: number, lexicon: CompiledLexicon): { start: number; end: number }[] {
  const text = state.sentences[sentence]?.text ?? '';
  const blocked = (state.blocked.get(sentence) ?? []).filter(
    (span) => !(lexicon.demonymKeys.has(matchKey(text.slice(span.start, span.end))) && /\p{Lu}[\p{L}\p{M}'’-]*\s+of\s+$/u.test(text.slice(Math.max(0, span.start - 40), span.start)) && /^\s+\p{Lu}/u.test(text.slice(span.end, span.end + 3))),
  );
  return [...(state.mentions.get(sentence) ?? []), ...blocked];
}

/** A compass word written before a known place names a part of it, a place of its own: "North Mitrovica", "South Lebanon". */
const COMPASS_BEFORE = /(?:^|[^\p{L}\p{N}'’-])(North|South|East|West) $/u;

/** Known places with a compass word before them that the lexicon does not know as one name. */
export function compassParts(text: string, places: readonly { start: number; end: number; entity: string }[], lexicon: CompiledLexicon): { start: number; end: number; of: string }[] {
  const parts: { start: number; end: number; of: string }[] = [];
  for (const place of places) {
    const compass = COMPASS_BEFORE.exec(text.slice(Math.max(0, place.start - 7), place.start))?.[1];
    if (compass === undefined || /^\s+\p{Lu}/u.test(text.slice(place.end, place.end + 3))) continue;
    const start = place.start - compass.length - 1;
    if (lexicon.surfaceKeys.has(matchKey(text.slice(start, place.end)))) continue;
    parts.push({ start, end: place.end, of: place.entity });
  }
  return parts;
}

/** Names found by NER become mentions; each name is then found again wherever else the document writes it. */
export function recogniseNames(state: DocumentContext, lexicon: CompiledLexicon, warnings: string[], docId: string): void {
  const found = new Map<string, NerCandidate>();
  const budget: TaggerBudget = { windows: TAGGER_WINDOWS_PER_DOCUMENT };
  for (const sentence of state.sentences) {
    let candidates: NerCandidate[] = [];
    const mentions = state.mentions.get(sentence.index) ?? [];
    const places = mentions.filter((mention) => mention.entity.startsWith('place:') || mention.entity.startsWith('country:'));
    const people = mentions.filter((mention) => mention.entity.startsWith('person:'));
    const bodies = mentions.filter((mention) => mention.entity.startsWith('organization:') && mention.how === 'lexicon');
    for (const part of compassParts(sentence.text, places, lexicon)) {
      const surface = sentence.text.slice(part.start, part.end);
      const id = `place:${slugify(surface)}`;
      state.mentions.set(sentence.index, (state.mentions.get(sentence.index) ?? []).filter((mention) => mention.end <= part.start || mention.start >= part.end));
      if (!state.labels.has(id)) state.labels.set(id, surface);
      state.types.set(id, 'place');
      found.set(surface, { type: 'place', start: part.start, end: part.end, name: surface });
      addMention(state, { entity: id, sentence: sentence.index, start: part.start, end: part.end, surface, how: 'ner', rule: 'name-place', reason: `a compass word before ${part.of} names a part of it: a place of its own` });
    }
    // A title-case headline capitalises every word, so capitals say nothing there ("Caught in Crossfire");
    // names in it are still found where the body writes them again.
    const headline = isTitleCaseHeadline(sentence.text, lexicon);
    if (headline && !/(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+\p{Lu}/u.test(sentence.text)) continue;
    try {
      candidates = findNames(sentence.text, nameFinderCovered(state, sentence.index, lexicon), lexicon, budget, places, people, bodies);
      // In a headline or a byline line in title case ("POL 312: …, Dr. Helen Marsh, 4 December 2023"), only
      // people an honorific introduces.
      if (headline) candidates = candidates.filter((candidate) => candidate.type === 'person' && HONORIFIC_BEFORE.test(sentence.text.slice(0, candidate.start)));
    } catch (error) {
      warnings.push(`extract/extractDocument: ${docId}: name finder failed on sentence ${sentence.index}: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const proposed of candidates) {
      const surface = sentence.text.slice(proposed.start, proposed.end);
      // One name, one entity per document: a name read once as a place ("Abu Shouk camp") stays that place
      // where a later sentence gives no such clue ("Today Abu Shouk has schools").
      const earlier = found.get(surface);
      const candidate = earlier && earlier.entityId === undefined && proposed.entityId === undefined ? { ...proposed, type: earlier.type, name: earlier.name } : proposed;
      if (candidate.entityId !== undefined) {
        addMention(state, { entity: candidate.entityId, sentence: sentence.index, start: candidate.start, end: candidate.end, surface, how: 'ner', rule: 'lexicon-variant', reason: `"${surface}" read as a singular/plural variant of ${candidate.entityId}` });
        continue;
      }
      const id = `${candidate.type}:${slugify(candidate.name)}`;
      if (id.endsWith(':') || lexicon.get(id)) continue;
      // A name that takes in a lexicon name before it ("Timbuktu Super Camp") replaces that mention.
      const list = state.mentions.get(sentence.index);
      if (list) state.mentions.set(sentence.index, list.filter((mention) => mention.end <= candidate.start || mention.start >= candidate.end));
      if (!state.labels.has(id)) state.labels.set(id, candidate.name);
      state.types.set(id, candidate.type);
      found.set(surface, candidate);
      addMention(state, { entity: id, sentence: sentence.index, start: candidate.start, end: candidate.end, surface, how: 'ner', rule: `name-${candidate.type}`, reason: `capitalised run read as ${/^[aeiou]/.test(candidate.type) ? "an" : "a"} ${candidate.type}${earlier && earlier !== proposed ? ' (as where the document first wrote it)' : ''}` });
    }
  }
  if (found.size === 0) return;
  findAgain(state, 'name-finder', namesPattern([...found.keys()]), (match, sentence) => {
    const candidate = found.get(match[0]);
    if (!candidate) return undefined;
    const id = `${candidate.type}:${slugify(candidate.name)}`;
    return { entity: id, sentence, start: match.index, end: match.index + match[0].length, surface: match[0], how: 'ner', rule: 'found-again', reason: `"${match[0]}" read as a ${candidate.type} elsewhere in the document` };
  });
}
