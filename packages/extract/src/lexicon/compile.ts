// compileLexicon: validates lexicon entries and builds what recognition needs from them — the matcher,
// the mission-by-host-country index for descriptive references, and the keys NER results are checked against.
import type { EntityType } from '../types.ts';
import { matchKey } from '../text/fold.ts';
import { LexiconMatcher, type SurfaceForm } from './matcher.ts';
import type { LexiconEntry } from './schema.ts';
import { validateEntries } from './validate.ts';

/** A lexicon ready for extraction. Build one with compileLexicon(); it is immutable and can be shared. */
export interface CompiledLexicon {
  /** A hash of the entries: changes whenever the data changes (part of cache keys). */
  readonly version: string;
  readonly entries: readonly LexiconEntry[];
  get(id: string): LexiconEntry | undefined;
  /** The compiled recogniser of aliases, ambiguous aliases and demonyms. */
  readonly matcher: LexiconMatcher;
  /** Missions by host country (facts.hostCountry) or place (facts.hostPlace) id, for "the UN mission in <country>". */
  readonly missionsByHost: ReadonlyMap<string, readonly LexiconEntry[]>;
  /** Matching keys (see matchKey) of every surface form, with the entity ids they name. */
  readonly surfaceKeys: ReadonlyMap<string, readonly string[]>;
  /** Matching keys of demonyms. */
  readonly demonymKeys: ReadonlySet<string>;
  /** Lexicon people by surname key, for "Mr. Guterres". */
  readonly peopleBySurname: ReadonlyMap<string, readonly string[]>;
}

