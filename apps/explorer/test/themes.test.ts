// End-to-end test of the theme layer on the seed graph (built with topics, as `missiongraph build` does), in
// headless Chromium: the Themes toggle lists named themes with their missions and recolours the map.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, watchProblems, type PageProblems } from './support/browser.ts';
import { countInk } from './support/pixels.ts';

const baseUrl = inject('baseUrl');

describe('theme layer', () => {
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

  it('is off at first; toggled on it lists themes named by their phrases, with the missions discussed with them', async () => {
    const toggle = page.locator('#themes-toggle');
    expect(await toggle.isEnabled()).toBe(true);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#theme-layer').isHidden()).toBe(true);
    const before = await page.locator('#sigma-container').screenshot();

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#theme-layer').isVisible()).toBe(true);
    const names = await page.locator('#theme-list .theme-name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    // A theme is named by up to three of its phrases.
    expect(names.every((name) => name.split(' · ').length >= 2)).toBe(true);
    const missions = await page.locator('#theme-list .theme-missions').allTextContents();
    expect(missions.some((line) => /^Discussed with (MINUSCA|MONUSCO|UNMISS|MINUSMA|UNIFIL)/.test(line))).toBe(true);

    // The map is recoloured: members in their theme's colour, everything else grey.
    const after = await page.locator('#sigma-container').screenshot();
    const [inkBefore, inkAfter] = [await countInk(browser, before), await countInk(browser, after)];
    expect(inkAfter.colours).not.toBe(inkBefore.colours);
    expect(Buffer.compare(before, after)).not.toBe(0);
  });

  it('selects a member from the list, and toggled off hides the list and restores the map', async () => {
    const member = page.locator('#theme-list .theme-members button').first();
    const label = (await member.textContent()) ?? '';
    await member.click();
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toBe(label);

    await page.locator('#themes-toggle').click();
    expect(await page.locator('#themes-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#theme-layer').isHidden()).toBe(true);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
