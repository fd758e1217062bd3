// Fast start for the `missiongraph` command: the CLI's TypeScript, with the workspace packages and most dependencies,
// bundled into one ES module in packages/cli/.bundle/ (bundle-cache.js), made on first use and when a source changes.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cachedBundleUrl } from './bundle-cache.js';

const CLI_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN_SOURCE = path.join(CLI_ROOT, 'src', 'main.ts');

/** The file URL of the bundled CLI, made when missing or stale; undefined when it cannot be made or stored. */
export function bundledCliUrl() {
  return cachedBundleUrl({
    entry: MAIN_SOURCE,
    folder: path.join(CLI_ROOT, '.bundle'),
    name: 'missiongraph',
    // They find files of their own beside them at run time (piscina's thread script, esbuild's binary, tsx's loader).
    external: ['esbuild', 'piscina', 'tsx', 'chokidar', 'fsevents'],
    // The CLI finds its thread entries beside its own modules (all in src/): keep that true inside the bundle.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(MAIN_SOURCE).href) },
    extraInputs: [path.join(CLI_ROOT, 'package.json')],
  });
}
