// Entry point of the `missiongraph` command (`pnpm missiongraph …`, or bin/missiongraph.js once installed).
// Runs the CLI and turns Ctrl-C/SIGTERM into a clean stop: lock released, staged files removed, old outputs kept.
import { runCli } from './cli.ts';
import { buildInProgress, runCleanups } from './out-dir.ts';

function stopOnSignal(signal: NodeJS.Signals): void {
  const interrupted = buildInProgress();
  runCleanups();
  if (interrupted) process.stderr.write(`missiongraph: interrupted (${signal}); the previous outputs are unchanged\n`);
  else process.stderr.write('missiongraph: stopped\n');
  process.exit(interrupted ? 130 : 0);
}

process.on('SIGINT', stopOnSignal);
process.on('SIGTERM', stopOnSignal);
process.exitCode = await runCli(process.argv.slice(2));
