// The one time-limit mechanism of a build: every document's extraction runs in a worker thread under a deadline,
// even with --workers 1 or a single file, so the main thread stays free for Ctrl-C/SIGTERM and an overrun is stopped.
import type { Piscina } from 'piscina';
import type { DocumentTask, WireOutcome } from './document-task.ts';

/**
 * Test-only: a fixed time limit in ms for documents of 1 MB or more, to make a big document overrun quickly while
 * small ones keep the normal limit (so "the rest still builds" holds on a slow machine too).
 */
export const TIME_LIMIT_ENV = 'MISSIONGRAPH_TEST_TIME_LIMIT_MS';
const TEST_LIMIT_MIN_BYTES = 1024 * 1024;

/** Time allowed to one document before its worker is stopped: generous, and growing with the file. */
export function taskTimeLimitMs(bytes: number, environment: NodeJS.ProcessEnv = process.env): number {
  const fixed = Number(environment[TIME_LIMIT_ENV] ?? '');
  if (Number.isFinite(fixed) && fixed > 0 && bytes >= TEST_LIMIT_MIN_BYTES) return fixed;
  return Math.ceil(120_000 + (bytes / (1024 * 1024)) * 20_000);
}

/** Words for a time limit in a skip line: seconds, or ms when under one second. */
function describeLimit(limitMs: number): string {
  return limitMs < 1000 ? `${limitMs} ms` : `${Math.round(limitMs / 1000)} s`;
}

/**
 * Runs one document task on the pool with its deadline and gives the worker's answer as it came (the extraction still
 * JSON text: the caller parses it with fromWire once it has handed that worker its next task). Never throws: a crash
 * or an overrun becomes a skipped document. The calling thread only awaits, so signals and timers keep running.
 */
export async function runTaskBounded(pool: Piscina<DocumentTask, WireOutcome>, task: DocumentTask, bytes: number): Promise<WireOutcome> {
  const limitMs = taskTimeLimitMs(bytes);
  const signal = AbortSignal.timeout(limitMs);
  try {
    return await pool.run(task, { signal });
  } catch (error) {
    const reason = signal.aborted
      ? `extraction took longer than ${describeLimit(limitMs)} and was stopped`
      : `extraction failed: ${error instanceof Error ? error.message : String(error)}`;
    return { status: 'skipped', id: task.id, path: task.path, reason };
  }
}
