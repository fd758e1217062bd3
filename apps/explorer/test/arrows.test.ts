// End-to-end: a graph file's directed links are drawn with arrow heads at their target, its undirected links as
// plain lines, on directed, undirected and mixed GEXF and GraphML fixtures, checked in the program and the pixels.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGexfWithWarnings, readGraphmlWithWarnings } from '@missiongraph/graph';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, watchProblems, type PageProblems } from './support/browser.ts';

const baseUrl = inject('baseUrl');
const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/graph/test/fixtures');

interface End {
  x: number;
  y: number;
  radius: number;
}
interface EdgeDrawing {
  key: string;
  program: string;
  source: End;
  target: End;
}

/** Which links of a fixture are directed, as the graph package's reader (held to graphology-gexf and networkx) reads them. */
function directedLinks(name: string): { directed: Set<string>; all: Set<string> } {
  const text = readFileSync(path.join(fixtures, name), 'utf8');
  const { graph } = name.endsWith('.graphml') ? readGraphmlWithWarnings(text) : readGexfWithWarnings(text);
  const directed = new Set<string>();
  const all = new Set<string>();
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (source === target) return;
    all.add(edge);
    if (graph.isDirected(edge)) directed.add(edge);
  });
  return { directed, all };
}

async function openFixture(page: Page, name: string): Promise<EdgeDrawing[]> {
  await page.locator('#file-input').setInputFiles(path.join(fixtures, name));
  await page.getByText(`Opened ${name}:`).waitFor();
  await page.waitForSelector('body[data-state=ready]');
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { missiongraphExplorer: { edgeDrawings: () => EdgeDrawing[] } }).missiongraphExplorer.edgeDrawings());
}

/** Whether the pixel at (x, y) is drawn (clearly darker than the white background). */
function inked(pixels: Buffer, width: number, x: number, y: number): boolean {
  const index = (Math.round(y) * width + Math.round(x)) * 4;
  return 765 - (pixels[index] ?? 255) - (pixels[index + 1] ?? 255) - (pixels[index + 2] ?? 255) > 60;
}

/**
 * How wide a link is drawn at `step` pixels from its end `from` towards `to`: the unbroken run of drawn pixels
 * across it through its centre line (another link nearby, separated by background, does not count).
 */
function widthAt(pixels: Buffer, width: number, from: End, to: End, step: number): number {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const along = { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
  const centre = { x: from.x + along.x * step, y: from.y + along.y * step };
  let run = 0;
  for (const side of [1, -1]) {
    for (let offset = side === 1 ? 0 : 0.5; offset <= 14; offset += 0.5) {
      if (!inked(pixels, width, centre.x - along.y * offset * side, centre.y + along.x * offset * side)) break;
      run += 0.5;
    }
  }
  return run;
}

/** The widest the link is drawn from just outside an end's disc to 14 px further along (where a head would be). */
function widthNear(pixels: Buffer, width: number, drawing: EdgeDrawing, end: 'source' | 'target'): number {
  const near = drawing[end];
  const far = end === 'target' ? drawing.source : drawing.target;
  const length = Math.hypot(far.x - near.x, far.y - near.y);
  let widest = 0;
  for (let step = near.radius + 2; step < near.radius + 16 && step < length / 2; step += 1) widest = Math.max(widest, widthAt(pixels, width, near, far, step));
  return widest;
}

/** The link's width halfway along, away from both discs. */
function widthMidway(pixels: Buffer, width: number, drawing: EdgeDrawing): number {
  const length = Math.hypot(drawing.target.x - drawing.source.x, drawing.target.y - drawing.source.y);
  return Math.max(widthAt(pixels, width, drawing.source, drawing.target, length / 2), widthAt(pixels, width, drawing.source, drawing.target, length / 2 + 2));
}

/** The graph canvas's pixels without the label layer (labels may cross a link) or what floats over it (messages, buttons), as RGBA. */
async function edgePixels(page: Page, browser: Browser): Promise<{ pixels: Buffer; width: number }> {
  await page.evaluate(() => {
    for (const layer of document.querySelectorAll<HTMLElement>('.sigma-labels, .sigma-hovers, #graph-view > :not(#sigma-container)')) layer.style.visibility = 'hidden';
  });
  const box = (await page.locator('#sigma-container').boundingBox())!;
  const png = await page.locator('#sigma-container').screenshot();
  await page.evaluate(() => {
    for (const layer of document.querySelectorAll<HTMLElement>('.sigma-labels, .sigma-hovers, #graph-view > :not(#sigma-container)')) layer.style.visibility = '';
  });
  const decoder = await browser.newPage();
  try {
    const rgba = await decoder.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return { data: Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data), width: bitmap.width };
    }, png.toString('base64'));
    expect(rgba.width).toBe(Math.round(box.width));
    return { pixels: Buffer.from(rgba.data), width: rgba.width };
  } finally {
    await decoder.close();
  }
}

describe('direction of a file\'s links on the map', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchProblems(page);
    await openExplorer(page, baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['gephi-1.1-directed.gexf', 'directed'],
    ['tolerated-1.3.gexf', 'directed'],
    ['networkx-directed.graphml', 'directed'],
    ['gephi-1.3.gexf', 'undirected'],
    ['gephi-undirected.graphml', 'undirected'],
    ['gephi-1.2.gexf', 'mixed'],
  ])('%s (%s): arrows exactly on the directed links', async (name, shape) => {
    const { directed, all } = directedLinks(name);
    if (shape === 'directed') expect(directed.size).toBe(all.size);
    if (shape === 'undirected') expect(directed.size).toBe(0);
    if (shape === 'mixed') expect(directed.size).toBeGreaterThan(0);
    if (shape === 'mixed') expect(directed.size).toBeLessThan(all.size);

    const drawings = await openFixture(page, name);
    expect(new Set(drawings.map((drawing) => drawing.key))).toEqual(all);
    const arrows = new Set(drawings.filter((drawing) => drawing.program === 'arrow').map((drawing) => drawing.key));
    expect(arrows).toEqual(directed);
    for (const drawing of drawings) expect(drawing.program).toBe(directed.has(drawing.key) ? 'arrow' : 'line');

    // And on screen: a head at the target end of each directed link, none at either end of an undirected one.
    const { pixels, width } = await edgePixels(page, browser);
    for (const drawing of drawings) {
      const midway = widthMidway(pixels, width, drawing);
      expect(midway, `${name} ${drawing.key}: drawn`).toBeGreaterThan(0);
      const atTarget = widthNear(pixels, width, drawing, 'target');
      if (directed.has(drawing.key)) {
        expect(atTarget, `${name} ${drawing.key}: head at the target`).toBeGreaterThanOrEqual(midway + 2.5);
      } else {
        expect(atTarget, `${name} ${drawing.key}: no head at the target`).toBeLessThanOrEqual(midway + 1.5);
        expect(widthNear(pixels, width, drawing, 'source'), `${name} ${drawing.key}: no head at the source`).toBeLessThanOrEqual(midway + 1.5);
      }
    }
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
