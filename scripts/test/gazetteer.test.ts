// The generated gazetteer: regenerating it from its sources gives the committed file byte for byte, and the
// names it marks ambiguous are the ones that collide with English words, with each other or with curated names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from '../../packages/extract/src/lexicon/schema.ts';
import { ISO_3166_2_FILE, MAX_TOWNS_PER_COUNTRY, OUTPUT_FILE, buildGazetteer, gazetteerText } from '../build-gazetteer.ts';

const committed = readFileSync(OUTPUT_FILE, 'utf8');
const entries = JSON.parse(committed) as LexiconEntry[];
const named = (name: string): LexiconEntry[] => entries.filter((entry) => entry.aliases.includes(name) || (entry.ambiguousAliases ?? []).includes(name));

describe('gazetteer generation', () => {
  it('needs Debian iso-codes (installed by scripts/ensure-tools.sh --test)', () => {
    expect(() => readFileSync(ISO_3166_2_FILE), `${ISO_3166_2_FILE} is missing: apt-get install iso-codes`).not.toThrow();
  });

  it('regenerates data/lexicon/gazetteer.json byte for byte', () => {
    expect(gazetteerText() === committed, 'data/lexicon/gazetteer.json differs from its sources: run pnpm lexicon:gazetteer').toBe(true);
  });

  it('lists host-country towns and first-level subdivisions with their country and source', () => {
    const rows: [name: string, country: string, source: RegExp][] = [
      ['Kasaï Central', 'country:cod', /^ISO 3166-2 CD-KC$/],
      ['Ouaka', 'country:caf', /^ISO 3166-2 CF-/],
      ['West Kordofan', 'country:sdn', /^ISO 3166-2 SD-GK$/],
      ['Lakes State', 'country:ssd', /^ISO 3166-2 SS-/],
      ['Kindu', 'country:cod', /^GeoNames \d+$/],
    ];
    for (const [name, country, source] of rows) {
      const found = named(name);
      expect(found.length, name).toBe(1);
      expect(found[0]?.facts?.country, name).toBe(country);
      expect(String(found[0]?.facts?.['source']), name).toMatch(source);
    }
  });

  it('marks names that are English words, first names or shared by two places as ambiguous, labelled with their country', () => {
    const man = named('Man')[0];
    expect(man?.ambiguousAliases).toEqual(['Man']);
    expect(man?.aliases).toEqual([]);
    expect(man?.label).toBe("Man (Côte d'Ivoire)");
    expect(man?.facts?.['ambiguity']).toBe('english word');
    const hyderabad = named('Hyderabad');
    expect(hyderabad.map((entry) => entry.facts?.country).sort()).toEqual(['country:ind', 'country:pak']);
    for (const entry of hyderabad) expect(entry.facts?.['ambiguity']).toBe('shared name');
    // A subdivision named by a bare word is named with its kind, never by the word alone.
    expect(named('Eastern')).toEqual([]);
    expect(named('Lakes State').length).toBe(1);
  });

  it('leaves every name the curated lexicon knows to the curated entry, and caps towns per country', () => {
    for (const curated of ['Goma', 'Bunia', 'Ituri', 'North Kivu', 'South Kordofan']) expect(named(curated), curated).toEqual([]);
    const perCountry = new Map<string, number>();
    for (const entry of entries) if (entry.facts?.kind === 'city') perCountry.set(String(entry.facts.country), (perCountry.get(String(entry.facts.country)) ?? 0) + 1);
    expect(Math.max(...perCountry.values())).toBeLessThanOrEqual(MAX_TOWNS_PER_COUNTRY);
    expect(buildGazetteer().length).toBe(entries.length);
  });
});
