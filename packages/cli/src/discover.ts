// Finds the input documents named on the command line: files, folders (recursively) and glob patterns.
// Follows symbolic links, detects loops, and gives each document a stable id relative to the common input root.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { decodeWindows1252 } from './decode.ts';
import { describeFileKind, systemFileArea } from './file-kind.ts';

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
  /** The path's bytes, when a name in it is not UTF-8 (`path` then shows it read as Latin-1): what fs calls get. */
  rawPath?: Buffer;
}

/** What fs calls get for an input: its bytes when its name is not UTF-8, else its path. */
export function fsPathOf(file: { path: string; rawPath?: Uint8Array | undefined }): string | Buffer {
  return file.rawPath === undefined ? file.path : Buffer.from(file.rawPath);
}

/** Characters that would reach outputs invisible or as terminal/bidi controls: C0/C1 controls and format characters. */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * A document id: the path relative to the root with `/` separators, where every invisible or control character (a
 * right-to-left override in a file name, say) is written out as `\u{202E}`, so no output carries it raw.
 */
export function documentId(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return relative.replace(HIDDEN_CHARACTER, (character) => `\\u{${character.codePointAt(0)!.toString(16).toUpperCase()}}`);
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
  /** Notes for the user about files that are read (a file name that is not UTF-8). */
  notes: { path: string; note: string }[];
}

export interface DiscoverOptions {
  /** Folders never read as inputs, even when an input covers them: the output folder and the cache. */
  exclude?: readonly string[];
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
      return 'path too long for the system (ENAMETOOLONG)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

interface Candidate {
  path: string;
  realPath: string;
  rawPath?: Buffer;
}

/** A folder being walked: its path as text, its bytes when some name in it is not UTF-8, and its real path. */
interface Folder {
  path: string;
  raw?: Buffer;
  real: string;
}

interface Walk {
  accept: (absolutePath: string) => boolean;
  candidates: Candidate[];
  skipped: DiscoverySkip[];
  notes: { path: string; note: string }[];
  counters: { ignored: number };
  /** Real paths of folders never entered (outputs, cache). */
  excluded: ReadonlySet<string>;
}

function isUtf8(name: Buffer): boolean {
  return Buffer.from(name.toString('utf8'), 'utf8').equals(name);
}

/** Whether this thread may change the working folder (worker threads may not): the walk is then done relatively. */
function canChangeFolder(): boolean {
  try {
    process.chdir(process.cwd());
    return true;
  } catch {
    return false;
  }
}

interface NamedEntry {
  entry: fs.Dirent<Buffer>;
  name: string;
  utf8: boolean;
}

/** A folder on the walk's stack: its entries in order, the next one to look at, and whether the walk stands in it. */
interface Frame {
  folder: Folder;
  entries: NamedEntry[];
  next: number;
  /** The working folder is this folder, so its entries are named relative to it. */
  relative: boolean;
}

/**
 * Walks a folder depth-first, following links; a link back to a folder on the current path is a loop and is skipped.
 * Linear in the depth of the tree: the walk keeps its own stack (a recursion 1,000 frames deep makes every garbage
 * collection scan them all), real paths are carried down (only a link costs a realpath call), and with `relative`
 * the walk stands in each folder (chdir) and names entries relative to it, so the kernel does not resolve a path of
 * every level again at every level.
 */
function walkTree(top: Folder, walk: Walk, relative: boolean): void {
  const ancestors = new Set<string>([top.real]);
  const stack: Frame[] = [];
  /** Reads a folder's entries and pushes it; on failure one skip line, and the walk steps back out if it went in. */
  const open = (folder: Folder, standingIn: boolean): boolean => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(standingIn ? '.' : (folder.raw ?? folder.path), { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      walk.skipped.push({ path: folder.path, reason: `cannot read folder: ${describeError(error)}` });
      return false;
    }
    const named = entries.map((entry): NamedEntry => {
      const utf8 = isUtf8(entry.name);
      return { entry, name: utf8 ? entry.name.toString('utf8') : decodeWindows1252(entry.name), utf8 };
    });
    named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    stack.push({ folder, entries: named, next: 0, relative: standingIn });
    return true;
  };
  open(top, relative);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const { folder } = frame;
    if (frame.next >= frame.entries.length) {
      stack.pop();
      ancestors.delete(folder.real);
      // Back to the parent when the walk stood in this folder and in its parent too.
      if (frame.relative && stack.length > 0) process.chdir('..');
      continue;
    }
    const { entry, name, utf8 } = frame.entries[frame.next]!;
    frame.next += 1;
    // Plain concatenation: a name from readdir has no separator, and path.join would normalise the whole (long) path
    // again at every level.
    const entryPath = folder.path + path.sep + name;
    const raw = folder.raw !== undefined || !utf8 ? Buffer.concat([folder.raw ?? Buffer.from(folder.path, 'utf8'), Buffer.from(path.sep), entry.name]) : undefined;
    /** What fs calls get for this entry: its name when standing in its folder, else its full path (bytes if needed). */
    const fsPath: string | Buffer = frame.relative ? (utf8 ? name : entry.name) : (raw ?? entryPath);
    let real = folder.real + path.sep + name;
    let kind: fs.Stats | fs.Dirent<Buffer> = entry;
    const isLink = entry.isSymbolicLink();
    if (isLink) {
      try {
        kind = fs.statSync(fsPath);
        real = typeof fsPath === 'string' ? fs.realpathSync(fsPath) : fs.realpathSync(fsPath, { encoding: 'buffer' }).toString('latin1');
      } catch (error) {
        walk.skipped.push({ path: entryPath, reason: `broken symbolic link (${describeError(error)})` });
        continue;
      }
    }
    if (kind.isDirectory()) {
      if (isIgnoredFolder(name) || walk.excluded.has(real)) continue;
      if (ancestors.has(real)) {
        walk.skipped.push({ path: entryPath, reason: 'symbolic link loop (links back to a folder above it)' });
        continue;
      }
      const child: Folder = { path: entryPath, ...(raw !== undefined ? { raw } : {}), real };
      // Stand in the child when its name can be given to chdir and '..' leads back (not through a link).
      const enter = frame.relative && utf8 && !isLink && enterFolder(name);
      ancestors.add(real);
      if (!open(child, enter)) {
        ancestors.delete(real);
        if (enter) process.chdir('..');
      }
    } else if (kind.isFile()) {
      if (!walk.accept(entryPath)) {
        walk.counters.ignored += 1;
        continue;
      }
      const area = systemFileArea(real);
      if (area !== undefined) {
        walk.skipped.push({ path: entryPath, reason: `a file of the system's ${area} area, not a transcript` });
        continue;
      }
      if (!utf8) walk.notes.push({ path: entryPath, note: 'the file name is not UTF-8; it is shown read as Latin-1' });
      walk.candidates.push({ path: entryPath, realPath: real, ...(raw !== undefined ? { rawPath: raw } : {}) });
    } else if (walk.accept(entryPath)) {
      // A FIFO, device or socket with a transcript's name: reading it could wait forever, so it is named and left.
      walk.skipped.push({ path: entryPath, reason: `not a regular file (${describeFileKind(kind)})` });
    }
  }
}

