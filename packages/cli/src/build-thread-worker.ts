// The build's second thread: runs ForceAtlas2 while the main thread computes metrics and communities, then writes
// the big XML exports (GEXF, GraphML) into the staging folder while the main thread writes the others.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import Graph from 'graphology';
import { gexfChunks, graphmlChunks, runLayout, type CoMentionNetwork, type GexfOptions, type LayoutResult, type LayoutStart } from '@missiongraph/graph';
import { writeDurably, type WrittenOutput } from './out-dir.ts';

export type BuildThreadJob =
  | { kind: 'layout'; network: CoMentionNetwork; seed: number; iterations: number | undefined; start?: LayoutStart }
  | { kind: 'write'; graph: ReturnType<Graph['export']>; staging: string; names: string[]; gexf?: GexfOptions };

export type BuildThreadReply =
  | { ok: true; kind: 'layout'; layout: LayoutResult }
  | { ok: true; kind: 'write'; written: WrittenOutput[] }
  | { ok: false; message: string; code?: string };

const WRITERS: Record<string, (graph: Graph, gexf: GexfOptions) => Iterable<string>> = {
  'graph.gexf': (graph, gexf) => gexfChunks(graph, gexf),
  'graph.graphml': (graph) => graphmlChunks(graph),
};

function run(job: BuildThreadJob): BuildThreadReply {
  if (job.kind === 'layout') return { ok: true, kind: 'layout', layout: runLayout(job.network, job.seed, job.iterations, job.start) };
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
