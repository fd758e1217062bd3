// `--watch`: notices changes under the inputs and asks for a rebuild, debounced, never two builds at once.
// A failed rebuild leaves the last good graph in place (outputs are only ever replaced whole).
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

/**
 * Calls `rebuild` after changes settle for `debounceMs`. While a rebuild runs, further changes queue exactly one more.
 * `ignoredDirs` (the output folder, the cache) are never watched, so our own writes do not trigger builds.
 */
export function watchForChanges(
  roots: readonly string[],
  ignoredDirs: readonly string[],
  rebuild: (changed: string[]) => Promise<void>,
  debounceMs = 300,
): Watcher {
  const isIgnored = (file: string): boolean => {
    const resolved = path.resolve(file);
    if (ignoredDirs.some((dir) => resolved === dir || resolved.startsWith(dir + path.sep))) return true;
    const isRoot = roots.includes(resolved);
    return !isRoot && (path.basename(resolved).startsWith('.') || path.basename(resolved) === 'node_modules');
  };
  const watcher = watch([...roots], { ignoreInitial: true, followSymlinks: true, ignored: isIgnored });
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = new Set<string>();

  const runWhenSettled = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void start(), debounceMs);
  };
  const start = async (): Promise<void> => {
    timer = undefined;
    if (running) return;
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
  watcher.on('all', (_event, file) => {
    pending.add(file);
    if (!running) runWhenSettled();
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      if (timer !== undefined) clearTimeout(timer);
      await watcher.close();
    },
  };
}
