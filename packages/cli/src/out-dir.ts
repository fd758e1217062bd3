// Safe writes into the output folder: a lock against concurrent builds, and outputs staged then renamed into place,
// so a crash, Ctrl-C, a full disk or a read-only folder leaves the previous graph files as they were.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_NAME = '.missiongraph.lock';
const STAGING_PREFIX = '.missiongraph-staging-';
/** Written once every output is staged and before the first rename: what the renames are, so a crash between them is finished. */
export const COMMIT_JOURNAL_NAME = '.missiongraph-commit.json';
const COMMIT_JOURNAL_FORMAT = 'missiongraph-commit/1';
/** Test-only: wait for this file to exist after judging a lock stale and before taking it over (a delayed taker). */
const TAKEOVER_WAIT_ENV = 'MISSIONGRAPH_TEST_LOCK_TAKEOVER_WAIT_FOR';

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

/**
 * Whether a pid names a running process. Pids 0 and 1 and negative ones are never a build's lock holder here: kill(0)
 * and kill(-1) signal whole groups (always "alive"), and pid 1 is the container's first process, often a build that is
 * gone.
 */
function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 1) return false;
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
    throw new BuildError(`cannot create output folder ${outDir}: ${explainWriteError(trueMkdirError(outDir, error))}`);
  }
}

/**
 * The error that really stopped a recursive mkdir: on a read-only mount it can report ENOENT for the missing
 * folder; creating the first missing level alone gives the real cause (EROFS, EACCES).
 */
