// Once per test run: builds graph.json from the seed transcripts, builds the explorer with it, serves
// the build on a free port, and hands the URL to the tests; stops the server and cleans up afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeSeedGraph } from './seed-graph.ts';
import { buildExplorer, serveBuild } from './serve.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDirectory = mkdtempSync(path.join(tmpdir(), 'explorer-e2e-'));
  const graphDir = path.join(workDirectory, 'graph');
  writeSeedGraph(graphDir);
  const outDir = path.join(workDirectory, 'dist');
  await buildExplorer(outDir, graphDir);
  const served = await serveBuild(outDir);
  project.provide('baseUrl', served.url);
  project.provide('graphDir', graphDir);
  project.provide('distDir', outDir);
  return async () => {
    await served.close();
    rmSync(workDirectory, { recursive: true, force: true });
  };
}
