// End-to-end tests of files given to the explorer: hostile labels stay text, bad files get a message
// naming them (never a blank page or a console error), and dropped transcripts add their entities.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, shownCounts, watchProblems, type PageProblems } from './support/browser.ts';
import { downloadFrom, dropFiles } from './support/downloads.ts';

interface SavedGraph {
  nodes: { key: string; attributes: { x: number; y: number } }[];
}

const baseUrl = inject('baseUrl');
const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const HOSTILE_LABEL = '<img src=x onerror=alert(1)>';

describe('files given to the explorer', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  beforeEach(async () => {
    await page?.close();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchProblems(page);
    await openExplorer(page, baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows a label of <img src=x onerror=alert(1)> as text and runs nothing', async () => {
    await page.locator('#file-input').setInputFiles(path.join(fixtures, 'hostile-labels.graph.json'));
    await expect.poll(() => shownCounts(page).then((counts) => counts.totalNodes)).toBe(3);
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('<img');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain(HOSTILE_LABEL);
    await search.press('Enter');
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.getByRole('heading', { level: 2 }).textContent()).toBe(HOSTILE_LABEL);
    const evidence = await details.locator('.evidence blockquote').allTextContents();
    expect(evidence.join('\n')).toContain('<script>alert(4)</script>');
    expect(await details.textContent()).toContain('<svg onload=alert(3)>');
    expect(await details.textContent()).toContain('<u>Host</u>');
    await details.getByRole('button', { name: /^Evidence linking / }).first().click();
    await page.getByRole('checkbox', { name: /^Show <i>odd<\/i>/ }).uncheck();
    await page.waitForTimeout(300);
    expect(await page.locator('img, script:not([src]), svg, iframe, b, i, u, a[href^="javascript"]').count()).toBe(0);
    expect(problems.dialogs).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  });

  // [file name, content, what the message must say]
  const badFiles: [string, string, RegExp][] = [
    ['not-xml.gexf', 'this is not XML <<<', /not-xml\.gexf: .*(XML|GEXF)/i],
    ['truncated.gexf', '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a"', /truncated\.gexf: /],
    ['no-graph.gexf', '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"></gexf>', /no-graph\.gexf: /],
    [
      'entity-bomb.gexf',
      '<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><gexf><graph><nodes><node id="&b;"/></nodes></graph></gexf>',
      /entity-bomb\.gexf: .*DOCTYPE/,
    ],
    // Well-formed at the edges (a closing </gexf>, no DOCTYPE) but with mismatched tags inside: only the
    // browser's DOMParser can catch it, and its <parsererror> must become the message.
    [
      'mismatched.gexf',
      '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a"></edge></nodes></graph></gexf>',
      /mismatched\.gexf: /,
    ],
    ['broken.json', '{"nodes": [', /broken\.json: not valid JSON/],
    ['wrong-shape.json', '{"nodes": 5, "edges": []}', /wrong-shape\.json: not a graph JSON file/],
    ['array.json', '[1, 2, 3]', /array\.json: not a graph JSON file/],
    ['missing-node.json', '{"nodes":[{"key":"a"}],"edges":[{"source":"a","target":"zzz"}]}', /missing-node\.json: edge 0 links to a missing node "zzz"/],
    ['duplicate.json', '{"nodes":[{"key":"a"},{"key":"a"}],"edges":[]}', /duplicate\.json: node "a" appears twice/],
    ['report.pdf', '%PDF-1.4', /report\.pdf: not a readable PDF/],
    ['slides.pptx', 'PK', /slides\.pptx: not a file the explorer reads/],
  ];

  it.each(badFiles)('refuses %s with a message naming it, and keeps the graph', async (name, content, message) => {
    const before = await shownCounts(page);
    await dropFiles(page, [{ name, text: content }]);
    await expect.poll(() => page.getByRole('alert').allTextContents().then((texts) => texts.join('\n'))).toMatch(message);
    expect(await shownCounts(page)).toEqual(before);
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('ready');
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  it('refuses a graph file over the size limit without reading it', async () => {
    await dropFiles(page, [{ name: 'huge.json', zeroBytes: 65 * 1024 * 1024 }]);
    await expect.poll(() => page.getByRole('alert').allTextContents().then((texts) => texts.join('\n'))).toMatch(/huge\.json: too big \(65 MB; the limit is 64 MB\)/);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('refuses a transcript over its size limit with a message, and adds nothing', async () => {
    const before = await shownCounts(page);
    await dropFiles(page, [{ name: 'long-interview.txt', zeroBytes: 9 * 1024 * 1024 }]);
    await expect.poll(() => page.getByRole('alert').allTextContents().then((texts) => texts.join('\n'))).toMatch(/long-interview\.txt: too big \(9\.0 MB; the limit is 8\.0 MB\)/);
    expect(await shownCounts(page)).toEqual(before);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('refuses a binary file dropped as a transcript', async () => {
    await dropFiles(page, [{ name: 'binary.txt', zeroBytes: 4096 }]);
    await expect.poll(() => page.getByRole('alert').allTextContents().then((texts) => texts.join('\n'))).toMatch(/binary\.txt: looks like a binary file/);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('adds the entities of a dropped transcript, rebuilding the graph in a worker', async () => {
    const before = await shownCounts(page);
    const search = page.getByRole('combobox', { name: 'Search entities' });
    await search.fill('MINURSO');
    await expect.poll(() => page.getByRole('option').first().textContent()).toBe('No entity matches');
    await search.press('Escape');
    await dropFiles(page, [
      {
        name: 'field-notes.txt',
        text:
          'Field notes from Laayoune.\n\nThe military observers of MINURSO monitored the ceasefire in Western Sahara. ' +
          'Later, MINURSO and UNFICYP compared notes on patrolling buffer zones.\n',
      },
    ]);
    await expect.poll(() => page.locator('.message.success').last().textContent(), { timeout: 60_000 }).toMatch(/Added field-notes\.txt/);
    const after = await shownCounts(page);
    expect(after.totalNodes).toBeGreaterThan(before.totalNodes);
    expect(await page.locator('#progress').isHidden()).toBe(true);
    await search.fill('MINURSO');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('MINURSO');
    await search.press('Enter');
    const details = page.getByRole('region', { name: 'Details' });
    await expect.poll(() => details.locator('.evidence').textContent()).toContain('compared notes on patrolling buffer zones');
    await expect.poll(() => details.locator('.evidence .source').first().textContent()).toContain('field-notes.txt');
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  it('adds a dropped transcript’s entities near their neighbours without moving anything already on the map', async () => {
    const before = JSON.parse(readFileSync(await downloadFrom(page, 'JSON'), 'utf8')) as SavedGraph;
    await dropFiles(page, [
      {
        name: 'briefing.txt',
        text: 'MONUSCO briefed MINURSO and UNFICYP in Kinshasa. MINURSO later met MONUSCO again in the Democratic Republic of the Congo.\n',
      },
    ]);
    await expect.poll(() => page.locator('.message.success').last().textContent(), { timeout: 60_000 }).toMatch(/Added briefing\.txt/);
    const after = JSON.parse(readFileSync(await downloadFrom(page, 'JSON'), 'utf8')) as SavedGraph;
    const old = new Map(before.nodes.map((node) => [node.key, node.attributes]));
    const moved = after.nodes.filter((node) => old.has(node.key) && (old.get(node.key)?.x !== node.attributes.x || old.get(node.key)?.y !== node.attributes.y));
    expect(moved.map((node) => node.key)).toEqual([]);
    const added = after.nodes.filter((node) => !old.has(node.key));
    expect(added.map((node) => node.key)).toContain('mission:minurso');
    // A new entity lands near MONUSCO, its neighbour: closer than a quarter of the map's width.
    const xs = before.nodes.map((node) => node.attributes.x);
    const width = Math.max(...xs) - Math.min(...xs);
    const minurso = after.nodes.find((node) => node.key === 'mission:minurso')?.attributes;
    const monusco = old.get('mission:monusco');
    expect(Math.hypot((minurso?.x ?? 0) - (monusco?.x ?? 1e9), (minurso?.y ?? 0) - (monusco?.y ?? 1e9))).toBeLessThan(width / 4);
  });

  it('names an empty transcript as empty and adds nothing', async () => {
    const before = await shownCounts(page);
    await dropFiles(page, [{ name: 'empty.txt', text: '  \n' }]);
    await expect.poll(() => page.locator('.message.error').last().textContent()).toMatch(/empty\.txt: the file is empty; nothing was added/);
    expect(await page.locator('.message.success').count()).toBe(0);
    expect(await shownCounts(page)).toEqual(before);
  });

  it('warns about a link naming an entity the graph does not have, and messages can be dismissed', async () => {
    await openExplorer(page, baseUrl, '?node=mission%3Anope');
    const warning = page.locator('.message.error').last();
    await expect.poll(() => warning.textContent()).toMatch(/No entity "mission:nope" in this graph/);
    await warning.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.locator('.message').count()).toBe(0);
    // Messages float over the map: the graph view does not move down when they show.
    const view = await page.locator('#graph-view').boundingBox();
    for (let index = 0; index < 5; index += 1) await dropFiles(page, [{ name: `bad-${index}.gexf`, text: 'not XML' }]);
    await expect.poll(() => page.locator('.message').count()).toBe(3);
    expect((await page.locator('#graph-view').boundingBox())?.y).toBe(view?.y);
  });
});
