// Turns the bytes of an input file into text, or says in a few words why the file is not text.
// Knows UTF-8 (with or without BOM), UTF-16LE/BE (BOM, NUL-byte or high-byte pattern), Windows-1252/Latin-1, binary formats.
import { isUtf8 } from 'node:buffer';

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
/** Above this share of NUL bytes (in the whole file) a file is binary; below, its few NULs are removed with a warning. */
const MAX_NUL_SHARE = 0.01;
/** Bytes 0x80–0x9F that Windows-1252 leaves undefined: read as U+FFFD, with a warning. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Windows-1252's characters for bytes 0x80–0x9F (Node's TextDecoder maps them as ISO-8859-1 controls instead). */
const WINDOWS_1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

/** Decodes Windows-1252 (the superset of Latin-1 that Windows editors write); its five undefined bytes become U+FFFD. */
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

/**
 * Guesses UTF-16 without a BOM for text that is mostly outside Latin (Greek, Cyrillic, Arabic…), which has few NULs:
 * the high byte of each code unit then takes one or two values (the script's block, and 0 for spaces and digits)
 * while the low byte varies. Only asked of bytes that are not UTF-8, and the guess must decode cleanly.
 */
function sniffUtf16ByHighBytes(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 8 || bytes.length % 2 !== 0) return undefined;
  const topTwoShare = (parity: number): number => {
    const counts = new Uint32Array(256);
    for (let index = parity; index < length; index += 2) counts[bytes[index]!]! += 1;
    const sorted = [...counts].sort((a, b) => b - a);
    return (sorted[0]! + sorted[1]!) / (length / 2);
  };
  const even = topTwoShare(0);
  const odd = topTwoShare(1);
  const guess = odd >= 0.9 && even < 0.6 ? 'utf-16le' : even >= 0.9 && odd < 0.6 ? 'utf-16be' : undefined;
  if (guess === undefined) return undefined;
  try {
    const text = new TextDecoder(guess, { fatal: true }).decode(bytes.subarray(0, length));
    return controlShare(text) < 0.01 ? guess : undefined;
  } catch {
    return undefined;
  }
}

/** Share of bytes in the first SNIFF_BYTES that are NUL or other control bytes no text file holds (not whitespace). */
function controlByteShare(bytes: Uint8Array): number {
  const length = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let index = 0; index < length; index += 1) {
    const byte = bytes[index]!;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x0b) || byte === 0x7f) controls += 1;
  }
  return length === 0 ? 0 : controls / length;
}

function countNuls(bytes: Uint8Array): number {
  let nuls = 0;
  for (let index = bytes.indexOf(0); index >= 0; index = bytes.indexOf(0, index + 1)) nuls += 1;
  return nuls;
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

/**
 * Whether bytes that are not UTF-8 read plausibly as Windows-1252 (accented letters are a minority), and how many of
 * them Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D: read as U+FFFD, a few only).
 */
function windows1252Fit(bytes: Uint8Array): { plausible: boolean; undefinedBytes: number } {
  let high = 0;
  let undefinedBytes = 0;
  for (const byte of bytes) {
    if (byte >= 0x80) high += 1;
    if (UNDEFINED_IN_1252.has(byte)) undefinedBytes += 1;
  }
  // Short accent-dense text (a name list in French) passes when it holds no control byte, which random data always does.
  const highShareFits = high <= bytes.length * 0.3 || (high <= bytes.length * 0.6 && controlByteShare(bytes) === 0);
  return { plausible: highShareFits && undefinedBytes <= Math.max(8, high * 0.05), undefinedBytes };
}

function joinWarnings(...warnings: (string | undefined)[]): string | undefined {
  const present = warnings.filter((warning): warning is string => warning !== undefined);
  return present.length === 0 ? undefined : present.join('; ');
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

  const utf16 = sniffUtf16(bytes) ?? (isUtf8(bytes) ? undefined : sniffUtf16ByHighBytes(bytes));
  if (utf16 !== undefined) return checkText(new TextDecoder(utf16).decode(bytes), utf16);

  // NULs: binary when they (with other control bytes) are a real share of the file, wherever they sit; a text file
  // with a few stray NULs is read without them, and says so.
  const nuls = countNuls(bytes);
  let nulWarning: string | undefined;
  if (nuls > 0) {
    if (nuls > bytes.length * MAX_NUL_SHARE || controlByteShare(bytes) > MAX_CONTROL_SHARE) return { ok: false, reason: 'binary file (contains NUL bytes)' };
    bytes = bytes.filter((byte) => byte !== 0);
    nulWarning = `${nuls} NUL byte(s) removed`;
  }

  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8', nulWarning);
  } catch {
    // Not well-formed UTF-8: damaged UTF-8 or a legacy single-byte encoding.
  }
  const scan = scanUtf8(bytes);
  if (scan.multiByte > 0 && scan.invalid <= Math.max(8, scan.multiByte / 10)) {
    const text = new TextDecoder('utf-8').decode(bytes);
    return checkText(text, 'utf-8', joinWarnings(nulWarning, `${scan.invalid} invalid UTF-8 byte(s) replaced with U+FFFD`));
  }
  const latin = windows1252Fit(bytes);
  if (latin.plausible) {
    const undefinedNote = latin.undefinedBytes > 0 ? `${latin.undefinedBytes} byte(s) that Windows-1252 leaves undefined replaced with U+FFFD` : undefined;
    return checkText(decodeWindows1252(bytes), 'windows-1252', joinWarnings(nulWarning, 'not UTF-8; read as Latin-1 (Windows-1252)', undefinedNote));
  }
  return { ok: false, reason: 'binary file or unknown encoding (not UTF-8, UTF-16 or Latin-1)' };
}
