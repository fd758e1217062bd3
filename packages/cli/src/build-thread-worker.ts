// A build's analysis thread: computes the metrics and communities or the layout of the co-mention network, so the
// main thread stays free for Ctrl-C; then (with more than one worker) writes the big XML exports (GEXF, GraphML).
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import Graph from 'graphology';
import {
  gexfChunks,
  graphmlChunks,
  networkMetrics,
  networkPositions,
  type CoMentionNetwork,
  type GexfOptions,
  type LayoutStart,
  type NetworkMetrics,
  type NetworkPositions,
} from '@missiongraph/graph';
import { writeDurably, type WrittenOutput } from './out-dir.ts';

export type BuildThreadJob =
  | { kind: 'metrics'; network: CoMentionNetwork; seed: number; previousCommunities?: ReadonlyMap<string, number> }
  | { kind: 'positions'; network: CoMentionNetwork; seed: number; iterations: number | undefined; start?: LayoutStart }
  | { kind: 'write'; graph: ReturnType<Graph['export']>; staging: string; names: string[]; gexf?: GexfOptions };

export type BuildThreadReply =
  | { ok: true; kind: 'metrics'; metrics: NetworkMetrics }
  | { ok: true; kind: 'positions'; positions: NetworkPositions }
  | { ok: true; kind: 'write'; written: WrittenOutput[] }
  | { ok: false; message: string; code?: string };

const WRITERS: Record<string, (graph: Graph, gexf: GexfOptions) => Iterable<string>> = {
  'graph.gexf': (graph, gexf) => gexfChunks(graph, gexf),
  'graph.graphml': (graph) => graphmlChunks(graph),
};

function run(job: BuildThreadJob): BuildThreadReply {
  if (job.kind === 'metrics') return { ok: true, kind: 'metrics', metrics: networkMetrics(job.network, job.seed, job.previousCommunities) };
  if (job.kind === 'positions') return { ok: true, kind: 'positions', positions: networkPositions(job.network, job.seed, job.iterations, job.start) };
  // The same nodes and edges in the same order, with the same attributes: the writers give the same bytes here.
  const graph = Graph.from(job.graph);
  const written: WrittenOutput[] = [];
  for (const name of job.names) {
    const writer = WRITERS[name];
    if (writer === undefined) throw new Error(`the build thread cannot write ${name}`);
    written.push(writeDurably(path.join(job.staging, name), writer(graph, job.gexf ?? {})));
  }
  return { ok: true, kind: 'write', written };
}

parentPort?.on('message', (job: BuildThreadJob) => {
  let reply: BuildThreadReply;
  try {
    reply = run(job);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    reply = { ok: false, message: error instanceof Error ? error.message : String(error), ...(code !== undefined ? { code } : {}) };
  }
  parentPort?.postMessage(reply);
});
