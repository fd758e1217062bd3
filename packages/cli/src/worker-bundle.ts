// Faster thread start-up: a thread's TypeScript entry (the extraction worker with the extract package and its lexicon,
// or the output writer) bundled by esbuild into one ES module in the cache folder, rebuilt when any source changes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const RECORD_FORMAT = 'missiongraph-worker-bundle/1';

/** The thread entries that can be bundled: the name of each is its source file in src/ and its folder in the cache. */
export type ThreadEntry = 'worker' | 'build-thread-worker';

function entrySource(entry: ThreadEntry): string {
  return fileURLToPath(new URL(`./${entry}.ts`, import.meta.url));
}

function bundlePattern(entry: ThreadEntry): RegExp {
  return new RegExp(`^${entry}-[0-9a-f]{16}\\.mjs$`);
}

interface BundleRecord {
  format: string;
  /** The bundle's file name inside the folder. */
  bundle: string;
  /** Every file esbuild read (absolute path) → sha256 of its bytes when the bundle was made. */
  inputs: Record<string, string>;
}

function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The recorded bundle's path when it exists and none of its inputs changed since it was made. */
function currentBundle(folder: string, entry: ThreadEntry): string | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(folder, 'bundle.json'), 'utf8')) as BundleRecord;
    if (record.format !== RECORD_FORMAT || typeof record.bundle !== 'string' || !bundlePattern(entry).test(record.bundle)) return undefined;
    const inputs = Object.entries(record.inputs);
    if (inputs.length === 0 || !inputs.some(([file]) => file === entrySource(entry))) return undefined;
    for (const [file, hash] of inputs) if (sha256File(file) !== hash) return undefined;
    const bundle = path.join(folder, record.bundle);
    return fs.existsSync(bundle) ? bundle : undefined;
  } catch {
    return undefined;
  }
}

/** The workspace's pnpm-lock.yaml above `folder`, as a list of zero or one path. */
function lockfileAbove(folder: string): string[] {
  for (let current = folder, depth = 0; depth < 8; depth += 1) {
    const candidate = path.join(current, 'pnpm-lock.yaml');
    if (fs.existsSync(candidate)) return [candidate];
    if (path.dirname(current) === current) break;
    current = path.dirname(current);
  }
  return [];
}

/** Writes a file under a temporary name and renames it, so readers never see half of it (nor a leftover on failure). */
function writeAtomically(file: string, content: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * The file URL of a thread entry bundled in `<cacheDir>/<entry>/`, made (about 0.2 s) when missing or when a source
 * file changed; undefined when it cannot be made or stored (the pool then starts the TypeScript worker through tsx;
 * the output writer is not started and the main thread writes everything).
 */
export async function workerBundleUrl(cacheDir: string, entry: ThreadEntry = 'worker'): Promise<string | undefined> {
  const folder = path.join(cacheDir, entry);
  const source = entrySource(entry);
  const existing = currentBundle(folder, entry);
  if (existing !== undefined) return pathToFileURL(existing).href;
  try {
    const workingDir = path.dirname(source);
    const result = await build({
      absWorkingDir: workingDir,
      entryPoints: [source],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      outfile: path.join(folder, `${entry}.mjs`),
      // CommonJS dependencies inside an ES module bundle need a `require`.
      banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    });
    const output = result.outputFiles[0];
    if (output === undefined) return undefined;
    const inputs: Record<string, string> = {};
    // The lockfile too: a dependency can move to another version while the old version's files stay on disk.
    const files = [...Object.keys(result.metafile.inputs).map((input) => path.resolve(workingDir, input)), ...lockfileAbove(workingDir)];
    for (const file of [...new Set(files)].sort()) inputs[file] = sha256File(file);
    const name = `${entry}-${createHash('sha256').update(output.contents).digest('hex').slice(0, 16)}.mjs`;
    fs.mkdirSync(folder, { recursive: true });
    for (const old of fs.readdirSync(folder)) if (bundlePattern(entry).test(old) && old !== name) fs.rmSync(path.join(folder, old), { force: true });
    writeAtomically(path.join(folder, name), output.contents);
    const record: BundleRecord = { format: RECORD_FORMAT, bundle: name, inputs };
    writeAtomically(path.join(folder, 'bundle.json'), `${JSON.stringify(record, null, 2)}\n`);
    return pathToFileURL(path.join(folder, name)).href;
  } catch {
    return undefined;
  }
}
