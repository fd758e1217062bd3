// The `pnpm start` path: Vite's dev server serves the graph from the graph folder as /graph.json and the
// page runs under its Content-Security-Policy (no inline script) with no console error.
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, shownCounts, watchProblems } from './support/browser.ts';
import { explorerRoot } from './support/serve.ts';

describe('the dev server of `pnpm start`', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url = '';

  beforeAll(async () => {
    process.env.MISSIONGRAPH_GRAPH_DIR = inject('graphDir');
    server = await createServer({
      configFile: path.join(explorerRoot, 'vite.config.ts'),
      logLevel: 'warn',
      server: { port: 0, strictPort: false, host: '127.0.0.1', hmr: true },
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('dev server has no port');
    url = `http://127.0.0.1:${address.port}/`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    delete process.env.MISSIONGRAPH_GRAPH_DIR;
  });

  it('serves graph.json from the graph folder', async () => {
    const response = await fetch(`${url}graph.json`);
    expect(response.status).toBe(200);
    const graph = (await response.json()) as { nodes: unknown[] };
    expect(graph.nodes.length).toBeGreaterThan(10);
  });

  it('sends the page’s CSP as a header too', async () => {
    const header = (await fetch(url)).headers.get('content-security-policy') ?? '';
    expect(header).toMatch(/script-src 'self'/);
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('loads and draws the graph under the CSP with no console error', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await openExplorer(page, url);
    const counts = await shownCounts(page);
    expect(counts.totalNodes).toBeGreaterThan(10);
    await page.getByRole('combobox', { name: 'Search entities' }).fill('MONUSCO');
    await page.getByRole('combobox', { name: 'Search entities' }).press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent()).toBe('MONUSCO');
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  });
});
