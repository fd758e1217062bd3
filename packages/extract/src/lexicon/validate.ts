// Checks lexicon entries when a lexicon is compiled, so a bad edit to data/lexicon fails loudly
// with the id of the entry it is in and what is wrong with it.
import { ENTITY_TYPES, type EntityType } from '../types.ts';
import type { LexiconEntry } from './schema.ts';

const ID_PATTERN = /^([a-z]+):([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const RELATION_FACTS = ['hostCountry', 'predecessor', 'successor'] as const;

function fail(id: string, problem: string): never {
  throw new Error(`extract/compileLexicon: entry "${id}": ${problem}`);
}

function checkStringList(id: string, value: unknown, field: string, required: boolean): void {
  if (value === undefined && !required) return;
  if (!Array.isArray(value)) fail(id, `${field} must be an array of strings`);
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string' || item.trim().length === 0) fail(id, `${field}[${index}] must be a non-empty string`);
    if (item.length > 200) fail(id, `${field}[${index}] is longer than 200 characters`);
  });
}

/** Throws `extract/compileLexicon: entry "<id>": <problem>` for the first problem in `entries`. */
export function validateEntries(entries: readonly unknown[]): asserts entries is readonly LexiconEntry[] {
  if (!Array.isArray(entries)) throw new Error('extract/compileLexicon: entries must be an array');
  const seen = new Set<string>();
  entries.forEach((raw: unknown, position) => {
    const where = `#${position}`;
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(where, 'is not an object');
    const entry = raw as Record<string, unknown>;
    const id = typeof entry['id'] === 'string' ? entry['id'] : where;
    if (typeof entry['id'] !== 'string') fail(where, 'id must be a string');
    const idMatch = ID_PATTERN.exec(id);
    if (!idMatch) fail(id, 'id must be "type:slug" with a lower-case ASCII slug');
    if (!ENTITY_TYPES.includes(entry['type'] as EntityType)) fail(id, `type must be one of ${ENTITY_TYPES.join(', ')}`);
    if (idMatch[1] !== entry['type']) fail(id, `id prefix "${idMatch[1]}" does not match type "${String(entry['type'])}"`);
    if (seen.has(id)) fail(id, 'duplicate id');
    seen.add(id);
    if (typeof entry['label'] !== 'string' || entry['label'].trim().length === 0) fail(id, 'label must be a non-empty string');
    checkStringList(id, entry['aliases'], 'aliases', true);
    checkStringList(id, entry['ambiguousAliases'], 'ambiguousAliases', false);
    checkStringList(id, entry['demonyms'], 'demonyms', false);
    const facts = entry['facts'];
    if (facts === undefined) return;
    if (facts === null || typeof facts !== 'object' || Array.isArray(facts)) fail(id, 'facts must be an object');
    for (const [key, value] of Object.entries(facts)) {
      const ok =
        typeof value === 'string' ||
        (typeof value === 'number' && Number.isFinite(value)) ||
        typeof value === 'boolean' ||
        (Array.isArray(value) && value.every((item) => typeof item === 'string'));
      if (!ok) fail(id, `facts.${key} must be a string, finite number, boolean or string array`);
    }
    const factRecord = facts as Record<string, unknown>;
    for (const relation of RELATION_FACTS) {
      const value = factRecord[relation];
      if (value !== undefined && (typeof value !== 'string' || !ID_PATTERN.test(value))) fail(id, `facts.${relation} must be an entity id`);
    }
    for (const year of ['startYear', 'endYear']) {
      const value = factRecord[year];
      if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 2100)) fail(id, `facts.${year} must be a year`);
    }
  });
}
