// Promise (issue 16, defect 7, for the packed store): the cache is never trusted. A record with a valid checksum but a
// bad shape, a cut or garbled pack or index, or a pack replaced by a link: one warning line, the rest still come from
// the cache, nothing is lost, and the outputs are byte for byte those of a cold build.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputHashes, runCli, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';

const PACK = 'extractions.pack';
const INDEX = 'extractions.index.json';
const STATE = 'graph-state.json';

interface PackIndex {
  format: string;
  packBytes: number;
  entries: Record<string, [number, number, string]>;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The corpus: three documents, so "the others still come from the cache" can be seen. */
function corpus(): string {
  const folder = tempDir();
  writeFiles(folder, { 'a.txt': transcript(TOPICS.congo), 'b.txt': transcript(TOPICS.sudan), 'c.txt': transcript(TOPICS.mali) });
  return folder;
}

/** Builds `input` into a new folder and returns it with its cache folder. */
function build(input: string, extra: string[] = []): { out: string; cache: string; status: number | null; stderr: string; summary: { cacheHits: number; extracted: number } } {
  const out = path.join(tempDir(), 'graph');
  const result = runCli(['build', input, '--out', out, '-w', '1', '--json', ...extra]);
  return { out, cache: path.join(out, '.cache'), status: result.status, stderr: result.stderr, summary: JSON.parse(result.stdout || '{}') as { cacheHits: number; extracted: number } };
}

/**
 * Builds again into the same folder from its cache, without the graph state, so every document is read from the cache
 * (--fresh: the outputs in the folder are not taken as current; the result is the cold one).
 */
function rebuild(input: string, out: string): { status: number | null; stderr: string; summary: { cacheHits: number; extracted: number } } {
  fs.rmSync(path.join(out, '.cache', STATE), { force: true });
  const result = runCli(['build', input, '--out', out, '-w', '1', '--json', '--fresh']);
  return { status: result.status, stderr: result.stderr, summary: JSON.parse(result.stdout || '{}') as { cacheHits: number; extracted: number } };
}

/** Appends to the pack a new record for b.txt's key, with the payload changed by `edit` and a checksum that matches. */
function replaceRecordOfB(cache: string, edit: (extraction: Record<string, unknown>) => void): void {
  const index = JSON.parse(fs.readFileSync(path.join(cache, INDEX), 'utf8')) as PackIndex;
  const [key, [offset, length]] = Object.entries(index.entries).find(([, entry]) => entry[2] === 'b.txt')!;
  const record = fs.readFileSync(path.join(cache, PACK)).subarray(offset, offset + length);
  const newline = record.indexOf(0x0a);
  const header = JSON.parse(record.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
  const extraction = JSON.parse(record.subarray(newline + 1, record.length - 1).toString('utf8')) as Record<string, unknown>;
  edit(extraction);
  const payload = Buffer.from(JSON.stringify(extraction), 'utf8');
  header['payloadSha'] = sha256(payload);
  const replaced = Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), payload, Buffer.from('\n')]);
  const at = fs.statSync(path.join(cache, PACK)).size;
  fs.appendFileSync(path.join(cache, PACK), replaced);
  index.entries[key] = [at, replaced.length, 'b.txt'];
  index.packBytes = at + replaced.length;
  fs.writeFileSync(path.join(cache, INDEX), JSON.stringify(index));
}

/** Every output but the cache, by its sha256. */
const outputsOf = (out: string): Map<string, string> => outputHashes(out);

