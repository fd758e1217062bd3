// Writes the README's screenshots (docs/screenshots/*.png) of the explorer's main views, using the graph
// of the seed transcripts and a production build, and manifest.json beside them with the view and the counts
// each one shows (screenshots.test.ts compares them with a fresh build). Run: pnpm --filter explorer screenshots
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, openExplorer, shownCounts } from './browser.ts';
import { dropFiles } from './downloads.ts';
import { repositoryRoot, writeSeedGraph } from './seed-graph.ts';
import { buildExplorer, serveBuild } from './serve.ts';

const outputDirectory = path.join(repositoryRoot, 'docs/screenshots');
export const manifestFile = path.join(outputDirectory, 'manifest.json');

/** What one screenshot shows: the page's query, its viewport, and the "Showing N of M entities and E of F links" counts. */
export interface ScreenshotEntry {
  query: string;
  viewport: { width: number; height: number };
  entities: { shown: number; total: number };
  links: { shown: number; total: number };
}

/** Takes a screenshot of the page and notes its view and counts in the manifest. */
async function shoot(page: Page, name: string, manifest: Map<string, ScreenshotEntry>): Promise<void> {
  const file = `${name}.png`;
  await page.screenshot({ path: path.join(outputDirectory, file) });
  const counts = await shownCounts(page);
  manifest.set(file, {
    query: new URL(page.url()).search,
    viewport: page.viewportSize() ?? { width: 0, height: 0 },
    entities: { shown: counts.nodes, total: counts.totalNodes },
    links: { shown: counts.edges, total: counts.totalEdges },
  });
}

/** The timeline: MONUSCO selected, the period narrowed to the 2025 document, the sliders and the mentions chart in view. */
export async function openTimelineView(page: Page, url: string): Promise<void> {
  await openExplorer(page, url, '?node=mission%3Amonusco&from=2025-03-11&to=2025-03-11');
  await page.locator('#mentions-chart').waitFor({ state: 'visible' });
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  await page.waitForTimeout(900);
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'explorer-screenshots-'));
  const graphDir = path.join(work, 'graph');
  writeSeedGraph(graphDir);
  await buildExplorer(path.join(work, 'dist'), graphDir);
  const served = await serveBuild(path.join(work, 'dist'));
  const browser = await launchBrowser();
  mkdirSync(outputDirectory, { recursive: true });
  const manifest = new Map<string, ScreenshotEntry>();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openExplorer(page, served.url);
    await page.waitForTimeout(600);
    await shoot(page, 'overview', manifest);

    await page.getByRole('combobox', { name: 'Search entities' }).fill('MON');
    await page.waitForTimeout(300);
    await shoot(page, 'search', manifest);
    await page.getByRole('combobox', { name: 'Search entities' }).fill('MONUSCO');
    await page.getByRole('combobox', { name: 'Search entities' }).press('Enter');
    await page.waitForTimeout(900);
    await shoot(page, 'entity-details', manifest);

    await page.getByRole('region', { name: 'Details' }).getByRole('button', { name: /^Evidence linking / }).first().click();
    await page.waitForTimeout(600);
    await shoot(page, 'link-evidence', manifest);

    await openExplorer(page, served.url, '?colour=community&minDegree=2');
    await page.waitForTimeout(600);
    await shoot(page, 'communities-filtered', manifest);
    await page.locator('#legend-groups button.legend-entry').first().click();
    await page.waitForTimeout(600);
    await shoot(page, 'community-details', manifest);

    await openTimelineView(page, served.url);
    await shoot(page, 'timeline', manifest);

    await openExplorer(page, served.url, '?node=mission%3Amonusco&speaker=Jean-Pierre+Lacroix');
    await page.waitForTimeout(900);
    await shoot(page, 'filtered-details', manifest);

    await openExplorer(page, served.url);
    await dropFiles(page, [{ name: 'dropped.gexf', text: 'not XML at all' }]);
    await page.waitForTimeout(300);
    await shoot(page, 'bad-file-message', manifest);

    const tablet = await browser.newPage({ viewport: { width: 820, height: 1180 } });
    await openExplorer(tablet, served.url, '?node=mission%3Amonusco');
    await tablet.waitForTimeout(900);
    await shoot(tablet, 'tablet', manifest);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openExplorer(phone, served.url, '?node=mission%3Amonusco');
    await phone.waitForTimeout(900);
    await shoot(phone, 'phone', manifest);

    // Screenshots no longer taken would go stale unchecked: the folder holds only this run's.
    for (const file of readdirSync(outputDirectory)) if (file.endsWith('.png') && !manifest.has(file)) rmSync(path.join(outputDirectory, file));
    const sorted = Object.fromEntries([...manifest].sort(([a], [b]) => (a < b ? -1 : 1)));
    writeFileSync(manifestFile, `${JSON.stringify(sorted, null, 2)}\n`);
    console.log(`screenshots and manifest.json written to ${path.relative(process.cwd(), outputDirectory) || '.'}`);
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
