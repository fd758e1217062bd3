// Downloads and drops as a user makes them: clicks an export button and saves the file to a temp folder,
// or drops files made inside the page onto the explorer window.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

export async function downloadFrom(page: Page, buttonName: string): Promise<string> {
  const directory = mkdtempSync(path.join(tmpdir(), 'explorer-download-'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export' }).getByRole('button', { name: buttonName }).click(),
  ]);
  const file = path.join(directory, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Drops files made inside the page (so any size costs nothing to send) onto the explorer window. */
export async function dropFiles(page: Page, files: { name: string; text?: string; zeroBytes?: number; type?: string }[]): Promise<void> {
  await page.evaluate((specs) => {
    const transfer = new DataTransfer();
    for (const spec of specs) {
      const body = spec.zeroBytes !== undefined ? new Uint8Array(spec.zeroBytes) : (spec.text ?? '');
      transfer.items.add(new File([body], spec.name, { type: spec.type ?? '' }));
    }
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}
