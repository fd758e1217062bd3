// Promise: inputs are found the way a user expects — folders recursively, globs, odd names, links — in a fixed order,
// with ids relative to the common root; loops and broken links are reported, never followed forever.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { discoverInputs, InputError } from '../src/discover.ts';
import { tempDir, writeFiles } from './helpers.ts';

describe('discoverInputs', () => {
  it('walks folders recursively, keeps transcript extensions, sorts ids, and handles spaces and unicode names', () => {
    const root = tempDir();
    writeFiles(root, {
      'corpus/b.txt': 'b',
      'corpus/a file with spaces.md': 'a',
      'corpus/Côte d’Ivoire/entretien é.vtt': 'c',
      'corpus/nested/deeper/even deeper/captions.srt': 'd',
      'corpus/notes.markdown': 'e',
      'corpus/image.png': 'x',
      'corpus/.hidden/secret.txt': 'h',
      'corpus/node_modules/pkg/readme.md': 'n',
    });
    const found = discoverInputs(['corpus'], root);
    expect(found.root).toBe(path.join(root, 'corpus'));
    // Code-point order, the same on every machine and locale: capitals before lower case.
    expect(found.files.map((file) => file.id)).toEqual([
      'Côte d’Ivoire/entretien é.vtt',
      'a file with spaces.md',
      'b.txt',
      'nested/deeper/even deeper/captions.srt',
      'notes.markdown',
    ]);
    expect(found.ignored).toBe(1);
    expect(found.skipped).toEqual([]);
  });

  it('takes a file named directly whatever its extension, and uses the common root of several inputs for ids', () => {
    const root = tempDir();
    writeFiles(root, { 'x/one.txt': '1', 'y/sub/two.log': '2', 'y/sub/three.txt': '3' });
    const found = discoverInputs([path.join(root, 'x'), path.join(root, 'y/sub/two.log')], root);
    expect(found.root).toBe(root);
    expect(found.files.map((file) => file.id)).toEqual(['x/one.txt', 'y/sub/two.log']);
  });

  it('expands globs from their fixed base folder', () => {
    const root = tempDir();
    writeFiles(root, { 'data/a/one.vtt': '1', 'data/b/two.vtt': '2', 'data/b/three.txt': '3' });
    const found = discoverInputs(['data/**/*.vtt'], root);
    expect(found.files.map((file) => file.id)).toEqual(['a/one.vtt', 'b/two.vtt']);
  });

  it('follows symlinks to files and folders, reads a file reached twice once, and reports a symlink loop', () => {
    const root = tempDir();
    writeFiles(root, { 'corpus/real/a.txt': 'a', 'elsewhere/b.txt': 'b' });
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'corpus/linked'));
    fs.symlinkSync(path.join(root, 'corpus/real/a.txt'), path.join(root, 'corpus/z-alias.txt'));
    fs.symlinkSync(path.join(root, 'corpus'), path.join(root, 'corpus/real/loop'));
    fs.symlinkSync(path.join(root, 'missing.txt'), path.join(root, 'corpus/broken.txt'));
    const found = discoverInputs(['corpus'], root);
    expect(found.files.map((file) => file.id)).toEqual(['linked/b.txt', 'real/a.txt']);
    expect(found.duplicates).toEqual([{ path: path.join(root, 'corpus/z-alias.txt'), sameAs: path.join(root, 'corpus/real/a.txt') }]);
    expect(found.skipped).toEqual([
      { path: path.join(root, 'corpus/broken.txt'), reason: expect.stringMatching(/broken symbolic link/) },
      { path: path.join(root, 'corpus/real/loop'), reason: expect.stringMatching(/symbolic link loop/) },
    ]);
  });

  it.each([
    [['nowhere'], /input nowhere: no such file or directory/],
    [['nothing/**/*.txt'], /matches no file/],
    [[], /no inputs/],
  ])('refuses inputs that name nothing: %j', (inputs, message) => {
    const root = tempDir();
    expect(() => discoverInputs(inputs, root)).toThrow(InputError);
    expect(() => discoverInputs(inputs, root)).toThrow(message);
  });
});

