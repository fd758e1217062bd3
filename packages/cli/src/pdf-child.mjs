// A child process that reads one PDF (its bytes on stdin) with pdfjs-dist and prints its pages' positioned
// text as JSON, or { ok: false, reason }; the parent lays the text out and bounds this process's time and memory.
// Plain JavaScript, without the TypeScript loader, so it starts fast; it mirrors pdfPages in extract/formats/pdf.ts.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const bytes = new Uint8Array(Buffer.concat(chunks));
const maxPages = Number(process.env.MISSIONGRAPH_PDF_MAX_PAGES ?? '1000');
const maxCharacters = 50_000_000;

async function read() {
  let document;
  try {
    document = await getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 }).promise;
  } catch (error) {
    if (error?.name === 'PasswordException') return { ok: false, reason: 'encrypted PDF (it needs a password)' };
    return { ok: false, reason: `not a readable PDF (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    if (document.numPages > maxPages) return { ok: false, reason: `PDF of ${document.numPages} pages (the limit is ${maxPages})` };
    const pages = [];
    let characters = 0;
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const [, , width = 0, height = 0] = page.view;
      const content = await page.getTextContent();
      const items = [];
      for (const raw of content.items) {
        const text = raw.str ?? '';
        if (text.length === 0 || !raw.transform) continue;
        const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = raw.transform;
        characters += text.length;
        items.push({ text, x, y, width: raw.width ?? 0, size: Math.max(Math.hypot(c, d), Math.hypot(a, b), raw.height ?? 0) });
      }
      if (characters > maxCharacters) return { ok: false, reason: `PDF text longer than ${maxCharacters} characters` };
      pages.push({ width, height, items });
      page.cleanup();
    }
    return { ok: true, pages };
  } finally {
    await document.destroy();
  }
}

process.stdout.write(JSON.stringify(await read()));
