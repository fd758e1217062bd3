// Writes the README's screenshots (docs/screenshots/*.png) of the explorer's main views, using the graph
// of the seed transcripts and a production build. Run: pnpm --filter explorer screenshots
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, openExplorer } from './browser.ts';
import { dropFiles } from './downloads.ts';
import { repositoryRoot, writeSeedGraph } from './seed-graph.ts';
import { buildExplorer, serveBuild } from './serve.ts';

const outputDirectory = path.join(repositoryRoot, 'docs/screenshots');

/** The timeline: MONUSCO selected, the period narrowed to the 2025 document, the sliders and the mentions chart in view. */
export async function timelineScreenshot(page: Page, url: string, file: string): Promise<void> {
  await openExplorer(page, url, '?node=mission%3Amonusco&from=2025-03-11&to=2025-03-11');
  await page.locator('#mentions-chart').waitFor({ state: 'visible' });
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  await page.waitForTimeout(900);
  await page.screenshot({ path: file });
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'explorer-screenshots-'));
  const graphDir = path.join(work, 'graph');
  writeSeedGraph(graphDir);
  await buildExplorer(path.join(work, 'dist'), graphDir);
  const served = await serveBuild(path.join(work, 'dist'));
  const browser = await launchBrowser();
  mkdirSync(outputDirectory, { recursive: true });
  const shot = (name: string) => path.join(outputDirectory, `${name}.png`);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openExplorer(page, served.url);
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('overview') });

    await page.getByRole('combobox', { name: 'Search entities' }).fill('MON');
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot('search') });
    await page.getByRole('combobox', { name: 'Search entities' }).fill('MONUSCO');
    await page.getByRole('combobox', { name: 'Search entities' }).press('Enter');
    await page.waitForTimeout(900);
    await page.screenshot({ path: shot('entity-details') });

    await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: /^Evidence linking / }).first().click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('link-evidence') });

    await openExplorer(page, served.url, '?colour=community&minDegree=2');
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('communities-filtered') });
    await page.locator('#legend-groups button.legend-entry').first().click();
    await page.waitForTimeout(600);
    await page.screenshot({ path: shot('community-details') });

    await timelineScreenshot(page, served.url, shot('timeline'));

    await openExplorer(page, served.url, '?node=mission%3Amonusco&speaker=Jean-Pierre+Lacroix');
    await page.waitForTimeout(900);
    await page.screenshot({ path: shot('filtered-details') });

    await openExplorer(page, served.url);
    await dropFiles(page, [{ name: 'dropped.gexf', text: 'not XML at all' }]);
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot('bad-file-message') });

    const tablet = await browser.newPage({ viewport: { width: 820, height: 1180 } });
    await openExplorer(tablet, served.url, '?node=mission%3Amonusco');
    await tablet.waitForTimeout(900);
    await tablet.screenshot({ path: shot('tablet') });
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openExplorer(phone, served.url, '?node=mission%3Amonusco');
    await phone.waitForTimeout(900);
    await phone.screenshot({ path: shot('phone') });
    console.log(`screenshots written to ${path.relative(process.cwd(), outputDirectory) || '.'}`);
  } finally {
    await browser.close();
    await served.close();
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`explorer screenshots: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
