// `pnpm eval`: runs the extractor on every annotated text of data/eval and prints precision, recall, F1 and
// type accuracy per entity type, co-mention pair scores and per-document lines (`--json`, `--verbose`, thresholds).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultLexicon, extractDocument } from '../packages/extract/src/index.ts';
import {
  aggregate,
  checkGold,
  GOLD_TYPES,
  type DocumentScore,
  type GoldDocument,
  lexiconWarnings,
  parseGold,
  type Prediction,
  predictionFromExtraction,
  rates,
  type Report,
  scoreDocument,
  typeAccuracy,
} from './eval-lib.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Options {
  dir: string;
  json: boolean;
  verbose: boolean;
  minPrecision?: number;
  minRecall?: number;
}

const defaultEvalDir = path.join(repoRoot, 'data/eval');

const USAGE = 'usage: pnpm eval [--json] [--verbose] [--min-precision 0.95] [--min-recall 0.95] [--dir data/eval]';

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { dir: defaultEvalDir, json: false, verbose: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined) usageError(`${arg} needs a value`);
      i += 1;
      return next;
    };
    const ratio = (): number => {
      const text = value();
      const number = Number(text);
      if (!Number.isFinite(number) || number < 0 || number > 1) usageError(`${arg} takes a number between 0 and 1, not "${text}"`);
      return number;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--min-precision') options.minPrecision = ratio();
    else if (arg === '--min-recall') options.minRecall = ratio();
    else if (arg === '--dir') options.dir = path.resolve(value());
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else usageError(`unknown option ${arg}`);
  }
  return options;
}

function usageError(message: string): never {
  console.error(`eval: ${message}\n${USAGE}`);
  process.exit(2);
}

interface LoadedGold {
  file: string;
  gold: GoldDocument;
  text: string;
}

