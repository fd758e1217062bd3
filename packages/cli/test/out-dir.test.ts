// Promise: outputs are replaced whole or not at all, and one output folder is built by one process at a time;
// a lock left by a dead process does not block the next build.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph, coMentionNetwork, networkMetrics, networkPositions, writeGexf, writeGraphml } from '@missiongraph/graph';
import { defaultLexicon, extractDocument } from '@missiongraph/extract';
import { acquireLock, BuildError, LOCK_NAME, removeStaleStaging, writeOutputsAtomically } from '../src/out-dir.ts';
import { BuildThread, THREAD_OUTPUT_NAMES } from '../src/build-thread.ts';
import { listFiles, tempDir, TOPICS, transcript } from './helpers.ts';

describe('writeOutputsAtomically', () => {
  it('replaces every file, gives the last one the hashes of the others, and leaves no staging folder', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'graph.json'), 'old');
    const written = await writeOutputsAtomically(out, [{ name: 'graph.json', content: () => 'new graph' }], (others) => ({
      name: 'manifest.json',
      content: () => JSON.stringify(others),
    }));
    expect(listFiles(out)).toEqual(['graph.json', 'manifest.json']);
    expect(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')).toBe('new graph');
    const graphEntry = { name: 'graph.json', sha256: createHash('sha256').update('new graph').digest('hex'), bytes: 9 };
    expect(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'))).toEqual([graphEntry]);
    expect(written[0]).toEqual(graphEntry);
  });

  it('leaves the previous files untouched when producing an output fails midway', async () => {
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'graph.json'), 'old');
    const failing = writeOutputsAtomically(
      out,
      [
        { name: 'graph.json', content: () => 'new' },
        { name: 'graph.gexf', content: () => { throw Object.assign(new Error('disk gone'), { code: 'EIO' }); } },
      ],
      () => ({ name: 'manifest.json', content: () => '{}' }),
    );
    await expect(failing).rejects.toThrow(BuildError);
    expect(listFiles(out)).toEqual(['graph.json']);
    expect(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')).toBe('old');
  });

  it('writes GEXF and GraphML in the output thread with the same bytes, and the others here; the manifest in file order', async () => {
    const graph = buildGraph([extractDocument({ id: 'a.txt', text: transcript(TOPICS.congo) }, { lexicon: defaultLexicon() })], { lexicon: defaultLexicon() });
    const thread = await BuildThread.start(tempDir());
    expect(thread).toBeDefined();
    const out = tempDir();
    const files = [
      { name: 'graph.json', content: () => 'json' },
      { name: 'graph.gexf', content: () => writeGexf(graph) },
      { name: 'graph.graphml', content: () => writeGraphml(graph) },
      { name: 'nodes.csv', content: () => 'csv' },
    ];
    const offload = { names: THREAD_OUTPUT_NAMES, write: (staging: string, names: string[]) => thread!.write(graph, staging, names) };
    const written = await writeOutputsAtomically(out, files, (others) => ({ name: 'manifest.json', content: () => JSON.stringify(others) }), {}, offload).finally(
      () => thread!.close(),
    );
    expect(written.map((file) => file.name)).toEqual(['graph.json', 'graph.gexf', 'graph.graphml', 'nodes.csv', 'manifest.json']);
    expect(fs.readFileSync(path.join(out, 'graph.gexf'), 'utf8')).toBe(writeGexf(graph));
    expect(fs.readFileSync(path.join(out, 'graph.graphml'), 'utf8')).toBe(writeGraphml(graph));
  });

  it('computes the metrics and the positions in the build thread to the same values as here', async () => {
    const graph = buildGraph([extractDocument({ id: 'a.txt', text: transcript(TOPICS.sudan) }, { lexicon: defaultLexicon() })], { lexicon: defaultLexicon() });
    const network = coMentionNetwork(graph);
    const thread = (await BuildThread.start(tempDir()))!;
    try {
      const there = await thread.positions(network, 7, undefined, undefined);
      const here = networkPositions(network, 7, undefined, undefined);
      expect(there.iterations).toBe(here.iterations);
      expect([...there.x, ...there.y]).toEqual([...here.x, ...here.y]);
      const metricsThere = await thread.metrics(network, 7, undefined);
      const metricsHere = networkMetrics(network, 7, undefined);
      expect([...metricsThere.ranks, ...metricsThere.between.values]).toEqual([...metricsHere.ranks, ...metricsHere.between.values]);
      expect([...metricsThere.grouping.membership]).toEqual([...metricsHere.grouping.membership]);
    } finally {
      await thread.close();
    }
    // A closed thread refuses work with an error rather than hanging.
    await expect(thread.positions(network, 7, undefined, undefined)).rejects.toThrow(/closed/);
  });

  it('a failure in the output thread (its file cannot be created) is the same one-line error, and leaves the previous files', async () => {
    const graph = buildGraph([extractDocument({ id: 'a.txt', text: transcript(TOPICS.car) }, { lexicon: defaultLexicon() })], { lexicon: defaultLexicon() });
    const thread = (await BuildThread.start(tempDir()))!;
    const out = tempDir();
    fs.writeFileSync(path.join(out, 'graph.gexf'), 'old');
    // The thread is sent to a folder that does not exist: its writeDurably fails with ENOENT.
    const failing = writeOutputsAtomically(
      out,
      [{ name: 'graph.json', content: () => 'json' }, { name: 'graph.gexf', content: () => 'unused' }],
      () => ({ name: 'manifest.json', content: () => '{}' }),
      {},
      { names: THREAD_OUTPUT_NAMES, write: (_staging, names) => thread.write(graph, path.join(out, 'no-such-folder'), names) },
    );
    await expect(failing).rejects.toThrow(/^cannot write outputs to .*: .*ENOENT.*; the previous outputs are unchanged$/);
    await thread.close();
    expect(listFiles(out)).toEqual(['graph.gexf']);
    expect(fs.readFileSync(path.join(out, 'graph.gexf'), 'utf8')).toBe('old');
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

describe('large outputs', () => {
  it('writes a file bigger than one write slice byte-exactly, with emoji on the slice boundaries', async () => {
    const out = tempDir();
    const unit = 'MONUSCO 🇨🇩 — ';
    // The 10-character prefix puts a high surrogate right at the end of the first 4 Mi-character slice.
    const content = 'x'.repeat(10) + unit.repeat(Math.ceil((9 * 1024 * 1024) / unit.length));
    expect(content.charCodeAt(4 * 1024 * 1024 - 1)).toBeGreaterThanOrEqual(0xd800);
    expect(content.charCodeAt(4 * 1024 * 1024 - 1)).toBeLessThanOrEqual(0xdbff);
    const [written] = await writeOutputsAtomically(out, [], () => ({ name: 'evidence.jsonl', content: () => content }));
    const onDisk = fs.readFileSync(path.join(out, 'evidence.jsonl'));
    expect(onDisk.equals(Buffer.from(content, 'utf8'))).toBe(true);
    expect(written).toEqual({ name: 'evidence.jsonl', sha256: createHash('sha256').update(content).digest('hex'), bytes: onDisk.length });
  });

  it('writes a stream of chunks byte-exactly, even when a chunk ends inside a surrogate pair', async () => {
    const out = tempDir();
    // A first chunk of exactly one write batch (1 Mi characters) that ends with the high half of an emoji.
    const chunks: string[] = [`${'x'.repeat(1024 * 1024 - 1)}\ud83d`, '\ude80 rocket\n'];
    // Many small chunks (gathered into batched writes), some cut between the two halves of an emoji.
    for (let index = 0; index < 200_000; index += 1) chunks.push(index % 3 === 0 ? `line ${index} 👩🏽‍🚀`.slice(0, -1) : index % 3 === 1 ? '\udc80 MONUSCO\n' : `plain ${index}\n`);
    const content = chunks.join('');
    const [written] = await writeOutputsAtomically(out, [], () => ({ name: 'graph.gexf', content: () => chunks.values() }));
    const onDisk = fs.readFileSync(path.join(out, 'graph.gexf'));
    expect(onDisk.equals(Buffer.from(content, 'utf8'))).toBe(true);
    expect(onDisk.includes(Buffer.from('\ufffd', 'utf8'))).toBe(false);
    expect(written).toEqual({ name: 'graph.gexf', sha256: createHash('sha256').update(content).digest('hex'), bytes: onDisk.length });
  });
});
