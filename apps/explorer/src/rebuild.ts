// The page's side of the transcript worker: sends new documents and the current graph, reports
// progress, and resolves with the rebuilt graph. Extraction never runs on the page's main thread.
import type { NewDocument, RebuildReply, RebuildRequest } from './rebuild-protocol.ts';

export interface RebuildResult {
  graph: unknown;
  warnings: string[];
}

export type ProgressListener = (done: number, total: number, step: string) => void;

interface PendingRequest {
  resolve: (reply: RebuildReply) => void;
  reject: (error: Error) => void;
  progress?: ProgressListener;
}

export class TranscriptWorker {
  private readonly worker = new Worker(new URL('./rebuild-worker.ts', import.meta.url), { type: 'module', name: 'transcripts' });
  private nextRequest = 1;
  private readonly pending = new Map<number, PendingRequest>();

  constructor() {
    this.worker.addEventListener('message', (event: MessageEvent<RebuildReply>) => {
      const message = event.data;
      const request = this.pending.get(message.requestId);
      if (!request) return;
      if (message.type === 'progress') {
        request.progress?.(message.done, message.total, message.step);
        return;
      }
      this.pending.delete(message.requestId);
      if (message.type === 'error') request.reject(new Error(message.message));
      else request.resolve(message);
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      const error = new Error(`explorer/transcripts: the worker failed (${event.message || 'it could not start'})`);
      for (const request of this.pending.values()) request.reject(error);
      this.pending.clear();
    });
  }

  async add(graph: unknown, documents: NewDocument[], progress: ProgressListener): Promise<RebuildResult> {
    const reply = await this.send({ type: 'add', requestId: this.nextRequest++, graph, documents }, progress);
    if (reply.type !== 'done') throw new Error('explorer/transcripts: unexpected reply from the worker');
    return { graph: reply.graph, warnings: reply.warnings };
  }

  /** Lexicon aliases of the given entity ids (e.g. "DRC" for country:cod), for search. */
  async lexiconNames(ids: string[]): Promise<Map<string, string[]>> {
    const reply = await this.send({ type: 'names', requestId: this.nextRequest++, ids });
    if (reply.type !== 'names') throw new Error('explorer/transcripts: unexpected reply from the worker');
    return new Map(reply.names);
  }

  private send(request: RebuildRequest, progress?: ProgressListener): Promise<RebuildReply> {
    return new Promise((resolve, reject) => {
      this.pending.set(request.requestId, progress ? { resolve, reject, progress } : { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