/** Reads every *.gold.json of the folder with its text; stops with one line naming the file on bad input. */
function loadGolds(dir: string): LoadedGold[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.gold.json')).sort();
  } catch (error) {
    console.error(`eval: cannot read ${dir}: ${(error as Error).message}`);
    process.exit(2);
  }
  if (names.length === 0) {
    console.error(`eval: no *.gold.json files in ${dir}`);
    process.exit(2);
  }
  return names.map((name) => {
    const file = path.join(dir, name);
    try {
      const gold = parseGold(JSON.parse(readFileSync(file, 'utf8')) as unknown, name);
      const text = readFileSync(path.join(dir, gold.document), 'utf8');
      return { file: name, gold, text };
    } catch (error) {
      console.error(`eval: ${path.relative(process.cwd(), file)}: ${(error as Error).message}`);
      process.exit(2);
    }
  });
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`.padStart(7);
}

function row(cells: readonly (string | number)[], widths: readonly number[]): string {
  return cells.map((cell, index) => (index === 0 ? String(cell).padEnd(widths[0] ?? 0) : String(cell).padStart(widths[index] ?? 0))).join('  ');
}

function printTable(report: Report, warnings: readonly string[], failures: readonly string[], verbose: boolean): void {
  const widths = [14, 5, 5, 5, 9, 7, 7, 8, 4];
  console.log(`missiongraph eval: ${report.documents.length} documents, ${report.total.gold} gold entities, ${report.pairs.gold} gold co-mention pairs\n`);
  console.log(row(['type', 'gold', 'pred', 'tp', 'precision', 'recall', 'F1', 'type-acc', 'id≠'], widths));
  const lines: [string, Report['total']][] = GOLD_TYPES.map((type) => [type, report.byType[type] ?? report.total]);
  for (const [type, counts] of Object.entries(report.byType)) if (!(GOLD_TYPES as readonly string[]).includes(type)) lines.push([type, counts]);
  lines.push(['all (micro)', report.total]);
  for (const [name, counts] of lines) {
    const { precision, recall, f1 } = rates(counts);
    if (name === 'all (micro)') console.log('-'.repeat(widths.reduce((sum, width) => sum + width + 2, -2)));
    console.log(row([name, counts.gold, counts.predicted, counts.truePositives, percent(precision), percent(recall), percent(f1), percent(typeAccuracy(counts)), counts.idDifferences], widths));
  }
  const pairRates = rates(report.pairs);
  console.log(`\nco-mention pairs: gold ${report.pairs.gold}, predicted ${report.pairs.predicted}, matched ${report.pairs.truePositives}; precision ${percent(pairRates.precision).trim()}, recall ${percent(pairRates.recall).trim()}, F1 ${percent(pairRates.f1).trim()}\n`);

  const docWidths = [48, 9, 7, 7, 9, 7];
  console.log(row(['document', 'ent-prec', 'ent-rec', 'ent-F1', 'pair-prec', 'pair-rec'], docWidths));
  for (const score of report.documents) {
    const entity = rates(score.total);
    const pair = rates(score.pairs);
    console.log(row([score.document, percent(entity.precision), percent(entity.recall), percent(entity.f1), percent(pair.precision), percent(pair.recall)], docWidths));
  }
  const differences = report.documents.flatMap((score) => score.idDifferences.map((difference) => ({ document: score.document, ...difference })));
  if (differences.length > 0) {
    console.log('\nsame entity under another id (counted as a miss and an extra):');
    for (const difference of differences) console.log(`  ${difference.document}: gold ${difference.goldId} ≠ predicted ${difference.predictedId} (both "${difference.sharedForm}")`);
  }
  if (verbose) for (const score of report.documents) printDetails(score);
  if (warnings.length > 0) {
    console.log(`\nwarnings (${warnings.length}):`);
    for (const warning of warnings) console.log(`  ${warning}`);
  }
  for (const failure of failures) console.log(`\n${failure}`);
}

function printDetails(score: DocumentScore): void {
  console.log(`\n== ${score.document}`);
  for (const entity of score.falseNegatives) console.log(`  - missed   ${entity.id} "${entity.label}" (${entity.type}; seen as ${entity.surfaces.map((surface) => JSON.stringify(surface)).join(', ')})`);
  for (const entity of score.falsePositives) console.log(`  + extra    ${entity.id} "${entity.label}" (${entity.type}; aliases ${entity.aliases.map((alias) => JSON.stringify(alias)).join(', ')})`);
  for (const error of score.typeErrors) console.log(`  ~ type     ${error.id}: gold ${error.goldType}, predicted ${error.predictedType}`);
  for (const [a, b] of score.missedPairs) console.log(`  - pair     ${a} / ${b}`);
  for (const [a, b] of score.extraPairs) console.log(`  + pair     ${a} / ${b}`);
}

/** Scores every annotated text of a folder with the default lexicon; extraction failures become warnings. */
function scoreFolder(dir: string): { report: Report; warnings: string[]; crashed: boolean } {
  const golds = loadGolds(dir);
  const lexicon = defaultLexicon();
  const warnings: string[] = [];
  for (const { file, gold, text } of golds) for (const problem of checkGold(gold, text)) warnings.push(`${file}: ${problem}`);
  warnings.push(...lexiconWarnings(golds, (id) => lexicon.get(id) !== undefined));
  let crashed = false;
  const scores = golds.map(({ gold, text }) => {
    let prediction: Prediction = { entities: [], pairs: [] };
    try {
      prediction = predictionFromExtraction(extractDocument({ id: gold.document, text }, { lexicon, topics: false }));
    } catch (error) {
      crashed = true;
      warnings.push(`${gold.document}: extractDocument failed: ${(error as Error).message}`);
    }
    return scoreDocument(gold, prediction);
  });
  return { report: aggregate(scores), warnings, crashed };
}

/**
 * The folders whose figures predict quality on unseen text (data/eval/ROUNDS.md): round 5 was tuned on only after its
 * first sight was recorded (rounds 6 and 7 likewise); the locked sets are never tuned on, so only their totals are printed, never a
 * document's errors.
 */
const HELD_OUT_FOLDERS: readonly { folder: string; what: string }[] = [
  { folder: 'round5', what: 'round 5 (first sight recorded, tuned on since)' },
  { folder: 'locked', what: 'locked set (never tuned on: totals only)' },
  { folder: 'round6', what: 'round 6 (first sight recorded)' },
  { folder: 'locked2', what: 'second locked set (never tuned on: totals only)' },
  { folder: 'round7', what: 'round 7 (first sight recorded)' },
];

/** Folders nobody tunes on: `pnpm eval --dir` prints only their totals. */
const LOCKED_FOLDERS = new Set(['locked', 'locked2']);

function printHeldOut(baseDir: string): void {
  console.log('\nThe figures above are on texts the extractor has been tuned on: they no longer predict unseen text. These do:');
  for (const { folder, what } of HELD_OUT_FOLDERS) {
    const dir = path.join(baseDir, folder);
    const { report } = scoreFolder(dir);
    const entities = rates(report.total);
    const pairs = rates(report.pairs);
    console.log(`  ${what.padEnd(48)} entities ${percent(entities.precision)} precision ${percent(entities.recall)} recall   pairs ${percent(pairs.precision)} / ${percent(pairs.recall)}`);
  }
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const { report, warnings, crashed } = scoreFolder(options.dir);
  const entityRates = rates(report.total);
  const failures: string[] = [];
  if (options.minPrecision !== undefined && entityRates.precision < options.minPrecision) failures.push(`FAIL: entity precision ${percent(entityRates.precision).trim()} is below ${percent(options.minPrecision).trim()}`);
  if (options.minRecall !== undefined && entityRates.recall < options.minRecall) failures.push(`FAIL: entity recall ${percent(entityRates.recall).trim()} is below ${percent(options.minRecall).trim()}`);

  if (options.json) {
    const byType = Object.fromEntries(Object.entries(report.byType).map(([type, counts]) => [type, { ...counts, ...rates(counts), typeAccuracy: typeAccuracy(counts) }]));
    const documents = report.documents.map((score) => ({
      document: score.document,
      entities: { ...score.total, ...rates(score.total), typeAccuracy: typeAccuracy(score.total) },
      pairs: { ...score.pairs, ...rates(score.pairs) },
      falseNegatives: score.falseNegatives.map((entity) => entity.id),
      falsePositives: score.falsePositives.map((entity) => ({ id: entity.id, type: entity.type, label: entity.label })),
      typeErrors: score.typeErrors,
      idDifferences: score.idDifferences,
      missedPairs: score.missedPairs,
      extraPairs: score.extraPairs,
    }));
    const output = {
      documents,
      byType,
      total: { ...report.total, ...entityRates, typeAccuracy: typeAccuracy(report.total) },
      pairs: { ...report.pairs, ...rates(report.pairs) },
      warnings,
      failures,
    };
    console.log(JSON.stringify(output, null, 2));
  } else if (LOCKED_FOLDERS.has(path.basename(options.dir))) {
    // The locked set: totals only, so that nobody tunes on its documents' errors.
    const entities = rates(report.total);
    const pairs = rates(report.pairs);
    console.log(`missiongraph eval, locked set (totals only): ${report.documents.length} documents, ${report.total.gold} gold entities`);
    console.log(`entities: precision ${percent(entities.precision).trim()}, recall ${percent(entities.recall).trim()}; pairs: precision ${percent(pairs.precision).trim()}, recall ${percent(pairs.recall).trim()}`);
    for (const failure of failures) console.log(failure);
  } else {
    printTable(report, warnings, failures, options.verbose);
    if (options.dir === defaultEvalDir) printHeldOut(options.dir);
  }
  process.exitCode = failures.length > 0 || crashed ? 1 : 0;
}

main();
