// Messages between the page and the transcript worker: the page sends the current graph and new
// documents (or asks for lexicon names); the worker answers with progress, then a result or one error line.

export interface NewDocument {
  id: string;
  text: string;
}

export type RebuildRequest =
  | {
      type: 'add';
      requestId: number;
      /** The current graph in graph.json form, or null when nothing is loaded. */
      graph: unknown;
      documents: NewDocument[];
    }
  | { type: 'names'; requestId: number; ids: string[] };

export type RebuildReply =
  | { type: 'progress'; requestId: number; done: number; total: number; step: string }
  | { type: 'done'; requestId: number; graph: unknown; warnings: string[] }
  | { type: 'names'; requestId: number; names: [string, string[]][] }
  | { type: 'error'; requestId: number; message: string };
