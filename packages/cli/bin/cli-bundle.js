// Fast start for the `missiongraph` command: the CLI's TypeScript, with the workspace packages and most dependencies,
// bundled by esbuild into one ES module in packages/cli/.bundle/, made on first use and again when any source changes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN_SOURCE = path.join(CLI_ROOT, 'src', 'main.ts');
const BUNDLE_DIR = path.join(CLI_ROOT, '.bundle');
const RECORD_FILE = path.join(BUNDLE_DIR, 'bundle.json');
const RECORD_FORMAT = 'missiongraph-cli-bundle/1';
const BUNDLE_NAME = /^missiongraph-[0-9a-f]{16}\.mjs$/;
/** Left to node_modules at run time, because they find files of their own beside them (piscina's thread script, esbuild's binary, tsx's loader). */
const EXTERNAL_PACKAGES = ['esbuild', 'piscina', 'tsx', 'chokidar', 'fsevents'];

/**
 * Files besides esbuild's own inputs whose change must remake the bundle: the workspace lockfile (a dependency can
 * move to another version while the old version's files stay on disk) and the CLI's package.json.
 */
function extraInputs() {
  const extra = [path.join(CLI_ROOT, 'package.json')];
  for (let folder = CLI_ROOT, depth = 0; depth < 8; depth += 1) {
    const lockfile = path.join(folder, 'pnpm-lock.yaml');
    if (fs.existsSync(lockfile)) {
      extra.push(lockfile);
      break;
    }
    if (path.dirname(folder) === folder) break;
    folder = path.dirname(folder);
  }
  return extra;
}

function sha256File(file) {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The recorded bundle when it exists and none of the files it was made from changed since. */
function currentBundle() {
  try {
    const record = JSON.parse(fs.readFileSync(RECORD_FILE, 'utf8'));
    if (record.format !== RECORD_FORMAT || typeof record.bundle !== 'string' || !BUNDLE_NAME.test(record.bundle)) return undefined;
    const inputs = Object.entries(record.inputs ?? {});
    if (!inputs.some(([file]) => file === MAIN_SOURCE)) return undefined;
    for (const [file, hash] of inputs) if (sha256File(file) !== hash) return undefined;
    const bundle = path.join(BUNDLE_DIR, record.bundle);
    return fs.existsSync(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}

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

async function makeBundle() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: CLI_ROOT,
    entryPoints: [MAIN_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: path.join(BUNDLE_DIR, 'missiongraph.mjs'),
    external: EXTERNAL_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    // The CLI finds its worker sources beside its own modules (all in src/): keep that true inside the bundle.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(MAIN_SOURCE).href) },
    // CommonJS dependencies inside an ES module bundle need a `require`.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  });
  const output = result.outputFiles[0];
  if (output === undefined) return undefined;
  const inputs = {};
  const files = [...Object.keys(result.metafile.inputs).map((input) => path.resolve(CLI_ROOT, input)), ...extraInputs()];
  for (const file of [...new Set(files)].sort()) inputs[file] = sha256File(file);
  const name = `missiongraph-${createHash('sha256').update(output.contents).digest('hex').slice(0, 16)}.mjs`;
  fs.mkdirSync(BUNDLE_DIR, { recursive: true });
  writeAtomically(path.join(BUNDLE_DIR, name), output.contents);
  writeAtomically(RECORD_FILE, `${JSON.stringify({ format: RECORD_FORMAT, bundle: name, inputs }, null, 2)}\n`);
  // Older bundles go; one another process may still be loading is already in its memory.
  for (const old of fs.readdirSync(BUNDLE_DIR)) if (BUNDLE_NAME.test(old) && old !== name) fs.rmSync(path.join(BUNDLE_DIR, old), { force: true });
  return path.join(BUNDLE_DIR, name);
}

/** The file URL of the bundled CLI, made when missing or stale; undefined when it cannot be made or stored. */
export async function bundledCliUrl() {
  try {
    const bundle = currentBundle() ?? (await makeBundle());
    return bundle === undefined ? undefined : pathToFileURL(bundle).href;
  } catch {
    return undefined;
  }
}
