// Cleans raw document text before reading: line endings, control and invisible characters, lone surrogates.
// Keeps every printable character so evidence sentences stay faithful to the source.

/** What sanitizeText removed, so readers can warn about it. */
export interface SanitizeReport {
  text: string;
  removedControl: number;
  removedReplacement: number;
}

// C0 controls except tab/newline, DEL, C1 controls, zero-width and bidi-override characters, BOMs.
// The zero-width joiner is listed as a character to remove, not as part of a joined sequence.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
// Characters that render as nothing but sit inside words copied from web pages and chat tools: the soft hyphen,
// the Arabic letter mark, the combining grapheme joiner, Hangul and Khmer fillers, the Mongolian vowel separator,
// variation selectors (VS1–16 and the supplementary ones) and the Unicode tag characters.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE_IN_WORDS = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\u{e0000}-\u{e007f}\u{e0100}-\u{e01ef}]/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Normalises line endings (form feeds become paragraph breaks), removes invisible characters and undecodable bytes. */
export function sanitizeText(raw: string): SanitizeReport {
  let text = raw.replace(/\r\n?/g, '\n').replace(/\f/g, '\n\n').replace(/[\u2028\u2029\u0085]/g, '\n');
  let removedControl = 0;
  text = text.replace(INVISIBLE, () => {
    removedControl += 1;
    return '';
  });
  text = text.replace(INVISIBLE_IN_WORDS, () => {
    removedControl += 1;
    return '';
  });
  let removedReplacement = 0;
  text = text.replace(LONE_SURROGATE, '\ufffd').replace(/\ufffd/g, () => {
    removedReplacement += 1;
    return '';
  });
  text = text.replace(/\u00a0|\u2007|\u202f|[\u2000-\u200a]|\u3000/g, ' ').replace(/\t/g, ' ');
  return { text: text.normalize('NFC'), removedControl, removedReplacement };
}
