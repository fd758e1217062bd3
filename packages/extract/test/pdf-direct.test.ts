// The direct PDF reader against pdfjs-dist: the same positioned text on a Chromium-printed report and on
// hand-made PDFs using each text operator it reads; what it does not read is left to pdfjs (PdfUnsupported).
import fs from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pdfPages, pdfPagesDirect, PdfReadError, PdfUnsupported, textOfPages } from '../src/index.ts';
import { assemblePdf, writeTextPdf } from '../../../scripts/pdf-writer.ts';

const inflate = (data: Uint8Array, maxBytes: number): Uint8Array => new Uint8Array(inflateSync(data, { maxOutputLength: Math.max(1, maxBytes) }));
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(new URL(`./fixtures/documents/${name}`, import.meta.url)));

/** Each page's pieces rounded, so float noise between the two readers does not count. */
function rounded(pages: Awaited<ReturnType<typeof pdfPages>>) {
  return pages.map((page) => ({ width: Math.round(page.width), height: Math.round(page.height), items: page.items.map((item) => ({ text: item.text, x: Math.round(item.x * 10), y: Math.round(item.y * 10), size: Math.round(item.size * 10) })) }));
}

/** A one-page PDF whose content stream is `content`, with a WinAnsi Helvetica (/F1, with widths) and a Form XObject (/X1). */
function onePage(content: string, formContent = 'BT /F1 9 Tf 60 40 Td (Footnote in a form.) Tj ET', compress = false): Uint8Array {
  const widths = Array.from({ length: 224 }, (_unused, index) => (index === 0 ? 278 : 500 + ((index * 37) % 200))).join(' ');
  const stream = compress ? String.fromCharCode(...deflateSync(Buffer.from(content, 'latin1'))) : content;
  return assemblePdf([
    undefined,
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 /MediaBox [0 0 595 842] >>',
    `<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 255 /Widths [${widths}] /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [150 /endash 151 /emdash] >> >>`,
    '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 3 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>',
    `<< /Length ${stream.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n${stream}\nendstream`,
    `<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 0 10] /Resources << /Font << /F1 3 0 R >> >> /Length ${formContent.length} >>\nstream\n${formContent}\nendstream`,
  ]);
}

