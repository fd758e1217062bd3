// The outside readers the tests compare our files with: networkx through python3 (Debian's 2.8.8 at /usr/bin/python3,
// installed by scripts/ensure-tools.sh --test; a newer one may be first on PATH). Missing tools fail the test, by name.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { testDir } from './helpers.ts';

const tempDir = mkdtempSync(path.join(tmpdir(), 'missiongraph-readers-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** Debian's python3 has networkx 2.8.8 (scripts/ensure-tools.sh --test installs it); `python3` on PATH may be newer. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

export interface NetworkxReading {
  networkx: string;
  directed: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown> & { viz?: { color?: { r: number; g: number; b: number; a?: number }; size?: number; position?: { x: number; y: number } } }>;
  edges: { source: string; target: string; key?: string; data: Record<string, unknown> }[];
}

/** networkx's reading of a file; fails the test naming what is missing when python3 or networkx is not there. */
export function networkxRead(python: string, text: string, kind: 'gexf' | 'graphml', version = '1.2draft'): NetworkxReading {
  const file = path.join(tempDir, `read-${Math.random().toString(36).slice(2)}.${kind}`);
  writeFileSync(file, text);
  const run = spawnSync(python, [path.join(testDir, 'support/networkx-read.py'), file, kind, version], { encoding: 'utf8' });
  if (run.error) throw new Error(`${python} is missing (run scripts/ensure-tools.sh --test for python3-networkx): ${run.error.message}`);
  expect(run.status, `networkx (${python}) refused the file:\n${run.stderr}`).toBe(0);
  return JSON.parse(run.stdout) as NetworkxReading;
}