describe('a damaged packed extraction store (defect 7)', { timeout: 600_000 }, () => {
  let input = '';
  let cold = new Map<string, string>();
  let coldOut = '';
  beforeAll(() => {
    input = corpus();
    const first = build(input);
    expect(first.status, first.stderr).toBe(0);
    cold = outputsOf(first.out);
    coldOut = first.out;
  }, 300_000);
  /** A copy of the cold build's folder (outputs and cache) to damage. */
  const copyOfCold = (): { out: string; cache: string } => {
    const out = path.join(tempDir(), 'graph');
    fs.cpSync(coldOut, out, { recursive: true });
    return { out, cache: path.join(out, '.cache') };
  };

  const shapes: [string, (extraction: Record<string, unknown>) => void, RegExp][] = [
    ['a mention that is null', (extraction) => void ((extraction['mentions'] as unknown[])[0] = null), /mention/],
    ['an entity whose id is __proto__', (extraction) => void ((extraction['entities'] as Record<string, unknown>[])[0]!['id'] = '__proto__'), /__proto__/],
    ['sentences that are not a list', (extraction) => void (extraction['sentences'] = { length: 1 }), /sentence/],
  ];
  it.each(shapes)('a record with a valid checksum but %s is rebuilt with one warning; the others come from the cache', (_name, edit, reason) => {
    const first = copyOfCold();
    replaceRecordOfB(first.cache, edit);
    const again = rebuild(input, first.out);
    expect(again.status, again.stderr).toBe(0);
    const lines = again.stderr.trim().split('\n').filter((line) => line.startsWith('missiongraph: warning'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^missiongraph: warning: .*b\.txt: cache entry ignored and rebuilt \(.+\)$/);
    expect(lines[0]).toMatch(reason);
    expect(again.summary).toMatchObject({ cacheHits: 2, extracted: 1 });
    expect(outputsOf(first.out)).toEqual(cold);
  });

  it('a pack cut short in the middle of a record: one warning naming the cut; the records before it still count', () => {
    const first = copyOfCold();
    const pack = path.join(first.cache, PACK);
    const index = JSON.parse(fs.readFileSync(path.join(first.cache, INDEX), 'utf8')) as PackIndex;
    const last = Math.max(...Object.values(index.entries).map(([offset]) => offset));
    fs.truncateSync(pack, last + 40);
    const again = rebuild(input, first.out);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr.trim().split('\n').filter((line) => line.includes('warning'))).toEqual([
      expect.stringMatching(new RegExp(`^missiongraph: warning: extraction cache .*: index beyond the end of the store; rebuilt from the store; damaged record at byte ${last}, store cut there$`)),
    ]);
    expect(again.summary).toMatchObject({ cacheHits: 2, extracted: 1 });
    expect(outputsOf(first.out)).toEqual(cold);
    // The store is whole again: the next build takes everything from it, without a warning.
    const third = rebuild(input, first.out);
    expect(third.stderr).not.toMatch(/warning/);
    expect(third.summary).toMatchObject({ cacheHits: 3, extracted: 0 });
  });

  it('an index that is garbage, or gone: rebuilt from the pack with one warning, nothing extracted again', () => {
    const first = copyOfCold();
    fs.writeFileSync(path.join(first.cache, INDEX), '{"format":"missiongraph-pack-index/1", "entr');
    const again = rebuild(input, first.out);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^missiongraph: warning: extraction cache .*: index unreadable; rebuilt from the store$/m);
    expect(again.summary).toMatchObject({ cacheHits: 3, extracted: 0 });
    expect(outputsOf(first.out)).toEqual(cold);
    fs.rmSync(path.join(first.cache, INDEX));
    const gone = rebuild(input, first.out);
    expect(gone.status, gone.stderr).toBe(0);
    expect(gone.summary).toMatchObject({ cacheHits: 3, extracted: 0 });
    expect(outputsOf(first.out)).toEqual(cold);
  });

  it('an index that points past a record or at another document is not trusted: the entry is rebuilt', () => {
    const first = copyOfCold();
    const index = JSON.parse(fs.readFileSync(path.join(first.cache, INDEX), 'utf8')) as PackIndex;
    const entries = Object.values(index.entries);
    const a = entries.find((entry) => entry[2] === 'a.txt')!;
    const b = entries.find((entry) => entry[2] === 'b.txt')!;
    // b.txt's key now points at a.txt's record.
    b[0] = a[0];
    b[1] = a[1];
    fs.writeFileSync(path.join(first.cache, INDEX), JSON.stringify(index));
    const again = rebuild(input, first.out);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^missiongraph: warning: .*b\.txt: cache entry ignored and rebuilt \(entry for another document\)$/m);
    expect(again.summary).toMatchObject({ cacheHits: 2, extracted: 1 });
    expect(outputsOf(first.out)).toEqual(cold);
  });

  it('a pack replaced by a link to /dev/zero is never read: one warning, the link goes, every document is extracted again', () => {
    const first = copyOfCold();
    const pack = path.join(first.cache, PACK);
    fs.rmSync(pack);
    fs.symlinkSync('/dev/zero', pack);
    const started = performance.now();
    const again = rebuild(input, first.out);
    expect(performance.now() - started).toBeLessThan(120_000);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^missiongraph: warning: extraction cache .*: the store is not a regular file \(a symbolic link\); started again$/m);
    expect(again.summary).toMatchObject({ cacheHits: 0, extracted: 3 });
    expect(outputsOf(first.out)).toEqual(cold);
    expect(fs.lstatSync(pack).isFile()).toBe(true);
    const third = rebuild(input, first.out);
    expect(third.stderr).not.toMatch(/warning/);
    expect(third.summary).toMatchObject({ cacheHits: 3, extracted: 0 });
  });
});
