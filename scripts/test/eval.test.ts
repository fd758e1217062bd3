// Tests of the evaluation: the scorer on small handmade predictions, the gold files of data/eval, and
// `pnpm eval` run end to end (real extractor, real files, temp folders for the failure paths).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '../../packages/extract/src/types.ts';
import {
  aggregate,
  checkGold,
  foldKey,
  GOLD_TYPES,
  type GoldDocument,
  lexiconWarnings,
  parseGold,
  type Prediction,
  predictionFromExtraction,
  rates,
  readableText,
  scoreDocument,
  slugLabel,
  typeAccuracy,
} from '../eval-lib.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const evalDir = path.join(repoRoot, 'data/eval');
const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const evalScript = path.join(repoRoot, 'scripts/eval.ts');

const gold: GoldDocument = {
  document: 'sample.txt',
  entities: [
    { id: 'mission:monusco', type: 'mission', label: 'MONUSCO', surfaces: ['MONUSCO'] },
    { id: 'country:cod', type: 'country', label: 'Democratic Republic of the Congo', surfaces: ['DRC'] },
    { id: 'person:jean-pierre-lacroix', type: 'person', label: 'Jean-Pierre Lacroix', surfaces: ['Jean-Pierre Lacroix', 'Lacroix'] },
    { id: 'country:civ', type: 'country', label: "Côte d'Ivoire", surfaces: ["Côte d'Ivoire"] },
  ],
  pairs: [
    ['country:cod', 'mission:monusco'],
    ['mission:monusco', 'person:jean-pierre-lacroix'],
  ],
};

const monusco = { id: 'mission:monusco', type: 'mission', label: 'MONUSCO', aliases: ['MONUSCO'] };
const drc = { id: 'country:cod', type: 'country', label: 'Democratic Republic of the Congo', aliases: ['DRC'] };
const lacroix = { id: 'person:jean-pierre-lacroix', type: 'person', label: 'Jean-Pierre Lacroix', aliases: ['Lacroix'] };
const ivoire = { id: 'country:civ', type: 'country', label: "Côte d'Ivoire", aliases: ["Côte d'Ivoire"] };
const perfectPairs: [string, string][] = [
  ['country:cod', 'mission:monusco'],
  ['mission:monusco', 'person:jean-pierre-lacroix'],
];