function trueMkdirError(folder: string, error: unknown): unknown {
  if (errorCode(error) !== 'ENOENT') return error;
  let missing = folder;
  while (path.dirname(missing) !== missing && !fs.existsSync(path.dirname(missing))) missing = path.dirname(missing);
  try {
    fs.mkdirSync(missing);
    fs.rmdirSync(missing);
  } catch (probe) {
    return probe;
  }
  return error;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The lock file's text; undefined when it is gone. Throws BuildError when the lock path is not a file. */
function readLockText(lockPath: string): string | undefined {
  const stat = fs.lstatSync(lockPath, { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  if (!stat.isFile()) {
    const kind = stat.isDirectory() ? 'a folder' : 'not a regular file';
    throw new BuildError(`the lock path ${lockPath} is ${kind}, not a missiongraph lock; remove it (rm -r ${lockPath}) and build again`);
  }
  try {
    return fs.readFileSync(lockPath, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new BuildError(`cannot read the lock ${lockPath}: ${explainWriteError(error)}`);
  }
}

function parseLock(text: string): Partial<LockInfo> {
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // An empty or damaged lock file: the process that wrote it died while writing; treat as stale.
    return {};
  }
}

/**
 * Removes a stale lock, but only the very lock judged stale (`staleText`): the removal is done under a second,
 * exclusive "takeover" file, and the lock is read again inside it. A taker that was delayed finds the lock another
 * build has taken meanwhile, leaves it, and is refused; it never removes a live build's lock.
 */
function removeStaleLock(lockPath: string, staleText: string, mine: LockInfo): void {
  const takeoverPath = `${lockPath}.takeover`;
  const myTakeover = JSON.stringify(mine) + '\n';
  try {
    fs.writeFileSync(takeoverPath, myTakeover, { flag: 'wx' });
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw new BuildError(`cannot take over the lock ${lockPath}: ${explainWriteError(error)}`);
    // Another build is taking over right now; if it died doing so, its takeover file is removed and we try again.
    let otherText: string;
    try {
      otherText = fs.readFileSync(takeoverPath, 'utf8');
    } catch {
      return;
    }
    const other = parseLock(otherText);
    const otherAlive = typeof other.pid === 'number' && other.host === mine.host && processIsAlive(other.pid);
    if (otherAlive) sleepSync(50);
    else fs.rmSync(takeoverPath, { force: true });
    return;
  }
  try {
    if (readLockText(lockPath) === staleText) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.rmSync(takeoverPath, { force: true });
  }
}

/**
 * Takes the output folder's lock (a file holding our pid and host). A lock left by a process that no longer runs on
 * this host (or naming pid 0, 1 or a negative one) is stale and taken over, atomically; a live one is a clear error,
 * and so is one from another host, which cannot be checked (the message says how to clear it). Returns the release.
 */
export function acquireLock(outDir: string): () => void {
  const lockPath = path.join(outDir, LOCK_NAME);
  const mine: LockInfo = { pid: process.pid, host: os.hostname() };
  const myText = JSON.stringify(mine) + '\n';
  for (let attempt = 0; attempt < 20; attempt += 1) {
    readLockText(lockPath);
    try {
      fs.writeFileSync(lockPath, myText, { flag: 'wx' });
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        forget();
        try {
          if (fs.readFileSync(lockPath, 'utf8') === myText) fs.rmSync(lockPath, { force: true });
        } catch {
          // Already gone.
        }
      };
      const forget = onInterrupt(release);
      return release;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw new BuildError(`cannot write to output folder ${outDir}: ${explainWriteError(error)}`);
    }
    const text = readLockText(lockPath);
    if (text === undefined) continue;
    const holder = parseLock(text);
    if (typeof holder.pid === 'number' && typeof holder.host === 'string' && holder.host !== mine.host) {
      throw new BuildError(
        `${outDir} is locked by a missiongraph build on another host (pid ${holder.pid} on ${holder.host}), which cannot be checked from here; ` +
          `once no build runs there, delete ${lockPath}`,
      );
    }
    if (typeof holder.pid === 'number' && processIsAlive(holder.pid)) {
      throw new BuildError(
        `${outDir} is locked by another missiongraph build (pid ${holder.pid}); wait for it to finish, or delete ${lockPath} if that process is gone`,
      );
    }
    const waitFor = process.env[TAKEOVER_WAIT_ENV];
    if (waitFor !== undefined && waitFor !== '') {
      process.stderr.write('missiongraph: test hook: stale lock seen, waiting before the takeover\n');
      for (let waited = 0; !fs.existsSync(waitFor) && waited < 120_000; waited += 50) sleepSync(50);
    }
    removeStaleLock(lockPath, text, mine);
  }
  throw new BuildError(`cannot take the lock ${lockPath}: other builds keep taking it`);
}

/** Removes staging folders left by builds that were killed (call while holding the lock). */
export function removeStaleStaging(outDir: string): void {
  finishInterruptedCommit(outDir);
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

interface CommitJournal {
  format: string;
  /** The staging folder's name inside the output folder. */
  staging: string;
  /** The staged files, renamed in this order (the manifest last), and the earlier outputs to remove after. */
  names: string[];
  obsolete: string[];
}

function fsyncFolder(folder: string): void {
  const directory = fs.openSync(folder, 'r');
  try {
    fs.fsyncSync(directory);
  } finally {
    fs.closeSync(directory);
  }
}

/**
 * Finishes the renames of a build that was killed between them (its journal is still there): every file still in
 * its staging folder is moved into place, so the folder holds one build's outputs, never a mix. Call under the lock.
 * Returns whether there was such a build to finish.
 */
export function finishInterruptedCommit(outDir: string): boolean {
  const journalPath = path.join(outDir, COMMIT_JOURNAL_NAME);
  let journal: CommitJournal;
  try {
    journal = JSON.parse(fs.readFileSync(journalPath, 'utf8')) as CommitJournal;
  } catch {
    return false;
  }
  const safeName = (name: unknown): name is string => typeof name === 'string' && name !== '' && !name.includes('/') && !name.includes(path.sep) && name !== '..';
  const valid =
    journal?.format === COMMIT_JOURNAL_FORMAT &&
    safeName(journal.staging) &&
    journal.staging.startsWith(STAGING_PREFIX) &&
    Array.isArray(journal.names) &&
    journal.names.every(safeName) &&
    Array.isArray(journal.obsolete) &&
    journal.obsolete.every(safeName);
  if (valid) {
    const staging = path.join(outDir, journal.staging);
    for (const name of journal.names) {
      if (fs.existsSync(path.join(staging, name))) fs.renameSync(path.join(staging, name), path.join(outDir, name));
    }
    for (const name of journal.obsolete) if (!journal.names.includes(name)) fs.rmSync(path.join(outDir, name), { force: true });
    fsyncFolder(outDir);
  }
  fs.rmSync(journalPath, { force: true });
  if (valid) fs.rmSync(path.join(outDir, journal.staging), { recursive: true, force: true });
  return valid;
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
  /** Called after the first rename and before the others (tests kill the process there). */
  betweenRenames?: () => Promise<void>;
}

/** Characters encoded per write: big texts are written in slices so no second full-size copy is held in memory. */
const WRITE_SLICE = 4 * 1024 * 1024;
/** Small chunks are gathered up to this many characters before one write. */
const CHUNK_BATCH = 1024 * 1024;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * Writes one file (created anew) in steps, pausing (yielding) after each batch of about a megabyte, fsyncs it, and
 * returns its name, sha256 and size. The caller decides what a pause is: nothing, or a turn of the event loop.
 */
function* writeInSteps(file: string, content: string | Iterable<string>): Generator<void, WrittenOutput> {
  const hash = createHash('sha256');
  let bytes = 0;
  const descriptor = fs.openSync(file, 'wx');
  /** Encodes and writes `text`; unless `final`, a high surrogate at its end is returned to go with the next chunk. */
  function* writeText(text: string, final: boolean): Generator<void, string> {
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
      yield;
    }
    return text.slice(usable);
  }
  try {
    if (typeof content === 'string') yield* writeText(content, true);
    else {
      let pending: string[] = [];
      let pendingLength = 0;
      for (const chunk of content) {
        pending.push(chunk);
        pendingLength += chunk.length;
        if (pendingLength < CHUNK_BATCH) continue;
        const carry = yield* writeText(pending.join(''), false);
        pending = [carry];
        pendingLength = carry.length;
      }
      yield* writeText(pending.join(''), true);
    }
    fs.fsyncSync(descriptor);
  } finally {
    fs.closeSync(descriptor);
  }
  return { name: path.basename(file), sha256: hash.digest('hex'), bytes };
}

/** Writes one file (created anew), fsyncs it, and returns its name, sha256 and size. */
export function writeDurably(file: string, content: string | Iterable<string>): WrittenOutput {
  const steps = writeInSteps(file, content);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * writeDurably that lets the event loop run after every megabyte or so, so a Ctrl-C during a big output (a graph.json
 * of hundreds of megabytes) is handled at once: its handler removes the staging folder and the old outputs stay.
 */
export async function writeDurablyYielding(file: string, content: string | Iterable<string>): Promise<WrittenOutput> {
  const steps = writeInSteps(file, content);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
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
  // Interrupted before the journal is written: the staged files go. After it: the renames are finished first.
  const forget = onInterrupt(() => {
    finishInterruptedCommit(outDir);
    fs.rmSync(staging, { recursive: true, force: true });
  });
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
      // Lets a Ctrl-C in while only staged files exist: it then removes them and the old outputs stay.
      written.push(await writeDurablyYielding(path.join(staging, file.name), file.content()));
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
  const journalPath = path.join(outDir, COMMIT_JOURNAL_NAME);
  try {
    // The journal makes the renames one step: once it is on disk, a crash between them is finished by the next build.
    const journal: CommitJournal = { format: COMMIT_JOURNAL_FORMAT, staging: path.basename(staging), names: written.map((file) => file.name), obsolete: [...obsolete] };
    const journalTemporary = path.join(staging, COMMIT_JOURNAL_NAME);
    writeDurably(journalTemporary, JSON.stringify(journal) + '\n');
    fs.renameSync(journalTemporary, journalPath);
    fsyncFolder(outDir);
    for (const [position, file] of written.entries()) {
      fs.renameSync(path.join(staging, file.name), path.join(outDir, file.name));
      if (position === 0 && hooks.betweenRenames !== undefined) await hooks.betweenRenames();
    }
    // Outputs of an earlier build that this one no longer makes (another --formats) go once the new manifest is in.
    for (const name of obsolete) if (!written.some((file) => file.name === name)) fs.rmSync(path.join(outDir, name), { force: true });
    fsyncFolder(outDir);
    fs.rmSync(journalPath, { force: true });
  } catch (error) {
    throw new BuildError(`cannot move outputs into ${outDir}: ${explainWriteError(error)}`);
  } finally {
    // With the journal still there (a failed rename), the staging folder stays for the next build to finish from.
    if (!fs.existsSync(journalPath)) fs.rmSync(staging, { recursive: true, force: true });
    forget();
  }
  return written;
}
