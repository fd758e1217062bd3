// Safe writes into the output folder: a lock against concurrent builds, and outputs staged then renamed into place,
// so a crash, Ctrl-C, a full disk or a read-only folder leaves the previous graph files as they were.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_NAME = '.missiongraph.lock';
const STAGING_PREFIX = '.missiongraph-staging-';

/** A failure the user can act on; main prints its message as one line and exits 1. */
export class BuildError extends Error {
  override name = 'BuildError';
}

const cleanups = new Set<() => void>();

/** Registers work to undo if the process is interrupted (lock release, staging removal); returns the unregister function. */
export function onInterrupt(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Whether anything is registered to clean up, i.e. a build is under way. */
export function buildInProgress(): boolean {
  return cleanups.size > 0;
}

/** Runs (and forgets) every registered cleanup; safe to call from a signal handler. */
export function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    try {
      cleanup();
    } catch {
      // Best effort: the next build removes what is left.
    }
  }
  cleanups.clear();
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** Plain words for the file-system errors a user can meet when writing outputs. */
export function explainWriteError(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (EACCES)';
    case 'EROFS':
      return 'read-only file system (EROFS)';
    case 'ENOSPC':
      return 'no space left on device (ENOSPC)';
    case 'EDQUOT':
      return 'disk quota exceeded (EDQUOT)';
    case 'ENOTDIR':
    case 'EEXIST':
      return `a file is in the way of the folder (${code})`;
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}

interface LockInfo {
  pid: number;
  host: string;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Creates the output folder if needed. */
export function ensureOutDir(outDir: string): void {
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (error) {
    throw new BuildError(`cannot create output folder ${outDir}: ${explainWriteError(error)}`);
  }
}

/**
 * Takes the output folder's lock (a file holding our pid). A lock left by a process that no longer runs on this host
 * is stale and taken over; a live one is a clear error. Returns the function that releases it.
 */
export function acquireLock(outDir: string): () => void {
  const lockPath = path.join(outDir, LOCK_NAME);
  const mine: LockInfo = { pid: process.pid, host: os.hostname() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine) + '\n', { flag: 'wx' });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        forget();
        try {
          const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
          if (holder.pid === mine.pid && holder.host === mine.host) fs.rmSync(lockPath, { force: true });
        } catch {
          // Already gone.
        }
      };
      const forget = onInterrupt(release);
      return release;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw new BuildError(`cannot write to output folder ${outDir}: ${explainWriteError(error)}`);
    }
    let holder: Partial<LockInfo> = {};
    try {
      holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
    } catch {
      // An empty or damaged lock file: the process that wrote it died while writing; treat as stale.
    }
    const live = typeof holder.pid === 'number' && (holder.host !== mine.host || processIsAlive(holder.pid));
    if (live) {
      const where = holder.host === mine.host ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
      throw new BuildError(
        `${outDir} is locked by another missiongraph build (${where}); wait for it to finish, or delete ${lockPath} if that process is gone`,
      );
    }
    fs.rmSync(lockPath, { force: true });
  }
  throw new BuildError(`cannot take the lock ${lockPath}: another build keeps taking it`);
}

/** Removes staging folders left by builds that were killed (call while holding the lock). */
export function removeStaleStaging(outDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(STAGING_PREFIX)) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

export interface OutputFile {
  name: string;
  /**
   * Produced when the file is written: the text, or a stream of chunks that is consumed as it is written, so no
   * output needs to exist as one string.
   */
  content: () => string | Iterable<string>;
}

export interface WrittenOutput {
  name: string;
  sha256: string;
  bytes: number;
}

/** Outputs written by another thread into the staging folder, while this one writes the rest. */
export interface Offload {
  names: ReadonlySet<string>;
  write: (staging: string, names: string[]) => Promise<WrittenOutput[]>;
  /** Stops the other thread's writing when this thread's has failed, so the error is not held back until it ends. */
  cancel?: () => Promise<void>;
}

export interface WriteHooks {
  /** Called after every file is staged and before the first rename (tests use it to kill the process there). */
  afterStaged?: () => Promise<void>;
}