describe('scoreDocument', () => {
  const rows: {
    name: string;
    prediction: Prediction;
    precision: number;
    recall: number;
    typeAccuracy: number;
    missed: string[];
    extra: string[];
    idDifferences: [string, string][];
    pairRecall: number;
    pairPrecision: number;
  }[] = [
    { name: 'perfect', prediction: { entities: [monusco, drc, lacroix, ivoire], pairs: perfectPairs }, precision: 1, recall: 1, typeAccuracy: 1, missed: [], extra: [], idDifferences: [], pairRecall: 1, pairPrecision: 1 },
    {
      name: 'missing entity and its pair',
      prediction: { entities: [monusco, drc, ivoire], pairs: [['country:cod', 'mission:monusco']] },
      precision: 1, recall: 3 / 4, typeAccuracy: 1, missed: ['person:jean-pierre-lacroix'], extra: [], idDifferences: [], pairRecall: 1 / 2, pairPrecision: 1,
    },
    {
      name: 'extra entity and pair',
      prediction: { entities: [monusco, drc, lacroix, ivoire, { id: 'place:goma', type: 'place', label: 'Goma', aliases: ['Goma'] }], pairs: [...perfectPairs, ['mission:monusco', 'place:goma']] },
      precision: 4 / 5, recall: 1, typeAccuracy: 1, missed: [], extra: ['place:goma'], idDifferences: [], pairRecall: 1, pairPrecision: 2 / 3,
    },
    {
      name: 'right id, wrong type',
      prediction: { entities: [monusco, { ...drc, type: 'place' }, lacroix, ivoire], pairs: perfectPairs },
      precision: 1, recall: 1, typeAccuracy: 3 / 4, missed: [], extra: [], idDifferences: [], pairRecall: 1, pairPrecision: 1,
    },
    {
      name: 'id differs, alias matches',
      prediction: { entities: [monusco, drc, { id: 'person:lacroix', type: 'person', label: 'Lacroix', aliases: ['Mr. Lacroix'] }, ivoire], pairs: [['country:cod', 'mission:monusco'], ['mission:monusco', 'person:lacroix']] },
      precision: 3 / 4, recall: 3 / 4, typeAccuracy: 1, missed: ['person:jean-pierre-lacroix'], extra: ['person:lacroix'], idDifferences: [['person:jean-pierre-lacroix', 'person:lacroix']], pairRecall: 1 / 2, pairPrecision: 1 / 2,
    },
    {
      name: 'id differs, label matches without diacritics or curly apostrophe',
      prediction: { entities: [monusco, drc, lacroix, { id: 'country:ivory-coast', type: 'country', label: 'COTE D’IVOIRE', aliases: [] }], pairs: perfectPairs },
      precision: 3 / 4, recall: 3 / 4, typeAccuracy: 1, missed: ['country:civ'], extra: ['country:ivory-coast'], idDifferences: [['country:civ', 'country:ivory-coast']], pairRecall: 1, pairPrecision: 1,
    },
    {
      name: 'unrelated extra is not an id difference',
      prediction: { entities: [monusco, drc, ivoire, { id: 'person:antonio-guterres', type: 'person', label: 'António Guterres', aliases: ['Guterres'] }], pairs: [['mission:monusco', 'country:cod']] },
      precision: 3 / 4, recall: 3 / 4, typeAccuracy: 1, missed: ['person:jean-pierre-lacroix'], extra: ['person:antonio-guterres'], idDifferences: [], pairRecall: 1 / 2, pairPrecision: 1,
    },
    {
      name: 'nothing predicted',
      prediction: { entities: [], pairs: [] },
      precision: 1, recall: 0, typeAccuracy: 1, missed: ['mission:monusco', 'country:cod', 'person:jean-pierre-lacroix', 'country:civ'], extra: [], idDifferences: [], pairRecall: 0, pairPrecision: 1,
    },
  ];

  it.each(rows)('$name', (expected) => {
    const score = scoreDocument(gold, expected.prediction);
    const entity = rates(score.total);
    expect(entity.precision).toBeCloseTo(expected.precision, 10);
    expect(entity.recall).toBeCloseTo(expected.recall, 10);
    expect(typeAccuracy(score.total)).toBeCloseTo(expected.typeAccuracy, 10);
    expect(score.falseNegatives.map((e) => e.id)).toEqual(expected.missed);
    expect(score.falsePositives.map((e) => e.id)).toEqual(expected.extra);
    expect(score.idDifferences.map((d) => [d.goldId, d.predictedId])).toEqual(expected.idDifferences);
    expect(score.total.idDifferences).toBe(expected.idDifferences.length);
    const pair = rates(score.pairs);
    expect(pair.recall).toBeCloseTo(expected.pairRecall, 10);
    expect(pair.precision).toBeCloseTo(expected.pairPrecision, 10);
  });

  it('counts recall under the gold type and precision under the predicted type', () => {
    const score = scoreDocument(gold, { entities: [monusco, { ...drc, type: 'place' }, lacroix, ivoire], pairs: [] });
    expect(score.byType.country).toMatchObject({ gold: 2, predicted: 1, truePositives: 2, typeCorrect: 1 });
    expect(score.byType.place).toMatchObject({ gold: 0, predicted: 1, truePositives: 0 });
    expect(score.typeErrors).toEqual([{ id: 'country:cod', goldType: 'country', predictedType: 'place' }]);
  });
});

describe('aggregate and rates', () => {
  it('sums documents micro-style', () => {
    const first = scoreDocument(gold, { entities: [monusco, drc, lacroix, ivoire], pairs: perfectPairs });
    const second = scoreDocument(gold, { entities: [monusco], pairs: [] });
    const report = aggregate([first, second]);
    expect(report.total).toMatchObject({ gold: 8, predicted: 5, truePositives: 5 });
    expect(report.pairs).toEqual({ gold: 4, predicted: 2, truePositives: 2 });
    expect(rates(report.total).recall).toBeCloseTo(5 / 8, 10);
    expect(rates(report.total).f1).toBeCloseTo((2 * 1 * (5 / 8)) / (1 + 5 / 8), 10);
  });
});