describe('direct PDF reader', () => {
  it('gives the same pieces as pdfjs-dist on the Chromium-printed two-column report (Identity-H fonts, ToUnicode, Flate)', async () => {
    const bytes = fixture('un-report-s-2023-648.pdf');
    const direct = pdfPagesDirect(bytes, { inflate });
    expect(rounded(direct)).toEqual(rounded(await pdfPages(bytes)));
    expect(textOfPages(direct).symbol).toBe('S/2023/648');
  });

  it('reads Tj, TJ with kerning and word gaps, T*, \' and ", Tm, Tz, escapes, WinAnsi and /Differences, and a Form XObject as pdfjs-dist does', async () => {
    const content = [
      'BT /F1 12 Tf 14 TL 72 760 Td (The mission in Bangui \\(MINUSCA\\)) Tj T* [(re) -20 (viewed) -300 (the) -250 (patrols.)] TJ ET',
      'q 1 0 0 1 0 -40 cm BT /F1 11 Tf 1 0 0 1 72 700 Tm (Caf\\351 talks \\226 then a pause \\227 went on.) Tj ET Q',
      "BT /F1 10 Tf 12 TL 72 600 Td (First line) Tj (Second line said ') ' 3 0.5 (Third line) \" ET",
      'BT /F1 10 Tf 80 Tz 72 560 Td <48656C6C6F> Tj 100 Tz ET /X1 Do',
    ].join('\n');
    for (const compress of [false, true]) {
      const bytes = onePage(content, undefined, compress);
      const direct = pdfPagesDirect(bytes, { inflate });
      // pdfjs cuts a line into pieces its own way; the lines laid out must be the same.
      expect(textOfPages(direct).text).toBe(textOfPages(await pdfPages(bytes)).text);
      expect(textOfPages(direct).text).toContain('Café talks – then a pause — went on.');
    }
  });

  it('letter-spaced text (Tc) stays one word, where pdfjs-dist puts a space between its letters', () => {
    const direct = pdfPagesDirect(onePage('BT /F1 14 Tf 72 700 Td 2 Tc (Spaced) Tj 0 Tc ( heading) Tj ET', ''), { inflate });
    expect(textOfPages(direct).text).toBe('Spaced heading');
  });

  it('the generated 3-page report reads into the same text as with pdfjs-dist', async () => {
    const bytes = writeTextPdf(3, 4, (page, index) => `Paragraph ${page * 4 + index + 1} of the report on MONUSCO.`);
    expect(textOfPages(pdfPagesDirect(bytes, { inflate })).text).toBe(textOfPages(await pdfPages(bytes)).text);
  });

  it('leaves to pdfjs what it does not read: encryption, an unknown filter, a font without a known encoding', () => {
    expect(() => pdfPagesDirect(fixture('encrypted.pdf'), { inflate })).toThrow(PdfUnsupported);
    const plain = String.fromCharCode(...onePage('BT /F1 12 Tf 72 700 Td (x) Tj ET'));
    const text = plain.replace('/Length 32 >>', '/Length 32 /Filter /LZWDecode >>');
    expect(text).not.toBe(plain);
    expect(() => pdfPagesDirect(new Uint8Array([...text].map((character) => character.charCodeAt(0))), { inflate })).toThrow(PdfUnsupported);
    const symbolic = assemblePdf([
      undefined,
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Custom >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
      '<< /Length 30 >>\nstream\nBT /F1 12 Tf 72 700 Td (x) Tj ET\nendstream',
    ]);
    expect(() => pdfPagesDirect(symbolic, { inflate })).toThrow(PdfUnsupported);
  });

  it('refuses a PDF over the page limit before reading a page, and stops past the character limit', () => {
    expect(() => pdfPagesDirect(writeTextPdf(2000, 1, () => 'x'), { inflate, maxPages: 1000 })).toThrow(new PdfReadError('PDF of 2000 pages (the limit is 1000)'));
    expect(() => pdfPagesDirect(writeTextPdf(20, 50, () => 'A line of the long annex.'), { inflate, maxCharacters: 10_000 })).toThrow(new PdfReadError('PDF text longer than 10000 characters'));
  });

  it('a content stream that inflates past the limit is left to pdfjs (which the CLI bounds in a child process)', () => {
    const big = onePage(`BT /F1 12 Tf 72 700 Td (${'x'.repeat(200_000)}) Tj ET`, undefined, true);
    expect(() => pdfPagesDirect(big, { inflate, maxContentBytes: 100_000 })).toThrow(PdfUnsupported);
  });
});

describe('PDF layout of a short two-column page', () => {
  const lines = {
    left: ['The mission reported new patrols in the', 'north of the province this month, and the', 'authorities welcomed the plan.'],
    right: ['The Council asked for a report on the', 'protection of civilians in the areas where', 'the peacekeepers are deployed.'],
  };
  const expected = `${lines.left.join(' ')}\n\n${lines.right.join(' ')}`;

  it('reads the left column, then the right, when each line is one piece (as the direct reader gives them)', () => {
    const items = [...lines.left.map((text, row) => ({ text, x: 57, y: 770 - row * 13, width: 220, size: 10 })), ...lines.right.map((text, row) => ({ text, x: 310, y: 770 - row * 13, width: 220, size: 10 }))];
    expect(textOfPages([{ width: 595, height: 842, items }]).text).toBe(expected);
  });

  it('reads the columns so when the left one comes word by word and the right one a line a piece (as pdfjs-dist gives justified text)', () => {
    const words = lines.left.flatMap((text, row) => {
      let x = 57;
      return text.split(' ').flatMap((word) => {
        const pieces = [{ text: word, x, y: 770 - row * 13, width: word.length * 4, size: 10 }, { text: ' ', x: x + word.length * 4, y: 770 - row * 13, width: 4, size: 10 }];
        x += word.length * 4 + 4;
        return pieces;
      });
    });
    const items = [...words, ...lines.right.map((text, row) => ({ text, x: 310, y: 770 - row * 13, width: 220, size: 10 }))];
    expect(textOfPages([{ width: 595, height: 842, items }]).text).toBe(expected);
  });
});
