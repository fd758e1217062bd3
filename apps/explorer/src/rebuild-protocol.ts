// Messages between the page and the transcript worker: the page sends the current graph and new
// documents (or asks for lexicon names); the worker answers with progress, then a result or one error line.

export interface NewDocument {
  id: string;
  text: string;
  /** The file's time (File.lastModified, ms since 1970): the date of a document whose text and name give none. */
  lastModified?: number;
  /** A date its reader found beside the text (a PDF's first page, a Word file's creation date), and its UN symbol. */
  date?: string;
  dateSource?: 'first-page' | 'dateline';
  symbol?: string;
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
