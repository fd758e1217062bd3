// Escaping for the text formats: XML (GEXF, GraphML) that no input string can make invalid, and
// well-formed Unicode for CSV/JSONL. Characters XML 1.0 forbids become U+FFFD.

/** Anything that may need escaping in XML: markup, whitespace that parsers would normalise, forbidden characters, surrogates. */
const XML_SUSPECT = /[&<>"\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;
/** What needs more than the four entities: tab, LF, CR (character references), forbidden characters, surrogates. */
const XML_SPECIAL = /[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;
const XML_REPLACE = /[&<>"\t\n\r]|[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;

function xmlReplacement(match: string): string {
  switch (match) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case '\t':
      return '&#9;';
    case '\n':
      return '&#10;';
    case '\r':
      return '&#13;';
    default:
      // A surrogate pair is a legal character; anything else that matched is not.
      return match.length === 2 ? match : '\ufffd';
  }
}

/**
 * Escapes text for an XML attribute value (double-quoted) or element content. Tab, LF and CR are
 * written as character references so parsers keep them; C0 controls other than those, U+FFFE,
 * U+FFFF and lone surrogates, which XML 1.0 cannot carry, become U+FFFD.
 */
export function escapeXml(text: string): string {
  if (!XML_SUSPECT.test(text)) return text;
  // Most text needs only the four markup characters: plain string replacements are several times faster than a
  // callback per match (JSON text has a quote every few characters).
  if (!XML_SPECIAL.test(text)) return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text.replace(XML_REPLACE, xmlReplacement);
}

/** Like XML_SUSPECT and XML_REPLACE without the double quote, which needs no escaping in element content. */
const CONTENT_SUSPECT = /[&<>\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;
const CONTENT_REPLACE = /[&<>\t\n\r]|[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;
/** The same with the apostrophe, for attribute values delimited by apostrophes. */
const APOSTROPHE_SUSPECT = /[&<>'\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;
const APOSTROPHE_REPLACE = /[&<>'\t\n\r]|[\ud800-\udbff][\udc00-\udfff]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;

function apostropheReplacement(match: string): string {
  return match === "'" ? '&apos;' : xmlReplacement(match);
}

/**
 * Escapes text for XML element content as escapeXml does, except that double quotes stay as they are: only an
 * attribute value they delimit needs them escaped. JSON text (evidence) is about a fifth shorter this way.
 */
export function escapeXmlContent(text: string): string {
  if (!CONTENT_SUSPECT.test(text)) return text;
  if (!XML_SPECIAL.test(text)) return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text.replace(CONTENT_REPLACE, xmlReplacement);
}

/** Escapes text for an XML attribute value delimited by apostrophes (`value='…'`): apostrophes become &apos;, double quotes stay. */
export function escapeXmlInApostrophes(text: string): string {
  if (!APOSTROPHE_SUSPECT.test(text)) return text;
  if (!XML_SPECIAL.test(text)) return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;');
  return text.replace(APOSTROPHE_REPLACE, apostropheReplacement);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Replaces lone surrogates, which UTF-8 cannot encode, with U+FFFD. */
export function wellFormed(text: string): string {
  return /[\ud800-\udfff]/.test(text) ? text.replace(LONE_SURROGATE, '\ufffd') : text;
}

/** Numbers as the exports write them: shortest round-trip form, never NaN/Infinity (empty instead). */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}