/** Characters encoded per write: big texts are written in slices so no second full-size copy is held in memory. */
const WRITE_SLICE = 4 * 1024 * 1024;
/** Small chunks are gathered up to this many characters before one write. */
const CHUNK_BATCH = 1024 * 1024;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Writes one file (created anew), fsyncs it, and returns its name, sha256 and size. */
export function writeDurably(file: string, content: string | Iterable<string>): WrittenOutput {
  const hash = createHash('sha256');
  let bytes = 0;
  const descriptor = fs.openSync(file, 'wx');
  /** Encodes and writes `text`; unless `final`, a high surrogate at its end is returned to go with the next chunk. */
  const writeText = (text: string, final: boolean): string => {
    let usable = text.length;
    if (!final && usable > 0 && isHighSurrogate(text.charCodeAt(usable - 1))) usable -= 1;
    for (let start = 0; start < usable; ) {
      let end = Math.min(usable, start + WRITE_SLICE);
      // Never split a surrogate pair between two slices.
      if (end < usable && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
      const slice = Buffer.from(text.slice(start, end), 'utf8');
      hash.update(slice);
      for (let offset = 0; offset < slice.length; ) offset += fs.writeSync(descriptor, slice, offset, slice.length - offset);
      bytes += slice.length;
      start = end;
    }
    return text.slice(usable);
  };
  try {
    if (typeof content === 'string') writeText(content, true);
    else {
      let pending: string[] = [];
      let pendingLength = 0;
      for (const chunk of content) {
        pending.push(chunk);
        pendingLength += chunk.length;
        if (pendingLength < CHUNK_BATCH) continue;
        const carry = writeText(pending.join(''), false);
        pending = [carry];
        pendingLength = carry.length;
      }
      writeText(pending.join(''), true);
    }
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  return { name: path.basename(file), sha256: hash.digest('hex'), bytes };
}

/**
 * Writes the files into a hidden staging folder inside outDir, one at a time (those named by `offload` in another
 * thread meanwhile), then renames each into place and removes the `obsolete` names it did not write. The last
 * file is produced after the others with their hashes (the manifest), and renamed last. Each file is always either the
 * old or the new version; a failure leaves the previous outputs as they were.
 */
export async function writeOutputsAtomically(
  outDir: string,
  files: readonly OutputFile[],
  last: (written: readonly WrittenOutput[]) => OutputFile,
  hooks: WriteHooks = {},
  offload?: Offload,
  obsolete: readonly string[] = [],
): Promise<WrittenOutput[]> {
  const staging = path.join(outDir, `${STAGING_PREFIX}${process.pid}`);
  const forget = onInterrupt(() => fs.rmSync(staging, { recursive: true, force: true }));
  const written: WrittenOutput[] = [];
  let background: Promise<WrittenOutput[]> | undefined;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging);
    const offloaded = offload === undefined ? [] : files.filter((file) => offload.names.has(file.name)).map((file) => file.name);
    if (offloaded.length > 0) {
      background = offload!.write(staging, offloaded);
      // Awaited below; until then a failure must not count as unhandled.
      background.catch(() => undefined);
    }
    for (const file of files) {
      if (offloaded.includes(file.name)) continue;
      written.push(writeDurably(path.join(staging, file.name), file.content()));
      // Let a Ctrl-C in while only staged files exist: it then removes them and the old outputs stay.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (background !== undefined) written.push(...(await background));
    // The manifest lists the outputs in the order of `files`, wherever they were written.
    const order = new Map(files.map((file, index) => [file.name, index]));
    written.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
    const closing = last(written);
    written.push(writeDurably(path.join(staging, closing.name), closing.content()));
  } catch (error) {
    // A thread still writing into the staging folder finishes (or fails) before the folder is removed.
    if (background !== undefined) {
      await offload?.cancel?.();
      await background.catch(() => undefined);
    }
    fs.rmSync(staging, { recursive: true, force: true });
    forget();
    throw new BuildError(`cannot write outputs to ${outDir}: ${explainWriteError(error)}; the previous outputs are unchanged`);
  }
  if (hooks.afterStaged !== undefined) await hooks.afterStaged();
  try {
    for (const file of written) fs.renameSync(path.join(staging, file.name), path.join(outDir, file.name));
    // Outputs of an earlier build that this one no longer makes (another --formats) go once the new manifest is in.
    for (const name of obsolete) if (!written.some((file) => file.name === name)) fs.rmSync(path.join(outDir, name), { force: true });
    const directory = fs.openSync(outDir, 'r');
    try {
      fs.fsyncSync(directory);
    } finally {
      fs.closeSync(directory);
    }
  } catch (error) {
    throw new BuildError(`cannot move outputs into ${outDir}: ${explainWriteError(error)}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    forget();
  }
  return written;
}
