// End-to-end: PDF, Word and HTML documents dropped on the explorer are read in the page (pdfjs-dist with its
// worker, the extract package's readers) into the same sentences and entities as their text sources; bad ones get one line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openExplorer, shownCounts, watchProblems, type PageProblems } from './support/browser.ts';
import { downloadFrom } from './support/downloads.ts';

const baseUrl = inject('baseUrl');
const documents = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../packages/extract/test/fixtures/documents');

interface SavedGraph {
  attributes: { evidenceSentences?: Record<string, { document: string; text: string }>; documentDates?: Record<string, { date: string; source?: string }> };
  edges: { source: string; target: string; attributes: { evidence?: (string | { document: string; text: string })[] } }[];
}

/** What one document gave the graph: its evidence sentences, and the entities its sentences link. */
function contribution(graph: SavedGraph, document: string): { entities: string[]; sentences: string[] } {
  const table = graph.attributes.evidenceSentences ?? {};
  const entities = new Set<string>();
  const sentences = new Set<string>();
  for (const edge of graph.edges) {
    for (const item of edge.attributes.evidence ?? []) {
      const sentence = typeof item === 'string' ? table[item] : item;
      if (sentence?.document !== document) continue;
      sentences.add(sentence.text);
      entities.add(edge.source);
      entities.add(edge.target);
    }
  }
  return { entities: [...entities].sort(), sentences: [...sentences].sort() };
}

const alerts = (page: Page) => page.getByRole('alert').allTextContents().then((texts) => texts.join('\n'));

describe('documents dropped on the explorer', () => {
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

  it('reads a two-column PDF and a .docx made here into the same sentences and entities as their text sources', async () => {
    const before = await shownCounts(page);
    await page.locator('#file-input').setInputFiles([
      'un-report-s-2023-648.pdf',
      'un-report-s-2023-648.txt',
      'interview-haysom-2024-02-14.docx',
      'interview-haysom-2024-02-14.txt',
    ].map((name) => path.join(documents, name)));
    await expect.poll(() => page.locator('.message.success').last().textContent(), { timeout: 120_000 }).toMatch(/Added un-report-s-2023-648\.pdf/);
    expect(await alerts(page)).toBe('');
    expect((await shownCounts(page)).totalNodes).toBeGreaterThan(before.totalNodes);
    const graph = JSON.parse(readFileSync(await downloadFrom(page, 'JSON'), 'utf8')) as SavedGraph;
    for (const [document, source] of [
      ['un-report-s-2023-648.pdf', 'un-report-s-2023-648.txt'],
      ['interview-haysom-2024-02-14.docx', 'interview-haysom-2024-02-14.txt'],
    ] as const) {
      const read = contribution(graph, document);
      const expected = contribution(graph, source);
      expect(expected.entities.length, source).toBeGreaterThan(3);
      expect(expected.sentences.length, source).toBeGreaterThan(0);
      expect(read, document).toEqual(expected);
    }
    // Dated as the CLI dates them: the PDF by the date on its first page, the Word file by its dateline ("Juba, 14 February 2024").
    expect(graph.attributes.documentDates?.['un-report-s-2023-648.pdf']).toEqual({ date: '2023-08-31', source: 'first-page' });
    expect(graph.attributes.documentDates?.['interview-haysom-2024-02-14.docx']).toEqual({ date: '2024-02-14', source: 'dateline' });
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });

  it('reads a saved HTML page without its navigation and scripts', async () => {
    const html = [
      '<!DOCTYPE html><html><head><title>Patrols near Bunia | UN News</title>',
      '<script>window.analytics = { track: "UNFICYP" };</script></head><body>',
      '<nav><ul><li><a href="/">Home</a></li><li>UNIFIL</li></ul></nav>',
      '<main><h1>Patrols near Bunia</h1><p>MINURSO observers met MONUSCO peacekeepers near Bunia in Ituri on Monday.</p>',
      '<p>The two missions said that the patrols would continue &amp; expand.</p></main><footer>UNMISS © United Nations</footer></body></html>',
    ].join('\n');
    const dayBefore = new Date().toISOString().slice(0, 10);
    await page.locator('#file-input').setInputFiles({ name: 'bunia.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await expect.poll(() => page.locator('.message.success').last().textContent(), { timeout: 120_000 }).toMatch(/Added bunia\.html/);
    const graph = JSON.parse(readFileSync(await downloadFrom(page, 'JSON'), 'utf8')) as SavedGraph;
    const read = contribution(graph, 'bunia.html');
    expect(read.entities).toEqual(expect.arrayContaining(['mission:minurso', 'mission:monusco']));
    for (const hidden of ['mission:unficyp', 'mission:unifil', 'mission:unmiss']) expect(read.entities).not.toContain(hidden);
    expect(read.sentences.join('\n')).toContain('MINURSO observers met MONUSCO peacekeepers near Bunia in Ituri on Monday.');
    // No date in its text or name: the file's time dates it (File.lastModified, the moment the test made the file).
    const dated = graph.attributes.documentDates?.['bunia.html'];
    expect(dated?.source).toBe('mtime');
    expect([dayBefore, new Date().toISOString().slice(0, 10)]).toContain(dated?.date);
    expect(problems.consoleErrors).toEqual([]);
  });

  it('skips an encrypted PDF, an image-only PDF, a cut-short .docx and a zip bomb, each with one line naming it, and adds nothing', async () => {
    const before = await shownCounts(page);
    const skips: [string, RegExp][] = [
      ['encrypted.pdf', /encrypted\.pdf: encrypted PDF \(it needs a password\)/],
      ['image-only.pdf', /image-only\.pdf: no text layer \(an image-only or scanned PDF: it needs OCR first\)/],
      ['corrupt-cut-short.docx', /corrupt-cut-short\.docx: Word document: not a zip archive/],
      ['zip-bomb.docx', /zip-bomb\.docx: Word document: word\/document\.xml inflates past \d+ MB \(a zip bomb\?\)/],
    ];
    for (const [name, message] of skips) {
      await page.locator('#file-input').setInputFiles(path.join(documents, name));
      await expect.poll(() => alerts(page), { timeout: 60_000 }).toMatch(message);
      const mine = (await page.getByRole('alert').allTextContents()).filter((text) => text.includes(name));
      expect(mine, name).toHaveLength(1);
    }
    expect(await shownCounts(page)).toEqual(before);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});