/** A 53-bit string hash (cyrb53), hex; stable across runs and platforms. */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The last name-like word of a full name ("Jean-Pierre Lacroix" → "Lacroix", "Omar al-Bashir" → "al-Bashir"). */
export function surnameOf(fullName: string): string | undefined {
  const words = fullName.trim().split(/\s+/).filter((word) => /^(?:\p{Lu}|(?:al|el|ad|ash|as|an|ar|at|az)-\p{Lu})/u.test(word));
  if (words.length < 2) return undefined;
  return words[words.length - 1]?.replace(/[.,]$/, '');
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Short forms of country-bound names: an organisation, agreement or event whose facts.country is a country
 * and whose name carries that country ("Truth and Reconciliation Commission of Liberia", "Committee on
 * Missing Persons in Cyprus", "Haitian National Police", "Final Peace Agreement (Colombia)") is usually
 * written without it in a text about that country ("the Truth and Reconciliation Commission"). Each such
 * form of two or more words, capitalised as written and naming no other entry, becomes a `short` form:
 * resolved like an ambiguous alias (by the country the document names), and left to NER when unresolved.
 */
function countryShortForms(ordered: readonly LexiconEntry[], byId: ReadonlyMap<string, LexiconEntry>, surfaceKeys: ReadonlyMap<string, readonly string[]>): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const seen = new Set<string>();
  for (const entry of ordered) {
    if (entry.type !== 'organization' && entry.type !== 'agreement' && entry.type !== 'event') continue;
    const countryId = entry.facts?.['country'];
    const country = typeof countryId === 'string' ? byId.get(countryId) : undefined;
    if (!country || (country.type !== 'country' && country.type !== 'place')) continue;
    const names = [country.label, ...country.aliases].filter((name) => name.length >= 3).map(escapeRegExp);
    const adjectives = [...names, ...(country.demonyms ?? []).map(escapeRegExp)];
    if (names.length === 0) continue;
    const suffix = new RegExp(`^(.+?)(?:\\s+(?:of|in|for)\\s+(?:the\\s+)?(?:${names.join('|')})|\\s*\\((?:${names.join('|')})\\))$`, 'u');
    const prefix = new RegExp(`^(?:${adjectives.join('|')})(?:['’]s)?\\s+(.+)$`, 'u');
    for (const alias of new Set([entry.label, ...entry.aliases])) {
      for (const short of [suffix.exec(alias)?.[1], prefix.exec(alias)?.[1]]) {
        if (short === undefined || !/^\p{Lu}/u.test(short) || short.trim().split(/\s+/).length < 2) continue;
        const key = matchKey(short);
        const owners = surfaceKeys.get(key);
        if ((owners && owners.some((id) => id !== entry.id)) || seen.has(`${key}\u0000${entry.id}`)) continue;
        seen.add(`${key}\u0000${entry.id}`);
        if (owners?.includes(entry.id)) continue;
        forms.push({ entityId: entry.id, text: short.trim(), kind: 'short' });
      }
    }
  }
  return forms;
}

const TYPE_ORDER: readonly EntityType[] = ['mission', 'country', 'organization', 'agreement', 'event', 'concept', 'place', 'person', 'topic'];

function orderedEntries(entries: readonly LexiconEntry[]): LexiconEntry[] {
  return [...entries].sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function versionOfOrdered(ordered: readonly LexiconEntry[]): string {
  return hashString(JSON.stringify(ordered));
}

/** What a lexicon is without its recogniser: its version and its entries by id (the graph's needs, cheap to make). */
export interface LexiconEntries {
  readonly version: string;
  readonly entries: readonly LexiconEntry[];
  get(id: string): LexiconEntry | undefined;
}

/**
 * The version and lookup compileLexicon gives, without compiling the recogniser (expanding every alias, a second
 * or more): for a process that builds graphs from extractions made elsewhere. Validates the entries the same way.
 */
export function lexiconEntries(entries: readonly LexiconEntry[]): LexiconEntries {
  validateEntries(entries);
  const byId = new Map<string, LexiconEntry>(entries.map((entry) => [entry.id, entry]));
  return { version: versionOfOrdered(orderedEntries(entries)), entries, get: (id: string) => byId.get(id) };
}

/**
 * Validates `entries` (throws `extract/compileLexicon: entry "<id>": <problem>`) and compiles them.
 * The label is always a surface form too. The same unambiguous form on two entries is an error.
 */
export function compileLexicon(entries: readonly LexiconEntry[]): CompiledLexicon {
  validateEntries(entries);
  const byId = new Map<string, LexiconEntry>();
  const forms: SurfaceForm[] = [];
  const surfaceKeys = new Map<string, string[]>();
  const demonymKeys = new Set<string>();
  const exactOwners = new Map<string, string>();
  const ordered = orderedEntries(entries);
  for (const entry of ordered) {
    byId.set(entry.id, entry);
    const addKey = (text: string): void => {
      const key = matchKey(text);
      const ids = surfaceKeys.get(key) ?? [];
      if (!ids.includes(entry.id)) ids.push(entry.id);
      surfaceKeys.set(key, ids);
    };
    for (const alias of new Set([entry.label, ...entry.aliases])) {
      const exact = alias.normalize('NFC').trim();
      const owner = exactOwners.get(exact);
      if (owner !== undefined && owner !== entry.id) {
        throw new Error(`extract/compileLexicon: entry "${entry.id}": alias "${exact}" already names "${owner}" (make it an ambiguousAlias of both)`);
      }
      exactOwners.set(exact, entry.id);
      forms.push({ entityId: entry.id, text: exact, kind: 'alias' });
      addKey(exact);
    }
    for (const variant of unVariants([entry.label, ...entry.aliases])) {
      if (exactOwners.has(variant)) continue;
      exactOwners.set(variant, entry.id);
      forms.push({ entityId: entry.id, text: variant, kind: 'alias' });
      addKey(variant);
    }
    for (const alias of entry.ambiguousAliases ?? []) {
      forms.push({ entityId: entry.id, text: alias.trim(), kind: 'ambiguous' });
      addKey(alias);
    }
    for (const demonym of entry.demonyms ?? []) {
      forms.push({ entityId: entry.id, text: demonym.trim(), kind: 'demonym' });
      demonymKeys.add(matchKey(demonym));
    }
  }
  forms.push(...countryShortForms(ordered, byId, surfaceKeys));
  const missionsByHost = new Map<string, LexiconEntry[]>();
  const peopleBySurname = new Map<string, string[]>();
  for (const entry of ordered) {
    for (const host of [entry.facts?.hostCountry, entry.facts?.['hostPlace']]) {
      if (entry.type !== 'mission' || typeof host !== 'string') continue;
      const list = missionsByHost.get(host) ?? [];
      list.push(entry);
      missionsByHost.set(host, list);
    }
    if (entry.type === 'person') {
      const surname = surnameOf(entry.label);
      if (surname !== undefined) {
        const key = matchKey(surname);
        peopleBySurname.set(key, [...(peopleBySurname.get(key) ?? []), entry.id]);
      }
    }
  }
  const version = versionOfOrdered(ordered);
  return {
    version,
    entries,
    get: (id: string) => byId.get(id),
    matcher: new LexiconMatcher(forms),
    missionsByHost,
    surfaceKeys,
    demonymKeys,
    peopleBySurname,
  };
}

/**
 * Spellings of the UN inside a longer name: "Office of the United Nations High Commissioner for Human Rights" is
 * also written with "UN" or "U.N." ("Office of the U.N. High Commissioner …"), as wire services do.
 */
function unVariants(aliases: readonly string[]): string[] {
  const variants = new Set<string>();
  const spellings = ['United Nations', 'UN', 'U.N.'];
  for (const alias of aliases) {
    const exact = alias.normalize('NFC').trim();
    for (const from of spellings) {
      const pattern = new RegExp(`(^|\\s)${escapeRegExp(from)}(?=\\s)`, 'u');
      if (!pattern.test(exact) || exact === from) continue;
      for (const to of spellings) if (to !== from) variants.add(exact.replace(pattern, `$1${to}`));
    }
  }
  for (const alias of aliases) variants.delete(alias.normalize('NFC').trim());
  return [...variants].sort();
}
