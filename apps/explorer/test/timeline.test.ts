// End-to-end tests of the timeline in headless Chromium: the period sliders narrow the map to the network of
// the period (strength recounted as a build of those documents gives it), the mentions chart of the selected
// entity, the period combined with a speaker filter, and the period in the address bar.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultLexicon, extractDocument } from '@missiongraph/extract';
import { buildGraph, fromGraphJson } from '@missiongraph/graph';
import { launchBrowser, openExplorer, shownCounts } from './support/browser.ts';
import { seedTexts } from './support/seed-graph.ts';

const baseUrl = inject('baseUrl');
const graphDir = inject('graphDir');

interface SeedGraph {
  attributes: { documentDates: Record<string, { date: string }>; documentTallies: Record<string, { entities: Record<string, [number, number]> }> };
  nodes: { key: string }[];
  edges: { key: string; source: string; target: string; attributes: { kind: string; evidence?: { document: string }[] } }[];
}

const seed = JSON.parse(readFileSync(path.join(graphDir, 'graph.json'), 'utf8')) as SeedGraph;
const dates = seed.attributes.documentDates;
const documentOn = (date: string): string => Object.keys(dates).find((document) => dates[document]!.date === date)!;

/**
 * What the map should show for one document's period, worked out from graph.json alone: entities the document
 * names, co-mention links with evidence there, relation links between such entities, and the entities left with a
 * link (or that never had one).
 */
function expectedNetwork(document: string): { nodes: number; edges: number } {
  const named = new Set(Object.keys(seed.attributes.documentTallies[document]!.entities));
  const edges = seed.edges.filter((edge) => {
    if (!named.has(edge.source) || !named.has(edge.target)) return false;
    return edge.attributes.kind !== 'co-mention' || (edge.attributes.evidence ?? []).some((item) => item.document === document);
  });
  const shown = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  // Entities without any link in the whole graph are always drawn (only those a filter leaves unlinked are hidden).
  const everLinked = new Set(seed.edges.flatMap((edge) => [edge.source, edge.target]));
  for (const entity of named) if (!everLinked.has(entity)) shown.add(entity);
  return { nodes: shown.size, edges: edges.length };
}

