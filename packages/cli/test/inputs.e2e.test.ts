// Promise: bad files cost one clear line each and the rest of the corpus still builds (exit 2; --strict fails instead);
// UTF-16, UTF-8 with BOM and Latin-1 are read; odd paths (spaces, unicode, links, loops, deep nesting) work.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraph, readManifest, readOutputs, runCli, tempDir, TOPICS, transcript, writeFiles } from './helpers.ts';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
}

function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((char) => (char === '\u2019' ? 0x92 : char.charCodeAt(0))));
}

describe('bad inputs', () => {
  it('skips binary, empty, HTML, oversized and unreadable files with one line each, builds the rest, exits 2', () => {
    const root = tempDir();
    const corpus = path.join(root, 'corpus');
    writeFiles(corpus, {
      'good.txt': transcript(TOPICS.congo),
      'also good.txt': transcript(TOPICS.car),
      'binary.txt': Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x00, 0x7f, 0x45]),
      'empty.txt': '',
      'error-page.txt': '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>\n',
      'big.txt': transcript(TOPICS.sudan, 40),
      'scan.md': Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 0xa5)]),
      'locked.txt': transcript(TOPICS.lebanon),
    });
    fs.chmodSync(path.join(corpus, 'locked.txt'), 0o000);
    if (isRoot) fs.chmodSync(root, 0o755);
    fs.chmodSync(corpus, 0o777);
    const out = path.join(root, 'graph');
    fs.mkdirSync(out, { mode: 0o777 });
    fs.chmodSync(out, 0o777);
    // As root every file is readable; run as nobody so that the unreadable file really is unreadable.
    const result = runCli(['build', corpus, '--out', out, '--workers', '1', '--max-file-size', '4KB'], isRoot ? { uid: NOBODY, cwd: root } : { cwd: root });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n').filter((line) => line.includes('skipped'));
    expect(lines).toEqual([
      `missiongraph: skipped corpus/big.txt: too large (${(fs.statSync(path.join(corpus, 'big.txt')).size / 1024).toFixed(1)} KB; the limit is 4.0 KB, see --max-file-size)`,
      'missiongraph: skipped corpus/binary.txt: binary file (contains NUL bytes)',
      'missiongraph: skipped corpus/empty.txt: empty file',
      'missiongraph: skipped corpus/error-page.txt: an HTML page (e.g. a saved error page), not a transcript',
      'missiongraph: skipped corpus/locked.txt: unreadable (permission denied)',
      'missiongraph: skipped corpus/scan.md: binary file (PDF document)',
    ]);
    const manifest = readManifest(out);
    expect(manifest.inputs.map((input) => input.id)).toEqual(['also good.txt', 'good.txt']);
    expect(manifest.skipped.map((skip) => skip.id)).toEqual(['big.txt', 'binary.txt', 'empty.txt', 'error-page.txt', 'locked.txt', 'scan.md']);
    expect(readGraph(out).nodes.map((node) => node.key)).toEqual(expect.arrayContaining(['mission:monusco', 'mission:minusca']));
  });

  it('with --strict, a skipped file fails the build (exit 1) and the previous outputs stay as they were', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'good.txt': transcript(TOPICS.congo) });
    const out = path.join(tempDir(), 'graph');
    expect(runCli(['build', corpus, '--out', out, '-w', '1', '--strict', '-q']).status).toBe(0);
    const before = readOutputs(out);
    writeFiles(corpus, { 'empty.txt': '', 'new.txt': transcript(TOPICS.car) });
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '--strict', '-q']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`missiongraph: skipped ${path.join(corpus, 'empty.txt')}: empty file`);
    expect(result.stderr).toMatch(/1 input\(s\) skipped and --strict is set; no output written/);
    expect(readOutputs(out)).toEqual(before);
  });

  it('skips a 100 MB file without reading it, under the default 50 MB limit', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'ok.txt': transcript(TOPICS.congo) });
    const huge = path.join(corpus, 'huge.txt');
    fs.writeFileSync(huge, 'x');
    fs.truncateSync(huge, 100 * 1024 * 1024);
    const result = runCli(['build', corpus, '--out', path.join(tempDir(), 'g'), '-w', '1', '-q']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`skipped ${huge}: too large (100.0 MB; the limit is 50.0 MB, see --max-file-size)`);
  });

  it('applies a lowered --max-file-size to files that are already in the cache', () => {
    const corpus = tempDir();
    writeFiles(corpus, { 'small.txt': transcript(TOPICS.congo, 1), 'large.txt': transcript(TOPICS.car, 20) });
    const out = path.join(tempDir(), 'g');
    expect(runCli(['build', corpus, '--out', out, '-w', '1', '-q']).status).toBe(0);
    const lowered = runCli(['build', corpus, '--out', out, '-w', '1', '-q', '--max-file-size', '2KB']);
    expect(lowered.status).toBe(2);
    expect(lowered.stderr).toMatch(/skipped .*large\.txt: too large/);
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['small.txt']);
  });

  it('fails with one line when an input does not exist or nothing is readable', () => {
    const corpus = tempDir();
    const missing = runCli(['build', path.join(corpus, 'nope'), '--out', path.join(corpus, 'g')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe(`missiongraph: input ${path.join(corpus, 'nope')}: no such file or directory\n`);
    writeFiles(corpus, { 'empty.txt': '' });
    const nothing = runCli(['build', corpus, '--out', path.join(corpus, 'g'), '-q']);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toMatch(/no readable document among the inputs; no output written/);
  });
});

