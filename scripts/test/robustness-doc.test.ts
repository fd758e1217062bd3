// docs/robustness.md's figures for the 100 MB document (defect 29) are the last recorded run of the bench: the page's
// "Measured" table must be exactly what scripts/bench-robust.ts renders from docs/robustness-100mb.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LARGE_DOCUMENT_RECORD, type LargeDocumentRecord, largeDocumentTable } from '../bench-robust.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('docs/robustness.md quotes the 100 MB document as last measured', () => {
  const record = JSON.parse(readFileSync(LARGE_DOCUMENT_RECORD, 'utf8')) as LargeDocumentRecord;
  const page = readFileSync(path.join(repoRoot, 'docs', 'robustness.md'), 'utf8');

  it('holds the table the bench renders from its record, and the date of that run', () => {
    expect(page, 'rerun `pnpm bench robust --document-only --document-mb 100` and paste the table it prints').toContain(largeDocumentTable(record));
    const [year, month, day] = record.measuredOn.split('-').map(Number);
    const date = new Date(Date.UTC(year!, month! - 1, day!)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(page).toContain(`measured on ${date}`);
  });
});
