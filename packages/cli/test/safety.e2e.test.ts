// Promise: a build that dies, is interrupted, meets a read-only or full output folder, or races another build
// never damages the previous outputs, and says what happened in one line.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, readOutputs, runCli, startCli, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const PAUSE = { MISSIONGRAPH_TEST_PAUSE_AFTER_STAGING_MS: '30000' };

function builtCorpus(): { corpus: string; out: string; before: Map<string, Buffer> } {
  const corpus = tempDir();
  writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
  const out = path.join(tempDir(), 'graph');
  expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q']).status).toBe(0);
  writeFiles(corpus, { 'b.txt': transcript(TOPICS.car) });
  return { corpus, out, before: readOutputs(out) };
}

describe('interrupted builds', () => {
  it('SIGKILL between staging and renaming leaves the previous outputs intact; the next build cleans up', async () => {
    const { corpus, out, before } = builtCorpus();
    const build = startCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: PAUSE });
    await build.waitFor(/outputs staged/);
    build.child.kill('SIGKILL');
    await build.exited;
    expect(readOutputs(out)).toEqual(before);
    expect(listFiles(out).filter((file) => !file.startsWith('.'))).toEqual([...before.keys()]);
    const next = runCli(['build', corpus, '--out', out, '-w', '1', '-q']);
    expect(next.status).toBe(0);
    expect(fs.readdirSync(out).filter((name) => name.startsWith('.missiongraph'))).toEqual([]);
    expect(readOutputs(out).get('manifest.json')?.toString()).toContain('"b.txt"');
  });

  it('Ctrl-C (SIGINT) mid-write exits 130, keeps the previous outputs and removes its lock and staged files', async () => {
    const { corpus, out, before } = builtCorpus();
    const build = startCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: PAUSE });
    await build.waitFor(/outputs staged/);
    build.child.kill('SIGINT');
    expect(await build.exited).toBe(130);
    expect(build.output().stderr).toMatch(/interrupted \(SIGINT\); the previous outputs are unchanged/);
    expect(readOutputs(out)).toEqual(before);
    expect(fs.readdirSync(out).filter((name) => name.startsWith('.missiongraph'))).toEqual([]);
  });
});

describe('concurrent builds', () => {
  it('a second build into the same folder is refused with the first one’s pid, and the first completes', async () => {
    const { corpus, out } = builtCorpus();
    const first = startCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: { MISSIONGRAPH_TEST_PAUSE_AFTER_STAGING_MS: '3000' } });
    await first.waitFor(/outputs staged/);
    const second = runCli(['build', corpus, '--out', out, '-w', '1', '-q']);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`is locked by another missiongraph build \\(pid ${first.child.pid}\\); wait for it to finish`));
    expect(await first.exited).toBe(0);
    expect(readOutputs(out).get('manifest.json')?.toString()).toContain('"b.txt"');
  });

  it('a lock left by a process that no longer runs is taken over', async () => {
    const { corpus, out } = builtCorpus();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fs.writeFileSync(path.join(out, '.missiongraph.lock'), JSON.stringify({ pid: dead.pid, host: os.hostname() }));
    expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q']).status).toBe(0);
  });
});

describe('unwritable output folder', () => {
  it('a read-only output folder gives a clear error and leaves the previous outputs intact', () => {
    const root = tempDir();
    fs.chmodSync(root, 0o755);
    const corpus = path.join(root, 'corpus');
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const out = path.join(root, 'graph');
    expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q']).status).toBe(0);
    const before = readOutputs(out);
    fs.chmodSync(out, 0o555);
    try {
      // Root ignores permissions, so the build runs as nobody when the tests run as root.
      const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q'], isRoot ? { uid: NOBODY } : {});
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`missiongraph: cannot write to output folder ${out}: permission denied (EACCES)\n`);
      expect(readOutputs(out)).toEqual(before);
    } finally {
      fs.chmodSync(out, 0o755);
    }
  });

  // With 2 workers the GEXF and GraphML exports are written by the output thread: its failure must read the same.
  for (const workers of [1, 2]) it(`a full disk while writing outputs gives a clear error and leaves the previous outputs intact (tmpfs of 1 MB, ${workers} worker(s))`, (context) => {
    const mountPoint = tempDir('mg-full-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    } catch {
      context.skip('mounting a small tmpfs needs root and CAP_SYS_ADMIN');
    }
    try {
      const corpus = tempDir();
      writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
      const out = path.join(mountPoint, 'graph');
      const cache = path.join(tempDir(), 'cache');
      expect(runCli(['build', corpus, '--out', out, '--cache', cache, '-w', '1', '-q']).status).toBe(0);
      const before = readOutputs(out);
      const used = [...before.values()].reduce((sum, content) => sum + content.length, 0);
      // Fill the disk so the first build fits but a second copy of its outputs cannot be staged.
      fs.writeFileSync(path.join(mountPoint, 'filler'), Buffer.alloc(Math.max(0, 1024 * 1024 - 2 * used - 64 * 1024)));
      for (let i = 0; ; i += 1) {
        try {
          fs.writeFileSync(path.join(mountPoint, `pad-${i}`), Buffer.alloc(4096));
        } catch {
          break;
        }
      }
      fs.rmSync(path.join(mountPoint, 'pad-0'));
      const result = runCli(['build', corpus, '--out', out, '--cache', cache, '-w', String(workers), '-q', '--force']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`missiongraph: cannot write outputs to ${out}: no space left on device (ENOSPC); the previous outputs are unchanged\n`);
      expect(readOutputs(out)).toEqual(before);
      expect(fs.readdirSync(out).filter((name) => name.startsWith('.missiongraph'))).toEqual([]);
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});
