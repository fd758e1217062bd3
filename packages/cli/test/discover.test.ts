// Promise: inputs are found the way a user expects — folders recursively, globs, odd names, links — in a fixed order,
// with ids relative to the common root; loops and broken links are reported, never followed forever.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
