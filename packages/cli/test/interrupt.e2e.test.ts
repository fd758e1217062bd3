// Promise: Ctrl-C or SIGTERM ends any build within 2 s, with one worker or many, one file or several: exit 130,
// the previous outputs intact. The time limit holds with --workers 1 too, and no input can make a read wait forever.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputHashes, readManifest, readOutputs, runCli, startCli, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';
import { nameDenseDocument } from '../../../scripts/name-dense.ts';

/** Name-dense transcript text of about `megabytes` MB: seconds of extraction per MB. */
function bigTranscript(megabytes: number): string {
  const topics = Object.values(TOPICS);
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < megabytes * 1024 * 1024; index += 1) {
    const part = transcript(topics[index % topics.length]!, 4);
    parts.push(part);
    length += part.length;
  }
  return parts.join('\n');
}


function previousBuild(): { corpus: string; out: string; before: Map<string, Buffer> } {
  const corpus = tempDir();
  writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
  const out = path.join(tempDir(), 'graph');
  expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q']).status).toBe(0);
  return { corpus, out, before: readOutputs(out) };
}

describe('Ctrl-C and SIGTERM end a build within 2 s', { timeout: 300_000 }, () => {
  const cases: [string, string, NodeJS.Signals, number, number][] = [
    ['one worker, one big file', '1', 'SIGINT', 1, 6],
    ['one worker, several files', '1', 'SIGINT', 3, 2],
    ['two workers, several files', '2', 'SIGINT', 4, 2],
    ['one worker, SIGTERM', '1', 'SIGTERM', 1, 6],
  ];
  it.each(cases)('%s: exit 130, previous outputs intact, no lock or staging left', async (_name, workers, signal, files, megabytes) => {
    const { corpus, out, before } = previousBuild();
    fs.rmSync(path.join(corpus, 'a.txt'));
    for (let index = 0; index < files; index += 1) writeFiles(corpus, { [`big-${index}.txt`]: bigTranscript(megabytes) });
    // Not --quiet: the progress line says extraction has started.
    const build = startCli(['build', corpus, '--out', out, '-w', workers]);
    await build.waitFor(/missiongraph: reading \d+ files/);
    // Let the extraction get well under way (a thread loaded and busy) before the signal.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(build.child.exitCode).toBeNull();
    const sentAt = performance.now();
    build.child.kill(signal);
    const code = await build.exited;
    const elapsed = performance.now() - sentAt;
    expect(code).toBe(130);
    expect(elapsed).toBeLessThan(2000);
    expect(build.output().stderr).toMatch(new RegExp(`interrupted \\(${signal}\\); the previous outputs are unchanged`));
    expect(readOutputs(out)).toEqual(before);
    expect(fs.readdirSync(out).filter((name) => name.startsWith('.missiongraph'))).toEqual([]);
  });
});

describe('Ctrl-C during graph analysis (metrics, communities, layout of thousands of entities)', { timeout: 900_000 }, () => {
  let corpus = '';
  let out = '';
  let before = new Map<string, string>();
  beforeAll(() => {
    corpus = tempDir();
    // 6,000 name-dense sentences: with the layout's Barnes-Hut repulsion their analysis still takes several seconds.
    writeFiles(corpus, { 'names.txt': nameDenseDocument(6000) });
    out = path.join(tempDir(), 'graph');
    const first = runCli(['build', corpus, '--out', out, '-w', '1', '--json'], { timeout: 600_000 });
    expect(first.status, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout) as { nodes: number; timings: { analyze: number } };
    // The premise: analysing this graph takes well over the 2 s a Ctrl-C may take, so waiting for it would show.
    expect(summary.nodes).toBeGreaterThan(3000);
    expect(summary.timings.analyze).toBeGreaterThan(3);
    before = outputHashes(out);
  }, 600_000);

  it.each([['1'], ['2']])('with --workers %s the build ends within 2 s of the signal, exit 130, previous outputs intact', async (workers) => {
    // --fresh analyses again from scratch; the extractions come from the cache, so the analysis starts at once.
    const build = startCli(['build', corpus, '--out', out, '-w', workers, '--fresh']);
    await build.waitFor(/missiongraph: analysing the graph \(\d+ entities, \d+ links\)/, 300_000);
    expect(build.child.exitCode).toBeNull();
    const sentAt = performance.now();
    build.child.kill('SIGINT');
    const code = await build.exited;
    const elapsed = performance.now() - sentAt;
    expect(code).toBe(130);
    expect(elapsed).toBeLessThan(2000);
    expect(build.output().stderr).toMatch(/interrupted \(SIGINT\); the previous outputs are unchanged/);
    expect(outputHashes(out)).toEqual(before);
    expect(fs.readdirSync(out).filter((name) => name.startsWith('.missiongraph'))).toEqual([]);
  });
});

describe('time limit and reads that could wait forever', { timeout: 300_000 }, () => {
  it('with --workers 1 a document that overruns its time limit is stopped and skipped; the rest builds', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'big.txt': bigTranscript(12), 'small.txt': transcript(TOPICS.lebanon) });
    const out = path.join(tempDir(), 'graph');
    // The test limit applies to documents of 1 MB or more; the small one keeps the normal limit.
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q'], { env: { MISSIONGRAPH_TEST_TIME_LIMIT_MS: '3000' } });
    expect(result.stderr).toMatch(/skipped .*big\.txt: extraction took longer than 3 s and was stopped/);
    expect(result.status).toBe(2);
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['small.txt']);
  });

  it('a FIFO, a device link and a /proc file among the inputs each cost one line, and never block the build', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    expect(spawnSync('mkfifo', [path.join(corpus, 'pipe.txt')]).status, 'mkfifo (coreutils) is needed').toBe(0);
    fs.symlinkSync('/dev/zero', path.join(corpus, 'zero.txt'));
    fs.symlinkSync('/proc/self/status', path.join(corpus, 'status.txt'));
    fs.symlinkSync('/proc/kmsg', path.join(corpus, 'kmsg.txt'));
    const out = path.join(tempDir(), 'graph');
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q']);
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n').sort();
    expect(lines).toHaveLength(4);
    expect(lines.find((line) => line.includes('pipe.txt'))).toMatch(/skipped .*pipe\.txt: not a regular file \(a named pipe \(FIFO\)\)$/);
    expect(lines.find((line) => line.includes('zero.txt'))).toMatch(/skipped .*zero\.txt: not a regular file \(a character device\)$/);
    expect(lines.find((line) => line.includes('status.txt'))).toMatch(/skipped .*status\.txt: a file of the system's \/proc area, not a transcript$/);
    expect(lines.find((line) => line.includes('kmsg.txt'))).toMatch(/skipped .*kmsg\.txt: (a file of the system's \/proc area, not a transcript|broken symbolic link.*)$/);
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a.txt']);
  });

  it('a FIFO or a /proc file named on the command line is one skip line, not a hang', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'a.txt': transcript(TOPICS.congo) });
    const fifo = path.join(corpus, 'named-pipe');
    expect(spawnSync('mkfifo', [fifo]).status, 'mkfifo (coreutils) is needed').toBe(0);
    const out = path.join(tempDir(), 'graph');
    const result = runCli(['build', path.join(corpus, 'a.txt'), fifo, '/proc/self/status', '--out', out, '-w', '1', '-q']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/skipped .*named-pipe: not a regular file \(a named pipe \(FIFO\)\)/);
    expect(result.stderr).toMatch(/skipped \/proc\/self\/status: a file of the system's \/proc area, not a transcript/);
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual([path.relative('/', path.join(corpus, 'a.txt'))]);
  });
});
