// Runs document tasks over all cores on a piscina worker-thread pool (one thread with --workers 1: never the main one).
// A task that crashes or overruns its time limit becomes a skipped document; the rest of the corpus goes on.
import { Piscina } from 'piscina';
import { workerBundleUrl } from './worker-bundle.ts';
import { fromWire, type DocumentOutcome, type DocumentTask, type WireOutcome } from './document-task.ts';
import { runTaskBounded } from './run-bounded.ts';

export interface PlannedTask {
  task: DocumentTask;
  bytes: number;
}

/** Keeps a pool alive across builds, which matters for --watch. */
export class ExtractionRunner {
  readonly workers: number;
  #pool: Piscina<DocumentTask, WireOutcome> | undefined;

  constructor(workers: number) {
    this.workers = Math.max(1, Math.floor(workers));
  }

  /**
   * Processes every task and hands each outcome to `onOutcome` as it finishes (in completion order). Keeps none of
   * them, so the caller decides how long an extraction lives.
   */
  async run(planned: readonly PlannedTask[], onOutcome: (outcome: DocumentOutcome, bytes: number) => void): Promise<void> {
    if (planned.length === 0) return;
    // Even one document goes to a thread: in the main thread it would hold off Ctrl-C and escape the time limit.
    const pool = await this.#ensurePool(planned[0]!.task.cacheDir);
    // At most one task per thread is handed over at a time, so a deadline counts a document's own run, never its
    // wait in the queue behind the others (1,000 files on 2 threads would otherwise time out by queueing). A lane
    // hands its thread the next task as soon as an answer arrives, and only then parses and consumes that answer: the
    // thread extracts meanwhile instead of waiting for this one (which, with two workers, shares their two cores).
    let next = 0;
    const start = (): { running: Promise<WireOutcome>; bytes: number } | undefined => {
      if (next >= planned.length) return undefined;
      const { task, bytes } = planned[next++]!;
      return { running: runTaskBounded(pool, task, bytes), bytes };
    };
    const lane = async (): Promise<void> => {
      for (let current = start(); current !== undefined; ) {
        const answer = await current.running;
        const { bytes } = current;
        current = start();
        onOutcome(fromWire(answer), bytes);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.workers, planned.length) }, lane));
  }

  /**
   * Starts the worker threads now (each loads its bundle and compiles the lexicon, a second or more) so that they are
   * ready by the time the build has worked out what to extract; the main thread reads the previous state meanwhile.
   */
  async prepare(cacheDir: string): Promise<void> {
    await this.#ensurePool(cacheDir);
  }

  async #ensurePool(cacheDir: string): Promise<Piscina<DocumentTask, WireOutcome>> {
    if (this.#pool !== undefined) return this.#pool;
    // A thread loads the bundled worker in about a third of the time it takes to register tsx and compile the
    // TypeScript; the TypeScript entry stays the fallback when the bundle cannot be made.
    const filename = (await workerBundleUrl(cacheDir)) ?? new URL('./worker-entry.mjs', import.meta.url).href;
    this.#pool ??= new Piscina<DocumentTask, WireOutcome>({
      filename,
      minThreads: this.workers,
      maxThreads: this.workers,
      // Neither entry needs the parent's loader flags (the TypeScript one registers tsx itself; loading it twice breaks).
      execArgv: [],
      idleTimeout: 60_000,
    });
    return this.#pool;
  }

  /** Stops the worker threads (their memory goes back) until the next run needs them. */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    if (pool !== undefined) await pool.destroy();
  }
}
