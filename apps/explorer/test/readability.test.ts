// End-to-end tests of what an analyst meets first, in headless Chromium: labels that never overlap (measured
// on the drawn label boxes), the selection and its neighbours always named, the view buttons, and the legend.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TYPE_COLORS } from '@missiongraph/graph';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, watchProblems, type PageProblems } from './support/browser.ts';
import { serveStatic, type StaticSite } from './support/static-server.ts';
import { syntheticGraphJson } from './support/synthetic-graph.ts';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');

interface Box {
  key: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The label boxes drawn in the last frame, after the view has settled. */
async function labelBoxes(page: Page): Promise<Box[]> {
  await page.waitForTimeout(400);
  return page.evaluate(() => (window as unknown as { missiongraphExplorer: { labelBoxes: () => Box[] } }).missiongraphExplorer.labelBoxes());
}

/** The label-overlap measure: pairs of drawn label boxes that intersect. */
function overlappingPairs(boxes: readonly Box[]): number {
  let pairs = 0;
  for (let first = 0; first < boxes.length; first += 1) {
    for (let second = first + 1; second < boxes.length; second += 1) {
      const a = boxes[first]!;
      const b = boxes[second]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs += 1;
    }
  }
  return pairs;
}

function hexToRgb(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

describe('readable at a glance', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let generated: StaticSite;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    problems = watchProblems(page);
    const folder = mkdtempSync(path.join(tmpdir(), 'explorer-2k-'));
    const file = path.join(folder, 'graph.json');
    writeFileSync(file, JSON.stringify(syntheticGraphJson({ nodes: 2000, edges: 8000, seed: 11 })));
    generated = await serveStatic(distDir, file);
  });

  afterAll(async () => {
    await browser?.close();
    await generated?.close();
  });

