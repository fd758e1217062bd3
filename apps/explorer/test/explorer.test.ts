// End-to-end tests of the explorer on the graph of the seed transcripts, in headless Chromium against
// the production build: drawing, search, details and evidence, filters, URL state, keyboard, exports.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, shownCounts, watchProblems, type PageProblems } from './support/browser.ts';
import { downloadFrom } from './support/downloads.ts';
import { countInk } from './support/pixels.ts';
import { seedTexts } from './support/seed-graph.ts';

const baseUrl = inject('baseUrl');
/** Debian's networkx 2.8 (scripts/ensure-tools.sh --test), which reads the GEXF 1.2draft the explorer exports. */
const debianPython = '/usr/bin/python3';

/** Seed text with Markdown links unwrapped and whitespace collapsed, to look evidence sentences up in. */
function normalisedSeeds(): string {
  return seedTexts()
    .map((document) => document.text)
    .join('\n')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ');
}

describe('explorer on the seed graph', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    problems = watchProblems(page);
    await openExplorer(page, baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads the graph with no console error, page error or CSP violation', () => {
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  it('draws the graph: the canvas is not blank and shows several colours', async () => {
    const counts = await shownCounts(page);
    expect(counts.totalNodes).toBeGreaterThan(10);
    expect(counts.nodes).toBe(counts.totalNodes);
    const shot = await page.locator('#sigma-container').screenshot();
    const ink = await countInk(browser, shot);
    expect(ink.ink / (ink.width * ink.height)).toBeGreaterThan(0.01);
    expect(ink.colours).toBeGreaterThan(5);
  });

  it('serves a page whose CSP allows no inline script, also as a header, and has no inline script', async () => {
    const response = await fetch(baseUrl);
    const html = await response.text();
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const header = response.headers.get('content-security-policy') ?? '';
    expect(header.startsWith(policy)).toBe(true);
    expect(header).toMatch(/script-src 'self'/);
    expect(header).toMatch(/frame-ancestors 'none'/);
    expect(policy).toMatch(/script-src 'self'/);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? []) {
      expect(tag).toMatch(/\ssrc="/);
      expect(tag).toMatch(/><\/script>$/);
    }
    expect(html).not.toMatch(/<style\b/);
  });

  it('search "MONUSCO" selects it and the Details region shows an evidence sentence from the seeds', async () => {
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('MONUSCO');
    const option = page.getByRole('option').first();
    await expect.poll(() => option.textContent()).toContain('MONUSCO');
    await search.press('Enter');
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toBe('MONUSCO');
    const sentences = await details.locator('.evidence blockquote').allTextContents();
    expect(sentences.length).toBeGreaterThan(0);
    const seeds = normalisedSeeds();
    const found = sentences.filter((sentence) => seeds.includes(sentence.replace(/\s+/g, ' ').trim()));
    expect(found.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('node')).toBe('mission:monusco');
  });

  it('finds the Democratic Republic of the Congo by its lexicon alias "DRC"', async () => {
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('');
    await search.fill('DRC');
    await expect.poll(async () => (await page.getByRole('option').first().textContent()) ?? '', { timeout: 20_000 }).toMatch(/Congo/);
    await search.press('Escape');
  });

  it('shows the evidence of a link chosen from the neighbours list', async () => {
    await page.goto(`${baseUrl}?node=mission%3Amonusco`);
    await page.waitForSelector('body[data-state=ready]');
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('button', { name: /^Evidence linking MONUSCO and / }).first().click();
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toMatch(/MONUSCO — |— MONUSCO/);
    expect(await details.locator('.evidence blockquote').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('edge')).toMatch(/^co:/);
  });

  it('a type toggle hides exactly the entities of that type, and showing it again restores them', async () => {
    await openExplorer(page, baseUrl, '?isolated=show');
    const before = await shownCounts(page);
    const toggle = page.getByRole('checkbox', { name: /^Show mission \(\d+\)$/ });
    const label = (await toggle.getAttribute('aria-label')) ?? '';
    const missions = Number(/\((\d+)\)/.exec(label)?.[1]);
    expect(missions).toBeGreaterThan(0);
    await toggle.uncheck();
    const hidden = await shownCounts(page);
    expect(hidden.nodes).toBe(before.nodes - missions);
    expect(hidden.edges).toBeLessThan(before.edges);
    expect(new URL(page.url()).searchParams.getAll('hide')).toEqual(['mission']);
    await toggle.check();
    expect(await shownCounts(page)).toEqual(before);
  });

  it('hides the entities a filter leaves without links, unless the toggle says to show them', async () => {
    await openExplorer(page, baseUrl, '?isolated=show&minWeight=3');
    const shownIsolated = await shownCounts(page);
    await page.getByRole('checkbox', { name: 'Hide entities the filters leave without links' }).check();
    const hiddenIsolated = await shownCounts(page);
    expect(hiddenIsolated.edges).toBe(shownIsolated.edges);
    expect(hiddenIsolated.nodes).toBeLessThan(shownIsolated.nodes);
    // Every entity still shown has a shown link: the exported shown part has no entity without an edge.
    const exported = JSON.parse(readFileSync(await downloadFrom(page, 'JSON'), 'utf8')) as {
      nodes: { key: string }[];
      edges: { source: string; target: string }[];
    };
    expect(exported.nodes).toHaveLength(hiddenIsolated.nodes);
    // Entities with no link at all in the graph stay (the filters did not take anything from them).
    const whole = JSON.parse(readFileSync(path.join(inject('graphDir'), 'graph.json'), 'utf8')) as { edges: { source: string; target: string }[] };
    const everLinked = new Set(whole.edges.flatMap((edge) => [edge.source, edge.target]));
    const linked = new Set(exported.edges.flatMap((edge) => [edge.source, edge.target]));
    expect(exported.nodes.filter((node) => everLinked.has(node.key) && !linked.has(node.key))).toEqual([]);
    expect(new URL(page.url()).searchParams.get('isolated')).toBeNull();
  });

  it('reopens the same view from the URL: selection, colours and filters', async () => {
    await openExplorer(page, baseUrl);
    await page.getByRole('checkbox', { name: /^Show person / }).uncheck();
    await page.getByRole('slider', { name: 'Minimum links per entity' }).fill('2');
    await page.getByRole('radio', { name: 'Community' }).check();
    await page.getByRole('combobox', { name: 'Search entities' }).fill('MONUSCO');
    await page.getByRole('combobox', { name: 'Search entities' }).press('Enter');
    const counts = await shownCounts(page);
    const url = page.url();

    const second = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const secondProblems = watchProblems(second);
    await openExplorer(second, '', url);
    expect(await shownCounts(second)).toEqual(counts);
    expect(await second.getByRole('checkbox', { name: /^Show person / }).isChecked()).toBe(false);
    expect(await second.getByRole('slider', { name: 'Minimum links per entity' }).inputValue()).toBe('2');
    expect(await second.getByRole('radio', { name: 'Community' }).isChecked()).toBe(true);
    expect(await second.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent()).toBe('MONUSCO');
    expect(secondProblems.consoleErrors).toEqual([]);
    await second.close();
  });

  it('keyboard: "/" focuses the search box and Escape clears the selection', async () => {
    await openExplorer(page, baseUrl, '?node=mission%3Amonusco');
    const details = page.getByRole('region', { name: 'Details' });
    expect(await details.getByRole('heading', { level: 2 }).textContent()).toBe('MONUSCO');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search entities');
    await page.keyboard.press('Escape');
    await expect.poll(() => details.textContent()).toMatch(/Select an entity/);
    expect(new URL(page.url()).searchParams.get('node')).toBeNull();
  });

  it('clicking a drawn entity selects it', async () => {
    await openExplorer(page, baseUrl, '?node=mission%3Amonusco');
    // The camera centres on the selection, so the entity is drawn at the centre of the graph view.
    await page.waitForTimeout(700);
    await page.keyboard.press('Escape');
    const box = await page.locator('#sigma-container').boundingBox();
    if (!box) throw new Error('no graph view');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(() => page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 }).textContent())
      .toBe('MONUSCO');
  });

  it('exports GEXF 1.2draft that xmllint and Debian\'s networkx 2.8 read with every entity and link shown', async () => {
    await openExplorer(page, baseUrl);
    const file = await downloadFrom(page, 'GEXF');
    execFileSync('xmllint', ['--noout', '--nonet', file], { encoding: 'utf8' });
    const read = 'import sys, networkx as nx\ng = nx.read_gexf(sys.argv[1])\nprint(g.number_of_nodes(), g.number_of_edges())';
    const output = execFileSync(debianPython, ['-c', read, file], { encoding: 'utf8' });
    const counts = await shownCounts(page);
    expect(output.trim()).toBe(`${counts.nodes} ${counts.edges}`);
  });

  it('opens its own GEXF export again: same entities, links and evidence', async () => {
    await openExplorer(page, baseUrl);
    const counts = await shownCounts(page);
    const file = await downloadFrom(page, 'GEXF');
    await page.locator('#file-input').setInputFiles(file);
    await expect.poll(() => page.locator('.message.success').last().textContent()).toMatch(/Opened missiongraph\.gexf/);
    expect(await shownCounts(page)).toEqual(counts);
    await page.getByRole('combobox', { name: 'Search entities' }).fill('MONUSCO');
    await page.getByRole('combobox', { name: 'Search entities' }).press('Enter');
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.locator('.evidence blockquote').count()).toBeGreaterThan(0);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('exports the shown part only as GEXF when a filter is on', async () => {
    await openExplorer(page, baseUrl, '?hide=mission');
    const counts = await shownCounts(page);
    expect(counts.nodes).toBeLessThan(counts.totalNodes);
    const file = await downloadFrom(page, 'GEXF');
    const read = 'import sys, networkx as nx\nprint(nx.read_gexf(sys.argv[1]).number_of_nodes())';
    expect(execFileSync(debianPython, ['-c', read, file], { encoding: 'utf8' }).trim()).toBe(String(counts.nodes));
    expect(readFileSync(file, 'utf8')).not.toMatch(/id="mission:/);
  });

  it('exports a PNG of the current view that is not blank', async () => {
    await openExplorer(page, baseUrl);
    const file = await downloadFrom(page, 'PNG');
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const ink = await countInk(browser, png);
    expect(ink.ink).toBeGreaterThan(1000);
  });

  it('exports the graph JSON, which opens again as the same graph', async () => {
    await openExplorer(page, baseUrl);
    const file = await downloadFrom(page, 'JSON');
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { nodes: unknown[]; edges: unknown[] };
    const counts = await shownCounts(page);
    expect(exported.nodes).toHaveLength(counts.totalNodes);
    expect(exported.edges).toHaveLength(counts.totalEdges);
    await page.locator('#file-input').setInputFiles(file);
    await expect.poll(() => page.locator('.message.success').last().textContent()).toMatch(/Opened graph\.json/);
    expect(await shownCounts(page)).toEqual(counts);
  });

  it('runs ForceAtlas2 in a worker and keeps the positions on stop', async () => {
    await openExplorer(page, baseUrl);
    const before = JSON.parse(readFileSync(await downloadFrom(page, 'JSON'), 'utf8')) as { nodes: { attributes: { x: number } }[] };
    const button = page.getByRole('button', { name: 'Run layout' });
    await button.click();
    expect(await page.locator('#layout-toggle').getAttribute('aria-pressed')).toBe('true');
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Stop layout' }).click();
    const stopped = JSON.parse(readFileSync(await downloadFrom(page, 'JSON'), 'utf8')) as { nodes: { attributes: { x: number } }[] };
    await page.waitForTimeout(300);
    const later = JSON.parse(readFileSync(await downloadFrom(page, 'JSON'), 'utf8')) as { nodes: { attributes: { x: number } }[] };
    const xs = (graph: { nodes: { attributes: { x: number } }[] }) => graph.nodes.map((node) => node.attributes.x);
    expect(xs(stopped)).not.toEqual(xs(before));
    expect(xs(later)).toEqual(xs(stopped));
    expect(problems.pageErrors).toEqual([]);
  });
});
