// Shared helpers for the CLI tests: temporary folders, writing fixture files, and running the real command.
// The command runs as a child process through the package's bin (which registers tsx), exactly as a user runs it.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { fromGraphJson } from '@missiongraph/graph';

export const CLI_BIN = fileURLToPath(new URL('../bin/missiongraph.js', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const created: string[] = [];
afterAll(() => {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'mg-cli-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Writes files (relative path → content) under root, creating folders. */
export function writeFiles(root: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const childEnv = { ...process.env, CI: 'true', NO_COLOR: '1' };

/** Runs `missiongraph …args` to completion. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; uid?: number; gid?: number; timeout?: number } = {}): CliResult {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...childEnv, ...options.env },
    encoding: 'utf8',
    timeout: options.timeout ?? 120_000,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `missiongraph …args` in the background (for watch, lock and kill tests). */
export function startCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...childEnv, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    /** Resolves when stderr+stdout match the pattern (checked as output arrives). */
    waitFor: (pattern: RegExp, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = (): void => {
          if (pattern.test(stdout + stderr)) resolve();
          else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            reject(new Error(`waited for ${pattern} in vain; output:\n${stdout}\n${stderr}`));
          } else setTimeout(check, 50);
        };
        check();
      }),
  };
}

/** Every file under dir (relative paths, sorted), hidden ones included. */
export function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return found.sort();
}

/** Reads every output file of a build folder (not the cache) into a map, for byte comparisons. */
export function readOutputs(outDir: string): Map<string, Buffer> {
  const outputs = new Map<string, Buffer>();
  for (const name of fs.readdirSync(outDir).sort()) {
    const file = path.join(outDir, name);
    if (fs.statSync(file).isFile() && !name.startsWith('.')) outputs.set(name, fs.readFileSync(file));
  }
  return outputs;
}

/** The sha256 of every output file of a build folder (not the cache): byte comparisons of big outputs, cheaply. */
export function outputHashes(outDir: string): Map<string, string> {
  return new Map([...readOutputs(outDir)].map(([name, bytes]) => [name, createHash('sha256').update(bytes).digest('hex')]));
}

/** A small speaker/timestamp transcript naming the given missions and places, so tests know which entities to expect. */
export function transcript(topic: { speaker: string; mission: string; country: string }, turns = 3): string {
  const lines: string[] = [];
  for (let turn = 0; turn < turns; turn += 1) {
    lines.push(`${topic.speaker} 0${turn}:1${turn}`);
    lines.push(
      `${topic.mission} is working with the authorities of ${topic.country} to protect civilians. ` +
        `The Security Council renewed the mandate of ${topic.mission} for another year, and the African Union welcomed it.`,
    );
    lines.push('');
  }
  return lines.join('\n');
}

export const TOPICS = {
  congo: { speaker: 'Jean-Pierre Lacroix', mission: 'MONUSCO', country: 'the Democratic Republic of the Congo' },
  car: { speaker: 'Jane Holl Lute', mission: 'MINUSCA', country: 'the Central African Republic' },
  sudan: { speaker: 'Jean-Pierre Lacroix', mission: 'UNMISS', country: 'South Sudan' },
  lebanon: { speaker: 'António Guterres', mission: 'UNIFIL', country: 'Lebanon' },
  mali: { speaker: 'Jane Holl Lute', mission: 'MINUSMA', country: 'Mali' },
} as const;

export interface Manifest {
  inputs: { id: string; sha256: string; bytes: number; encoding: string; sentences: number }[];
  skipped: { id: string; reason: string }[];
  counts: { documents: number; sentences: number; nodes: number; edges: number; evidence: number };
  outputs: { name: string; sha256: string }[];
}

export function readManifest(outDir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as Manifest;
}

export interface GraphJson {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

/** graph.json read the documented way (fromGraphJson): every edge with its evidence sentences in full. */
export function readGraph(outDir: string): GraphJson {
  return fromGraphJson(fs.readFileSync(path.join(outDir, 'graph.json'), 'utf8')).export() as GraphJson;
}

/** Parses the --json summary printed on stdout. */
export function summaryOf(result: CliResult): { documents: number; cacheHits: number; extracted: number; skipped: { id: string; reason: string }[] } {
  return JSON.parse(result.stdout) as ReturnType<typeof summaryOf>;
}
