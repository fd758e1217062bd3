// Scoring of extraction results against the hand-made gold annotations in data/eval (no I/O here).
// Parses and checks gold files, matches predicted entities and co-mention pairs, and aggregates the scores.
import type { DocumentExtraction } from '../packages/extract/src/types.ts';

/** Entity types that gold files may use (topics are never gold). */
export const GOLD_TYPES = ['mission', 'country', 'place', 'organization', 'person', 'concept', 'agreement', 'event'] as const;
export type GoldType = (typeof GOLD_TYPES)[number];

/** Types whose gold ids should exist in the curated lexicon. */
export const LEXICON_TYPES: readonly GoldType[] = ['mission', 'country', 'organization', 'concept', 'agreement', 'event'];

export interface GoldEntity {
  id: string;
  type: GoldType;
  label: string;
  /** The forms a reader sees in the text, as written. */
  surfaces: string[];
}

export interface GoldDocument {
  /** File name of the annotated text, in the same folder as the gold file. */
  document: string;
  entities: GoldEntity[];
  /** Pairs of gold ids named in the same sentence; each pair sorted, each once. */
  pairs: [string, string][];
  notes?: string[];
}

export interface PredictedEntity {
  id: string;
  type: string;
  label: string;
  aliases: string[];
}

export interface Prediction {
  entities: PredictedEntity[];
  /** Sorted, distinct pairs of entity ids. */
  pairs: [string, string][];
}

/** A gold and a predicted entity that name the same thing (by label or alias) under different ids. */
export interface IdDifference {
  goldId: string;
  predictedId: string;
  /** The folded form both share. */
  sharedForm: string;
}

export interface Counts {
  gold: number;
  predicted: number;
  /** Gold entities found under the same id. */
  truePositives: number;
  /** Matched entities whose predicted type is the gold type. */
  typeCorrect: number;
  /** Misses that the extractor found under another id (same label or alias). */
  idDifferences: number;
}

export interface PairCounts {
  gold: number;
  predicted: number;
  truePositives: number;
}

export interface DocumentScore {
  document: string;
  byType: Record<string, Counts>;
  total: Counts;
  pairs: PairCounts;
  falseNegatives: GoldEntity[];
  falsePositives: PredictedEntity[];
  typeErrors: { id: string; goldType: string; predictedType: string }[];
  idDifferences: IdDifference[];
  missedPairs: [string, string][];
  extraPairs: [string, string][];
}

export interface Rates {
  precision: number;
  recall: number;
  f1: number;
}

export interface Report {
  documents: DocumentScore[];
  byType: Record<string, Counts>;
  total: Counts;
  pairs: PairCounts;
}

