// The extractor's identity for cache keys: its declared EXTRACTOR_VERSION plus a hash of its source files, so a cache
// never serves results of older extraction code even when nobody remembered to bump the version.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRACTOR_VERSION } from '@missiongraph/extract';

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (/\.(ts|js|mjs|json)$/.test(entry.name)) found.push(full);
  }
  return found;
}

let memo: string | undefined;

/** `EXTRACTOR_VERSION+<12 hex of the extract package's source>`; just the version when the source can't be read. */
export function extractorFingerprint(): string {
  if (memo !== undefined) return memo;
  try {
    const sourceDir = path.dirname(fileURLToPath(import.meta.resolve('@missiongraph/extract')));
    const hash = createHash('sha256');
    for (const file of sourceFiles(sourceDir).sort()) {
      hash.update(path.relative(sourceDir, file).split(path.sep).join('/')).update('\u0000').update(fs.readFileSync(file)).update('\u0000');
    }
    memo = `${EXTRACTOR_VERSION}+${hash.digest('hex').slice(0, 12)}`;
  } catch {
    memo = EXTRACTOR_VERSION;
  }
  return memo;
}