describe('predictionFromExtraction', () => {
  it('keeps each co-mention pair once, sorted, whatever the orientation', () => {
    const extraction: DocumentExtraction = {
      document: { id: 'x', format: 'text', sentenceCount: 3, characters: 10, speakers: [] },
      sentences: [],
      entities: [{ id: 'country:mli', label: 'Mali', type: 'country', aliases: ['Mali'], mentions: 2 }],
      mentions: [],
      coMentions: [
        { source: 'mission:minusma', target: 'country:mli', sentence: 0 },
        { source: 'country:mli', target: 'mission:minusma', sentence: 1 },
        { source: 'country:fra', target: 'country:mli', sentence: 2 },
      ],
      warnings: [],
    };
    expect(predictionFromExtraction(extraction).pairs).toEqual([
      ['country:fra', 'country:mli'],
      ['country:mli', 'mission:minusma'],
    ]);
  });
});

describe('foldKey and slugLabel', () => {
  it.each([
    ["Côte d’Ivoire", "cote d'ivoire"],
    ['Mehmet  Aydın', 'mehmet aydin'],
    ['Ellen Margrethe Løj', 'ellen margrethe loj'],
    ['ANTÓNIO GUTERRES', 'antonio guterres'],
  ])('foldKey(%s) = %s', (input, expected) => expect(foldKey(input)).toBe(expected));

  it.each([
    ['disarmament, demobilization and reintegration', 'disarmament-demobilization-and-reintegration'],
    ['Final Peace Agreement (Colombia)', 'final-peace-agreement-colombia'],
    ['SPLM/A-IO', 'splm-a-io'],
    ['María Ángela Holguín Cuéllar', 'maria-angela-holguin-cuellar'],
  ])('slugLabel(%s) = %s', (input, expected) => expect(slugLabel(input)).toBe(expected));
});

