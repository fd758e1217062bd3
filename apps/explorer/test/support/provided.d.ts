// Values the explorer's global setup hands to the tests (vitest's provide/inject): the URL of the
// served build and the folder of the seed graph.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the built explorer served by vite preview, ending in "/". */
    baseUrl: string;
    /** Folder holding the graph.json built from the seed transcripts. */
    graphDir: string;
    /** Folder of the production build, for tests that serve it with another graph. */
    distDir: string;
  }
}
