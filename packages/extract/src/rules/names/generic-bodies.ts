// Bodies with generic names ("Ministry of Justice", "Constitutional Council", "Unity Party") are the ones of the
// country the document is about: they take its name, as the lexicon's do, so two countries' bodies stay apart.
import { type CompiledLexicon } from '../../lexicon/compile.ts';
import { type DocumentState } from '../../pipeline/state.ts';
import { zipfFrequency } from '../../topics/background.ts';
import { matchKey } from '../../text/fold.ts';
import { slugify } from '../../text/slug.ts';

/** Heads of a state's institutions and parties, whose names say nothing of the country. Lower case. */
const STATE_BODY_HEADS = new Set(['ministry', 'council', 'commission', 'court', 'assembly', 'parliament', 'senate', 'party', 'army', 'police', 'force', 'forces', 'gendarmerie', 'guard', 'government', 'presidency', 'tribunal']);

/** Words that make a body international or name its owner, not a state's. Lower case. */
const NOT_STATE_WORDS = new Set(['united', 'nations', 'international', 'african', 'european', 'world', 'global', 'regional', 'union', 'general', 'human', 'rights', 'peacebuilding', 'joint', 'mission']);

/** Heads of armed bodies, and the words that make one a state's. Lower case. */
const FORCE_HEADS = new Set(['army', 'police', 'force', 'forces', 'guard', 'gendarmerie']);
const STATE_FORCE_WORDS = new Set(['national', 'defence', 'defense', 'armed', 'republican', 'presidential', 'civilian', 'state', 'federal']);

/** Zipf frequency from which a word is ordinary English, if formal ("electoral" 2.7); names score about 1. */
const ENGLISH_WORD_ZIPF = 2.5;

const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'on']);

/** True for a name of everyday words around a state body's head: "Independent Electoral Commission", "Ministry of Justice". */
export function isGenericBodyName(name: string, lexicon: CompiledLexicon): boolean {
  const words = name.split(/\s+/u);
  const lower = words.map((word) => word.toLowerCase());
  if (words.length < 2 || words.length > 6 || !words.every((word, index) => /^\p{Lu}\p{Ll}/u.test(word) || (index > 0 && CONNECTORS.has(word)))) return false;
  const head = lower.find((word, index) => STATE_BODY_HEADS.has(word) && (index === lower.length - 1 || CONNECTORS.has(lower[index + 1] ?? '')));
  if (head === undefined) return false;
  // A force is a state's when its name says so ("National Defence Force"), not a unit's ("Quick Reaction Force").
  if (FORCE_HEADS.has(head) && !lower.some((word) => STATE_FORCE_WORDS.has(word))) return false;
  return lower.every((word) => CONNECTORS.has(word) || (!NOT_STATE_WORDS.has(word) && zipfFrequency(word) >= ENGLISH_WORD_ZIPF && !lexicon.surfaceKeys.has(matchKey(word)) && !lexicon.demonymKeys.has(matchKey(word))));
}