describe('parseGold and checkGold', () => {
  it.each([
    [[], 'expected a JSON object'],
    [{ entities: [], pairs: [] }, '"document"'],
    [{ document: 'a.txt', entities: [{ id: 'x:y', type: 'thing', label: 'Y', surfaces: ['Y'] }], pairs: [] }, 'unknown type'],
    [{ document: 'a.txt', entities: [{ id: 'place:goma', type: 'place', label: 'Goma', surfaces: [] }], pairs: [] }, 'surfaces'],
    [{ document: 'a.txt', entities: [], pairs: [['a']] }, 'pairs[0]'],
  ])('rejects a malformed file with its name: %j', (json, fragment) => {
    expect(() => parseGold(json, 'bad.gold.json')).toThrow(/^eval\/parseGold: bad\.gold\.json: /);
    expect(() => parseGold(json, 'bad.gold.json')).toThrow(fragment);
  });

  const text = 'MONUSCO works in the DRC. Jean-Pierre Lacroix visited. Mr. Lacroix met people from Côte d\'Ivoire.';
  it('accepts a well-formed document', () => expect(checkGold(gold, text)).toEqual([]));

  it('accepts the lexicon\'s slugs, which drop apostrophes inside words', () => {
    const withFund: GoldDocument = { ...gold, entities: [...gold.entities, { id: 'organization:united-nations-childrens-fund', type: 'organization', label: "United Nations Children's Fund", surfaces: ['DRC'] }] };
    expect(checkGold(withFund, text)).toEqual([]);
  });

  it.each<[string, (g: GoldDocument) => void, string]>([
    ['unknown id in a pair', (g) => g.pairs.push(['country:cod', 'place:goma']), 'not a gold entity'],
    ['unsorted pair', (g) => g.pairs.push(['mission:monusco', 'country:cod']), 'not sorted'],
    ['duplicate pair', (g) => g.pairs.push(['country:cod', 'mission:monusco']), 'listed twice'],
    ['surface not in the text', (g) => g.entities[0]?.surfaces.push('MONUC'), 'surface "MONUC" is not in the text'],
    ['id off the scheme', (g) => g.entities.push({ id: 'place:Goma', type: 'place', label: 'Goma', surfaces: ['DRC'] }), 'id scheme'],
    ['id prefix and type disagree', (g) => g.entities.push({ id: 'place:drc', type: 'country', label: 'DRC', surfaces: ['DRC'] }), 'has type country'],
    ['slug not from the label', (g) => g.entities.push({ id: 'person:lacroix', type: 'person', label: 'Jean-Pierre Lacroix', surfaces: ['Lacroix'] }), 'slug of its label'],
    ['country id not ISO3', (g) => g.entities.push({ id: 'country:drcongo', type: 'country', label: 'DR Congo', surfaces: ['DRC'] }), 'alpha-3'],
  ])('reports %s', (_name, spoil, fragment) => {
    const copy = structuredClone(gold);
    spoil(copy);
    expect(checkGold(copy, text).join('\n')).toContain(fragment);
  });

  it('reads caption text without timing lines, cue numbers, NOTE blocks or voice tags', () => {
    const vtt = 'WEBVTT\n\nNOTE\nMINUSMA here is a comment\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Ann Lee>the African\nUnion Mission in\n\n2\n00:00:03.000 --> 00:00:05.000\n<v Ann Lee>Somalia left.\n';
    expect(readableText(vtt, 'panel.vtt')).toBe('the African Union Mission in Somalia left.');
    expect(readableText(vtt, 'panel.vtt')).not.toContain('MINUSMA');
  });

  it('warns about lexicon-backed gold ids that the lexicon lacks, but not about people or places', () => {
    const doc: GoldDocument = { ...gold, entities: [...gold.entities, { id: 'place:goma', type: 'place', label: 'Goma', surfaces: ['Goma'] }] };
    const warnings = lexiconWarnings([{ file: 'sample.gold.json', gold: doc }], (id) => id !== 'mission:monusco');
    expect(warnings).toEqual(['sample.gold.json: mission:monusco (MONUSCO) is not in the lexicon']);
  });
});

describe('the seeds in data/eval', () => {
  it('are identical to data/transcripts', () => {
    for (const seed of ['gcr2p-expert-voices-ep41-lacroix-transcript.txt', 'un-news-2017-05-22-lacroix-interview.txt']) {
      expect(readFileSync(path.join(evalDir, seed), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'data/transcripts', seed), 'utf8'));
    }
  });
});

/** The texts of one eval folder: its files, leaving out gold files, subfolders and the folder's own notes. */
function textsOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.json') && !['GUIDELINES.md', 'ROUNDS.md'].includes(entry.name))
    .map((entry) => entry.name)
    .sort();
}

