// Promise: outputs are replaced whole or not at all, and one output folder is built by one process at a time;
// a lock left by a dead process does not block the next build.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, BuildError, LOCK_NAME, removeStaleStaging, writeOutputsAtomically } from '../src/out-dir.ts';
import { listFiles, tempDir } from './helpers.ts';

describe('writeOutputsAtomically', () => {
  it('replaces every file and leaves no staging folder', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'graph.json'), 'old');
    await writeOutputsAtomically(out, [
      { name: 'graph.json', content: 'new graph' },
      { name: 'manifest.json', content: '{}' },
    ]);
    expect(listFiles(out)).toEqual(['graph.json', 'manifest.json']);
    expect(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')).toBe('new graph');
  });

  it('removes staging folders that a killed build left behind', () => {
    const out = tempDir();
    fs.mkdirSync(path.join(out, '.missiongraph-staging-12345'));
    fs.writeFileSync(path.join(out, '.missiongraph-staging-12345', 'graph.json'), 'half');
    removeStaleStaging(out);
    expect(listFiles(out)).toEqual([]);
  });
});

describe('acquireLock', () => {
  it('lets one holder in, refuses a second with the holder pid, and opens again after release', () => {
    const out = tempDir();
    const release = acquireLock(out);
    expect(JSON.parse(fs.readFileSync(path.join(out, LOCK_NAME), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => acquireLock(out)).toThrow(BuildError);
    expect(() => acquireLock(out)).toThrow(new RegExp(`locked by another missiongraph build \\(pid ${process.pid}\\)`));
    release();
    expect(fs.existsSync(path.join(out, LOCK_NAME))).toBe(false);
    acquireLock(out)();
  });

  it('takes over a lock whose process is gone, and an empty lock file', async () => {
    const out = tempDir();
    const child = spawn(process.execPath, ['-e', '']);
    const deadPid = child.pid;
    await new Promise((resolve) => child.on('exit', resolve));
    fs.writeFileSync(path.join(out, LOCK_NAME), JSON.stringify({ pid: deadPid, host: (await import('node:os')).hostname() }));
    acquireLock(out)();
    fs.writeFileSync(path.join(out, LOCK_NAME), '');
    acquireLock(out)();
    expect(fs.existsSync(path.join(out, LOCK_NAME))).toBe(false);
  });
});