/** The entity of `prefix` the document names most, at least twice and more often than any other; else none. */
function mostNamed(state: DocumentState, prefix: string): string | undefined {
  const counts = new Map<string, number>();
  for (const list of state.mentions.values()) for (const mention of list) if (mention.entity.startsWith(prefix)) counts.set(mention.entity, (counts.get(mention.entity) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const [first, second] = ranked;
  if (first === undefined || first[1] < 2 || (second !== undefined && second[1] === first[1])) return undefined;
  return first[0];
}

/**
 * The country a body belongs to: the one country named in the sentence that first names the body; else the
 * host of the mission the document names most (a text on ONUSAL is about El Salvador, whatever it compares
 * it with); else the country the document names most.
 */
function countryOf(state: DocumentState, id: string, lexicon: CompiledLexicon): string | undefined {
  const first = [...state.mentions.entries()].filter(([, list]) => list.some((mention) => mention.entity === id)).sort((a, b) => a[0] - b[0])[0]?.[1] ?? [];
  const inSentence = [...new Set(first.filter((mention) => mention.entity.startsWith('country:')).map((mention) => mention.entity))];
  if (inSentence.length === 1) return inSentence[0];
  const mission = mostNamed(state, 'mission:');
  const host = mission === undefined ? undefined : lexicon.get(mission)?.facts?.hostCountry;
  if (typeof host === 'string' && host.startsWith('country:')) return host;
  return mostNamed(state, 'country:');
}

/** "Pakistan's Ministry of Foreign Affairs": a generic body after its country's possessive, the country and the body's words. */
function afterCountryPossessive(label: string, lexicon: CompiledLexicon): { owner: string; countryLabel: string; body: string; length: number } | undefined {
  const possessive = /^(.+?)['’]s\s+/u.exec(label);
  const owners = possessive ? lexicon.surfaceKeys.get(matchKey(possessive[1] ?? '')) : undefined;
  const owner = owners?.length === 1 ? owners[0] : undefined;
  const countryLabel = owner?.startsWith('country:') ? lexicon.get(owner)?.label : undefined;
  if (!possessive || owner === undefined || countryLabel === undefined) return undefined;
  const body = label.slice(possessive[0].length);
  return isGenericBodyName(body, lexicon) ? { owner, countryLabel, body, length: possessive[0].length } : undefined;
}

/** Gives each new organisation with a generic name the document's country: "Ministry of Justice (Liberia)". */
export function qualifyGenericBodies(state: DocumentState, lexicon: CompiledLexicon): void {
  const organisations = [...state.types].filter(([id, type]) => type === 'organization' && !lexicon.get(id)).map(([id]) => id).sort();
  /** Bodies written after their country's possessive: the country and the length of the possessive. */
  const possessives = new Map<string, { owner: string; length: number }>();
  // The same generic name written later without the possessive is that country's body ("the Ministry of Foreign
  // Affairs repeated"), unless two countries' possessives give it.
  const qualifiedByBody = new Map<string, string>();
  for (const id of organisations) {
    const found = afterCountryPossessive(state.labels.get(id) ?? '', lexicon);
    if (found === undefined) continue;
    possessives.set(id, { owner: found.owner, length: found.length });
    const qualifiedId = `organization:${slugify(`${found.body} (${found.countryLabel})`)}`;
    qualifiedByBody.set(found.body, qualifiedByBody.has(found.body) && qualifiedByBody.get(found.body) !== qualifiedId ? '' : qualifiedId);
  }
  const renamed = new Map<string, string>();
  for (const id of organisations) {
    const label = state.labels.get(id) ?? '';
    const possessive = possessives.get(id);
    const body = possessive === undefined ? label : label.slice(possessive.length);
    if (possessive === undefined) {
      if (!isGenericBodyName(label, lexicon)) continue;
      const known = qualifiedByBody.get(label);
      if (known !== undefined && known !== '') {
        renamed.set(id, known);
        continue;
      }
    }
    const country = possessive?.owner ?? countryOf(state, id, lexicon);
    const countryLabel = country === undefined ? undefined : lexicon.get(country)?.label;
    if (countryLabel === undefined) continue;
    const qualified = `${body} (${countryLabel})`;
    const qualifiedId = `organization:${slugify(qualified)}`;
    renamed.set(id, qualifiedId);
    if (!state.labels.has(qualifiedId)) state.labels.set(qualifiedId, qualified);
  }
  if (renamed.size === 0) return;
  for (const [from, to] of renamed) {
    state.types.set(to, 'organization');
    const facts = state.facts.get(from);
    if (facts !== undefined && !state.facts.has(to)) state.facts.set(to, facts);
  }
  for (const [index, list] of state.mentions) {
    state.mentions.set(
      index,
      list.flatMap((mention) => {
        const to = renamed.get(mention.entity);
        if (to === undefined) return [mention];
        const possessive = possessives.get(mention.entity);
        if (possessive !== undefined && /['’]s\s+$/u.test(mention.surface.slice(0, possessive.length))) {
          // The country keeps its own mention; the body starts after the possessive.
          const ownerEnd = mention.start + possessive.length - (/['’]s\s+$/u.exec(mention.surface.slice(0, possessive.length))?.[0].length ?? 0);
          return [
            { ...mention, entity: possessive.owner, end: ownerEnd, surface: mention.surface.slice(0, ownerEnd - mention.start), reason: 'the country whose body the possessive names' },
            { ...mention, entity: to, start: mention.start + possessive.length, surface: mention.surface.slice(possessive.length), reason: "a generic body after its country's possessive" },
          ];
        }
        return [{ ...mention, entity: to, reason: `${mention.reason ?? 'a generic body name'}; a generic name, taken as the body of the document's country` }];
      }),
    );
  }
}