  it('draws labels in the first view of the seed graph, and no two of them overlap', async () => {
    await openExplorer(page, baseUrl);
    const boxes = await labelBoxes(page);
    expect(boxes.length).toBeGreaterThan(10);
    expect(overlappingPairs(boxes)).toBe(0);
    // The first view fits the graph with margins: every label lies inside the graph view.
    const view = await page.locator('#sigma-container').boundingBox();
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(view?.width ?? 0);
    }
    expect(problems.pageErrors).toEqual([]);
  });

  it('names the selection and every one of its neighbours, without overlaps among the other labels', async () => {
    await openExplorer(page, baseUrl, '?node=mission%3Amonusco');
    await page.waitForTimeout(600);
    // Every neighbour, not only the first page of the list.
    const neighbours = await page.evaluate(() => {
      const more = document.querySelector<HTMLButtonElement>('#details .neighbours + .more');
      while (more && !more.hidden) more.click();
      return [...document.querySelectorAll('#details .neighbours li[data-key]')].map((item) => item.getAttribute('data-key') ?? '');
    });
    expect(neighbours.length).toBeGreaterThan(3);
    const boxes = await labelBoxes(page);
    const drawn = new Set(boxes.map((box) => box.key));
    expect(drawn.has('mission:monusco')).toBe(true);
    expect(neighbours.filter((key) => !drawn.has(key))).toEqual([]);
    expect(overlappingPairs(boxes)).toBe(0);
  });

  it('on a generated 2,000-entity graph, overlaps fewer labels than sigma’s default label grid (Gephi Lite’s renderer)', async () => {
    await openExplorer(page, generated.url);
    const placed = await labelBoxes(page);
    await openExplorer(page, generated.url, '?labels=grid');
    const grid = await labelBoxes(page);
    const placedOverlaps = overlappingPairs(placed);
    const gridOverlaps = overlappingPairs(grid);
    console.log(`2k graph, first view: placed labels ${placed.length} with ${placedOverlaps} overlapping pairs; sigma default grid ${grid.length} with ${gridOverlaps}`);
    expect(placed.length).toBeGreaterThan(20);
    expect(gridOverlaps).toBeGreaterThan(0);
    expect(placedOverlaps).toBeLessThan(gridOverlaps);
    expect(placedOverlaps).toBe(0);
  });

  it('zoom in, zoom out, fit and reset buttons move the camera, and reset returns to the first view', async () => {
    await openExplorer(page, baseUrl);
    const camera = () => page.evaluate(() => (window as unknown as { missiongraphExplorer: { camera: () => { ratio: number; x: number; y: number } } }).missiongraphExplorer.camera());
    const first = await camera();
    const view = page.getByRole('group', { name: 'View' });
    await view.getByRole('button', { name: 'Zoom in' }).click();
    await page.waitForTimeout(400);
    const zoomed = await camera();
    expect(zoomed.ratio).toBeLessThan(first.ratio * 0.8);
    await view.getByRole('button', { name: 'Zoom out' }).click();
    await view.getByRole('button', { name: 'Zoom out' }).click();
    await page.waitForTimeout(400);
    expect((await camera()).ratio).toBeGreaterThan(zoomed.ratio * 1.8);
    await view.getByRole('button', { name: 'Reset' }).click();
    await page.waitForTimeout(500);
    expect(await camera()).toMatchObject({ x: 0.5, y: 0.5, ratio: 1 });
    // Fit frames what a filter leaves: hiding most types, the camera closes in on the rest.
    await openExplorer(page, baseUrl, '?hide=concept&hide=organization&hide=person&hide=place&hide=topic&hide=event&hide=agreement&hide=country');
    await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Fit' }).click();
    await page.waitForTimeout(500);
    expect((await camera()).ratio).toBeLessThan(1);
  });

  it('the keyboard walks the selection’s neighbours, Enter selects one and Backspace goes back', async () => {
    await openExplorer(page, baseUrl, '?node=mission%3Amonusco');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const names = await page.locator('#details .neighbours li > button:not(.weight)').allTextContents();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(names[1]);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 });
    await expect.poll(() => heading.textContent()).toBe(names[1]);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Backspace');
    await expect.poll(() => heading.textContent()).toBe('MONUSCO');
  });

  it('the legend names every type shown in the graph package’s colours, and explains size and lines', async () => {
    await openExplorer(page, baseUrl);
    const legend = page.getByRole('region', { name: 'Legend' });
    const entries = await page.locator('#type-legend li').evaluateAll((items) =>
      items.map((item) => ({
        name: item.querySelector('label > span:not(.swatch):not(.count)')?.textContent ?? '',
        color: getComputedStyle(item.querySelector('.swatch') as Element).backgroundColor,
      })),
    );
    expect(entries.length).toBeGreaterThan(3);
    for (const entry of entries) expect(entry.color).toBe(hexToRgb(TYPE_COLORS[entry.name] ?? '#999999'));
    const text = (await legend.textContent()) ?? '';
    expect(text).toMatch(/Bigger circle/);
    expect(text).toMatch(/same sentence/);
    expect(text).toMatch(/reference data/);
  });

  it('colour by community keeps a legend that names each community by its central entities, with its size', async () => {
    await openExplorer(page, baseUrl, '?colour=community');
    const legend = page.getByRole('region', { name: 'Legend' });
    const first = legend.locator('#legend-groups button.legend-entry').first();
    const name = (await first.locator('.legend-name').textContent()) ?? '';
    expect(name).toMatch(/ · /);
    const size = Number(await first.locator('.count').textContent());
    expect(size).toBeGreaterThan(1);
    await first.click();
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toBe(name);
    expect(await details.getByRole('heading', { name: `Members (${size})` }).count()).toBe(1);
    expect(await details.getByRole('heading', { name: /^Strongest links/ }).count()).toBe(1);
    expect(await details.getByRole('heading', { name: /^Documents/ }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('community')).toMatch(/^\d+$/);
  });
});
