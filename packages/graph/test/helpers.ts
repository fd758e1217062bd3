// Shared test helpers: the handmade fixtures, a lexicon over their facts, golden-file comparison
// (UPDATE_GOLDEN=1 rewrites the files) and a strict XML well-formedness check (saxes).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { expect } from 'vitest';
import type { DocumentExtraction } from '@missiongraph/extract';
import { analyzeGraph, buildGraph, type LexiconLookup, type MissionGraph } from '../src/index.ts';

export const testDir = path.dirname(fileURLToPath(import.meta.url));
export const fixturePath = (name: string): string => path.join(testDir, 'fixtures', name);

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

export function loadCorpus(name = 'corpus-small.json'): DocumentExtraction[] {
  return JSON.parse(readFixture(name)) as DocumentExtraction[];
}

export function fixtureLexicon(): LexiconLookup {
  const facts = JSON.parse(readFixture('lexicon-facts.json')) as Record<string, Record<string, unknown>>;
  return { get: (id) => (Object.hasOwn(facts, id) ? { id, facts: facts[id] } : undefined) };
}

/** The small corpus built with the fixture lexicon and analysed with seed 1. */
export function analysedSample(): MissionGraph {
  const graph = buildGraph(loadCorpus(), { lexicon: fixtureLexicon() });
  analyzeGraph(graph, { seed: 1 });
  return graph;
}

/** Byte-compares `actual` with test/golden/<name>; UPDATE_GOLDEN=1 writes it instead. */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(testDir, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== '1' && process.env.CI) throw new Error(`golden file ${name} is missing (run with UPDATE_GOLDEN=1)`);
    writeFileSync(file, actual);
  }
  expect(actual === readFileSync(file, 'utf8'), `output differs from test/golden/${name} (UPDATE_GOLDEN=1 to accept)`).toBe(true);
}

/** Parses XML with a strict, conformant parser (XML 1.0 characters, well-formedness, namespaces); returns the first error or undefined. */
export function xmlError(text: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let first: string | undefined;
  parser.on('error', (error) => {
    first ??= error.message;
  });
  parser.write(text).close();
  return first;
}

/** RFC 4180 parser for the tests: rows of fields; CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') {
        quoted = false;
        i += 1;
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
