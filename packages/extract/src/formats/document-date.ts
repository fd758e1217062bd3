// A document's date by the chosen source (content, file name or file time), shared by the CLI's --date-from
// and the explorer's drop, so that a document dropped on the map is dated as a build would date it.
import { dateInName } from '../readers/read.ts';
import type { DocumentExtraction } from '../types.ts';

/** Where a document's date is taken from: the text (then the file name), the file name first, or the file's time. */
export type DateFrom = 'name' | 'content' | 'mtime';

/** What a binary reader found beside the text: a PDF's first-page date, a Word file's creation date, a UN symbol. */
export interface DocumentDateHint {
  date?: string;
  dateSource?: 'first-page' | 'dateline';
  symbol?: string;
}

/** The UTC day of a file time. */
function isoDay(milliseconds: number): string {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/**
 * Sets the extraction's document date by `dateFrom`: `content` (default) keeps what the text gave (a PDF's
 * first page first), then the file name; `name` prefers the file name's date; `mtime` takes the file's time.
 */
export function applyDocumentDate(extraction: DocumentExtraction, hint: DocumentDateHint, dateFrom: DateFrom, mtimeMs: number): void {
  const document = extraction.document;
  if (hint.symbol !== undefined) document.symbol = hint.symbol;
  if (hint.date !== undefined && hint.dateSource !== undefined && (document.dateSource === undefined || document.dateSource === 'name' || hint.dateSource === 'first-page')) {
    document.date = hint.date;
    document.dateSource = hint.dateSource;
  }
  if (dateFrom === 'mtime' && Number.isFinite(mtimeMs)) {
    document.date = isoDay(mtimeMs);
    document.dateSource = 'mtime';
  } else if (dateFrom === 'name') {
    const named = dateInName(document.id);
    if (named !== undefined) {
      document.date = named;
      document.dateSource = 'name';
    }
  }
}
