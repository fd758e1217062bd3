// Promise: a cache entry is used only when it is exactly what this document and these settings produced; a damaged,
// foreign or stale entry, index or store is detected, ignored (and rebuilt), never trusted. Unused entries are pruned.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '@missiongraph/extract';
import { cacheKey, ExtractionStore, PACK_INDEX_NAME, PACK_NAME, readFileIndex, sha256, writeFileIndex } from '../src/cache.ts';
import { fromWire, toWire } from '../src/document-task.ts';
import { REPO_ROOT, tempDir } from './helpers.ts';

const settings = { extractorVersion: 'x1', lexiconVersion: 'l1', topics: false };

function extractionFor(id: string): DocumentExtraction {
  return {
    document: { id, format: 'text', sentenceCount: 1, characters: 40, speakers: [] },
    sentences: [{ index: 0, text: 'MONUSCO works in the DRC.' }],
    entities: [{ id: 'mission:monusco', label: 'MONUSCO', type: 'mission', aliases: ['MONUSCO'], mentions: 1 }],
    mentions: [{ entity: 'mission:monusco', sentence: 0, start: 0, end: 7, surface: 'MONUSCO' }],
    coMentions: [],
    warnings: [],
  };
}

describe('extraction cache', () => {
  it('gives a different key for any change of content, id, extractor version, lexicon version or options', () => {
    const base = cacheKey('a.txt', sha256('text'), settings);
    const variants = [
      cacheKey('b.txt', sha256('text'), settings),
      cacheKey('a.txt', sha256('text!'), settings),
      cacheKey('a.txt', sha256('text'), { ...settings, extractorVersion: 'x2' }),
      cacheKey('a.txt', sha256('text'), { ...settings, lexiconVersion: 'l2' }),
      cacheKey('a.txt', sha256('text'), { ...settings, topics: true }),
    ];
    expect(new Set([base, ...variants]).size).toBe(6);
  });

  const keyOf = (id: string): string => cacheKey(id, sha256(id), settings);
  /** A store in a new folder holding entries for `ids`, committed. */
  function storeWith(...ids: string[]): string {
    const dir = tempDir();
    const store = ExtractionStore.open(dir);
    for (const id of ids) store.put(keyOf(id), sha256(id), settings, id, JSON.stringify(extractionFor(id)));
    store.commit();
    return dir;
  }

  it('reads back what it wrote, after reopening, and calls a missing entry a miss', () => {
    const dir = storeWith('a.txt', 'b.txt');
    const store = ExtractionStore.open(dir);
    expect(store.problem).toBeUndefined();
    expect(store.get(keyOf('a.txt'), 'a.txt')).toEqual({ status: 'hit', extraction: extractionFor('a.txt'), json: JSON.stringify(extractionFor('a.txt')) });
    expect(store.get(keyOf('b.txt'), 'b.txt').status).toBe('hit');
    expect(store.get(keyOf('c.txt'), 'c.txt')).toEqual({ status: 'miss' });
  });

  it('stores the record an extraction thread encodes byte for byte as put() would, and reads it back', () => {
    const id = 'a.txt';
    const json = JSON.stringify(extractionFor(id));
    const stamp = { size: 40, mtimeMs: 1, ctimeMs: 1, ino: 1, contentSha: sha256(id), encoding: 'utf-8' as const };
    const read = { status: 'ok' as const, id, source: 'extracted' as const, bytes: 40, encoding: 'utf-8' as const, key: keyOf(id), stamp, notes: [] };
    // What crosses the thread boundary is a structured clone (the record arrives as a plain Uint8Array).
    const outcome = fromWire(structuredClone(toWire({ ...read, extraction: extractionFor(id), extractionJson: json }, settings)));
    if (outcome.status !== 'ok' || outcome.record === undefined) throw new Error('no record came with a new extraction');
    expect(outcome.extraction).toEqual(extractionFor(id));
    const dir = tempDir();
    const store = ExtractionStore.open(dir);
    store.putRecord(outcome.key, id, outcome.record);
    store.commit();
    expect(fs.readFileSync(path.join(dir, PACK_NAME))).toEqual(fs.readFileSync(path.join(storeWith(id), PACK_NAME)));
    expect(ExtractionStore.open(dir).get(keyOf(id), id)).toEqual({ status: 'hit', extraction: extractionFor(id), json });
  });

  const corruptions: [string, (pack: string) => string, RegExp][] = [
    ['a flipped byte in the payload', (pack) => pack.replace('DRC', 'DRX'), /checksum/],
    ['a foreign format', (pack) => pack.replace('missiongraph-extraction-cache/1', 'missiongraph-extraction-cache/9'), /foreign/],
    ['garbage over its header', (pack) => 'x'.repeat(40) + pack.slice(40), /header/],
    [
      'a valid checksum over a wrong shape',
      (pack) => {
        const [headerLine] = pack.split('\n');
        const payload = JSON.stringify({ document: { id: 'a.txt' } });
        const header = JSON.parse(headerLine!) as Record<string, unknown>;
        const record = `${JSON.stringify({ ...header, payloadSha: sha256(payload) })}\n${payload}\n`;
        return record + ' '.repeat(Math.max(0, pack.length - record.length));
      },
      /shape|truncated/,
    ],
  ];
  it.each(corruptions)('refuses an entry that is %s, and drops it', (_name, corrupt, reason) => {
    const dir = storeWith('a.txt');
    const pack = path.join(dir, PACK_NAME);
    fs.writeFileSync(pack, corrupt(fs.readFileSync(pack, 'utf8')));
    const store = ExtractionStore.open(dir);
    const read = store.get(keyOf('a.txt'), 'a.txt');
    expect(read.status).toBe('invalid');
    expect(read.status === 'invalid' && read.reason).toMatch(reason);
    expect(store.locate(keyOf('a.txt'))).toBeUndefined();
  });

  it('refuses an entry read under another document\'s key', () => {
    const dir = storeWith('b.txt');
    const index = JSON.parse(fs.readFileSync(path.join(dir, PACK_INDEX_NAME), 'utf8')) as { entries: Record<string, unknown> };
    index.entries[keyOf('a.txt')] = index.entries[keyOf('b.txt')];
    fs.writeFileSync(path.join(dir, PACK_INDEX_NAME), JSON.stringify(index));
    expect(ExtractionStore.open(dir).get(keyOf('a.txt'), 'a.txt')).toMatchObject({ status: 'invalid', reason: /another document/ });
  });

  it('rebuilds a damaged or missing index from the store, and cuts the store at a damaged record', () => {
    const dir = storeWith('a.txt', 'b.txt', 'c.txt');
    fs.writeFileSync(path.join(dir, PACK_INDEX_NAME), '{not json');
    const reopened = ExtractionStore.open(dir);
    expect(reopened.problem).toMatch(/index unreadable; rebuilt from the store/);
    for (const id of ['a.txt', 'b.txt', 'c.txt']) expect(reopened.get(keyOf(id), id).status).toBe('hit');

    const pack = path.join(dir, PACK_NAME);
    const size = fs.statSync(pack).size;
    fs.truncateSync(pack, size - 20); // the last record is cut short, as by a crash mid-write
    fs.rmSync(path.join(dir, PACK_INDEX_NAME));
    const cut = ExtractionStore.open(dir);
    expect(cut.problem).toMatch(/damaged record at byte \d+, store cut there/);
    expect(cut.get(keyOf('a.txt'), 'a.txt').status).toBe('hit');
    expect(cut.get(keyOf('b.txt'), 'b.txt').status).toBe('hit');
    expect(cut.get(keyOf('c.txt'), 'c.txt')).toEqual({ status: 'miss' });
  });

  it('keeps records appended after the last index (a build that stopped before committing)', () => {
    const dir = storeWith('a.txt');
    const store = ExtractionStore.open(dir);
    store.put(keyOf('b.txt'), sha256('b.txt'), settings, 'b.txt', JSON.stringify(extractionFor('b.txt')));
    store.close();
    const reopened = ExtractionStore.open(dir);
    expect(reopened.get(keyOf('b.txt'), 'b.txt').status).toBe('hit');
  });

  it('forgets entries not in use and compacts the store once it is mostly dead bytes', () => {
    const ids = Array.from({ length: 400 }, (_, i) => `doc-${i}.txt`);
    const dir = tempDir();
    const writer = ExtractionStore.open(dir);
    for (const id of ids) {
      const extraction = extractionFor(id);
      extraction.sentences[0]!.text += ' '.repeat(4000); // 400 entries of 4 KB: well past the size below which the store is left as it is
      writer.put(keyOf(id), sha256(id), settings, id, JSON.stringify(extraction));
    }
    writer.commit();
    const pack = path.join(dir, PACK_NAME);
    const before = fs.statSync(pack).size;
    const store = ExtractionStore.open(dir);
    store.commit(new Set([keyOf('doc-7.txt')]));
    const after = ExtractionStore.open(dir);
    expect(after.size).toBe(1);
    expect(after.get(keyOf('doc-7.txt'), 'doc-7.txt').status).toBe('hit');
    expect(after.get(keyOf('doc-8.txt'), 'doc-8.txt')).toEqual({ status: 'miss' });
    expect(before).toBeGreaterThan(1024 * 1024);
    expect(fs.statSync(pack).size).toBeLessThan(before / 10);
  });

  it('keeps a file index across runs and drops damaged index records', () => {
    const dir = tempDir();
    const stamp = { size: 4, mtimeMs: 1.5, ctimeMs: 2.5, ino: 7, contentSha: sha256('text'), encoding: 'utf-8' as const };
    writeFileIndex(dir, new Map([['/x/a.txt', stamp]]));
    expect(readFileIndex(dir)).toEqual(new Map([['/x/a.txt', stamp]]));
    fs.writeFileSync(`${dir}/file-index.json`, JSON.stringify({ format: 'missiongraph-file-index/1', files: { '/x/a.txt': { ...stamp, contentSha: 'nope' } } }));
    expect(readFileIndex(dir).size).toBe(0);
    fs.writeFileSync(`${dir}/file-index.json`, '{not json');
    expect(readFileIndex(dir).size).toBe(0);
  });
});

describe('extractorFingerprint', () => {
  it('is the declared EXTRACTOR_VERSION, the installed compromise version and a hash of the extract package source, stable within a run', async () => {
    const { EXTRACTOR_VERSION } = await import('@missiongraph/extract');
    const { extractorFingerprint } = await import('../src/fingerprint.ts');
    // The version of the compromise the extract package loads, read from its package.json on disk.
    const installed = JSON.parse(fs.readFileSync(path.join(fs.realpathSync(path.join(REPO_ROOT, 'packages/extract/node_modules/compromise')), 'package.json'), 'utf8')) as { version: string };
    const escape = (text: string): string => text.replace(/[.+]/g, '\\$&');
    expect(extractorFingerprint()).toMatch(new RegExp(`^${escape(EXTRACTOR_VERSION)}\\+compromise@${escape(installed.version)}\\+[0-9a-f]{12}$`));
    expect(extractorFingerprint()).toBe(extractorFingerprint());
  });
});
