// The extract package must run in the browser: nothing in src may import Node modules or use Node globals.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const NODE_BUILTINS = ['fs', 'path', 'os', 'url', 'child_process', 'worker_threads', 'crypto', 'stream', 'buffer', 'util', 'module', 'process', 'events', 'http', 'https', 'net', 'zlib'];

describe('extract is Node-free', () => {
  const files = sourceFiles(srcDir);
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  it.each(files.map((file) => [path.relative(srcDir, file), file]))('%s imports nothing from Node and uses no Node globals', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
      (match) => match[1] ?? match[2] ?? match[3] ?? '',
    );
    for (const specifier of specifiers) {
      expect(specifier.startsWith('node:'), `${specifier} in ${file}`).toBe(false);
      expect(NODE_BUILTINS.includes(specifier.split('/')[0] ?? ''), `${specifier} in ${file}`).toBe(false);
    }
    expect(text).not.toMatch(/\b(?:process\.|Buffer\.|__dirname|__filename|require\()/);
  });
});
