// Promise: the output folder's lock, its renames and its creation are honest under faults: a stale lock is taken over
// by one build only, a lock that cannot be ours is cleared or explained, a kill between renames never leaves a mix.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, readOutputs, runCli, startCli, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';
import { sha256 } from '../src/cache.ts';

function builtCorpus(): { corpus: string; out: string } {
  const corpus = tempDir();
  writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
  const out = path.join(tempDir(), 'graph');
  expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q']).status).toBe(0);
  writeFiles(corpus, { 'b.txt': transcript(TOPICS.car) });
  return { corpus, out };
}

const lockPath = (out: string): string => path.join(out, '.missiongraph.lock');

/** Every output the manifest lists has the bytes it records: the folder holds one build's outputs. */
function consistent(out: string): boolean {
  const outputs = readOutputs(out);
  return readManifest(out).outputs.every((output) => {
    const bytes = outputs.get(output.name);
    return bytes !== undefined && sha256(bytes) === output.sha256;
  });
}

describe('the lock', { timeout: 300_000 }, () => {
  it('a stale lock is taken over by one build only: a delayed second taker is refused, never shares the lock', async () => {
    const { corpus, out } = builtCorpus();
    fs.writeFileSync(lockPath(out), JSON.stringify({ pid: 999_999_999, host: os.hostname() }));
    const go = path.join(tempDir(), 'go');
    // The delayed taker judges the lock stale, then waits until the other build has taken it over.
    const delayed = startCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: { MISSIONGRAPH_TEST_LOCK_TAKEOVER_WAIT_FOR: go } });
    await delayed.waitFor(/stale lock seen, waiting/);
    const holder = startCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: { MISSIONGRAPH_TEST_PAUSE_AFTER_STAGING_MS: '6000' } });
    await holder.waitFor(/outputs staged/);
    fs.writeFileSync(go, '');
    expect(await delayed.exited).toBe(1);
    expect(delayed.output().stderr).toMatch(new RegExp(`is locked by another missiongraph build \\(pid ${holder.child.pid}\\)`));
    expect(await holder.exited).toBe(0);
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a.txt', 'b.txt']);
    expect(fs.existsSync(lockPath(out))).toBe(false);
  });

  it.each([0, 1, -1])('a lock naming pid %i is not a build of ours and is taken over', (pid) => {
    const { corpus, out } = builtCorpus();
    fs.writeFileSync(lockPath(out), JSON.stringify({ pid, host: os.hostname() }));
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('a lock from another host is refused with how to clear it', () => {
    const { corpus, out } = builtCorpus();
    fs.writeFileSync(lockPath(out), JSON.stringify({ pid: 4242, host: 'build-server-7' }));
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `missiongraph: ${out} is locked by a missiongraph build on another host (pid 4242 on build-server-7), which cannot be checked from here; ` +
        `once no build runs there, delete ${lockPath(out)}\n`,
    );
  });

  it('a folder where the lock goes is one line naming it, not an unexpected error', () => {
    const { corpus, out } = builtCorpus();
    fs.mkdirSync(lockPath(out));
    const before = readOutputs(out);
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `missiongraph: the lock path ${lockPath(out)} is a folder, not a missiongraph lock; remove it (rm -r ${lockPath(out)}) and build again\n`,
    );
    expect(readOutputs(out)).toEqual(before);
  });
});

describe('the renames', { timeout: 300_000 }, () => {
  it('kill -9 between the renames: the next command finishes them, so no mix of two builds is ever read', async () => {
    const { corpus, out } = builtCorpus();
    const build = startCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: { MISSIONGRAPH_TEST_PAUSE_BETWEEN_RENAMES_MS: '30000' } });
    await build.waitFor(/first output renamed/);
    build.child.kill('SIGKILL');
    await build.exited;
    // The kill left graph.json new and the manifest old; inspect finishes the renames before it reads.
    expect(consistent(out)).toBe(false);
    const inspect = runCli(['inspect', 'MINUSCA', '--out', out, '--json']);
    expect(inspect.status).toBe(0);
    expect(consistent(out)).toBe(true);
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a.txt', 'b.txt']);
    expect(fs.readdirSync(out).filter((name) => name.startsWith('.missiongraph'))).toEqual([]);
    // The finished build is the current one: the next build has nothing to rewrite.
    const next = runCli(['build', corpus, '--out', out, '-w', '1', '--json', '-q']);
    expect(JSON.parse(next.stdout)).toMatchObject({ upToDate: true });
  });

  it('kill -9 between the renames: the next build finishes them before anything else', async () => {
    const { corpus, out } = builtCorpus();
    const build = startCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: { MISSIONGRAPH_TEST_PAUSE_BETWEEN_RENAMES_MS: '30000' } });
    await build.waitFor(/first output renamed/);
    build.child.kill('SIGKILL');
    await build.exited;
    const next = runCli(['build', corpus, '--out', out, '-w', '1', '--json', '-q']);
    expect(next.status).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ upToDate: true });
    expect(consistent(out)).toBe(true);
  });

  it('Ctrl-C between the renames finishes them, exits 130 and leaves one build’s outputs', async () => {
    const { corpus, out } = builtCorpus();
    const build = startCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: { MISSIONGRAPH_TEST_PAUSE_BETWEEN_RENAMES_MS: '30000' } });
    await build.waitFor(/first output renamed/);
    build.child.kill('SIGINT');
    expect(await build.exited).toBe(130);
    expect(consistent(out)).toBe(true);
    expect(fs.readdirSync(out).filter((name) => name.startsWith('.missiongraph'))).toEqual([]);
  });
});

describe('the output folder', { timeout: 300_000 }, () => {
  it('a new output folder on a read-only mount is reported as read-only, not as missing', (context) => {
    const mountPoint = tempDir('mg-ro-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      context.skip('mounting a read-only tmpfs needs root and CAP_SYS_ADMIN');
    }
    try {
      const corpus = tempDir();
      writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
      const out = path.join(mountPoint, 'new', 'graph');
      const result = runCli(['build', corpus, '--out', out, '--cache', path.join(tempDir(), 'cache'), '-w', '1', '-q']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`missiongraph: cannot create output folder ${out}: read-only file system (EROFS)\n`);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });

  it('--out "" is refused and writes nothing into the current folder', () => {
    const cwd = tempDir();
    writeFiles(cwd, { 'a.txt': transcript(TOPICS.congo) });
    const result = runCli(['build', 'a.txt', '--out', '', '-w', '1', '-q'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("missiongraph: build: --out is empty; name the output folder (e.g. --out graph, or --out . for this folder)\n");
    expect(fs.readdirSync(cwd)).toEqual(['a.txt']);
  });

  it('--workers beyond what the machine can hold is refused with the limit, before any thread starts', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const out = path.join(tempDir(), 'graph');
    const limit = Math.max(1, Math.min(4 * os.availableParallelism(), Math.floor(os.totalmem() / (256 * 1024 * 1024))));
    const result = runCli(['build', corpus, '--out', out, '--workers', '2000', '-q']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `missiongraph: --workers: at most ${limit} here, got 2000 (4 per core, and no more than the memory holds at 256 MB a thread)\n`,
    );
    expect(fs.existsSync(out)).toBe(false);
    // The limit itself is accepted: the command gets past the option to the (missing) input.
    const atLimit = runCli(['build', path.join(corpus, 'missing.txt'), '--out', out, '--workers', String(limit), '-q']);
    expect(atLimit.stderr).toBe(`missiongraph: input ${path.join(corpus, 'missing.txt')}: no such file or directory\n`);
  });
});
