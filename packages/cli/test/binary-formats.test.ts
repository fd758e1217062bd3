// PDF, Word and HTML inputs: real files made here (Chromium's print-to-PDF, a .docx in Word's package shape,
// qpdf's encryption) read into the same sentences as their text sources; bad ones are one-line skips.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from '@missiongraph/extract';
import { fromGraphJson } from '@missiongraph/graph';
import { BINARY_LIMITS, readBinaryFormat } from '../src/binary-formats.ts';
import { writeTextPdf } from '../../../scripts/pdf-writer.ts';
import { runCli, tempDir, writeFiles } from './helpers.ts';

const fixtures = fileURLToPath(new URL('../../extract/test/fixtures/documents/', import.meta.url));
const bytesOf = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const sentencesOf = (id: string, text: string) => readDocument({ id, text }).sentences.map(({ text: sentence, speaker }) => ({ sentence, speaker }));

function readText(name: string) {
  const read = readBinaryFormat(bytesOf(name), name);
  if (read.kind !== 'text') throw new Error(`${name}: ${read.kind === 'skip' ? read.reason : 'not read'}`);
  return read;
}

describe('PDF', () => {
  const read = readText('un-report-s-2023-648.pdf');

  it('a two-column report printed by Chromium reads into the same sentences as its text source', () => {
    const source = fs.readFileSync(path.join(fixtures, 'un-report-s-2023-648.txt'), 'utf8');
    expect(sentencesOf('un-report-s-2023-648.pdf', read.text)).toEqual(sentencesOf('un-report-s-2023-648.txt', source));
  });

  it('drops the running header and page numbers, joins hyphenated line ends and sentences across columns and pages', () => {
    expect(read.text).not.toContain('report of the Secretary-General S/2023/648');
    expect(read.text).not.toMatch(/^\d\/2$/m);
    expect(read.text).toContain('the work of the peacekeeping mission in Bangui');
    expect(read.text).toContain('the north-west and the south-east of the country');
    expect(read.text).toContain('the prefectures of Haute-Kotto and Vakaga.');
    expect(read.text).toContain('with the signatory armed groups.');
  });

  it('reads the symbol and the date from the first page', () => {
    expect(read).toMatchObject({ format: 'pdf', symbol: 'S/2023/648', date: '2023-08-31', dateSource: 'first-page' });
  });

  it('an encrypted PDF, an image-only PDF, a file named .pdf that is not one, and a 2,000-page PDF are skipped with the reason', () => {
    expect(readBinaryFormat(bytesOf('encrypted.pdf'), 'encrypted.pdf')).toEqual({ kind: 'skip', reason: 'encrypted PDF (it needs a password)' });
    expect(readBinaryFormat(bytesOf('image-only.pdf'), 'image-only.pdf')).toEqual({ kind: 'skip', reason: 'no text layer (an image-only or scanned PDF: it needs OCR first)' });
    expect(readBinaryFormat(new TextEncoder().encode('hello'), 'notes.pdf')).toEqual({ kind: 'skip', reason: 'not a PDF (no %PDF- signature)' });
    const huge = writeTextPdf(2000, 3, (page, index) => `Page ${page} line ${index} of the annex.`);
    expect(readBinaryFormat(huge, 'annex.pdf')).toEqual({ kind: 'skip', reason: `PDF of 2000 pages (the limit is ${BINARY_LIMITS.pdfPages})` });
  });

  it('a generated multi-page PDF loses its running header and page numbers but keeps every line', () => {
    const pdf = writeTextPdf(3, 4, (page, index) => `Paragraph ${page * 4 + index + 1} of the report on MONUSCO.`);
    const text = readBinaryFormat(pdf, 'generated.pdf');
    expect(text.kind).toBe('text');
    if (text.kind !== 'text') return;
    expect(text.text).not.toContain('Report of the Secretary-General on peace operations');
    expect(text.text.match(/Paragraph \d+ of the report on MONUSCO\./g)).toHaveLength(12);
  });
});