// The tuned set at the top of data/eval, rounds 5, 6 and 7 (tuned on only after their first sight was recorded) and the
// two locked sets (never tuned on): each text has well-formed gold written for it.
describe.each([
  { folder: 'data/eval', dir: evalDir, seeds: true, minTexts: 6 },
  { folder: 'data/eval/round5', dir: path.join(evalDir, 'round5'), seeds: false, minTexts: 6 },
  { folder: 'data/eval/locked', dir: path.join(evalDir, 'locked'), seeds: false, minTexts: 6 },
  { folder: 'data/eval/round6', dir: path.join(evalDir, 'round6'), seeds: false, minTexts: 6 },
  { folder: 'data/eval/locked2', dir: path.join(evalDir, 'locked2'), seeds: false, minTexts: 4 },
  { folder: 'data/eval/round7', dir: path.join(evalDir, 'round7'), seeds: false, minTexts: 6 },
])('the evaluation set in $folder', ({ dir, seeds, minTexts }) => {
  const goldFiles = readdirSync(dir).filter((name) => name.endsWith('.gold.json')).sort();
  const texts = textsOf(dir);
  const golds = goldFiles.map((name) => ({ name, gold: parseGold(JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown, name) }));

  it('has a gold file for every text, named after it', () => {
    expect(golds.map(({ gold: g }) => g.document).sort()).toEqual(texts);
    for (const { name, gold: g } of golds) expect(name).toBe(`${g.document.replace(/\.[^.]+$/, '')}.gold.json`);
    expect(texts.length).toBeGreaterThanOrEqual(minTexts);
    if (seeds) {
      expect(texts).toEqual(expect.arrayContaining(['gcr2p-expert-voices-ep41-lacroix-transcript.txt', 'un-news-2017-05-22-lacroix-interview.txt']));
      expect(new Set(texts.map((name) => path.extname(name)))).toEqual(new Set(['.txt', '.md', '.vtt', '.srt']));
    }
  });

  it.each(goldFiles)('%s is well formed against its text', (name) => {
    const entry = golds.find((g) => g.name === name);
    if (!entry) throw new Error(`missing ${name}`);
    const text = readFileSync(path.join(dir, entry.gold.document), 'utf8');
    expect(checkGold(entry.gold, text)).toEqual([]);
    expect(entry.gold.pairs.length).toBeGreaterThan(0);
  });

  it('keeps the written texts between 300 and 900 words and covers every gold type', () => {
    for (const name of texts.filter((n) => !n.startsWith('gcr2p-') && !n.startsWith('un-news-'))) {
      const words = readableText(readFileSync(path.join(dir, name), 'utf8'), name).split(/\s+/).filter(Boolean).length;
      expect(words, name).toBeGreaterThanOrEqual(300);
      expect(words, name).toBeLessThanOrEqual(900);
    }
    const types = new Set(golds.flatMap(({ gold: g }) => g.entities.map((e) => e.type)));
    expect([...types].sort()).toEqual([...GOLD_TYPES].sort());
  });
});

