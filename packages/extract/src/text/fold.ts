// Folds text for matching: diacritics removed, typographic quotes and hyphens unified, one code unit for one.
// The folded copy has the same length as the original, so match offsets apply to both.

let foldTable: Uint16Array | undefined;

const PUNCTUATION_FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u0060': "'",
  '\u00b4': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u00ad': '-',
};

/** Builds the code-unit map once: Latin letters with diacritics map to their base letter. */
function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x2100);
  for (let code = 0; code < table.length; code += 1) table[code] = code;
  const ranges: [number, number][] = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code += 1) {
      const base = String.fromCharCode(code).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (base.length === 1) table[code] = base.charCodeAt(0);
    }
  }
  const extra: Record<string, string> = { 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ł': 'l', 'Ł': 'L', 'ı': 'i' };
  for (const [from, to] of Object.entries({ ...PUNCTUATION_FOLDS, ...extra })) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
}

const NEEDS_FOLDING = /[^\x00-\x5f\x61-\x7f]/;

/** Returns a copy of `text` of the same length with diacritics and typographic punctuation folded. */
export function foldText(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  const table = (foldTable ??= buildFoldTable());
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < text.length; start += chunk) {
    const end = Math.min(text.length, start + chunk);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i += 1) {
      const code = text.charCodeAt(i);
      codes[i - start] = code < table.length ? (table[code] ?? code) : code;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** A matching key: folded, lower-cased, hyphens and whitespace runs as one space, possessive removed. */
export function matchKey(text: string): string {
  return foldText(text)
    .toLowerCase()
    .replace(/'s$|'$/u, '')
    .replace(/[\s-]+/g, ' ')
    .trim();
}
