// Turns the bytes of an input file into text, or says in a few words why the file is not text.
// Knows UTF-8 (with or without BOM), UTF-16LE/BE (BOM or NUL-byte pattern), Windows-1252/Latin-1, and common binary formats.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; warning?: string }
  | { ok: false; reason: string };

/** Signatures of binary formats people drop into transcript folders by mistake. */
const BINARY_SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'ZIP archive or Office document', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'old Word/Excel document', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { name: 'RTF document', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
  { name: 'UTF-32 text (not supported)', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { name: 'UTF-32 text (not supported)', bytes: [0x00, 0x00, 0xfe, 0xff] },
];

/** How much of the start of a file the sniffing heuristics look at. */
const SNIFF_BYTES = 64 * 1024;
/** Above this share of control characters a decoded text is treated as binary. */
const MAX_CONTROL_SHARE = 0.1;
/** Bytes 0x80–0x9F that Windows-1252 leaves undefined; their presence rules it out. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Windows-1252's characters for bytes 0x80–0x9F (Node's TextDecoder maps them as ISO-8859-1 controls instead). */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes Windows-1252 (the superset of Latin-1 that Windows editors write). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (const byte of bytes) {
    chunk += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Guesses UTF-16 without a BOM from where the NUL bytes sit: mostly-ASCII UTF-16 has one NUL per character. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4) return undefined;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls += 1;
    if (bytes[index + 1] === 0) oddNuls += 1;
  }
  const pairs = length / 2;
  if (oddNuls >= pairs * 0.3 && evenNuls <= pairs * 0.05) return 'utf-16le';
  if (evenNuls >= pairs * 0.3 && oddNuls <= pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Share of characters (in the first SNIFF_BYTES) that are control characters other than whitespace. */
function controlShare(text: string): number {
  const sample = text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text;
  if (sample.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    const isWhitespace = code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0c || code === 0x0b;
    if ((code < 0x20 && !isWhitespace) || code === 0x7f || code === 0xfffd) controls += 1;
  }
  return controls / sample.length;
}

interface Utf8Scan {
  /** Well-formed multi-byte sequences. */
  multiByte: number;
  /** Bytes that are not part of a well-formed sequence. */
  invalid: number;
}

/** Counts well-formed multi-byte UTF-8 sequences and stray bytes, to tell damaged UTF-8 from another encoding. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  let multiByte = 0;
  let invalid = 0;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let wellFormed = length > 0 && index + length <= bytes.length;
    for (let offset = 1; wellFormed && offset < length; offset += 1) {
      const next = bytes[index + offset] ?? 0;
      if ((next & 0xc0) !== 0x80) wellFormed = false;
    }
    if (wellFormed && length === 3) {
      const second = bytes[index + 1] ?? 0;
      if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second >= 0xa0)) wellFormed = false;
    }
    if (wellFormed && length === 4) {
      const second = bytes[index + 1] ?? 0;
      if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second >= 0x90)) wellFormed = false;
    }
    if (wellFormed) {
      multiByte += 1;
      index += length;
    } else {
      invalid += 1;
      index += 1;
    }
  }
  return { multiByte, invalid };
}

/** Whether bytes that are not UTF-8 read plausibly as Windows-1252: no undefined bytes, and accented letters are a minority. */
function plausibleWindows1252(bytes: Uint8Array): boolean {
  let high = 0;
  for (const byte of bytes) {
    if (UNDEFINED_IN_1252.has(byte)) return false;
    if (byte >= 0x80) high += 1;
  }
  return high <= bytes.length * 0.3;
}

function checkText(text: string, encoding: TextEncodingName, warning?: string): DecodeResult {
  if (text.trim().length === 0) return { ok: false, reason: 'empty file (no text)' };
  if (controlShare(text) > MAX_CONTROL_SHARE) return { ok: false, reason: `binary file (too many control characters as ${encoding})` };
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<?xml') && head.includes('<html'))) {
    return { ok: false, reason: 'an HTML page (e.g. a saved error page), not a transcript' };
  }
  return warning === undefined ? { ok: true, text, encoding } : { ok: true, text, encoding, warning };
}

/** Decodes a file's bytes to text, detecting the encoding; never throws. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      return { ok: false, reason: `binary file (${signature.name})` };
    }
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return checkText(new TextDecoder('utf-8').decode(bytes), 'utf-8');
  }
  if (startsWith(bytes, [0xff, 0xfe])) return checkText(new TextDecoder('utf-16le').decode(bytes), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return checkText(new TextDecoder('utf-16be').decode(bytes), 'utf-16be');

  const utf16 = sniffUtf16(bytes);
  if (utf16 !== undefined) return checkText(new TextDecoder(utf16).decode(bytes), utf16);

  const sniffed = bytes.subarray(0, SNIFF_BYTES);
  if (sniffed.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };

  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    // Not well-formed UTF-8: damaged UTF-8 or a legacy single-byte encoding.
  }
  const scan = scanUtf8(bytes);
  if (scan.multiByte > 0 && scan.invalid <= Math.max(8, scan.multiByte / 10)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return checkText(text, 'utf-8', `${scan.invalid} invalid UTF-8 byte(s) replaced with U+FFFD`);
  }
  if (plausibleWindows1252(bytes)) {
    return checkText(decodeWindows1252(bytes), 'windows-1252', 'not UTF-8; read as Latin-1 (Windows-1252)');
  }
  return { ok: false, reason: 'binary file or unknown encoding (not UTF-8, UTF-16 or Latin-1)' };
}