describe('pnpm eval end to end', () => {
  const tempDirs: string[] = [];
  afterAll(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
  const run = (args: string[]) => spawnSync(tsx, [evalScript, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 110_000 });

  it('scores the real set with the real extractor and prints JSON', () => {
    const result = run(['--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as {
      documents: { document: string; entities: { gold: number; precision: number; recall: number } }[];
      total: { gold: number; predicted: number; precision: number; recall: number; typeAccuracy: number };
      pairs: { gold: number; recall: number };
      byType: Record<string, { gold: number }>;
    };
    const goldFiles = readdirSync(evalDir).filter((name) => name.endsWith('.gold.json'));
    const goldEntities = goldFiles.map((name) => (JSON.parse(readFileSync(path.join(evalDir, name), 'utf8')) as GoldDocument).entities.length);
    const goldPairs = goldFiles.map((name) => (JSON.parse(readFileSync(path.join(evalDir, name), 'utf8')) as GoldDocument).pairs.length);
    expect(output.documents).toHaveLength(goldFiles.length);
    expect(output.total.gold).toBe(goldEntities.reduce((a, b) => a + b, 0));
    expect(output.pairs.gold).toBe(goldPairs.reduce((a, b) => a + b, 0));
    expect(output.total.predicted).toBeGreaterThan(0);
    for (const value of [output.total.precision, output.total.recall, output.total.typeAccuracy, output.pairs.recall]) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(Object.keys(output.byType)).toEqual(expect.arrayContaining([...GOLD_TYPES]));
  });

  it('meets the targets of issue 2 on the evaluation set: entity precision and recall of at least 95%', () => {
    const result = run(['--json']);
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout) as { total: { precision: number; recall: number; typeAccuracy: number } };
    expect(output.total.precision).toBeGreaterThanOrEqual(0.95);
    expect(output.total.recall).toBeGreaterThanOrEqual(0.95);
    expect(output.total.typeAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  // The third round of unseen texts (data/eval/GUIDELINES.md): each keeps a name the extractor has no general
  // cue for (an Irish ministry under its generic name, "Iqbal Riza", "I tell him Montreal"), so they are held
  // at 90%; every earlier text stays at 95%.
  const ROUND_THREE = new Set([
    'golan-undof-committee-hearing-2025.txt',
    'angola-unavem-student-essay-2023.txt',
    'rwanda-unamir-commander-profile-2024.txt',
    'abyei-ngo-press-statement-2024.txt',
  ]);

  const ROUND_FOUR = ['haiti-binuh-wire-brief-2024.txt', 'wps-1325-conference-panel-2025.txt', 'poc-training-video-captions-2024.vtt'];

  it('keeps every text of the first two rounds at 95% entity precision and recall or better, and the third round at 90%', () => {
    const result = run(['--json']);
    const output = JSON.parse(result.stdout) as { documents: { document: string; entities: { precision: number; recall: number } }[] };
    expect(output.documents.length).toBeGreaterThanOrEqual(26);
    // The fourth round (recall) is held at 95% like the first two.
    for (const name of ROUND_FOUR) expect(output.documents.map((document) => document.document)).toContain(name);
    expect(output.documents.filter((document) => ROUND_THREE.has(document.document))).toHaveLength(ROUND_THREE.size);
    for (const document of output.documents) {
      const floor = ROUND_THREE.has(document.document) ? 0.9 : 0.95;
      expect(document.entities.precision, document.document).toBeGreaterThanOrEqual(floor);
      expect(document.entities.recall, document.document).toBeGreaterThanOrEqual(floor);
    }
  });

  it('finds every entity a careful reader annotated in the two seed texts, with nothing extra', () => {
    const result = run(['--json']);
    const output = JSON.parse(result.stdout) as { documents: { document: string; entities: { precision: number; recall: number } }[] };
    const seeds = output.documents.filter((document) => readdirSync(path.join(repoRoot, 'data/transcripts')).includes(document.document));
    expect(seeds.map((document) => document.document).sort()).toHaveLength(2);
    for (const seed of seeds) expect(seed.entities, seed.document).toMatchObject({ precision: 1, recall: 1 });
  });

  it('prints the table and exits 1 when a threshold is not met', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-eval-'));
    tempDirs.push(dir);
    writeFileSync(path.join(dir, 'tiny.txt'), 'MONUSCO patrols near Goma. Mr. Zarkowski, a farmer, thanked MONUSCO.\n');
    const tiny: GoldDocument = {
      document: 'tiny.txt',
      entities: [
        { id: 'mission:monusco', type: 'mission', label: 'MONUSCO', surfaces: ['MONUSCO'] },
        { id: 'place:goma', type: 'place', label: 'Goma', surfaces: ['Goma'] },
        { id: 'person:zarkowski', type: 'person', label: 'Zarkowski', surfaces: ['Zarkowski'] },
        { id: 'concept:unfindable-idea', type: 'concept', label: 'unfindable idea', surfaces: ['farmer'] },
      ],
      pairs: [['mission:monusco', 'place:goma'], ['mission:monusco', 'person:zarkowski']],
    };
    writeFileSync(path.join(dir, 'tiny.gold.json'), JSON.stringify(tiny));
    const below = run(['--dir', dir, '--min-recall', '1', '--verbose']);
    expect(below.status).toBe(1);
    expect(below.stdout).toContain('FAIL: entity recall');
    expect(below.stdout).toMatch(/^concept\s+1\s+0\s+0 /m);
    expect(below.stdout).toContain('- missed   concept:unfindable-idea');
    expect(below.stdout).toContain('tiny.gold.json: concept:unfindable-idea (unfindable idea) is not in the lexicon');
    const met = run(['--dir', dir, '--min-recall', '0', '--min-precision', '0']);
    expect(met.status).toBe(0);
    expect(met.stdout).not.toContain('FAIL');
  });

  it('stops with one line naming a broken gold file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mg-eval-bad-'));
    tempDirs.push(dir);
    copyFileSync(path.join(evalDir, 'un-news-2017-05-22-lacroix-interview.txt'), path.join(dir, 'un-news-2017-05-22-lacroix-interview.txt'));
    writeFileSync(path.join(dir, 'broken.gold.json'), '{ "document": "un-news-2017-05-22-lacroix-interview.txt", "entities": [ ');
    const result = run(['--dir', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('broken.gold.json');
  });
});
