// Code identities: the extractor's for cache keys (EXTRACTOR_VERSION plus a hash of its sources), and that of the code
// that turns extractions into output files, so neither a cache entry nor an up-to-date output outlives a code change.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRACTOR_VERSION, TAGGER_VERSION } from '@missiongraph/extract';
import { lockfileAbove } from '../bin/bundle-cache.js';

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (/\.(ts|js|mjs|json)$/.test(entry.name)) found.push(full);
  }
  return found;
}

/** Adds each file's name (relative to its folder) and bytes to the hash, in a stable order. */
function hashSources(hash: ReturnType<typeof createHash>, folder: string): void {
  for (const file of sourceFiles(folder).sort()) {
    hash.update(path.relative(folder, file).split(path.sep).join('/')).update('\u0000').update(fs.readFileSync(file)).update('\u0000');
  }
}

let memo: string | undefined;
let outputMemo: string | undefined;
/** outputFingerprint when the sources cannot be read: outputs carrying it are never taken as up to date. */
export const UNKNOWN_CODE = 'unknown';

/**
 * 12 hex of the sources of the graph package and of the CLI, and of the lockfile (the layout's and the writers'
 * dependency versions): the code between extractions and output files. Recorded in the manifest, so outputs written
 * by other code are not taken as up to date. UNKNOWN_CODE when the sources can't be read.
 */
export function outputFingerprint(): string {
  if (outputMemo !== undefined) return outputMemo;
  try {
    const hash = createHash('sha256');
    const cliSource = path.dirname(fileURLToPath(import.meta.url));
    hashSources(hash, path.dirname(fileURLToPath(import.meta.resolve('@missiongraph/graph'))));
    hashSources(hash, cliSource);
    for (const lockfile of lockfileAbove(cliSource)) hash.update(fs.readFileSync(lockfile));
    outputMemo = hash.digest('hex').slice(0, 12);
  } catch {
    outputMemo = UNKNOWN_CODE;
  }
  return outputMemo;
}

/**
 * `EXTRACTOR_VERSION+compromise@<installed version>+<12 hex of the extract package's source>`: an upgrade of the
 * tagger changes extraction as a code change does; without the source hash when the source can't be read.
 */
export function extractorFingerprint(): string {
  if (memo !== undefined) return memo;
  try {
    const hash = createHash('sha256');
    hashSources(hash, path.dirname(fileURLToPath(import.meta.resolve('@missiongraph/extract'))));
    memo = `${EXTRACTOR_VERSION}+${TAGGER_VERSION}+${hash.digest('hex').slice(0, 12)}`;
  } catch {
    memo = `${EXTRACTOR_VERSION}+${TAGGER_VERSION}`;
  }
  return memo;
}
