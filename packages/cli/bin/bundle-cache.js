// One ES module per entry, bundled by esbuild and kept in a folder until a file it was made from changes: the CLI's
// fast start (bin/cli-bundle.js) and its threads (src/worker-bundle.ts). Plain JavaScript, so it runs before tsx.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const RECORD_FORMAT = 'missiongraph-bundle/1';
/** CommonJS dependencies inside an ES module bundle need a `require`. */
const REQUIRE_BANNER = "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);";

function sha256File(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The workspace's pnpm-lock.yaml above `folder`, as a list of zero or one path. */
export function lockfileAbove(folder) {
  for (let current = folder, depth = 0; depth < 8; depth += 1) {
    const candidate = path.join(current, 'pnpm-lock.yaml');
    if (fs.existsSync(candidate)) return [candidate];
    if (path.dirname(current) === current) break;
    current = path.dirname(current);
  }
  return [];
}

/** Writes a file under a temporary name and renames it, so readers never see half of it (nor a leftover on failure). */
function writeAtomically(file, content) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function bundlePattern(name) {
  return new RegExp(`^${name}-[0-9a-f]{16}\\.mjs$`);
}

/** The recorded bundle when it exists and none of the files it was made from changed since. */
function currentBundle(folder, name, entry) {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(folder, 'bundle.json'), 'utf8'));
    if (record.format !== RECORD_FORMAT || typeof record.bundle !== 'string' || !bundlePattern(name).test(record.bundle)) return undefined;
    const inputs = Object.entries(record.inputs ?? {});
    if (!inputs.some(([file]) => file === entry)) return undefined;
    for (const [file, hash] of inputs) if (sha256File(file) !== hash) return undefined;
    const bundle = path.join(folder, record.bundle);
    return fs.existsSync(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The file URL of `entry` bundled into `folder` as `<name>-<16 hex>.mjs`, made (about 0.2–0.5 s) when missing or when
 * any file esbuild read, any of `extraInputs` or the workspace lockfile changed (a dependency can move to another
 * version while the old files stay on disk); undefined when it cannot be made or stored.
 * Options: entry, folder, name, external (package names left to node_modules), define, extraInputs.
 */
export async function cachedBundleUrl({ entry, folder, name, external = [], define = {}, extraInputs = [] }) {
  try {
    const existing = currentBundle(folder, name, entry);
    if (existing !== undefined) return pathToFileURL(existing).href;
    const { build } = await import('esbuild');
    const workingDir = path.dirname(entry);
    const result = await build({
      absWorkingDir: workingDir,
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      outfile: path.join(folder, `${name}.mjs`),
      external: external.flatMap((packageName) => [packageName, `${packageName}/*`]),
      define,
      banner: { js: REQUIRE_BANNER },
    });
    const output = result.outputFiles[0];
    if (output === undefined) return undefined;
    const files = [...Object.keys(result.metafile.inputs).map((input) => path.resolve(workingDir, input)), ...extraInputs, ...lockfileAbove(workingDir)];
    const inputs = {};
    for (const file of [...new Set(files)].sort()) inputs[file] = sha256File(file);
    const bundleName = `${name}-${createHash('sha256').update(output.contents).digest('hex').slice(0, 16)}.mjs`;
    fs.mkdirSync(folder, { recursive: true });
    writeAtomically(path.join(folder, bundleName), output.contents);
    writeAtomically(path.join(folder, 'bundle.json'), `${JSON.stringify({ format: RECORD_FORMAT, bundle: bundleName, inputs }, null, 2)}\n`);
    // Older bundles go; one that another process is loading is already in its memory.
    for (const old of fs.readdirSync(folder)) if (bundlePattern(name).test(old) && old !== bundleName) fs.rmSync(path.join(folder, old), { force: true });
    return pathToFileURL(path.join(folder, bundleName)).href;
  } catch {
    return undefined;
  }
}