/** Moves a range input to `value` as a user dragging it would (an input event). */
async function slide(page: Page, id: string, value: number): Promise<void> {
  await page.locator(`#${id}`).evaluate((input: HTMLInputElement, to) => {
    input.value = String(to);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

describe('timeline', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the seed corpus has documents of different dates, read from the documents themselves', () => {
    expect(Object.values(dates).map((entry) => entry.date).sort()).toEqual(['2017-05-22', '2025-03-11']);
  });

  it('the sliders show the network of the period; Details give the strength of that period', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openExplorer(page, baseUrl);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(() => timeline.locator('#timeline-summary').textContent()).toBe('2 dated documents, from 2017-05-22 to 2025-03-11.');
    expect(await page.locator('#timeline-period').textContent()).toBe('Whole timeline: all 2 documents.');
    const whole = await shownCounts(page);
    expect(whole.nodes).toBe(whole.totalNodes);

    for (const [from, to, date] of [[0, 0, '2017-05-22'], [1, 1, '2025-03-11']] as const) {
      await slide(page, 'timeline-to', to);
      await slide(page, 'timeline-from', from);
      await slide(page, 'timeline-to', to);
      const document = documentOn(date);
      await expect.poll(() => page.locator('#timeline-period').textContent()).toBe(`On ${date}: 1 of 2 documents.`);
      const counts = await shownCounts(page);
      expect({ nodes: counts.nodes, edges: counts.edges }).toEqual(expectedNetwork(document));
      expect(counts.nodes).toBeLessThan(whole.nodes);
      expect(await page.getByRole('group', { name: 'Active filters' }).getByRole('button', { name: `Remove filter: period: ${date}` }).count()).toBe(1);
      expect(new URL(page.url()).searchParams.get('from')).toBe(date);
    }

    // A link of the 2025 document: its Details give the strength a build of that document alone gives.
    const text = seedTexts().find((entry) => entry.id === documentOn('2025-03-11'))!;
    const lexicon = defaultLexicon();
    const alone = buildGraph([extractDocument(text, { lexicon })], { lexicon });
    const edge = 'co:mission:monusco|mission:unifil';
    expect(alone.hasEdge(edge), 'the 2025 document co-mentions MONUSCO and UNIFIL').toBe(true);
    const wholeStrength = fromGraphJson(readFileSync(path.join(graphDir, 'graph.json'), 'utf8')).getEdgeAttribute(edge, 'strength')!;
    const periodStrength = alone.getEdgeAttribute(edge, 'strength')!;
    expect(periodStrength.toPrecision(3)).not.toBe(wholeStrength.toPrecision(3));
    await page.goto(`${baseUrl}?edge=${encodeURIComponent(edge)}&from=2025-03-11&to=2025-03-11`);
    await page.waitForSelector('body[data-state=ready]');
    const details = page.getByRole('region', { name: 'Details' });
    const row = details.locator('dt', { hasText: 'Strength in the period' }).locator('xpath=following-sibling::dd[1]');
    expect((await row.textContent())?.startsWith(`${periodStrength.toPrecision(3)}:`)).toBe(true);
    expect(await page.locator('#timeline-period').textContent()).toBe('On 2025-03-11: 1 of 2 documents.');

    // Back to the whole timeline: everything again, and the chip is gone.
    await slide(page, 'timeline-from', 0);
    await expect.poll(async () => (await shownCounts(page)).nodes).toBe(whole.nodes);
    expect(await page.getByRole('group', { name: 'Active filters' }).isHidden()).toBe(true);
    await page.close();
  });

  it('charts the mentions of the selected entity by date, the chosen period marked', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openExplorer(page, baseUrl, '?node=mission%3Amonusco');
    const chart = page.locator('#mentions-chart');
    await expect.poll(() => chart.isVisible()).toBe(true);
    const perDate = Object.entries(dates)
      .map(([document, entry]) => ({ date: entry.date, mentions: seed.attributes.documentTallies[document]!.entities['mission:monusco']?.[0] ?? 0 }))
      .sort((a, b) => (a.date < b.date ? -1 : 1));
    const total = perDate.reduce((sum, entry) => sum + entry.mentions, 0);
    expect(await chart.locator('figcaption').textContent()).toBe(`Mentions of MONUSCO over time (${total} mentions)`);
    const bars = await chart.locator('rect.bar').evaluateAll((rects) => rects.map((rect) => ({ date: rect.getAttribute('data-date'), mentions: Number(rect.getAttribute('data-mentions')), inPeriod: rect.classList.contains('in-period'), height: Number(rect.getAttribute('height')) })));
    expect(bars.map(({ date, mentions }) => ({ date, mentions }))).toEqual(perDate);
    expect(bars.every((bar) => bar.inPeriod)).toBe(true);
    // More mentions, a taller bar.
    const [first, second] = bars as [(typeof bars)[number], (typeof bars)[number]];
    if (first.mentions !== second.mentions) expect(first.mentions > second.mentions).toBe(first.height > second.height);
    await slide(page, 'timeline-to', 0);
    await expect.poll(() => chart.locator('rect.bar.in-period').evaluateAll((rects) => rects.map((rect) => rect.getAttribute('data-date')))).toEqual(['2017-05-22']);
    // Selecting nothing hides the chart; another entity charts its own mentions.
    await page.goto(`${baseUrl}?node=${encodeURIComponent('country:cod')}`);
    await page.waitForSelector('body[data-state=ready]');
    await expect.poll(() => chart.locator('figcaption').textContent()).toMatch(/^Mentions of Democratic Republic of the Congo over time/);
    await page.keyboard.press('Escape');
    await page.locator('#sigma-container').click({ position: { x: 5, y: 5 } });
    await expect.poll(() => chart.isHidden()).toBe(true);
    await page.close();
  });

  it('combines with a speaker filter: Details, counts and chips follow both', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openExplorer(page, baseUrl, '?node=mission%3Amonusco');
    const date = '2025-03-11';
    const document = documentOn(date);
    await slide(page, 'timeline-from', 1);
    await expect.poll(() => page.locator('#timeline-period').textContent()).toBe(`On ${date}: 1 of 2 documents.`);
    const periodOnly = await shownCounts(page);
    const speaker = 'Jean-Pierre Lacroix';
    await page.locator('#speaker-filter').selectOption(speaker);
    await expect.poll(async () => (await shownCounts(page)).edges).toBeLessThan(periodOnly.edges);
    const both = await shownCounts(page);
    expect(both.nodes).toBeLessThanOrEqual(periodOnly.nodes);
    const chips = await page.getByRole('group', { name: 'Active filters' }).getByRole('button').allTextContents();
    expect(chips).toEqual([`speaker: ${speaker} ×`, `period: ${date} ×`]);
    const details = page.getByRole('region', { name: 'Details' });
    const sources = await details.locator('.evidence .source').allTextContents();
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source.startsWith(`${document} · ${speaker}`), source).toBe(true);
    // The speaker filter alone shows more than both together; removing the period's chip moves the sliders back.
    await page.getByRole('button', { name: `Remove filter: period: ${date}` }).click();
    await expect.poll(() => page.locator('#timeline-period').textContent()).toBe('Whole timeline: all 2 documents.');
    expect(await page.locator('#timeline-from').inputValue()).toBe('0');
    const speakerOnly = await shownCounts(page);
    expect(speakerOnly.edges).toBeGreaterThan(both.edges);
    await page.close();
  });
});
