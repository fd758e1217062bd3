// Promise: a corpus of 10,000 tiny files builds (every file a document, in order) and rebuilds from the cache alone.
// Kept in its own file so it runs beside the other end-to-end files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, runCli, summaryOf, tempDir } from './helpers.ts';

const MISSIONS = ['MONUSCO', 'UNIFIL', 'MINUSCA', 'UNMISS', 'MINUSMA'];
const COUNTRIES = ['Mali', 'Lebanon', 'South Sudan', 'Haiti', 'Cyprus'];

describe('10,000 tiny files', () => {
  it('builds every one of them, then rebuilds without extracting anything', () => {
    const corpus = tempDir();
    for (let index = 0; index < 10_000; index += 1) {
      const folder = path.join(corpus, `part ${String(index % 100).padStart(2, '0')}`);
      if (index < 100) fs.mkdirSync(folder);
      fs.writeFileSync(path.join(folder, `note-${index}.txt`), `${MISSIONS[index % 5]} met officials from ${COUNTRIES[(index * 7) % 5]}.\n`);
    }
    const out = path.join(tempDir(), 'graph');
    const cold = runCli(['build', corpus, '--out', out, '--workers', '2', '--json', '-q']);
    expect(cold.stderr).toBe('');
    expect(summaryOf(cold)).toMatchObject({ documents: 10_000, extracted: 10_000, skipped: [] });
    const ids = readManifest(out).inputs.map((input) => input.id);
    expect(ids).toHaveLength(10_000);
    expect(ids).toEqual([...ids].sort());
    const warm = runCli(['build', corpus, '--out', out, '--workers', '2', '--json', '-q']);
    expect(summaryOf(warm)).toMatchObject({ documents: 10_000, cacheHits: 10_000, extracted: 0 });
  }, 120_000);
});
