// Runs document tasks over all cores: a piscina worker-thread pool, or the main thread when one worker is asked for.
// A task that crashes or overruns its time limit becomes a skipped document; the rest of the corpus goes on.
import { Piscina } from 'piscina';
import type { CompiledLexicon } from '@missiongraph/extract';
import { defaultLexicon } from '@missiongraph/extract';
import { workerBundleUrl } from './worker-bundle.ts';
import { fromWire, processDocument, type DocumentOutcome, type DocumentTask, type WireOutcome } from './document-task.ts';

/** Time allowed to one document before its worker is stopped: generous, and growing with the file. */
function taskTimeLimitMs(bytes: number): number {
  return Math.ceil(120_000 + (bytes / (1024 * 1024)) * 20_000);
}

export interface PlannedTask {
  task: DocumentTask;
  bytes: number;
}

/** Keeps a pool (and the main thread's lexicon) alive across builds, which matters for --watch. */
export class ExtractionRunner {
  readonly workers: number;
  #pool: Piscina<DocumentTask, WireOutcome> | undefined;
  #lexicon: CompiledLexicon | undefined;

  constructor(workers: number) {
    this.workers = Math.max(1, Math.floor(workers));
  }

  /**
   * Processes every task and hands each outcome to `onOutcome` as it finishes (in completion order). Keeps none of
   * them, so the caller decides how long an extraction lives.
   */
  async run(planned: readonly PlannedTask[], onOutcome: (outcome: DocumentOutcome, bytes: number) => void): Promise<void> {
    if (this.workers === 1 || planned.length <= 1) return this.#runInProcess(planned, onOutcome);
    const pool = await this.#ensurePool(planned[0]!.task.cacheDir);
    await Promise.all(
      planned.map(async ({ task, bytes }) => {
        const signal = AbortSignal.timeout(taskTimeLimitMs(bytes));
        let outcome: DocumentOutcome;
        try {
          outcome = fromWire(await pool.run(task, { signal }));
        } catch (error) {
          const reason = signal.aborted
            ? `extraction took longer than ${Math.round(taskTimeLimitMs(bytes) / 1000)} s and was stopped`
            : `extraction failed: ${error instanceof Error ? error.message : String(error)}`;
          outcome = { status: 'skipped', id: task.id, path: task.path, reason };
        }
        onOutcome(outcome, bytes);
      }),
    );
  }

  async #runInProcess(planned: readonly PlannedTask[], onOutcome: (outcome: DocumentOutcome, bytes: number) => void): Promise<void> {
    this.#lexicon ??= defaultLexicon();
    for (const { task, bytes } of planned) {
      onOutcome(processDocument(task, this.#lexicon), bytes);
      // Let signals, timers and the progress display run between documents.
      await new Promise((resolve) => setImmediate(resolve));
    }
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
