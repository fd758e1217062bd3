// Headless Chromium for the end-to-end tests (Debian's /usr/bin/chromium through playwright-core), and
// helpers that open the explorer and record every console error, page error and CSP violation.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

/** Records what a page reports as wrong; dialogs are dismissed and recorded (a script ran). */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** Opens the explorer at `query` and waits until the graph has been drawn once. */
export async function openExplorer(page: Page, baseUrl: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}${query}`);
  await page.waitForSelector('body[data-state=ready]', { timeout: 60_000 });
}

/** The "Showing N of M entities and E of F links" line as numbers. */
export async function shownCounts(page: Page): Promise<{ nodes: number; totalNodes: number; edges: number; totalEdges: number }> {
  const text = (await page.locator('#shown-count').textContent()) ?? '';
  const match = /Showing ([\d,]+) of ([\d,]+) entities and ([\d,]+) of ([\d,]+) links/.exec(text);
  if (!match) throw new Error(`unexpected shown-count text: ${text}`);
  const number = (value: string | undefined) => Number((value ?? '').replaceAll(',', ''));
  return { nodes: number(match[1]), totalNodes: number(match[2]), edges: number(match[3]), totalEdges: number(match[4]) };
}
