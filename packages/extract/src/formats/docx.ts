// Word (.docx) to text: the paragraphs of word/document.xml in order, with tabs, breaks and list items kept,
// so "Name: text" speaker turns and interview paragraphs read as they do in a text file.
import { decodeEntities } from '../readers/paragraphs.ts';

/** The paragraphs of a WordprocessingML body (word/document.xml), one per line pair, headers and footers left out. */
export function docxDocumentText(xml: string): string {
  const body = /<w:body\b[^>]*>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml;
  const paragraphs: string[] = [];
  const paragraphPattern = /<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/g;
  for (let match = paragraphPattern.exec(body); match !== null; match = paragraphPattern.exec(body)) {
    const inner = match[1] ?? '';
    // Deleted revisions are not the text; field codes (page numbers, TOC instructions) neither.
    const kept = inner.replace(/<w:del\b[\s\S]*?<\/w:del>/g, '').replace(/<w:instrText\b[\s\S]*?<\/w:instrText>/g, '');
    let text = '';
    const runPattern = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\s*\/>|<w:(?:br|cr)\b[^>]*\/>|<w:noBreakHyphen\s*\/>/g;
    for (let run = runPattern.exec(kept); run !== null; run = runPattern.exec(kept)) {
      if (run[1] !== undefined) text += decodeEntities(run[1]);
      else if (run[0].startsWith('<w:tab')) text += '\t';
      else if (run[0].startsWith('<w:noBreakHyphen')) text += '-';
      else text += '\n';
    }
    const isListItem = /<w:numPr\b/.test(inner);
    const trimmed = text.replace(/[ \t]+/g, ' ').trim();
    if (trimmed.length > 0) paragraphs.push(isListItem ? `- ${trimmed}` : trimmed);
  }
  return paragraphs.join('\n\n');
}

/** The document's date from docProps/core.xml (dcterms:created), YYYY-MM-DD, when Word wrote one. */
export function docxCreatedDate(coreXml: string): string | undefined {
  return /<dcterms:created\b[^>]*>((?:19|20)\d{2}-[01]\d-[0-3]\d)/.exec(coreXml)?.[1];
}
