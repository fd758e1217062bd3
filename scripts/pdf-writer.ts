// Writes simple text PDFs (Helvetica, one text object per line) for tests and benchmarks: many pages of
// running text with a running header and a page number, as a report generator would make them.

/** Escapes a string for a PDF literal string. */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (mark) => `\\${mark}`)})`;
}

/** A PDF of `pages` pages, each with a running header, `linesPerPage` lines from `line(page, index)` and a page number. */
export function writeTextPdf(pages: number, linesPerPage: number, line: (page: number, index: number) => string): Uint8Array {
  const objects: string[] = [];
  const pageIds: number[] = [];
  // 1: catalog, 2: pages, 3: font; pages and contents follow.
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  let next = 4;
  for (let page = 0; page < pages; page += 1) {
    const content = [`BT /F1 8 Tf 56 806 Td ${pdfString('Report of the Secretary-General on peace operations')} Tj ET`];
    for (let index = 0; index < linesPerPage; index += 1) content.push(`BT /F1 10 Tf 56 ${770 - index * 13} Td ${pdfString(line(page, index))} Tj ET`);
    content.push(`BT /F1 8 Tf 290 30 Td ${pdfString(String(page + 1))} Tj ET`);
    const stream = content.join('\n');
    const contentId = next++;
    const pageId = next++;
    objects[contentId] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    pageIds.push(pageId);
  }
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`;
  return assemblePdf(objects);
}

/** A PDF file of the given objects (object n at index n; 1 is the catalog), with its cross-reference table. */
export function assemblePdf(objects: readonly (string | undefined)[]): Uint8Array {
  const parts: string[] = ['%PDF-1.4\n'];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = length;
    const text = `${id} 0 obj\n${objects[id] ?? 'null'}\nendobj\n`;
    parts.push(text);
    length += text.length;
  }
  const xref = [`xref\n0 ${objects.length}\n0000000000 65535 f \n`, ...offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(xref, `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  // Latin-1: one byte per character, so a stream's /Length is its string length.
  const text = parts.join('');
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) bytes[index] = text.charCodeAt(index) & 255;
  return bytes;
}
