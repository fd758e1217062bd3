// Ambiguous aliases and country-bound short forms, resolved once the whole document is read: by the entities
// the document names, their capitals, their anchors, and the country the document is about.
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState, addMention, tallyMentions } from '../../pipeline/state.ts';
import { type PendingHit } from './scan.ts';
import { anchorsOf, insideLongerName } from '../shared.ts';

/** True when the document names the title of a person's role (facts.role "Secretary-General 2017–" → "Secretary-General"). */
export function roleNamedIn(state: DocumentState, lexicon: CompiledLexicon, id: string): boolean {
  const role = lexicon.get(id)?.facts?.role;
  const title = typeof role === 'string' ? role.split(/\s+(?:for|of)\s+|\s+\d/)[0]?.trim() : undefined;
  if (title === undefined || title.length < 4) return false;
  const pattern = new RegExp(`(?<![\\p{L}\\-])${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\-])`, 'u');
  return state.sentences.some((sentence) => pattern.test(sentence.text));
}

/** "in", "at", "near", "from", "to", "around", "outside", "towards", "into", "via", "through" right before a name. */
const PLACE_PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:in|at|near|from|to|around|outside|towards?|into|via|through|across)\s+$/iu;

/**
 * An ambiguous form names an entity only when exactly one of its entities is named unambiguously in the
 * document, or, when several are, exactly one has its capital (facts.capital) named in the same sentence,
 * or, when none is, exactly one is anchored (host country, country) to a country or place the document names.
 */
export function resolveAmbiguous(state: DocumentState, pending: readonly PendingHit[], lexicon: CompiledLexicon): void {
  const { counts: named, firstSentence: firstNamed } = tallyMentions(state);
  const mainCountry = documentCountry(named, lexicon);
  for (const hit of pending) {
    // A short or ambiguous form inside a longer capitalised name ("Transitional Presidential Council") is
    // part of that name: it names nothing here, and NER may read the whole name.
    if (insideLongerName(state.sentences[hit.sentence]?.text ?? '', hit.start, hit.end)) continue;
    // A gazetteer place whose name is also an English word ("Man", "Split", "Tyre") needs a preposition of place
    // before it ("in Man", "from Split"), besides its country named in the document.
    const sentenceText = state.sentences[hit.sentence]?.text ?? '';
    const candidates = hit.entityIds.filter((id) => lexicon.get(id)?.facts?.['ambiguity'] !== 'english word' || PLACE_PREPOSITION_BEFORE.test(sentenceText.slice(Math.max(0, hit.start - 12), hit.start)));
    if (candidates.length === 0) {
      const blocked = state.blocked.get(hit.sentence) ?? [];
      blocked.push({ start: hit.start, end: hit.end });
      state.blocked.set(hit.sentence, blocked);
      continue;
    }
    // A country-bound short form ("Defence Forces") refers back to a body named in full before it, not to one
    // the document only names later (Ireland's "Defence Forces" in a subject line, the Israel Defense Forces further on).
    let resolved = candidates.filter((id) => named.has(id) && (!hit.short || (firstNamed.get(id) ?? Infinity) <= hit.sentence));
    let rule = 'named-in-document';
    if (resolved.length > 1) {
      // Several candidates named: the one whose capital the same sentence names ("the Congo ... Brazzaville").
      const inSentence = new Set((state.mentions.get(hit.sentence) ?? []).map((mention) => mention.entity));
      const byCapital = resolved.filter((id) => {
        const capital = lexicon.get(id)?.facts?.['capital'];
        return typeof capital === 'string' && inSentence.has(capital);
      });
      if (byCapital.length === 1) {
        resolved = byCapital;
        rule = 'capital-in-sentence';
      }
    }
    if (resolved.length === 0 && hit.short) {
      // A country-bound name written without its country ("Armed Forces", "National Elections Commission",
      // "Liberation Army") is generic: it names the body of the country the document is about, and only
      // where one country clearly is (a passing mention of Liberia in a text on Mali is not enough).
      resolved = mainCountry === undefined ? [] : candidates.filter((id) => anchorsOf(lexicon, id).includes(mainCountry));
      rule = `bound-to-document-country ${mainCountry ?? ''}`.trim();
    } else if (resolved.length === 0) {
      // None named: the one candidate anchored to a country or place the document names ("the MSS" in a
      // text about Haiti; "UPC" in a text about the Central African Republic); for a person's surname, the
      // one whose role the document names ("Guterres" where the Secretary-General is spoken of).
      rule = 'anchored-to-named-country-or-role';
      resolved = candidates.filter((id) =>
        lexicon.get(id)?.type === 'person' ? roleNamedIn(state, lexicon, id) : anchorsOf(lexicon, id).some((anchor) => named.has(anchor)),
      );
      // Several anchored: the one whose country the document is about, named at least twice as often as
      // any other candidate's ("UPC" in a text on the Central African Republic that names the DRC once).
      if (resolved.length > 1) {
        const weight = (id: string): number => Math.max(0, ...anchorsOf(lexicon, id).map((anchor) => named.get(anchor) ?? 0));
        const ranked = resolved.map((id) => ({ id, weight: weight(id) })).sort((a, b) => b.weight - a.weight);
        const [top, next] = ranked;
        if (top && next && top.weight >= 2 && top.weight >= 2 * next.weight) resolved = [top.id];
      }
    }
    const entity = resolved[0];
    if (resolved.length === 1 && entity !== undefined) {
      addMention(state, { entity, sentence: hit.sentence, start: hit.start, end: hit.end, surface: hit.surface, how: 'ambiguous', rule, reason: `${hit.short ? 'short' : 'ambiguous'} form "${hit.surface}" of ${hit.entityIds.join(', ')}: ${rule}` });
    } else if (!hit.short) {
      const blocked = state.blocked.get(hit.sentence) ?? [];
      blocked.push({ start: hit.start, end: hit.end });
      state.blocked.set(hit.sentence, blocked);
    }
  }
}

/**
 * The country a document is about: the country it names most, counting its own mentions and those of the
 * missions, places and bodies anchored to it (UNFICYP and Nicosia speak of Cyprus), at least twice as often
 * as any other country; undefined when no country stands out.
 */
export function documentCountry(named: ReadonlyMap<string, number>, lexicon: CompiledLexicon): string | undefined {
  const weights = new Map<string, number>();
  for (const [id, count] of named) {
    for (const country of new Set([id, ...anchorsOf(lexicon, id)])) {
      if (country.startsWith('country:')) weights.set(country, (weights.get(country) ?? 0) + count);
    }
  }
  const ranked = [...weights].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [top, next] = ranked;
  if (!top || (next !== undefined && top[1] < 2 * next[1])) return undefined;
  return top[0];
}
