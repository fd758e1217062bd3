// Promise: `build --watch` keeps running through what a shared folder does to it: symbolic link loops that appear,
// the input folder removed and put back, and bursts of writes; each ends in a rebuild that sees every file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, startCli, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';

const builds = (text: string): number => (text.match(/missiongraph: built /g) ?? []).length;

async function watching(corpus: string, out: string) {
  const watcher = startCli(['build', corpus, '--out', out, '-w', '1', '--watch']);
  await watcher.waitFor(/watching for changes/);
  return watcher;
}

/** Waits until the watcher has printed `count` "built" summaries. */
function waitForBuilds(watcher: Awaited<ReturnType<typeof watching>>, count: number): Promise<void> {
  return watcher.waitFor(new RegExp(`(missiongraph: built [\\s\\S]*){${count}}`), 90_000);
}

describe('missiongraph build --watch under a changing file system', { timeout: 300_000 }, () => {
  it('survives symbolic link loops that appear in the input folder, and still rebuilds', async () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const out = path.join(tempDir(), 'graph');
    const watcher = await watching(corpus, out);
    try {
      fs.mkdirSync(path.join(corpus, 'sub'));
      fs.symlinkSync('..', path.join(corpus, 'sub', 'up'));
      fs.symlinkSync('loop-b', path.join(corpus, 'loop-a.txt'));
      fs.symlinkSync('loop-a.txt', path.join(corpus, 'loop-b'));
      writeFiles(corpus, { 'sub/b.txt': transcript(TOPICS.lebanon) });
      await waitForBuilds(watcher, 2);
      expect(watcher.child.exitCode).toBeNull();
      expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a.txt', 'sub/b.txt']);
      const { stderr } = watcher.output();
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stderr).toMatch(/skipped .*sub\/up: symbolic link loop/);
    } finally {
      watcher.child.kill('SIGINT');
      expect(await watcher.exited).toBe(0);
    }
  });

  it('waits for an input folder that disappears, and watches it again when it is put back', async () => {
    const parent = tempDir();
    const corpus = path.join(parent, 'corpus');
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const out = path.join(tempDir(), 'graph');
    const watcher = await watching(corpus, out);
    try {
      const good = fs.readFileSync(path.join(out, 'graph.json'));
      fs.renameSync(corpus, path.join(parent, 'moved-away'));
      await watcher.waitFor(/corpus disappeared; waiting for it to come back/);
      await watcher.waitFor(/rebuild failed: .*the last good graph is kept/);
      expect(watcher.child.exitCode).toBeNull();
      expect(fs.readFileSync(path.join(out, 'graph.json')).equals(good)).toBe(true);
      fs.renameSync(path.join(parent, 'moved-away'), corpus);
      await watcher.waitFor(/corpus is back; watching it again/);
      // The folder put back is really watched: a file added to it afterwards is built.
      const before = builds(watcher.output().stdout);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      writeFiles(corpus, { 'b.txt': transcript(TOPICS.mali) });
      await watcher.waitFor(new RegExp(`(missiongraph: built [\\s\\S]*){${before + 1}}`), 90_000);
      await expect.poll(() => readManifest(out).inputs.map((input) => input.id), { timeout: 30_000 }).toEqual(['a.txt', 'b.txt']);
      expect(watcher.child.exitCode).toBeNull();
    } finally {
      watcher.child.kill('SIGINT');
      expect(await watcher.exited).toBe(0);
    }
  });

  it('turns a burst of 300 writes into a few rebuilds, the last of which has every file', async () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const out = path.join(tempDir(), 'graph');
    const watcher = await watching(corpus, out);
    try {
      const missions = [TOPICS.car, TOPICS.sudan, TOPICS.lebanon, TOPICS.mali];
      for (let index = 0; index < 300; index += 1) {
        const name = `burst/${String(index % 30).padStart(2, '0')}.txt`;
        // Files are written several times over, some truncated first: half-written states a rebuild may catch.
        writeFiles(corpus, { [name]: index % 7 === 0 ? '' : transcript(missions[index % 4]!, 1) });
        if (index % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (let index = 0; index < 30; index += 1) writeFiles(corpus, { [`burst/${String(index).padStart(2, '0')}.txt`]: transcript(missions[index % 4]!, 1) });
      await expect
        .poll(() => (fs.existsSync(path.join(out, 'manifest.json')) ? readManifest(out).inputs.length : 0), { timeout: 120_000, interval: 500 })
        .toBe(31);
      expect(watcher.child.exitCode).toBeNull();
      // Debounced: far fewer builds than writes.
      expect(builds(watcher.output().stdout)).toBeLessThan(12);
    } finally {
      watcher.child.kill('SIGINT');
      expect(await watcher.exited).toBe(0);
    }
  });
});
