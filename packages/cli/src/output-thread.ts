// Starts the output thread (output-worker.ts, bundled) for a finished graph and waits for the files it writes; used by
// the build when it may use more than one thread, so the GEXF and GraphML exports are written beside the others.
import { Worker } from 'node:worker_threads';
import type { MissionGraph } from '@missiongraph/graph';
import type { WrittenOutput } from './out-dir.ts';
import type { OutputJob, OutputReply } from './output-worker.ts';
import { workerBundleUrl } from './worker-bundle.ts';

/** The outputs written by the output thread (the biggest, and the slowest to produce). */
export const THREAD_OUTPUT_NAMES: ReadonlySet<string> = new Set(['graph.gexf', 'graph.graphml']);

/** An error from the thread, with the file-system code (ENOSPC, EACCES…) the main thread explains to the user. */
class OutputThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * A writer for writeOutputsAtomically's offload: sends the graph to a new thread, which writes the named files into
 * the staging folder. Undefined when the thread's bundle cannot be made (everything is then written in this thread).
 */
export async function outputThreadWriter(cacheDir: string, graph: MissionGraph): Promise<((staging: string, names: string[]) => Promise<WrittenOutput[]>) | undefined> {
  const url = await workerBundleUrl(cacheDir, 'output-worker');
  if (url === undefined) return undefined;
  return (staging, names) =>
    new Promise<WrittenOutput[]>((resolve, reject) => {
      const worker = new Worker(new URL(url), { execArgv: [] });
      let settled = false;
      worker.once('message', (reply: OutputReply) => {
        settled = true;
        void worker.terminate();
        if (reply.ok) resolve(reply.written);
        else reject(new OutputThreadError(reply.message, reply.code));
      });
      worker.once('error', (error) => {
        settled = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(new Error(`the output thread stopped (exit code ${code}) before writing ${names.join(', ')}`));
      });
      const job: OutputJob = { graph: graph.export(), staging, names };
      worker.postMessage(job);
    });
}
