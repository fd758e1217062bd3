// `--watch`: notices changes under the inputs and asks for a rebuild, debounced, never two builds at once.
// A failed rebuild leaves the last good graph in place (outputs are only ever replaced whole).
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { watch } from 'chokidar';

/** The paths to watch for the command-line inputs: each file or folder, or the fixed base folder of a glob. */
export function watchRoots(inputs: readonly string[], cwd: string): string[] {
  const roots = inputs.map((input) => {
    const scan = picomatch.scan(input.split(path.sep).join('/'));
    return path.resolve(cwd, scan.isGlob ? (scan.base === '' ? '.' : scan.base) : input);
  });
  return [...new Set(roots)].sort();
}

export interface Watcher {
  /** Resolves once the initial scan is done; changes before that are not seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Quiet time after the last change before a rebuild starts. */
  debounceMs?: number;
  /** A rebuild starts at the latest this long after the first of a burst of changes, even if changes keep coming. */
  maxWaitMs?: number;
  /** How often the roots are checked for having disappeared or come back. */
  rootCheckMs?: number;
  /** One line for the user: a watch error that was survived, a root that went away or came back. */
  log?: (line: string) => void;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

/**
 * Calls `rebuild` after changes settle for `debounceMs` (and at most `maxWaitMs` after a burst began). While a rebuild
 * runs, further changes queue exactly one more. `ignoredDirs` (the output folder, the cache) are never watched, so
 * our own writes do not trigger builds. Survives what the file system does meanwhile: a watch error (a symlink loop's
 * ELOOP, a file gone before it was looked at) is one line, and a root that disappears is waited for and watched again
 * when it is back. The root check also keeps the process alive when nothing else is watched.
 */
export function watchForChanges(
  roots: readonly string[],
  ignoredDirs: readonly string[],
  rebuild: (changed: string[]) => Promise<void>,
  options: WatchOptions = {},
): Watcher {
  const debounceMs = options.debounceMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const log = options.log ?? ((): void => {});
  const isIgnored = (file: string): boolean => {
    const resolved = path.resolve(file);
    if (ignoredDirs.some((dir) => resolved === dir || resolved.startsWith(dir + path.sep))) return true;
    const isRoot = roots.includes(resolved);
    return !isRoot && (path.basename(resolved).startsWith('.') || path.basename(resolved) === 'node_modules');
  };
  const watcher = watch([...roots], { ignoreInitial: true, followSymlinks: true, ignored: isIgnored });
  let timer: NodeJS.Timeout | undefined;
  let burstStartedAt: number | undefined;
  let running = false;
  let closed = false;
  let pending = new Set<string>();

  const runWhenSettled = (): void => {
    const now = Date.now();
    burstStartedAt ??= now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void start(), Math.max(0, Math.min(debounceMs, burstStartedAt + maxWaitMs - now)));
  };
  const start = async (): Promise<void> => {
    timer = undefined;
    burstStartedAt = undefined;
    if (running || closed) return;
    running = true;
    const changed = [...pending].sort();
    pending = new Set();
    try {
      await rebuild(changed);
    } finally {
      running = false;
      if (pending.size > 0) runWhenSettled();
    }
  };
  const changedPath = (file: string): void => {
    pending.add(file);
    if (!running) runWhenSettled();
  };
  watcher.on('all', (_event, file) => changedPath(file));
  // Without a listener chokidar's 'error' event would end the process with a stack trace.
  const reported = new Set<string>();
  watcher.on('error', (error) => {
    const where = (error as NodeJS.ErrnoException).path;
    const line = `missiongraph: watch: ${where === undefined ? '' : `${where}: `}${errorCode(error)} (${errorCode(error) === 'ELOOP' ? 'a symbolic link loop' : 'ignored'}); still watching`;
    if (reported.has(line)) return;
    reported.add(line);
    log(line);
  });

  const missing = new Set<string>();
  const rootCheck = setInterval(() => {
    for (const root of roots) {
      const present = fs.existsSync(root);
      if (!present && !missing.has(root)) {
        missing.add(root);
        log(`missiongraph: ${root} disappeared; waiting for it to come back (the last good graph is kept)`);
        changedPath(root);
      } else if (present && missing.has(root)) {
        missing.delete(root);
        log(`missiongraph: ${root} is back; watching it again`);
        watcher.unwatch(root);
        watcher.add(root);
        changedPath(root);
      }
    }
  }, options.rootCheckMs ?? 500);

  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      clearInterval(rootCheck);
      if (timer !== undefined) clearTimeout(timer);
      await watcher.close();
    },
  };
}
