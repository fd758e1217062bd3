// End-to-end: the PNG and SVG pictures of the map are twice the view's size and carry a title, the active
// filters and a legend of the colours drawn (the PNG decoded here and its legend corner read pixel by pixel).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, shownCounts, watchProblems, type PageProblems } from './support/browser.ts';
import { downloadFrom } from './support/downloads.ts';

const baseUrl = inject('baseUrl');

interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The PNG's size, and the drawn pixels and distinct saturated colours (4 bits a channel) in each region. */
async function readPng(browser: Browser, png: Buffer, regions: Region[]): Promise<{ width: number; height: number; regions: { ink: number; hues: number }[] }> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([base64, boxes]) => {
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        const measured = boxes.map((box) => {
          const { data } = context.getImageData(box.left, box.top, box.width, box.height);
          let ink = 0;
          const hues = new Set<number>();
          for (let index = 0; index < data.length; index += 4) {
            const [red = 255, green = 255, blue = 255] = [data[index], data[index + 1], data[index + 2]];
            if (765 - red - green - blue > 60) ink += 1;
            if (Math.max(red, green, blue) - Math.min(red, green, blue) > 60) hues.add(((red >> 4) << 8) | ((green >> 4) << 4) | (blue >> 4));
          }
          return { ink, hues: hues.size };
        });
        return { width: bitmap.width, height: bitmap.height, regions: measured };
      },
      [png.toString('base64'), regions] as const,
    );
  } finally {
    await page.close();
  }
}

describe('pictures of the map', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchProblems(page);
    await openExplorer(page, baseUrl, '?isolated=show');
    await page.getByRole('checkbox', { name: /^Show person \(\d+\)$/ }).uncheck();
    await page.waitForTimeout(500);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('PNG: twice the canvas in each direction, with the title and filters at the top and a legend of the types shown', async () => {
    const view = (await page.locator('#sigma-container').boundingBox())!;
    const png = readFileSync(await downloadFrom(page, 'PNG'));
    const width = Math.round(view.width) * 2;
    const height = Math.round(view.height) * 2;
    // The legend sits in the bottom-left corner: types' swatches (several hues) and their names.
    const legend = { left: 16, top: height - 400, width: 300, height: 384 };
    const title = { left: 16, top: 16, width: 400, height: 84 };
    const read = await readPng(browser, png, [legend, title]);
    expect({ width: read.width, height: read.height }).toEqual({ width, height });
    const [legendRegion, titleRegion] = read.regions;
    expect(legendRegion!.ink).toBeGreaterThan(1500);
    expect(legendRegion!.hues).toBeGreaterThanOrEqual(5);
    expect(titleRegion!.ink).toBeGreaterThan(1500);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('SVG: twice the canvas, with the title, the filter summary and a legend row per type shown, labels as text', async () => {
    const view = (await page.locator('#sigma-container').boundingBox())!;
    const counts = await shownCounts(page);
    const svg = readFileSync(await downloadFrom(page, 'SVG'), 'utf8');
    expect(svg).toMatch(new RegExp(`<svg[^>]* width="${Math.round(view.width) * 2}" height="${Math.round(view.height) * 2}"`));
    expect(svg).toMatch(new RegExp(`class="title">[^<]+: ${counts.nodes} entities, ${counts.edges} links</text>`));
    expect(/class="filters">([^<]*)</.exec(svg)?.[1]).toMatch(/^Filters: (.+ · )?no person( · .+)?$/);
    expect(svg).toMatch(/>mission \(\d+\)<\/text>/);
    expect(svg).not.toMatch(/>person \(\d+\)<\/text>/);
    const drawnLabels = await page.evaluate(() => (window as unknown as { missiongraphExplorer: { labelBoxes: () => unknown[] } }).missiongraphExplorer.labelBoxes().length);
    const labelGroup = /<g fill="#1f2933" font-size="13">(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
    expect(drawnLabels).toBeGreaterThan(5);
    expect((labelGroup.match(/<text /g) ?? []).length).toBe(drawnLabels);
    expect((svg.match(/<circle /g) ?? []).length).toBeGreaterThanOrEqual(counts.nodes);
    const wellFormed = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').getElementsByTagName('parsererror').length === 0, svg);
    expect(wellFormed).toBe(true);
    expect(problems.consoleErrors).toEqual([]);
  });
});