const ID_PATTERN = /^(mission|country|place|organization|person|concept|agreement|event):[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Letters that Unicode decomposition leaves alone but readers treat as their plain Latin twin. */
const PLAIN_LETTERS: Record<string, string> = { ı: 'i', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE' };

/** Lower case, no diacritics, typographic apostrophes and dashes made plain, whitespace collapsed. */
export function foldKey(text: string): string {
  return text
    .replace(/[ıøØłŁđĐßæÆœŒ]/g, (ch) => PLAIN_LETTERS[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The id slug of a label: folded, ASCII letters and digits, other runs turned into '-'. */
export function slugLabel(label: string): string {
  return foldKey(label)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function fail(file: string, problem: string): never {
  throw new Error(`eval/parseGold: ${file}: ${problem}`);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Checks the shape of a parsed gold file; throws one clear line naming the file otherwise. */
export function parseGold(json: unknown, file: string): GoldDocument {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) fail(file, 'expected a JSON object');
  const record = json as Record<string, unknown>;
  if (typeof record.document !== 'string' || record.document === '') fail(file, '"document" must name the annotated text file');
  if (!Array.isArray(record.entities)) fail(file, '"entities" must be an array');
  if (!Array.isArray(record.pairs)) fail(file, '"pairs" must be an array');
  const entities: GoldEntity[] = record.entities.map((raw, index) => {
    if (typeof raw !== 'object' || raw === null) fail(file, `entities[${index}] is not an object`);
    const entity = raw as Record<string, unknown>;
    const { id, type, label, surfaces } = entity;
    if (typeof id !== 'string' || typeof label !== 'string' || typeof type !== 'string') fail(file, `entities[${index}] needs string id, type and label`);
    if (!(GOLD_TYPES as readonly string[]).includes(type)) fail(file, `entities[${index}] (${id}) has unknown type "${type}"`);
    if (!isStringArray(surfaces) || surfaces.length === 0) fail(file, `entities[${index}] (${id}) needs a non-empty "surfaces" array of strings`);
    return { id, type: type as GoldType, label, surfaces };
  });
  const pairs = record.pairs.map((raw, index): [string, string] => {
    if (!isStringArray(raw) || raw.length !== 2) fail(file, `pairs[${index}] must be a pair of entity ids`);
    return [raw[0] as string, raw[1] as string];
  });
  const notes = record.notes;
  if (notes !== undefined && !isStringArray(notes)) fail(file, '"notes" must be an array of strings');
  return { document: record.document, entities, pairs, ...(notes ? { notes } : {}) };
}

/**
 * The text a reader sees, for checking surfaces: caption timing lines, cue numbers, NOTE blocks and
 * voice tags dropped; Markdown link targets and emphasis removed; whitespace collapsed.
 */
export function readableText(text: string, fileName: string): string {
  let readable = text;
  if (/\.(vtt|srt)$/i.test(fileName)) {
    const kept: string[] = [];
    let inNote = false;
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (inNote) {
        if (trimmed === '') inNote = false;
        continue;
      }
      if (/^NOTE(\s|$)/.test(trimmed)) {
        inNote = true;
        continue;
      }
      if (trimmed === 'WEBVTT' || /^(Kind|Language):/.test(trimmed) || /^\d+$/.test(trimmed) || trimmed.includes('-->')) continue;
      kept.push(trimmed.replace(/<\/?[^>]*>/g, ''));
    }
    readable = kept.join(' ');
  } else if (/\.(md|markdown)$/i.test(fileName)) {
    readable = text.replace(/\]\([^\s)]*(?:\([^\s)]*\))?[^\s)]*\)/g, ']').replace(/[[\]*_#]/g, '');
  }
  return readable.replace(/\s+/g, ' ').trim();
}

/** Problems with one gold file against its text; empty when the file is well formed. */
export function checkGold(gold: GoldDocument, text: string): string[] {
  const problems: string[] = [];
  const readable = readableText(text, gold.document);
  const raw = text.replace(/\s+/g, ' ');
  const ids = new Set<string>();
  for (const entity of gold.entities) {
    if (ids.has(entity.id)) problems.push(`${entity.id} is listed twice`);
    ids.add(entity.id);
    if (!ID_PATTERN.test(entity.id)) problems.push(`${entity.id} does not follow the id scheme type:slug`);
    const [prefix, slug = ''] = entity.id.split(':');
    if (prefix !== entity.type) problems.push(`${entity.id} has type ${entity.type}`);
    if (entity.type === 'country' && !/^[a-z]{3}$/.test(slug)) problems.push(`${entity.id}: country ids are ISO 3166-1 alpha-3 codes`);
    // The lexicon drops apostrophes inside words ("United Nations Children's Fund" → united-nations-childrens-fund).
    if (entity.type !== 'mission' && entity.type !== 'country' && slug !== slugLabel(entity.label) && slug !== slugLabel(entity.label.replace(/['’]/g, ''))) {
      problems.push(`${entity.id}: the slug of its label "${entity.label}" is ${slugLabel(entity.label)}`);
    }
    for (const surface of entity.surfaces) {
      const collapsed = surface.replace(/\s+/g, ' ');
      if (!readable.includes(collapsed) && !raw.includes(collapsed)) problems.push(`${entity.id}: surface "${surface}" is not in the text`);
    }
  }
  const seenPairs = new Set<string>();
  for (const [a, b] of gold.pairs) {
    const key = `${a}\u0000${b}`;
    if (!ids.has(a) || !ids.has(b)) problems.push(`pair ${a} / ${b} names an id that is not a gold entity`);
    if (!(a < b)) problems.push(`pair ${a} / ${b} is not sorted (or names one entity twice)`);
    if (seenPairs.has(key)) problems.push(`pair ${a} / ${b} is listed twice`);
    seenPairs.add(key);
  }
  return problems;
}

/** The scorer's view of an extraction: entities and distinct co-mention pairs. */
export function predictionFromExtraction(extraction: DocumentExtraction): Prediction {
  const keys = new Set<string>();
  const pairs: [string, string][] = [];
  for (const { source, target } of extraction.coMentions) {
    const [a, b] = source < target ? [source, target] : [target, source];
    const key = `${a}\u0000${b}`;
    if (a === b || keys.has(key)) continue;
    keys.add(key);
    pairs.push([a, b]);
  }
  pairs.sort((x, y) => (x[0] === y[0] ? compare(x[1], y[1]) : compare(x[0], y[0])));
  const entities = extraction.entities.map(({ id, type, label, aliases }) => ({ id, type, label, aliases: [...aliases] }));
  return { entities, pairs };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function emptyCounts(): Counts {
  return { gold: 0, predicted: 0, truePositives: 0, typeCorrect: 0, idDifferences: 0 };
}

function countsFor(table: Record<string, Counts>, type: string): Counts {
  table[type] ??= emptyCounts();
  return table[type];
}

function addCounts(into: Counts, from: Counts): void {
  into.gold += from.gold;
  into.predicted += from.predicted;
  into.truePositives += from.truePositives;
  into.typeCorrect += from.typeCorrect;
  into.idDifferences += from.idDifferences;
}

/** Pairs each unmatched gold entity with at most one unmatched prediction sharing a folded label or alias. */
function matchByForm(missed: readonly GoldEntity[], extra: readonly PredictedEntity[]): IdDifference[] {
  const differences: IdDifference[] = [];
  const used = new Set<string>();
  for (const gold of missed) {
    const goldForms = new Set([gold.label, ...gold.surfaces].map(foldKey));
    for (const predicted of extra) {
      if (used.has(predicted.id)) continue;
      const shared = [predicted.label, ...predicted.aliases].map(foldKey).find((form) => goldForms.has(form));
      if (shared === undefined) continue;
      used.add(predicted.id);
      differences.push({ goldId: gold.id, predictedId: predicted.id, sharedForm: shared });
      break;
    }
  }
  return differences;
}

/** Scores one document: entities by id (with type accuracy), id differences by form, and co-mention pairs. */
export function scoreDocument(gold: GoldDocument, prediction: Prediction): DocumentScore {
  const byType: Record<string, Counts> = {};
  for (const type of GOLD_TYPES) byType[type] = emptyCounts();
  const predictedById = new Map(prediction.entities.map((entity) => [entity.id, entity]));
  const goldIds = new Set(gold.entities.map((entity) => entity.id));
  const falseNegatives: GoldEntity[] = [];
  const typeErrors: DocumentScore['typeErrors'] = [];
  for (const entity of gold.entities) {
    const counts = countsFor(byType, entity.type);
    counts.gold += 1;
    const predicted = predictedById.get(entity.id);
    if (!predicted) {
      falseNegatives.push(entity);
      continue;
    }
    counts.truePositives += 1;
    if (predicted.type === entity.type) counts.typeCorrect += 1;
    else typeErrors.push({ id: entity.id, goldType: entity.type, predictedType: predicted.type });
  }
  const falsePositives: PredictedEntity[] = [];
  for (const entity of prediction.entities) {
    countsFor(byType, entity.type).predicted += 1;
    if (!goldIds.has(entity.id)) falsePositives.push(entity);
  }
  const idDifferences = matchByForm(falseNegatives, falsePositives);
  const goldTypeOf = new Map(gold.entities.map((entity) => [entity.id, entity.type]));
  for (const difference of idDifferences) countsFor(byType, goldTypeOf.get(difference.goldId) ?? 'event').idDifferences += 1;

  const goldPairs = new Set(gold.pairs.map(([a, b]) => `${a}\u0000${b}`));
  const predictedPairs = new Set(prediction.pairs.map(([a, b]) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`)));
  const split = (key: string): [string, string] => key.split('\u0000') as [string, string];
  const missedPairs = [...goldPairs].filter((key) => !predictedPairs.has(key)).sort().map(split);
  const extraPairs = [...predictedPairs].filter((key) => !goldPairs.has(key)).sort().map(split);
  const pairs: PairCounts = { gold: goldPairs.size, predicted: predictedPairs.size, truePositives: goldPairs.size - missedPairs.length };

  const total = emptyCounts();
  for (const counts of Object.values(byType)) addCounts(total, counts);
  return { document: gold.document, byType, total, pairs, falseNegatives, falsePositives, typeErrors, idDifferences, missedPairs, extraPairs };
}

/** Micro-averaged totals over documents. */
export function aggregate(documents: DocumentScore[]): Report {
  const byType: Record<string, Counts> = {};
  for (const type of GOLD_TYPES) byType[type] = emptyCounts();
  const total = emptyCounts();
  const pairs: PairCounts = { gold: 0, predicted: 0, truePositives: 0 };
  for (const score of documents) {
    for (const [type, counts] of Object.entries(score.byType)) addCounts(countsFor(byType, type), counts);
    addCounts(total, score.total);
    pairs.gold += score.pairs.gold;
    pairs.predicted += score.pairs.predicted;
    pairs.truePositives += score.pairs.truePositives;
  }
  return { documents, byType, total, pairs };
}

/** Precision, recall and F1; an empty side counts as perfect (nothing to find, nothing wrongly found). */
export function rates(counts: { gold: number; predicted: number; truePositives: number }): Rates {
  const precision = counts.predicted === 0 ? 1 : counts.truePositives / counts.predicted;
  const recall = counts.gold === 0 ? 1 : counts.truePositives / counts.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Share of matched entities that carry the gold type (1 when nothing matched). */
export function typeAccuracy(counts: Counts): number {
  return counts.truePositives === 0 ? 1 : counts.typeCorrect / counts.truePositives;
}

/** Gold ids of lexicon-backed types that the lexicon lacks, as warning lines naming the gold file. */
export function lexiconWarnings(golds: readonly { file: string; gold: GoldDocument }[], inLexicon: (id: string) => boolean): string[] {
  const warnings: string[] = [];
  for (const { file, gold } of golds) {
    for (const entity of gold.entities) {
      if (LEXICON_TYPES.includes(entity.type) && !inLexicon(entity.id)) warnings.push(`${file}: ${entity.id} (${entity.label}) is not in the lexicon`);
    }
  }
  return warnings;
}