function enterFolder(name: string): boolean {
  try {
    process.chdir(name);
    return true;
  } catch {
    return false;
  }
}

/** Walks from `folder` (absolute), standing in each folder when this thread may, and returns to where it was. */
function walkFrom(folder: Folder, walk: Walk): void {
  const original = canChangeFolder() ? process.cwd() : undefined;
  const relative = original !== undefined && folder.raw === undefined && enterFolder(folder.path);
  try {
    walkTree(folder, walk, relative);
  } finally {
    if (relative) process.chdir(original!);
  }
}

function hasTranscriptExtension(file: string): boolean {
  return TRANSCRIPT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/**
 * Resolves command-line inputs to a sorted, de-duplicated list of documents.
 * Throws InputError when an input names nothing (a missing path, or a glob that matches no file).
 */
export function discoverInputs(inputs: readonly string[], cwd: string = process.cwd(), options: DiscoverOptions = {}): Discovery {
  if (inputs.length === 0) throw new InputError('no inputs given (name files, folders or glob patterns)');
  const candidates: Candidate[] = [];
  const skipped: DiscoverySkip[] = [];
  const notes: { path: string; note: string }[] = [];
  const counters = { ignored: 0 };
  const bases: string[] = [];
  const excluded = new Set<string>();
  for (const folder of options.exclude ?? []) {
    try {
      excluded.add(fs.realpathSync(path.resolve(cwd, folder)));
    } catch {
      excluded.add(path.resolve(cwd, folder));
    }
  }
  const walkWith = (accept: (file: string) => boolean, walkCounters: { ignored: number }): Walk => ({
    accept,
    candidates,
    skipped,
    notes,
    counters: walkCounters,
    excluded,
  });

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
      const realPath = fs.realpathSync(absolute);
      const area = systemFileArea(realPath);
      if (area !== undefined) skipped.push({ path: absolute, reason: `a file of the system's ${area} area, not a transcript` });
      else candidates.push({ path: absolute, realPath });
    } else if (stat?.isDirectory()) {
      bases.push(absolute);
      const realFolder = fs.realpathSync(absolute);
      walkFrom({ path: absolute, real: realFolder }, walkWith(hasTranscriptExtension, counters));
    } else if (stat !== undefined) {
      // A FIFO or device named directly: one line, like any other file that cannot be used.
      bases.push(path.dirname(absolute));
      skipped.push({ path: absolute, reason: `not a regular file (${describeFileKind(stat)})` });
    } else {
      const scan = picomatch.scan(input.split(path.sep).join('/'));
      const base = path.resolve(cwd, scan.base === '' ? '.' : scan.base);
      const matches = picomatch(scan.glob, { dot: false });
      const before = candidates.length;
      const globCounters = { ignored: 0 };
      if (fs.existsSync(base) && fs.statSync(base).isDirectory()) {
        const realBase = fs.realpathSync(base);
        const accept = (file: string): boolean => matches(path.relative(base, file).split(path.sep).join('/'));
        walkFrom({ path: base, real: realBase }, walkWith(accept, globCounters));
      }
      if (candidates.length === before) throw new InputError(`input ${input}: the pattern matches no file`);
      bases.push(base);
    }
  }

  const root = commonAncestor(bases);
  const toId = (file: string): string => documentId(root, file);
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
    files.push({ id, path: candidate.path, realPath: candidate.realPath, ...(candidate.rawPath !== undefined ? { rawPath: candidate.rawPath } : {}) });
  }
  return { root, files, skipped, duplicates, ignored: counters.ignored, notes };
}
