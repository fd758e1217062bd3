// Promise: a cache entry is used only when it is exactly what this document and these settings produced;
// a damaged, foreign or stale entry is ignored (and later rebuilt), never trusted. Unused entries are pruned.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentExtraction } from '@missiongraph/extract';
import { cacheKey, entryPath, pruneCache, readCacheEntry, readFileIndex, sha256, writeCacheEntry, writeFileIndex } from '../src/cache.ts';
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

  it('reads back what it wrote, and calls a missing entry a miss', () => {
    const dir = tempDir();
    const key = cacheKey('a.txt', sha256('text'), settings);
    expect(readCacheEntry(dir, key, 'a.txt')).toEqual({ status: 'miss' });
    writeCacheEntry(dir, key, sha256('text'), settings, extractionFor('a.txt'));
    expect(readCacheEntry(dir, key, 'a.txt')).toEqual({
      status: 'hit',
      extraction: extractionFor('a.txt'),
      json: JSON.stringify(extractionFor('a.txt')),
    });
  });

  const corruptions: [string, (raw: Buffer) => Buffer | string, RegExp][] = [
    ['truncated', (raw) => raw.subarray(0, raw.length - 10), /checksum/],
    ['a flipped byte in the payload', (raw) => Buffer.from(raw.toString('utf8').replace('DRC', 'DRX')), /checksum/],
    ['no header', () => '{"document":1}', /header/],
    ['garbage', () => Buffer.from([0, 1, 2, 3, 10, 4, 5]), /header/],
    ['a foreign format', (raw) => Buffer.from(raw.toString('utf8').replace('missiongraph-extraction-cache/1', 'other/1')), /foreign/],
    [
      'a valid checksum over a wrong shape',
      (raw) => {
        const header = JSON.parse(raw.toString('utf8').split('\n')[0]!) as Record<string, unknown>;
        const payload = JSON.stringify({ document: { id: 'a.txt' } });
        return `${JSON.stringify({ ...header, payloadSha: sha256(payload) })}\n${payload}`;
      },
      /shape/,
    ],
  ];
  it.each(corruptions)('ignores an entry that is %s', (_name, corrupt, reason) => {
    const dir = tempDir();
    const key = cacheKey('a.txt', sha256('text'), settings);
    writeCacheEntry(dir, key, sha256('text'), settings, extractionFor('a.txt'));
    const file = entryPath(dir, key);
    fs.writeFileSync(file, corrupt(fs.readFileSync(file)));
    const read = readCacheEntry(dir, key, 'a.txt');
    expect(read.status).toBe('invalid');
    expect(read.status === 'invalid' && read.reason).toMatch(reason);
  });

  it('refuses an entry copied in from another document', () => {
    const dir = tempDir();
    const key = cacheKey('a.txt', sha256('text'), settings);
    const other = cacheKey('b.txt', sha256('text'), settings);
    writeCacheEntry(dir, other, sha256('text'), settings, extractionFor('b.txt'));
    fs.mkdirSync(entryPath(dir, key).replace(/\/[^/]+$/, ''), { recursive: true });
    fs.copyFileSync(entryPath(dir, other), entryPath(dir, key));
    expect(readCacheEntry(dir, key, 'a.txt')).toMatchObject({ status: 'invalid', reason: /another document/ });
  });

  it('prunes entries not in use and keeps those that are', () => {
    const dir = tempDir();
    const keep = cacheKey('a.txt', sha256('1'), settings);
    const drop = cacheKey('b.txt', sha256('2'), settings);
    writeCacheEntry(dir, keep, sha256('1'), settings, extractionFor('a.txt'));
    writeCacheEntry(dir, drop, sha256('2'), settings, extractionFor('b.txt'));
    expect(pruneCache(dir, new Set([keep]))).toBe(1);
    expect(readCacheEntry(dir, keep, 'a.txt').status).toBe('hit');
    expect(fs.existsSync(entryPath(dir, drop))).toBe(false);
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
