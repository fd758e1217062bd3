// Finds the input documents named on the command line: files, folders (recursively) and glob patterns.
// Follows symbolic links, detects loops, and gives each document a stable id relative to the common input root.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

/** Extensions read when walking a folder; a file named on the command line is read whatever its extension. */
export const TRANSCRIPT_EXTENSIONS: readonly string[] = ['.txt', '.text', '.md', '.markdown', '.vtt', '.srt', '.pdf', '.docx', '.html', '.htm'];

/** Folder names never walked into: hidden folders (our own .cache among them) and dependency folders. */
function isIgnoredFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export interface InputFile {
  /** Path relative to the common input root, with `/` separators: the document id. */
  id: string;
  /** Absolute path as reached (through links, if any). */
  path: string;
  /** Absolute path with links resolved. */
  realPath: string;
}

export interface DiscoverySkip {
  path: string;
  reason: string;
}

export interface Discovery {
  /** Absolute common root of the inputs. */
  root: string;
  files: InputFile[];
  skipped: DiscoverySkip[];
  /** Files reached twice (through a link): read once, under the first id. */
  duplicates: { path: string; sameAs: string }[];
  /** Files in walked folders left out because of their extension. */
  ignored: number;
}

export class InputError extends Error {
  override name = 'InputError';
}

function hasGlobSyntax(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

function commonAncestor(folders: string[]): string {
  const [first, ...rest] = folders;
  if (first === undefined) return process.cwd();
  let common = first;
  for (const folder of rest) {
    while (common !== folder && !folder.startsWith(common.endsWith(path.sep) ? common : common + path.sep)) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENAMETOOLONG':
      return 'path too long';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

interface Candidate {
  path: string;
  realPath: string;
}

/** Walks a folder depth-first, following links; a link back to a folder on the current path is a loop and is skipped. */
function walkFolder(
  folder: string,
  ancestors: Set<string>,
  accept: (absolutePath: string) => boolean,
  candidates: Candidate[],
  skipped: DiscoverySkip[],
  counters: { ignored: number },
): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    skipped.push({ path: folder, reason: `cannot read folder: ${describeError(error)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const entryPath = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(entryPath);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch (error) {
        skipped.push({ path: entryPath, reason: `broken symbolic link (${describeError(error)})` });
        continue;
      }
    }
    if (isDirectory) {
      if (isIgnoredFolder(entry.name)) continue;
      let realFolder: string;
      try {
        realFolder = fs.realpathSync(entryPath);
      } catch (error) {
        skipped.push({ path: entryPath, reason: describeError(error) });
        continue;
      }
      if (ancestors.has(realFolder)) {
        skipped.push({ path: entryPath, reason: 'symbolic link loop (links back to a folder above it)' });
        continue;
      }
      ancestors.add(realFolder);
      walkFolder(entryPath, ancestors, accept, candidates, skipped, counters);
      ancestors.delete(realFolder);
    } else if (isFile) {
      if (!accept(entryPath)) {
        counters.ignored += 1;
        continue;
      }
      try {
        candidates.push({ path: entryPath, realPath: fs.realpathSync(entryPath) });
      } catch (error) {
        skipped.push({ path: entryPath, reason: describeError(error) });
      }
    }
  }
}

function hasTranscriptExtension(file: string): boolean {
  return TRANSCRIPT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/**
 * Resolves command-line inputs to a sorted, de-duplicated list of documents.
 * Throws InputError when an input names nothing (a missing path, or a glob that matches no file).
 */
export function discoverInputs(inputs: readonly string[], cwd: string = process.cwd()): Discovery {
  if (inputs.length === 0) throw new InputError('no inputs given (name files, folders or glob patterns)');
  const candidates: Candidate[] = [];
  const skipped: DiscoverySkip[] = [];
  const counters = { ignored: 0 };
  const bases: string[] = [];

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' || !hasGlobSyntax(input)) {
        if (code === 'ENOENT' && fs.lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink()) {
          throw new InputError(`input ${input}: broken symbolic link`);
        }
        throw new InputError(`input ${input}: ${describeError(error)}`);
      }
    }
    if (stat?.isFile()) {
      bases.push(path.dirname(absolute));
      candidates.push({ path: absolute, realPath: fs.realpathSync(absolute) });
    } else if (stat?.isDirectory()) {
      bases.push(absolute);
      const realFolder = fs.realpathSync(absolute);
      walkFolder(absolute, new Set([realFolder]), hasTranscriptExtension, candidates, skipped, counters);
    } else if (stat !== undefined) {
      throw new InputError(`input ${input}: not a file or folder`);
    } else {
      const scan = picomatch.scan(input.split(path.sep).join('/'));
      const base = path.resolve(cwd, scan.base === '' ? '.' : scan.base);
      const matches = picomatch(scan.glob, { dot: false });
      const before = candidates.length;
      const globCounters = { ignored: 0 };
      if (fs.existsSync(base) && fs.statSync(base).isDirectory()) {
        const realBase = fs.realpathSync(base);
        walkFolder(base, new Set([realBase]), (file) => matches(path.relative(base, file).split(path.sep).join('/')), candidates, skipped, globCounters);
      }
      if (candidates.length === before) throw new InputError(`input ${input}: the pattern matches no file`);
      bases.push(base);
    }
  }

  const root = commonAncestor(bases);
  const toId = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const byId = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const id = toId(candidate.path);
    if (!byId.has(id)) byId.set(id, candidate);
  }
  const ids = [...byId.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files: InputFile[] = [];
  const duplicates: { path: string; sameAs: string }[] = [];
  const firstByRealPath = new Map<string, string>();
  for (const id of ids) {
    const candidate = byId.get(id);
    if (candidate === undefined) continue;
    const first = firstByRealPath.get(candidate.realPath);
    if (first !== undefined) {
      duplicates.push({ path: candidate.path, sameAs: first });
      continue;
    }
    firstByRealPath.set(candidate.realPath, candidate.path);
    files.push({ id, path: candidate.path, realPath: candidate.realPath });
  }
  return { root, files, skipped, duplicates, ignored: counters.ignored };
}
