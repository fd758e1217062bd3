// End-to-end tests of the camera in the URL: a link copied after panning and zooming reopens the same
// view of the seed graph in a new page, and camera values that make no sense are ignored.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, watchProblems } from './support/browser.ts';
import { differingShare } from './support/pixels.ts';

const baseUrl = inject('baseUrl');
const viewport = { width: 1280, height: 800 };
/** Longer than sigma's wheel zoom (250 ms) plus the wait before the URL takes the camera (250 ms). */
const SETTLE_MS = 900;

function cameraParams(url: string): { x: string | null; y: string | null; ratio: string | null; angle: string | null } {
  const params = new URL(url).searchParams;
  return { x: params.get('x'), y: params.get('y'), ratio: params.get('ratio'), angle: params.get('angle') };
}

async function graphBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator('#sigma-container').boundingBox();
  if (!box) throw new Error('no graph view');
  return box;
}

function detailsHeading(page: Page): Promise<string | null> {
  return page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent();
}

describe('camera in the URL', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a link copied after panning and zooming reopens the same view, even with an entity selected', async () => {
    const page = await browser.newPage({ viewport });
    const problems = watchProblems(page);
    await openExplorer(page, baseUrl);
    expect(cameraParams(page.url()).ratio).toBeNull();

    // Choosing MONUSCO from search still flies to it; once there, the URL holds the new camera.
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('MONUSCO');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('MONUSCO');
    await search.press('Enter');
    // Centred on MONUSCO, zoomed in so that its neighbours fill the view.
    await expect.poll(() => Number(cameraParams(page.url()).ratio ?? Number.NaN), { timeout: 5_000 }).toBeLessThan(1);
    const centredRatio = cameraParams(page.url()).ratio;
    expect(Number(cameraParams(page.url()).x)).toBeGreaterThan(0);

    // Drag MONUSCO (now at the centre) off-centre, pausing before release so sigma adds no inertia,
    // then zoom in with the wheel over it: it stays under the pointer.
    const box = await graphBox(page);
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const target = { x: centre.x - 260, y: centre.y + 140 };
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(target.x, target.y, { steps: 12 });
    await page.waitForTimeout(250);
    await page.mouse.up();
    await page.mouse.wheel(0, -120);
    await expect.poll(() => Number(cameraParams(page.url()).ratio), { timeout: 5_000 }).toBeLessThan(0.5);
    await page.waitForTimeout(SETTLE_MS);

    // Check the assumption the rest relies on: MONUSCO is now drawn under `target`.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Details' }).textContent()).toMatch(/Select an entity/);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => detailsHeading(page)).toBe('MONUSCO');
    await page.waitForTimeout(SETTLE_MS);
    const url = page.url();
    const camera = cameraParams(url);
    expect(new URL(url).searchParams.get('node')).toBe('mission:monusco');
    expect(camera.angle).toBeNull();
    // Short, rounded numbers.
    for (const value of [camera.x, camera.y, camera.ratio]) expect(value).toMatch(/^-?\d+(\.\d{1,7})?$/);
    const shown = await page.locator('#sigma-container').screenshot();

    // A new page on that link: same camera, not replaced by a flight to the selected entity.
    const second = await browser.newPage({ viewport });
    const secondProblems = watchProblems(second);
    await openExplorer(second, url);
    await second.mouse.move(target.x, target.y);
    await second.waitForTimeout(SETTLE_MS);
    expect(await detailsHeading(second)).toBe('MONUSCO');
    expect(cameraParams(second.url())).toEqual(camera);
    const reopened = await second.locator('#sigma-container').screenshot();
    expect(await differingShare(browser, shown, reopened)).toBeLessThan(0.005);
    // MONUSCO is drawn at the same place: clicking there selects it again.
    await second.keyboard.press('Escape');
    await expect.poll(() => second.getByRole('region', { name: 'Details' }).textContent()).toMatch(/Select an entity/);
    await second.mouse.click(target.x, target.y);
    await expect.poll(() => detailsHeading(second)).toBe('MONUSCO');

    // The same link without its camera centres on MONUSCO instead, and looks clearly different:
    // the comparison above would have caught a camera that was not restored.
    const withoutCamera = new URL(url);
    for (const name of ['x', 'y', 'ratio']) withoutCamera.searchParams.delete(name);
    const third = await browser.newPage({ viewport });
    await openExplorer(third, withoutCamera.toString());
    await third.mouse.move(target.x, target.y);
    await third.waitForTimeout(SETTLE_MS);
    const centred = await third.locator('#sigma-container').screenshot();
    expect(await differingShare(browser, shown, centred)).toBeGreaterThan(0.01);
    expect(cameraParams(third.url()).ratio).toBe(centredRatio);

    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(secondProblems.consoleErrors).toEqual([]);
    expect(secondProblems.pageErrors).toEqual([]);
    await Promise.all([page.close(), second.close(), third.close()]);
  });

  it('ignores camera values that make no sense: the default view is shown and the URL drops them', async () => {
    const plain = await browser.newPage({ viewport });
    await openExplorer(plain, baseUrl);
    await plain.waitForTimeout(300);
    const defaultView = await plain.locator('#sigma-container').screenshot();
    await plain.close();

    for (const query of ['?x=abc&y=0.5&ratio=NaN&angle=oops', '?x=0.2&y=0.3&ratio=1e9', '?x=Infinity&y=0.5&ratio=0.5', '?x=0.2&y=0.3&ratio=-2']) {
      const page = await browser.newPage({ viewport });
      const problems = watchProblems(page);
      await openExplorer(page, baseUrl, query);
      await page.waitForTimeout(300);
      expect(cameraParams(page.url()), query).toEqual({ x: null, y: null, ratio: null, angle: null });
      const shown = await page.locator('#sigma-container').screenshot();
      expect(await differingShare(browser, defaultView, shown), query).toBeLessThan(0.005);
      expect(problems.consoleErrors, query).toEqual([]);
      expect(problems.pageErrors, query).toEqual([]);
      await page.close();
    }

    // With a bad camera, a selected entity is centred on as if the link had no camera.
    const selected = await browser.newPage({ viewport });
    await openExplorer(selected, baseUrl, '?node=mission%3Amonusco&x=1&y=1&ratio=zoom');
    await expect.poll(() => Number(cameraParams(selected.url()).ratio ?? Number.NaN)).toBeLessThan(1);
    expect(await detailsHeading(selected)).toBe('MONUSCO');
    await selected.close();
  });
});
