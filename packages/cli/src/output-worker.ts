// The output thread: writes the big XML exports (GEXF, GraphML) of a finished graph into the staging folder while the
// main thread writes the others, so writing a build's outputs keeps two cores busy. Started by output-thread.ts.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import Graph from 'graphology';
import { gexfChunks, graphmlChunks } from '@missiongraph/graph';
import { writeDurably, type WrittenOutput } from './out-dir.ts';

export interface OutputJob {
  graph: ReturnType<Graph['export']>;
  staging: string;
  names: string[];
}

export type OutputReply = { ok: true; written: WrittenOutput[] } | { ok: false; message: string; code?: string };

const WRITERS: Record<string, (graph: Graph) => Iterable<string>> = {
  'graph.gexf': gexfChunks,
  'graph.graphml': graphmlChunks,
};

/** The outputs this thread can write. */
export const THREAD_OUTPUTS: readonly string[] = Object.keys(WRITERS);

parentPort?.once('message', (job: OutputJob) => {
  let reply: OutputReply;
  try {
    // The same nodes and edges in the same order, with the same attributes: the writers give the same bytes here.
    const graph = Graph.from(job.graph);
    const written: WrittenOutput[] = [];
    for (const name of job.names) {
      const writer = WRITERS[name];
      if (writer === undefined) throw new Error(`the output thread cannot write ${name}`);
      written.push(writeDurably(path.join(job.staging, name), writer(graph)));
    }
    reply = { ok: true, written };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    reply = { ok: false, message: error instanceof Error ? error.message : String(error), ...(code !== undefined ? { code } : {}) };
  }
  parentPort?.postMessage(reply);
});
