// Faster thread start-up: a thread's TypeScript entry (the extraction worker with the extract package and its lexicon,
// or the build thread) bundled into one ES module in the cache folder by bin/bundle-cache.js.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedBundleUrl } from '../bin/bundle-cache.js';

/** The thread entries that can be bundled: the name of each is its source file in src/ and its folder in the cache. */
export type ThreadEntry = 'worker' | 'build-thread-worker';

/**
 * The file URL of a thread entry bundled in `<cacheDir>/<entry>/`, made when missing or when a source changed;
 * undefined when it cannot be made or stored (the pool then starts the TypeScript worker through tsx; without the
 * build thread the main thread does its work).
 */
export function workerBundleUrl(cacheDir: string, entry: ThreadEntry = 'worker'): Promise<string | undefined> {
  return cachedBundleUrl({ entry: fileURLToPath(new URL(`./${entry}.ts`, import.meta.url)), folder: path.join(cacheDir, entry), name: entry });
}
