// Acceptance on the two seed transcripts (issue 2): every listed entity is one node of the right type,
// and demonyms, role titles and fragments never become nodes. Uses the curated default lexicon.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type DocumentExtraction, type EntityType, extractDocument } from '../src/index.ts';

const seedDir = fileURLToPath(new URL('../../../data/transcripts/', import.meta.url));
const seeds: DocumentExtraction[] = readdirSync(seedDir)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => extractDocument({ id: name, text: readFileSync(seedDir + name, 'utf8') }));
const entities = new Map<string, { type: EntityType; label: string }>();
for (const seed of seeds) for (const entity of seed.entities) if (entity.mentions > 0) entities.set(entity.id, { type: entity.type, label: entity.label });

const expected: [id: string, type: EntityType][] = [
  ['mission:unisfa', 'mission'],
  ['mission:minusca', 'mission'],
  ['mission:monusco', 'mission'],
  ['mission:unifil', 'mission'],
  ['mission:unmiss', 'mission'],
  ['mission:minusma', 'mission'],
  ['mission:minustah', 'mission'],
  ['mission:minujusth', 'mission'],
  ['country:mli', 'country'],
  ['country:caf', 'country'],
  ['country:cod', 'country'],
  ['country:hti', 'country'],
  ['organization:security-council', 'organization'],
  ['organization:general-assembly', 'organization'],
  ['organization:african-union', 'organization'],
  ['organization:european-union', 'organization'],
  ['person:jean-pierre-lacroix', 'person'],
  ['person:antonio-guterres', 'person'],
  ['person:jane-holl-lute', 'person'],
  ['person:jaclyn-streitfeld-hall', 'person'],
  ['agreement:algiers-agreement', 'agreement'],
  ['agreement:pact-for-the-future', 'agreement'],
  ['concept:responsibility-to-protect', 'concept'],
  ['concept:protection-of-civilians', 'concept'],
];

describe('acceptance on the seed transcripts', () => {
  it.each(expected)('%s is a node of type %s', (id, type) => {
    expect(entities.get(id)?.type).toBe(type);
  });

  it('names each entity by one node: no two nodes share a label', () => {
    const labels = [...entities.values()].map((entity) => entity.label.toLowerCase());
    expect(labels.length).toBe(new Set(labels).size);
  });

  it('joins surnames and titles into the full name (no separate "Lacroix" node)', () => {
    const lacroix = seeds.flatMap((seed) => seed.entities.filter((entity) => entity.id === 'person:jean-pierre-lacroix'));
    expect(lacroix.flatMap((entity) => entity.aliases)).toContain('Lacroix');
    expect([...entities.keys()].filter((id) => /lacroix|guterres/.test(id)).sort()).toEqual(['person:antonio-guterres', 'person:jean-pierre-lacroix']);
  });

  it('never makes a person of the "UN News:" speaker label (it is the news service, an organisation)', () => {
    expect(entities.get('organization:un-news')?.type).toBe('organization');
    expect([...entities.values()].filter((entity) => entity.type === 'person' && /UN News/.test(entity.label))).toEqual([]);
  });

  it('never makes nodes of demonyms, role titles or fragments', () => {
    for (const [id, entity] of entities) {
      expect(entity.label, id).not.toMatch(/^(?:Malian|French|Congolese|Haitian)$/);
      expect(entity.label, id).not.toMatch(/Secretary|Director|Coordinator|Head of|Says/);
      expect(entity.label, id).not.toMatch(/[.,;:!?]$/);
      expect(entity.label, id).not.toMatch(/^[A-Z]+(?: [A-Z]+)+$/);
    }
  });

  it('gives every co-mention a sentence that names both entities', () => {
    for (const seed of seeds) {
      const sentences = new Set(seed.sentences.map((sentence) => sentence.index));
      for (const pair of seed.coMentions) {
        expect(sentences.has(pair.sentence)).toBe(true);
        const named = seed.mentions.filter((mention) => mention.sentence === pair.sentence).map((mention) => mention.entity);
        expect(named).toEqual(expect.arrayContaining([pair.source, pair.target]));
      }
    }
  });

  it('is deterministic: the same input twice gives byte-identical JSON', () => {
    const again = readdirSync(seedDir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => extractDocument({ id: name, text: readFileSync(seedDir + name, 'utf8') }, { topics: true }));
    const first = readdirSync(seedDir)
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => extractDocument({ id: name, text: readFileSync(seedDir + name, 'utf8') }, { topics: true }));
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });
});
