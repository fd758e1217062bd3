// Vite configuration of the explorer: serves the graph that `missiongraph build` wrote as /graph.json in
// development, and copies it beside index.html in the static build so any static host can serve both.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Connect, type Plugin } from 'vite';

const appDir = path.dirname(fileURLToPath(import.meta.url));

/** The folder holding graph.json: MISSIONGRAPH_GRAPH_DIR when set (tests, benchmarks), else data/graph. */
export function graphDirectory(): string {
  const fromEnvironment = process.env.MISSIONGRAPH_GRAPH_DIR;
  return fromEnvironment ? path.resolve(fromEnvironment) : path.resolve(appDir, '../../data/graph');
}

/**
 * The page's Content-Security-Policy, read from index.html's meta tag (its one source), to be sent as a header by
 * the dev and preview servers too: a header also covers what a meta tag cannot (frame-ancestors, reports).
 */
export function contentSecurityPolicy(): string {
  const html = readFileSync(path.join(appDir, 'index.html'), 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!policy) throw new Error('explorer: index.html has no Content-Security-Policy meta tag');
  return `${policy}; frame-ancestors 'none'`;
}

/** Serves graph.json from the graph folder on the dev server, and emits it into the build (vite preview serves dist). */
function builtGraphFile(): Plugin {
  const serveGraph: Connect.NextHandleFunction = (request, response, next) => {
    const url = request.url ?? '';
    if (url !== '/' && url !== '' && !url.startsWith('/?') && !url.startsWith('?')) {
      next();
      return;
    }
    const file = path.join(graphDirectory(), 'graph.json');
    if (!existsSync(file)) {
      response.statusCode = 404;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end(`No graph at ${file}: run \`pnpm start\` (or \`pnpm missiongraph build data/transcripts --out data/graph\`).`);
      return;
    }
    response.statusCode = 200;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.end(readFileSync(file));
  };
  return {
    name: 'missiongraph-graph-file',
    configureServer(server) {
      server.middlewares.use('/graph.json', serveGraph);
    },
    generateBundle() {
      const file = path.join(graphDirectory(), 'graph.json');
      if (existsSync(file)) this.emitFile({ type: 'asset', fileName: 'graph.json', source: readFileSync(file) });
    },
  };
}

export default defineConfig({
  root: appDir,
  base: './',
  plugins: [builtGraphFile()],
  worker: { format: 'es' },
  server: { headers: { 'Content-Security-Policy': contentSecurityPolicy() } },
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy() } },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2048 },
});
