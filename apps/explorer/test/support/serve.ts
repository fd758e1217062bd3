// Builds the explorer with Vite into a folder and serves it with vite preview on a free port, the way
// a static host would serve apps/explorer/dist with graph.json beside index.html.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

export const explorerRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Production build of the explorer into `outDir`, copying graph.json from `graphDir`. */
export async function buildExplorer(outDir: string, graphDir: string): Promise<void> {
  const previous = process.env.MISSIONGRAPH_GRAPH_DIR;
  process.env.MISSIONGRAPH_GRAPH_DIR = graphDir;
  try {
    await build({
      configFile: path.join(explorerRoot, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.MISSIONGRAPH_GRAPH_DIR;
    else process.env.MISSIONGRAPH_GRAPH_DIR = previous;
  }
}

export interface ServedExplorer {
  url: string;
  close: () => Promise<void>;
}

/** Serves a built explorer folder on 127.0.0.1 and a free port. */
export async function serveBuild(outDir: string): Promise<ServedExplorer> {
  const server: PreviewServer = await preview({
    configFile: path.join(explorerRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('explorer tests: vite preview has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