describe('Word', () => {
  it('a .docx in Word\'s shape reads into the same sentences and speaker turns as its text source', () => {
    const read = readText('interview-haysom-2024-02-14.docx');
    const source = fs.readFileSync(path.join(fixtures, 'interview-haysom-2024-02-14.txt'), 'utf8');
    const sentences = sentencesOf('interview-haysom-2024-02-14.docx', read.text);
    expect(sentences).toEqual(sentencesOf('interview-haysom-2024-02-14.txt', source));
    // The bullets after his answer go on with his turn, as in the text source.
    expect(sentences.filter((sentence) => sentence.speaker === 'Nicholas Haysom')).toHaveLength(7);
    expect(sentences.filter((sentence) => sentence.speaker === 'Interviewer')).toHaveLength(4);
    expect(readDocument({ id: 'interview-haysom-2024-02-14.docx', text: read.text }).date).toBe('2024-02-14');
  });

  it('a corrupt .docx, a zip bomb named .docx and a text file named .docx are skipped with the reason, in bounded memory', () => {
    expect(readBinaryFormat(bytesOf('corrupt-cut-short.docx'), 'corrupt-cut-short.docx')).toEqual({ kind: 'skip', reason: 'Word document: not a zip archive (no central directory; the file is cut short or corrupt)' });
    const before = process.memoryUsage().rss;
    const bomb = readBinaryFormat(bytesOf('zip-bomb.docx'), 'zip-bomb.docx');
    expect(bomb.kind === 'skip' && bomb.reason).toMatch(/^Word document: word\/document\.xml inflates past \d+ MB \(a zip bomb\?\)$/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(readBinaryFormat(new TextEncoder().encode('plain text'), 'notes.docx')).toEqual({ kind: 'skip', reason: 'not a Word document (a .docx is a zip archive; this file is not one)' });
  });
});

describe('HTML', () => {
  it('a saved page reads without navigation, scripts and footer, keeping its title, paragraphs and date', () => {
    const page = [
      '<!DOCTYPE html><html><head><title>Peacekeepers patrol near Bunia | UN News</title><meta property="article:published_time" content="2024-06-03T10:00:00Z">',
      '<script>window.analytics = { track: "MONUSCO" };</script><style>p { color: red }</style></head><body>',
      '<nav><ul><li><a href="/">Home</a></li><li>UNMISS</li></ul></nav><header>Skip to content</header>',
      '<main><h1>Peacekeepers patrol near Bunia</h1><p>MONUSCO peacekeepers patrolled the roads near Bunia in Ituri on Monday.</p>',
      '<p>The mission said that the patrols would continue &amp; expand.</p></main><footer>© United Nations</footer></body></html>',
    ].join('\n');
    const read = readBinaryFormat(new TextEncoder().encode(page), 'saved/bunia.html');
    expect(read).toMatchObject({ kind: 'text', format: 'html', date: '2024-06-03' });
    if (read.kind !== 'text') return;
    expect(sentencesOf('bunia.html', read.text).map((sentence) => sentence.sentence)).toEqual([
      'Peacekeepers patrol near Bunia | UN News',
      'Peacekeepers patrol near Bunia',
      'MONUSCO peacekeepers patrolled the roads near Bunia in Ituri on Monday.',
      'The mission said that the patrols would continue & expand.',
    ]);
  });
});

describe('missiongraph build with PDF, Word and HTML inputs', () => {
  it('builds the readable ones, skips the bad ones with one line each naming file and reason, and lists document dates', () => {
    const root = tempDir('mg-binary-');
    const corpus = path.join(root, 'corpus');
    writeFiles(corpus, {
      'report.pdf': bytesOf('un-report-s-2023-648.pdf'),
      'interview.docx': bytesOf('interview-haysom-2024-02-14.docx'),
      'encrypted.pdf': bytesOf('encrypted.pdf'),
      'scan.pdf': bytesOf('image-only.pdf'),
      'bomb.docx': bytesOf('zip-bomb.docx'),
      'cut.docx': bytesOf('corrupt-cut-short.docx'),
      'notes-2019-04-01.txt': 'MINUSCA and the African Union met in Bangui.',
    });
    const result = runCli(['build', corpus, '--out', path.join(root, 'out'), '--workers', '1']);
    expect(result.status).toBe(2);
    const skips = result.stderr.split('\n').filter((line) => line.includes('skipped')).sort();
    expect(skips).toEqual([
      `missiongraph: skipped ${corpus}/bomb.docx: Word document: word/document.xml inflates past 50 MB (a zip bomb?)`,
      `missiongraph: skipped ${corpus}/cut.docx: Word document: not a zip archive (no central directory; the file is cut short or corrupt)`,
      `missiongraph: skipped ${corpus}/encrypted.pdf: encrypted PDF (it needs a password)`,
      `missiongraph: skipped ${corpus}/scan.pdf: no text layer (an image-only or scanned PDF: it needs OCR first)`,
    ]);
    const graph = fromGraphJson(fs.readFileSync(path.join(root, 'out', 'graph.json'), 'utf8'));
    expect(graph.getAttribute('documentDates')).toEqual({
      'interview.docx': { date: '2024-02-14', source: 'dateline' },
      'notes-2019-04-01.txt': { date: '2019-04-01', source: 'name' },
      'report.pdf': { date: '2023-08-31', source: 'first-page' },
    });
    expect(graph.hasNode('mission:minusca') && graph.hasNode('mission:unmiss')).toBe(true);
  });

  it('--date-from name and mtime choose where dates come from', () => {
    const root = tempDir('mg-dates-');
    const corpus = path.join(root, 'corpus');
    writeFiles(corpus, { 'brief-2020-01-15.txt': 'Geneva, 3 March 2021. MINUSCA met the African Union.' });
    fs.utimesSync(path.join(corpus, 'brief-2020-01-15.txt'), new Date('2022-07-09T12:00:00Z'), new Date('2022-07-09T12:00:00Z'));
    const datesWith = (mode: string) => {
      const out = path.join(root, `out-${mode}`);
      expect(runCli(['build', corpus, '--out', out, '--date-from', mode]).status).toBe(0);
      return fromGraphJson(fs.readFileSync(path.join(out, 'graph.json'), 'utf8')).getAttribute('documentDates');
    };
    expect(datesWith('content')).toEqual({ 'brief-2020-01-15.txt': { date: '2021-03-03', source: 'dateline' } });
    expect(datesWith('name')).toEqual({ 'brief-2020-01-15.txt': { date: '2020-01-15', source: 'name' } });
    expect(datesWith('mtime')).toEqual({ 'brief-2020-01-15.txt': { date: '2022-07-09', source: 'mtime' } });
    expect(runCli(['build', corpus, '--out', path.join(root, 'x'), '--date-from', 'yesterday']).stderr).toContain('--date-from: "yesterday" is not one of name, content, mtime');
  });
});
