// End-to-end tests of Details under filters, the filter chips, links from the reference data, strength in
// words, and the phone and tablet layouts (no word broken in the middle), in headless Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, shownCounts } from './support/browser.ts';

const baseUrl = inject('baseUrl');

/** Words of the page's visible text inside `selector` that the layout splits over two lines. */
async function brokenWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.querySelector(root) ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[\p{L}\p{N}]{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  }, selector);
}

describe('views and filters', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('with a speaker filter on, Details lists only the links and evidence the map shows', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openExplorer(page, baseUrl, '?node=mission%3Amonusco');
    const details = page.getByRole('region', { name: 'Details' });
    const allLinked = await details.locator('.neighbours li[data-key]').count();
    const speaker = (await page.locator('#speaker-filter option').first().getAttribute('value')) ?? '';
    await page.locator('#speaker-filter').selectOption(speaker);
    const linkedHeading = (await details.getByRole('heading', { name: /^Linked to/ }).textContent()) ?? '';
    const shown = await details.locator('.neighbours li[data-key]').count();
    expect(shown).toBeLessThan(allLinked);
    expect(linkedHeading).toBe(`Linked to (${shown} shown of ${allLinked})`);
    const sources = await details.locator('.evidence .source').allTextContents();
    for (const source of sources) expect(source).toContain(speaker);
    // The chip bar names the filter; removing the chip restores the whole list.
    const chip = page.getByRole('group', { name: 'Active filters' }).getByRole('button', { name: `Remove filter: speaker: ${speaker}` });
    await chip.click();
    await expect.poll(() => details.locator('.neighbours li[data-key]').count()).toBe(allLinked);
    expect(new URL(page.url()).searchParams.get('speaker')).toBeNull();
    expect(await page.getByRole('group', { name: 'Active filters' }).isHidden()).toBe(true);
    await page.close();
  });

  it('explains a host-country link as reference data and strength in words', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openExplorer(page, baseUrl, '?edge=rel%3Ahost-country%3Amission%3Amonusco%7Ccountry%3Acod');
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.locator('.reference-note').textContent()).toMatch(/comes from the reference data \(the lexicon\).*MONUSCO is hosted by Democratic Republic of the Congo.*hostCountry/);
    expect(await details.getByRole('heading', { name: /^Evidence/ }).count()).toBe(0);
    await openExplorer(page, baseUrl, '?edge=co%3Acountry%3Acod%7Cmission%3Amonusco');
    await expect.poll(() => details.textContent()).toMatch(/Strength\d+(\.\d+)?: named together [\d.]+× as often as chance would give/);
    await page.close();
  });

  it('on a phone (390×844) the map comes first, full width; a selection\'s Details rise as a sheet over it, in view, and no word is broken', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openExplorer(page, baseUrl);
    const graph = (await page.locator('#graph-view').boundingBox())!;
    expect(graph.width).toBeGreaterThanOrEqual(380);
    expect(graph.height).toBeGreaterThan(400);
    // Nothing selected: Details wait below the map.
    expect((await page.locator('#details').boundingBox())!.y).toBeGreaterThanOrEqual(graph.y + graph.height - 1);
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('MONUSCO');
    await search.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent()).toBe('MONUSCO');
    await page.evaluate(() => window.scrollTo(0, 0));
    const sheet = (await page.locator('#details').boundingBox())!;
    expect(sheet.width).toBeGreaterThanOrEqual(380);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(844 + 0.5);
    expect(sheet.y).toBeGreaterThan(844 * 0.5);
    expect(sheet.y).toBeLessThan(graph.y + graph.height);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await brokenWords(page, '#details')).toEqual([]);
    expect(await brokenWords(page, '#filters')).toEqual([]);
    // Escape puts the sheet away.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await page.locator('#details').boundingBox())!.y).toBeGreaterThanOrEqual(graph.y + graph.height - 1);
    await page.close();
  });

  it('on a phone, a selected link\'s Details (its two ends, strength and evidence) fit the width and break no word', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openExplorer(page, baseUrl, '?edge=co%3Acountry%3Acod%7Cmission%3Amonusco');
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.locator('.evidence blockquote').count()).toBeGreaterThan(0);
    expect(await brokenWords(page, '#details')).toEqual([]);
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#details *')].filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5).map((element) => element.className || element.tagName),
    );
    expect(overflowing).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('on a phone, the labels of the first view stay inside the map and none overlaps another', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openExplorer(page, baseUrl);
    await page.waitForTimeout(500);
    const map = (await page.locator('#sigma-container').boundingBox())!;
    const boxes = await page.evaluate(() => (window as unknown as { missiongraphExplorer: { labelBoxes: () => { key: string; left: number; right: number; top: number; bottom: number }[] } }).missiongraphExplorer.labelBoxes());
    expect(boxes.length).toBeGreaterThan(3);
    const cut = boxes.filter((box) => box.left < 0 || box.top < 0 || box.right > map.width || box.bottom > map.height).map((box) => box.key);
    expect(cut).toEqual([]);
    const overlapping = boxes.flatMap((a, index) => boxes.slice(index + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.key}/${b.key}`));
    expect(overlapping).toEqual([]);
    await page.close();
  });

  it('on a tablet (820×1180) and a desktop, Details and filters break no word in the middle', async () => {
    for (const viewport of [
      { width: 820, height: 1180 },
      { width: 1440, height: 900 },
    ]) {
      const page = await browser.newPage({ viewport });
      await openExplorer(page, baseUrl, '?node=organization%3Aunited-nations');
      expect(await brokenWords(page, '#details'), `${viewport.width}`).toEqual([]);
      expect(await brokenWords(page, '#filters'), `${viewport.width}`).toEqual([]);
      expect((await shownCounts(page)).nodes).toBeGreaterThan(10);
      await page.close();
    }
  });
});
