// `pnpm bench fuzz`: the longer run of the property-based fuzz tests (CI runs them with a fixed seed and 400 runs):
// 20,000 runs per property with a fresh seed, printed so a failure can be replayed with MISSIONGRAPH_FUZZ_SEED.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runsFlag = process.argv.find((arg) => arg.startsWith('--runs='));
const runs = runsFlag === undefined ? '20000' : runsFlag.slice('--runs='.length);
const seed = String(Date.now() % 2_147_483_647);
const files = ['packages/cli/test/decode.fuzz.test.ts'];
console.log(`fuzz: ${runs} runs per property, seed ${seed} (replay: MISSIONGRAPH_FUZZ_SEED=${seed} MISSIONGRAPH_FUZZ_RUNS=${runs})`);
const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, MISSIONGRAPH_FUZZ_RUNS: runs, MISSIONGRAPH_FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
