// A minimal static file server standing in for "any static host": serves a built explorer folder,
// with graph.json taken from a chosen file, so one build can be measured with several graphs.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticSite {
  url: string;
  /** Makes /graph.json serve this file from now on. */
  useGraph: (file: string) => void;
  close: () => Promise<void>;
}

export async function serveStatic(root: string, graphFile: string): Promise<StaticSite> {
  let currentGraph = graphFile;
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = pathname === '/graph.json' ? currentGraph : path.join(root, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(root) && file !== currentGraph) {
      response.statusCode = 403;
      response.end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      response.statusCode = 404;
      response.end('not found');
      return;
    }
    response.setHeader('Content-Type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    response.setHeader('Content-Length', statSync(file).size);
    response.setHeader('Cache-Control', 'no-store');
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    useGraph: (file) => {
      currentGraph = file;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