describe('discoverInputs under hostile trees (audit defects 9, 18, 19, 20, 21)', () => {
  it('never reads the output folder or the cache as inputs, even when a glob or folder covers them', () => {
    const root = tempDir();
    writeFiles(root, { 'in/a.txt': 'a', 'in/graph/evidence.txt': 'x', 'in/graph/nodes.md': 'x', 'in/cache/entry.txt': 'x' });
    const exclude = [path.join(root, 'in/graph'), path.join(root, 'in/cache')];
    expect(discoverInputs(['in/**'], root, { exclude }).files.map((file) => file.id)).toEqual(['a.txt']);
    expect(discoverInputs(['in'], root, { exclude }).files.map((file) => file.id)).toEqual(['a.txt']);
  });

  it('finds a file whose name is Latin-1 bytes (not UTF-8), shows it read as Latin-1, and keeps its bytes for reading', () => {
    const root = tempDir();
    const raw = Buffer.concat([Buffer.from(path.join(root, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]);
    fs.writeFileSync(raw, 'MONUSCO');
    const found = discoverInputs([root], root);
    expect(found.files.map((file) => file.id)).toEqual(['café.txt']);
    expect(Buffer.from(found.files[0]!.rawPath!).equals(raw)).toBe(true);
    expect(fs.readFileSync(found.files[0]!.rawPath!, 'utf8')).toBe('MONUSCO');
    expect(found.notes).toEqual([{ path: path.join(root, 'café.txt'), note: 'the file name is not UTF-8; it is shown read as Latin-1' }]);
  });

  it('writes invisible and bidi characters of a file name out in its id, so no id carries them raw', () => {
    const root = tempDir();
    writeFiles(root, { 'report\u202Etxt.md': 'a', 'zero\u200Bwidth.txt': 'b', 'plain é.txt': 'c' });
    expect(discoverInputs([root], root).files.map((file) => file.id)).toEqual(['plain é.txt', 'report\\u{202E}txt.md', 'zero\\u{200B}width.txt']);
  });

  it('names a FIFO in a walked folder in one skip line instead of dropping it silently', () => {
    const root = tempDir();
    writeFiles(root, { 'a.txt': 'a' });
    expect(spawnSync('mkfifo', [path.join(root, 'pipe.txt')]).status, 'mkfifo (coreutils) is needed').toBe(0);
    const found = discoverInputs([root], root);
    expect(found.files.map((file) => file.id)).toEqual(['a.txt']);
    expect(found.skipped).toEqual([{ path: path.join(root, 'pipe.txt'), reason: 'not a regular file (a named pipe (FIFO))' }]);
  });

  it('walks a 1,400-level tree with work linear in its depth: no fs call names the whole path again (it was cubic)', () => {
    const depth = 1400;
    const root = tempDir();
    const deepest = path.join(root, ...Array.from({ length: depth }, () => 'd'));
    fs.mkdirSync(deepest, { recursive: true });
    fs.writeFileSync(path.join(deepest, 'deep.txt'), 'MONUSCO');
    // What the kernel is asked to resolve: the characters of every path given to fs during the walk.
    let resolvedCharacters = 0;
    const spies = (['readdirSync', 'statSync', 'lstatSync', 'realpathSync'] as const).map((name) => {
      const original = fs[name] as (...args: unknown[]) => unknown;
      return vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
        resolvedCharacters += String(args[0]).length;
        return original.apply(fs, args);
      }) as never);
    });
    try {
      const found = discoverInputs([root], root);
      expect(found.files.map((file) => file.id)).toEqual([`${'d/'.repeat(depth)}deep.txt`]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    // Linear: a few characters per level (plus the root's path a few times), where naming each folder by its full
    // path costs depth² ≈ 4 million characters.
    expect(resolvedCharacters).toBeLessThan(20 * depth + 10 * root.length);
    spawnSync('rm', ['-rf', root]);
  }, 120_000);
});
