// Reads a PNG's pixels in a blank Chromium page (the browser's own decoder) and counts "ink": pixels
// that differ clearly from the background, to tell a drawn graph from a blank canvas; or compares two PNGs.
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

/** Share (0..1) of the pixels that differ clearly between two PNGs of the same size. */
export async function differingShare(browser: Browser, first: Buffer, second: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([firstBase64, secondBase64]) => {
        const pixels = async (base64: string) => {
          const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
          const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d');
          if (!context) throw new Error('no 2d context');
          context.drawImage(bitmap, 0, 0);
          return context.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [a, b] = [await pixels(firstBase64), await pixels(secondBase64)];
        if (a.width !== b.width || a.height !== b.height) return 1;
        let differing = 0;
        for (let index = 0; index < a.data.length; index += 4) {
          let distance = 0;
          for (let channel = 0; channel < 3; channel += 1) distance += Math.abs((a.data[index + channel] ?? 0) - (b.data[index + channel] ?? 0));
          if (distance > 60) differing += 1;
        }
        return differing / (a.width * a.height);
      },
      [first.toString('base64'), second.toString('base64')] as const,
    );
  } finally {
    await page.close();
  }
}
