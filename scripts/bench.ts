// `pnpm bench`: runs every benchmark of the project, one child process each, so memory figures and
// timings of one do not leak into another. `pnpm bench extract graph` runs only those named.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const scriptsDir = path.dirname(fileURLToPath(import.meta.url));
const benchNames = ['extract', 'pdf', 'graph', 'cli', 'explorer', 'fuzz', 'robust'] as const;

// Flags go to every benchmark, with their values: `pnpm bench cli --files 40 --mb 2` (a word after a flag that names
// no benchmark is that flag's value).
const requested: string[] = [];
const passThrough: string[] = [];
for (const [index, arg] of process.argv.slice(2).entries()) {
  const previous = process.argv[index + 1];
  if (arg.startsWith('-')) passThrough.push(arg);
  else if (previous !== undefined && previous.startsWith('-') && index > 0 && !(benchNames as readonly string[]).includes(arg)) passThrough.push(arg);
  else requested.push(arg);
}
const unknown = requested.filter((name) => !(benchNames as readonly string[]).includes(name));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')} (known: ${benchNames.join(', ')})`);
  process.exit(1);
}
const selected = requested.length > 0 ? requested : [...benchNames];

let failures = 0;
for (const name of selected) {
  const script = path.join(scriptsDir, `bench-${name}.ts`);
  if (!existsSync(script)) {
    console.error(`bench: ${path.relative(process.cwd(), script)} is missing`);
    failures += 1;
    continue;
  }
  console.log(`\n=== bench ${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...passThrough], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`bench: ${name} exited with ${result.status ?? result.signal}`);
    failures += 1;
  }
}
process.exit(failures > 0 ? 1 : 0);
