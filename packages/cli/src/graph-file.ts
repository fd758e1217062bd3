// Loads the graph a build wrote (graph.json in an output folder), for `diff` and `inspect`.
// A missing or damaged file is a BuildError with a message that says what to do.
import fs from 'node:fs';
import path from 'node:path';
import { fromGraphJson } from '@missiongraph/graph';
import { acquireLock, BuildError, COMMIT_JOURNAL_NAME, finishInterruptedCommit } from './out-dir.ts';

export type LoadedGraph = ReturnType<typeof fromGraphJson>;

export function loadGraph(outDir: string): LoadedGraph {
  const file = path.join(outDir, 'graph.json');
  // A build killed between its renames left a journal: finish its renames (under the lock) before reading.
  if (fs.existsSync(path.join(outDir, COMMIT_JOURNAL_NAME))) {
    const release = acquireLock(outDir);
    try {
      finishInterruptedCommit(outDir);
    } finally {
      release();
    }
  }
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BuildError(`${file} not found; build it first with: missiongraph build <inputs> --out ${outDir}`);
    throw new BuildError(`cannot read ${file}: ${code ?? String(error)}`);
  }
  try {
    return fromGraphJson(text);
  } catch (error) {
    throw new BuildError(`${file} is not a missiongraph graph: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A node's attribute as a string (for labels and types), with a fallback when it is missing. */
export function textAttribute(attributes: Record<string, unknown>, name: string, fallback = ''): string {
  const value = attributes[name];
  return typeof value === 'string' ? value : fallback;
}

export function numberAttribute(attributes: Record<string, unknown>, name: string): number | undefined {
  const value = attributes[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
