// Reads a PNG's pixels in a blank Chromium page (the browser's own decoder) and counts "ink": pixels
// that differ clearly from the background, to tell a drawn graph from a blank canvas.
import type { Browser } from 'playwright-core';

export interface InkCount {
  width: number;
  height: number;
  /** Pixels differing from white by more than a small margin. */
  ink: number;
  /** Distinct colours among the ink, bucketed to 4 bits per channel. */
  colours: number;
}

export async function countInk(browser: Browser, png: Buffer): Promise<InkCount> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(bitmap, 0, 0);
      const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      let ink = 0;
      const colours = new Set<number>();
      for (let index = 0; index < data.length; index += 4) {
        const red = data[index] ?? 255;
        const green = data[index + 1] ?? 255;
        const blue = data[index + 2] ?? 255;
        const alpha = data[index + 3] ?? 0;
        if (alpha < 16) continue;
        if (255 - red + (255 - green) + (255 - blue) > 60) {
          ink += 1;
          colours.add(((red >> 4) << 8) | ((green >> 4) << 4) | (blue >> 4));
        }
      }
      return { width: bitmap.width, height: bitmap.height, ink, colours: colours.size };
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}
