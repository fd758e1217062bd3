// The main side of a build's analysis thread (build-thread-worker.ts, bundled like the pool worker): metrics and layout
// computed there while the main thread only waits (so Ctrl-C ends the build at once), then GEXF and GraphML written there.
import { Worker } from 'node:worker_threads';
import type { CoMentionNetwork, GexfOptions, LayoutStart, MissionGraph, NetworkMetrics, NetworkPositions } from '@missiongraph/graph';
import type { WrittenOutput } from './out-dir.ts';
import type { BuildThreadJob, BuildThreadReply } from './build-thread-worker.ts';
import { workerBundleUrl } from './worker-bundle.ts';

/** The outputs the build thread writes (the biggest, and the slowest to produce). */
export const THREAD_OUTPUT_NAMES: ReadonlySet<string> = new Set(['graph.gexf', 'graph.graphml']);

/** An error from the thread, with the file-system code (ENOSPC, EACCES…) the main thread explains to the user. */
class BuildThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface Pending {
  resolve: (reply: BuildThreadReply) => void;
  reject: (error: Error) => void;
}

export class BuildThread {
  readonly #worker: Worker;
  /** Replies come in the order of the jobs. */
  readonly #pending: Pending[] = [];
  #failure: Error | undefined;

  private constructor(url: string) {
    this.#worker = new Worker(new URL(url), { execArgv: [] });
    this.#worker.on('message', (reply: BuildThreadReply) => {
      const waiting = this.#pending.shift();
      if (waiting === undefined) return;
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(new BuildThreadError(reply.message, reply.code));
    });
    const fail = (error: Error): void => {
      this.#failure ??= error;
      for (const waiting of this.#pending.splice(0)) waiting.reject(error);
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`the build thread stopped (exit code ${code})`)));
  }

  /** Starts the thread; undefined when its bundle cannot be made (the main thread then does everything). */
  static async start(cacheDir: string): Promise<BuildThread | undefined> {
    const url = await workerBundleUrl(cacheDir, 'build-thread-worker');
    return url === undefined ? undefined : new BuildThread(url);
  }

  #request(job: BuildThreadJob): Promise<BuildThreadReply> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending.push({ resolve, reject });
      this.#worker.postMessage(job);
    });
  }

  /** networkMetrics(network, seed, previousCommunities), computed in the thread. */
  async metrics(network: CoMentionNetwork, seed: number, previousCommunities: ReadonlyMap<string, number> | undefined): Promise<NetworkMetrics> {
    const reply = await this.#request({ kind: 'metrics', network, seed, ...(previousCommunities !== undefined ? { previousCommunities } : {}) });
    if (!reply.ok || reply.kind !== 'metrics') throw new Error('the build thread answered the metrics with something else');
    return reply.metrics;
  }

  /** networkPositions(network, seed, iterations, start) (cold, or warm from a previous map), computed in the thread. */
  async positions(network: CoMentionNetwork, seed: number, iterations: number | undefined, start: LayoutStart | undefined): Promise<NetworkPositions> {
    const reply = await this.#request({ kind: 'positions', network, seed, iterations, ...(start !== undefined ? { start } : {}) });
    if (!reply.ok || reply.kind !== 'positions') throw new Error('the build thread answered a layout with something else');
    return reply.positions;
  }

  /** Writes the named outputs of `graph` (a structured clone of it goes to the thread: give it the slim export view) into the staging folder. */
  async write(graph: MissionGraph, staging: string, names: string[], gexf: GexfOptions = {}): Promise<WrittenOutput[]> {
    const reply = await this.#request({ kind: 'write', graph: graph.export(), staging, names, gexf });
    if (!reply.ok || reply.kind !== 'write') throw new Error('the build thread answered a write with something else');
    return reply.written;
  }

  async close(): Promise<void> {
    this.#failure ??= new Error('the build thread was closed');
    await this.#worker.terminate();
  }
}
