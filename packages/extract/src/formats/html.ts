// HTML (a saved web page) to text: the article's paragraphs, headings and list items, without navigation,
// scripts, styles, forms, headers and footers; entities decoded. No DOM needed, so it runs anywhere.
import { decodeEntities } from '../readers/paragraphs.ts';

/** Elements whose content is never the page's text. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'iframe', 'object', 'canvas', 'menu', 'dialog'];
/** Elements that end a paragraph. */
const BLOCKS = /^(?:p|div|section|article|main|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|tr|td|th|caption|figure|figcaption|br|hr|address|details|summary)$/;

export interface HtmlText {
  text: string;
  title?: string;
  /** The page's date from its meta tags or first <time datetime> (YYYY-MM-DD). */
  date?: string;
}

/** Reads a saved HTML page into paragraphs separated by blank lines (table cells split by "; "). */
export function htmlToText(html: string): HtmlText {
  let source = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ');
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(source)?.[1];
  const date =
    /<meta\b[^>]*(?:property|name|itemprop)=["'](?:article:published_time|date|dc\.date|datePublished|pubdate)["'][^>]*content=["']((?:19|20)\d{2}-[01]\d-[0-3]\d)/i.exec(source)?.[1] ??
    /<time\b[^>]*datetime=["']((?:19|20)\d{2}-[01]\d-[0-3]\d)/i.exec(source)?.[1];
  const main = /<(main|article)\b[^>]*>([\s\S]*)<\/\1>/i.exec(source);
  if (main?.[2] !== undefined && main[2].length > 200) source = main[2];
  else source = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(source)?.[1] ?? source;
  // Removes dropped elements innermost first, linearly: each pass takes out those without a nested one.
  const dropped = new RegExp(`<(${DROPPED.join('|')})\\b[^>]*>(?:(?!<\\1\\b)[\\s\\S])*?</\\1\\s*>`, 'gi');
  for (let pass = 0; pass < 8; pass += 1) {
    const next = source.replace(dropped, ' ');
    if (next === source) break;
    source = next;
  }
  const out: string[] = [];
  let paragraph = '';
  const flush = (): void => {
    const text = paragraph.replace(/\s+/g, ' ').trim();
    if (text.length > 0) out.push(text);
    paragraph = '';
  };
  const tagPattern = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|([^<]+)|</g;
  let prefix = '';
  for (let match = tagPattern.exec(source); match !== null; match = tagPattern.exec(source)) {
    if (match[2] !== undefined) {
      paragraph += (paragraph.length === 0 ? prefix : '') + decodeEntities(match[2]);
      if (paragraph.trim().length > 0) prefix = '';
      continue;
    }
    const tag = (match[1] ?? '').toLowerCase();
    if (tag === 'td' || tag === 'th') {
      if (match[0].startsWith('</')) paragraph += '; ';
      continue;
    }
    if (BLOCKS.test(tag)) {
      flush();
      prefix = tag === 'li' && !match[0].startsWith('</') ? '- ' : '';
    }
  }
  flush();
  const result: HtmlText = { text: out.map((line) => line.replace(/(?:;\s*)+$/, '')).join('\n\n') };
  if (title !== undefined) result.title = decodeEntities(title).replace(/\s+/g, ' ').trim();
  if (date !== undefined) result.date = date;
  return result;
}