describe('encodings', () => {
  it('reads UTF-16LE/BE with and without BOM, UTF-8 with BOM and Latin-1, finding the same entities in each', () => {
    const corpus = tempDir();
    const text = transcript(TOPICS.congo) + "\nTroops from Côte d'Ivoire served there.\n";
    writeFiles(corpus, {
      'utf8.txt': text,
      'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      'utf16le-bom.txt': utf16(text, 'le', true),
      'utf16le.txt': utf16(text, 'le', false),
      'utf16be-bom.txt': utf16(text, 'be', true),
      'utf16be.txt': utf16(text, 'be', false),
      'latin1.txt': windows1252(text),
    });
    const out = path.join(tempDir(), 'graph');
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`missiongraph: warning: ${path.join(corpus, 'latin1.txt')}: not UTF-8; read as Latin-1 (Windows-1252)\n`);
    const encodings = Object.fromEntries(readManifest(out).inputs.map((input) => [input.id, input.encoding]));
    expect(encodings).toEqual({
      'latin1.txt': 'windows-1252',
      'utf16be-bom.txt': 'utf-16be',
      'utf16be.txt': 'utf-16be',
      'utf16le-bom.txt': 'utf-16le',
      'utf16le.txt': 'utf-16le',
      'utf8-bom.txt': 'utf-8',
      'utf8.txt': 'utf-8',
    });
    const nodes = readGraph(out).nodes;
    const monusco = nodes.find((node) => node.key === 'mission:monusco');
    expect(monusco?.attributes['documents']).toBe(7);
    const ivoire = nodes.find((node) => node.key === 'country:civ');
    expect(ivoire?.attributes['documents']).toBe(7);
  });
});

describe('paths', () => {
  it('handles spaces, unicode names, nested folders, symlinked files and folders, and a symlink loop', () => {
    const root = tempDir();
    const corpus = path.join(root, 'my corpus');
    const deep = Array.from({ length: 40 }, (_, level) => `level ${level}`).join('/');
    writeFiles(root, {
      'my corpus/interview with spaces.txt': transcript(TOPICS.congo),
      'my corpus/Côte d’Ivoire — entretien.md': transcript(TOPICS.car),
      [`my corpus/${deep}/deep.txt`]: transcript(TOPICS.sudan),
      'outside/linked folder/linked.txt': transcript(TOPICS.lebanon),
      'outside/single.txt': transcript(TOPICS.mali),
    });
    fs.symlinkSync(path.join(root, 'outside/linked folder'), path.join(corpus, 'link to folder'));
    fs.symlinkSync(path.join(root, 'outside/single.txt'), path.join(corpus, 'link to file.txt'));
    fs.symlinkSync(corpus, path.join(corpus, 'loop'));
    const out = path.join(root, 'graph out');
    const result = runCli(['build', corpus, '--out', out, '-w', '1', '-q'], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('missiongraph: skipped my corpus/loop: symbolic link loop (links back to a folder above it)\n');
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual([
      'Côte d’Ivoire — entretien.md',
      'interview with spaces.txt',
      `${deep}/deep.txt`,
      'link to file.txt',
      'link to folder/linked.txt',
    ]);
    expect(readGraph(out).nodes.map((node) => node.key)).toEqual(
      expect.arrayContaining(['mission:monusco', 'mission:minusca', 'mission:unmiss', 'mission:unifil', 'mission:minusma']),
    );
  });

  it('accepts globs and several inputs, with ids relative to their common folder', () => {
    const root = tempDir();
    writeFiles(root, { 'a/one.txt': transcript(TOPICS.congo), 'a/skip.md': transcript(TOPICS.car), 'b/two.txt': transcript(TOPICS.sudan) });
    const out = path.join(root, 'g');
    expect(runCli(['build', 'a/*.txt', 'b', '--out', out, '-w', '1', '-q'], { cwd: root }).status).toBe(0);
    expect(readManifest(out).inputs.map((input) => input.id)).toEqual(['a/one.txt', 'b/two.txt']);
  });
});
