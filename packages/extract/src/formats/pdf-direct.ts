// A direct reader of the common PDF text layer (objects, page tree, Flate content streams, Tj/TJ/'/" with
// Td/TD/Tm/T*, simple and Identity-H fonts with their ToUnicode CMaps) into the positioned text pdfjs would give.
import { type PageText, PdfReadError, type PositionedText } from './pdf.ts';

/** The direct reader met something it does not read (encryption, an unknown filter or font): pdfjs reads the file instead. */
export class PdfUnsupported extends Error {
  override name = 'PdfUnsupported';
}

export interface PdfDirectOptions {
  /** Inflates a FlateDecode stream (zlib format); throws when the output would pass `maxBytes`. The caller brings it (node:zlib in the CLI). */
  inflate: (data: Uint8Array, maxBytes: number) => Uint8Array;
  /** Pages above this are refused before any is read (default 1,000). */
  maxPages?: number;
  /** Extracted characters above this stop the reading (default 50 million). */
  maxCharacters?: number;
  /** Decoded content-stream bytes above this stop this reader, as PdfUnsupported (default 512 MB). */
  maxContentBytes?: number;
}

interface Name {
  name: string;
}
interface Ref {
  num: number;
  gen: number;
}
type PdfValue = number | boolean | null | Name | Ref | Uint8Array | PdfValue[] | PdfDict | PdfStream;
type PdfDict = Map<string, PdfValue>;
interface PdfStream {
  dict: PdfDict;
  data: Uint8Array;
}

const isName = (value: PdfValue | undefined): value is Name => typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value) && !(value instanceof Map) && 'name' in value;
const isRef = (value: PdfValue | undefined): value is Ref => typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value) && !(value instanceof Map) && 'num' in value;
const isStream = (value: PdfValue | undefined): value is PdfStream => typeof value === 'object' && value !== null && !(value instanceof Uint8Array) && !Array.isArray(value) && !(value instanceof Map) && 'dict' in value;
const isDict = (value: PdfValue | undefined): value is PdfDict => value instanceof Map;

// Character classes: 1 white space, 2 delimiter, 0 regular.
const CHAR_CLASS = new Uint8Array(256);
for (const code of [0, 9, 10, 12, 13, 32]) CHAR_CLASS[code] = 1;
for (const mark of '()<>[]{}/%') CHAR_CLASS[mark.charCodeAt(0)] = 2;

/** The value of a hex digit by its byte, 255 for a byte that is none. */
const HEX_DIGITS = new Uint8Array(256).fill(255);
for (let digit = 0; digit < 16; digit += 1) HEX_DIGITS[digit.toString(16).charCodeAt(0)] = HEX_DIGITS[digit.toString(16).toUpperCase().charCodeAt(0)] = digit;

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, power) => 10 ** power);

/** The number read by the last scanNumber call: kept in a typed array so that reading one glyph's operands allocates nothing. */
const scannedNumber = new Float64Array(1);

/**
 * Reads a PDF number at `position` ("12", "-3.5", ".25"; the digits after the point as one integer over a power of ten,
 * as pdfjs reads them: one division, not one per digit), stores it in scannedNumber[0] and returns the position after
 * it. Two signs or stray characters after a number ("--5", "1.2.3"): PDF readers take the number read so far.
 */
function scanNumber(bytes: Uint8Array, start: number, end: number): number {
  let position = start;
  let sign = 1;
  if (bytes[position] === 45) {
    sign = -1;
    position += 1;
  } else if (bytes[position] === 43) position += 1;
  let value = 0;
  while (position < end) {
    const digit = (bytes[position] as number) - 48;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
    position += 1;
  }
  if (bytes[position] === 46) {
    position += 1;
    let fraction = 0;
    let places = 0;
    while (position < end) {
      const digit = (bytes[position] as number) - 48;
      if (digit < 0 || digit > 9) break;
      if (places < 15) {
        fraction = fraction * 10 + digit;
        places += 1;
      }
      position += 1;
    }
    if (places > 0) value = (value * (POWERS_OF_TEN[places] as number) + fraction) / (POWERS_OF_TEN[places] as number);
  }
  while (position < end && CHAR_CLASS[bytes[position] as number] === 0) position += 1;
  scannedNumber[0] = sign * value;
  return position;
}

/** Operator tokens returned by the lexer in content streams and object bodies. */
class Operator {
  constructor(readonly op: string) {}
}
const OPERATORS = new Map<string, Operator>();
/** Operators of up to three bytes by the number their bytes make (first byte lowest). */
const SHORT_OPERATORS = new Map<number, Operator>();
function operator(op: string): Operator {
  let known = OPERATORS.get(op);
  if (!known) {
    known = new Operator(op);
    if (OPERATORS.size < 512) {
      OPERATORS.set(op, known);
      if (op.length <= 3 && /^[\x21-\x7e]+$/.test(op)) SHORT_OPERATORS.set(op.charCodeAt(0) | ((op.charCodeAt(1) || 0) << 8) | ((op.charCodeAt(2) || 0) << 16), known);
    }
  }
  return known;
}

/** A PDF lexer and parser over bytes: objects in the file body and operands in content streams. */
class Parser {
  position: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.position = start;
  }

  skipSpace(): void {
    const { bytes, end } = this;
    let position = this.position;
    while (position < end) {
      const code = bytes[position] as number;
      if (CHAR_CLASS[code] === 1) position += 1;
      else if (code === 37) {
        while (position < end && bytes[position] !== 10 && bytes[position] !== 13) position += 1;
      } else break;
    }
    this.position = position;
  }

  /** The next value or operator; undefined at the end. `]` and `>>` come back as operators. */
  next(): PdfValue | Operator | undefined {
    this.skipSpace();
    const { bytes, end } = this;
    if (this.position >= end) return undefined;
    const code = bytes[this.position] as number;
    if (code === 47) return this.readName();
    if (code === 40) return this.readLiteral();
    if (code === 60) {
      if (bytes[this.position + 1] === 60) {
        this.position += 2;
        return this.readDict();
      }
      return this.readHex();
    }
    if (code === 91) {
      this.position += 1;
      return this.readArray();
    }
    if (code === 93) {
      this.position += 1;
      return operator(']');
    }
    if (code === 62 && bytes[this.position + 1] === 62) {
      this.position += 2;
      return operator('>>');
    }
    if ((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46) return this.readNumber();
    const start = this.position;
    let position = start;
    while (position < end && CHAR_CLASS[bytes[position] as number] === 0) position += 1;
    if (position === start) position += 1; // a stray delimiter ({ } or a lone >): skip it
    this.position = position;
    // Content-stream operators are one to three bytes: looked up by their bytes, without making a string.
    if (position - start <= 3) {
      const key = (bytes[start] as number) | ((position - start > 1 ? (bytes[start + 1] as number) : 0) << 8) | ((position - start > 2 ? (bytes[start + 2] as number) : 0) << 16);
      const known = SHORT_OPERATORS.get(key);
      if (known) return known;
    }
    let word = '';
    for (let index = start; index < position; index += 1) word += String.fromCharCode(bytes[index] as number);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return operator(word);
  }

  readNumber(): number {
    this.position = scanNumber(this.bytes, this.position, this.end);
    return scannedNumber[0] as number;
  }

  readName(): Name {
    const { bytes, end } = this;
    let position = this.position + 1;
    let name = '';
    while (position < end && CHAR_CLASS[bytes[position] as number] === 0) {
      const code = bytes[position] as number;
      if (code === 35 && position + 2 < end) {
        const high = hexValue(bytes[position + 1] as number);
        const low = hexValue(bytes[position + 2] as number);
        if (high >= 0 && low >= 0) {
          name += String.fromCharCode(high * 16 + low);
          position += 3;
          continue;
        }
      }
      name += String.fromCharCode(code);
      position += 1;
    }
    this.position = position;
    return { name };
  }

  readLiteral(): Uint8Array {
    const { bytes, end } = this;
    let position = this.position + 1;
    // The common case, a string without escapes or nested parentheses, is a view of the bytes.
    for (let index = position; index < end; index += 1) {
      const code = bytes[index] as number;
      if (code === 92 || code === 40) break;
      if (code === 41) {
        this.position = index + 1;
        return bytes.subarray(position, index);
      }
    }
    const out: number[] = [];
    let depth = 1;
    while (position < end) {
      let code = bytes[position++] as number;
      if (code === 92) {
        code = bytes[position++] ?? 0;
        if (code === 110) out.push(10);
        else if (code === 114) out.push(13);
        else if (code === 116) out.push(9);
        else if (code === 98) out.push(8);
        else if (code === 102) out.push(12);
        else if (code >= 48 && code <= 55) {
          let value = code - 48;
          for (let count = 0; count < 2 && (bytes[position] ?? 0) >= 48 && (bytes[position] ?? 0) <= 55; count += 1) value = value * 8 + (bytes[position++] as number) - 48;
          out.push(value & 255);
        } else if (code === 13) {
          if (bytes[position] === 10) position += 1;
        } else if (code !== 10) out.push(code);
        continue;
      }
      if (code === 40) depth += 1;
      else if (code === 41 && --depth === 0) break;
      out.push(code);
    }
    this.position = position;
    return Uint8Array.from(out);
  }

  readHex(): Uint8Array {
    const { bytes, end } = this;
    const start = this.position + 1;
    let stop = start;
    while (stop < end && bytes[stop] !== 62) stop += 1;
    const out = new Uint8Array((stop - start + 1) >> 1);
    let length = 0;
    let high = -1;
    for (let position = start; position < stop; position += 1) {
      const value = hexValue(bytes[position] as number);
      if (value < 0) continue;
      if (high < 0) high = value;
      else {
        out[length++] = high * 16 + value;
        high = -1;
      }
    }
    if (high >= 0) out[length++] = high * 16;
    this.position = stop + 1;
    return length === out.length ? out : out.subarray(0, length);
  }

  readArray(): PdfValue[] {
    const items: PdfValue[] = [];
    for (;;) {
      const token = this.next();
      if (token === undefined) return items;
      if (token instanceof Operator) {
        if (token.op === ']') return items;
        if (token.op === 'R') this.foldReference(items);
        continue;
      }
      items.push(token);
    }
  }

  /** `12 0 R` read as three tokens becomes one reference. */
  foldReference(items: PdfValue[]): void {
    const gen = items[items.length - 1];
    const num = items[items.length - 2];
    if (typeof gen === 'number' && typeof num === 'number') {
      items.length -= 2;
      items.push({ num, gen });
    }
  }

  readDict(): PdfDict {
    const entries: PdfValue[] = [];
    for (;;) {
      const token = this.next();
      if (token === undefined) break;
      if (token instanceof Operator) {
        if (token.op === '>>') break;
        if (token.op === 'R') this.foldReference(entries);
        continue;
      }
      entries.push(token);
    }
    const dict: PdfDict = new Map();
    for (let index = 0; index + 1 < entries.length; index += 2) {
      const key = entries[index];
      if (isName(key)) dict.set(key.name, entries[index + 1] as PdfValue);
      else index -= 1; // a stray value: realign on the next name
    }
    return dict;
  }
}

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let index = start; index < end; index += 1) text += String.fromCharCode(bytes[index] as number);
  return text;
}

/** Finds `endstream` from `from`; the index of its first byte, or -1. */
function indexOfEndstream(bytes: Uint8Array, from: number): number {
  const marker = [101, 110, 100, 115, 116, 114, 101, 97, 109];
  for (let index = bytes.indexOf(101, from); index >= 0 && index + marker.length <= bytes.length; index = bytes.indexOf(101, index + 1)) {
    let offset = 1;
    while (offset < marker.length && bytes[index + offset] === marker[offset]) offset += 1;
    if (offset === marker.length) return index;
  }
  return -1;
}

/** The objects of a PDF file, found by reading the body from start to end (a later definition wins, as after an incremental update). */
class PdfFile {
  readonly objects = new Map<number, PdfValue>();
  /** Fonts read once per file, shared by its pages. */
  readonly fonts = new Map<PdfDict, Font>();
  private objectStreams: number[] = [];
  private unpackedStreams = new Set<number>();
  contentBytes = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly options: PdfDirectOptions,
  ) {
    this.scan();
  }

  private scan(): void {
    const { bytes } = this;
    const text = latin1(bytes, 0, Math.min(bytes.length, 4096));
    if (!text.startsWith('%PDF-')) throw new PdfUnsupported('no %PDF- signature');
    let position = 0;
    const length = bytes.length;
    while (position < length) {
      // Find the next "obj" keyword and read the two numbers before it.
      let found = -1;
      for (let index = bytes.indexOf(111, position); index >= 0 && index + 3 <= length; index = bytes.indexOf(111, index + 1)) {
        if ( bytes[index + 1] === 98 && bytes[index + 2] === 106 && CHAR_CLASS[bytes[index + 3] ?? 32] !== 0 && CHAR_CLASS[bytes[index - 1] ?? 0] === 1) {
          found = index;
          break;
        }
      }
      if (found < 0) break;
      const windowStart = Math.max(position, found - 24);
      const window = latin1(bytes, windowStart, found + 3);
      const match = /(\d+)\s+(\d+)\s+obj$/.exec(window);
      if (!match) {
        position = found + 3;
        continue;
      }
      const num = Number(match[1]);
      const parser = new Parser(bytes, found + 3);
      const value = parser.next();
      if (value === undefined || value instanceof Operator) {
        position = parser.position;
        continue;
      }
      let object: PdfValue = value;
      if (isDict(value)) {
        const keyword = parser.next();
        if (keyword instanceof Operator && keyword.op === 'stream') {
          let start = parser.position;
          if (bytes[start] === 13) start += 1;
          if (bytes[start] === 10) start += 1;
          const declared = value.get('Length');
          let stop = typeof declared === 'number' ? start + declared : -1;
          if (stop < start || stop > length || latin1(bytes, stop, Math.min(length, stop + 11)).trim().slice(0, 9) !== 'endstream') {
            stop = indexOfEndstream(bytes, start);
            if (stop < 0) stop = length;
            while (stop > start && (bytes[stop - 1] === 10 || bytes[stop - 1] === 13)) stop -= 1;
          }
          object = { dict: value, data: bytes.subarray(start, stop) };
          parser.position = stop + 9;
          const type = value.get('Type');
          if (isName(type) && type.name === 'ObjStm') this.objectStreams.push(num);
          if (isName(type) && type.name === 'XRef' && value.has('Encrypt')) throw new PdfUnsupported('encrypted');
        }
      }
      this.objects.set(num, object);
      position = parser.position;
    }
    const tail = latin1(bytes, Math.max(0, length - 65536), length);
    if (/\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/.test(tail) || /trailer[\s\S]{0,2000}?\/Encrypt\b/.test(tail)) throw new PdfUnsupported('encrypted');
  }

  /** Unpacks object streams (PDF 1.5) on the first reference that the body does not define. */
  private unpackObjectStreams(): void {
    for (const num of this.objectStreams) {
      if (this.unpackedStreams.has(num)) continue;
      this.unpackedStreams.add(num);
      const stream = this.objects.get(num);
      if (!isStream(stream)) continue;
      const data = this.streamData(stream);
      const count = this.resolve(stream.dict.get('N'));
      const first = this.resolve(stream.dict.get('First'));
      if (typeof count !== 'number' || typeof first !== 'number') continue;
      const header = new Parser(data, 0, Math.min(first, data.length));
      const pairs: number[] = [];
      for (let index = 0; index < count * 2; index += 1) {
        const value = header.next();
        if (typeof value !== 'number') break;
        pairs.push(value);
      }
      for (let index = 0; index + 1 < pairs.length; index += 2) {
        const objectNumber = pairs[index] as number;
        if (this.objects.has(objectNumber)) continue;
        const parser = new Parser(data, first + (pairs[index + 1] as number));
        const value = parser.next();
        if (value !== undefined && !(value instanceof Operator)) this.objects.set(objectNumber, value);
      }
    }
  }

  resolve(value: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (!isRef(value)) return value;
    if (depth > 16) throw new PdfUnsupported('reference loop');
    if (!this.objects.has(value.num)) this.unpackObjectStreams();
    const target = this.objects.get(value.num);
    if (target === undefined) return undefined;
    return this.resolve(target, depth + 1);
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    if (isDict(resolved)) return resolved;
    if (isStream(resolved)) return resolved.dict;
    return undefined;
  }

  /** A stream's bytes after its filters (none or FlateDecode without a predictor). */
  streamData(stream: PdfStream): Uint8Array {
    const filter = this.resolve(stream.dict.get('Filter'));
    const filters = (Array.isArray(filter) ? filter : filter === undefined || filter === null ? [] : [filter]).map((entry) => this.resolve(entry));
    let data = stream.data;
    const parameters = this.resolve(stream.dict.get('DecodeParms'));
    for (const entry of filters) {
      if (!isName(entry) || (entry.name !== 'FlateDecode' && entry.name !== 'Fl')) throw new PdfUnsupported(`stream filter ${isName(entry) ? entry.name : '?'}`);
      const predictor = isDict(parameters) ? this.resolve(parameters.get('Predictor')) : undefined;
      if (typeof predictor === 'number' && predictor > 1) throw new PdfUnsupported('stream predictor');
      const limit = (this.options.maxContentBytes ?? 512 * 1024 * 1024) - this.contentBytes;
      try {
        data = this.options.inflate(data, Math.max(0, limit));
      } catch (error) {
        throw new PdfUnsupported(`stream does not inflate (${String(error)})`);
      }
    }
    this.contentBytes += data.length;
    if (this.contentBytes > (this.options.maxContentBytes ?? 512 * 1024 * 1024)) throw new PdfUnsupported('content streams over the limit of this reader');
    return data;
  }
}

// ---- Fonts: character codes to text and widths ----

const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function winAnsi(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return WIN_ANSI_HIGH[code - 0x80] as string;
  return String.fromCharCode(code);
}

function standardEncoding(code: number): string | undefined {
  if (code === 0x27) return '’';
  if (code === 0x60) return '‘';
  if (code < 0x80) return String.fromCharCode(code);
  return undefined;
}

/** Glyph names a simple font's /Differences commonly uses, beyond letters and uniXXXX. */
const GLYPH_NAMES: Record<string, string> = {
  space: ' ', exclam: '!', quotedbl: '"', numbersign: '#', dollar: '$', percent: '%', ampersand: '&', quotesingle: "'", quoteright: '’', quoteleft: '‘',
  parenleft: '(', parenright: ')', asterisk: '*', plus: '+', comma: ',', hyphen: '-', minus: '−', period: '.', slash: '/', colon: ':', semicolon: ';',
  less: '<', equal: '=', greater: '>', question: '?', at: '@', bracketleft: '[', backslash: '\\', bracketright: ']', asciicircum: '^', underscore: '_',
  grave: '`', braceleft: '{', bar: '|', braceright: '}', asciitilde: '~', endash: '–', emdash: '—', quotedblleft: '“', quotedblright: '”', bullet: '•',
  ellipsis: '…', fi: 'fi', fl: 'fl', ff: 'ff', ffi: 'ffi', ffl: 'ffl', dagger: '†', daggerdbl: '‡', section: '§', paragraph: '¶', degree: '°', copyright: '©',
  registered: '®', trademark: '™', nbspace: '\u00a0', quotesinglbase: '‚', quotedblbase: '„', guillemotleft: '«', guillemotright: '»', periodcentered: '·',
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  eacute: 'é', egrave: 'è', ecircumflex: 'ê', edieresis: 'ë', aacute: 'á', agrave: 'à', acircumflex: 'â', adieresis: 'ä', atilde: 'ã', aring: 'å', ccedilla: 'ç',
  iacute: 'í', igrave: 'ì', icircumflex: 'î', idieresis: 'ï', oacute: 'ó', ograve: 'ò', ocircumflex: 'ô', odieresis: 'ö', otilde: 'õ', uacute: 'ú', ugrave: 'ù',
  ucircumflex: 'û', udieresis: 'ü', ntilde: 'ñ', Eacute: 'É', Egrave: 'È', Ccedilla: 'Ç', Aacute: 'Á', Agrave: 'À', Ocircumflex: 'Ô', germandbls: 'ß',
};

function glyphText(name: string): string | undefined {
  if (name.length === 1 && /[A-Za-z]/.test(name)) return name;
  const known = GLYPH_NAMES[name];
  if (known !== undefined) return known;
  const uni = /^uni([0-9A-Fa-f]{4})$/.exec(name) ?? /^u([0-9A-Fa-f]{4,6})$/.exec(name);
  if (uni) return String.fromCodePoint(Number.parseInt(uni[1] as string, 16));
  return undefined;
}

/** How one font turns codes into text and advances. */
interface Font {
  /** Bytes per character code (1 for simple fonts, 2 for Identity-H). */
  codeBytes: 1 | 2;
  /** The one UTF-16 unit a code stands for, or 0 when it stands for none or several (then `text` says). */
  units: Uint16Array;
  text: (code: number) => string;
  /** Glyph widths in thousandths of the text size, by code. */
  widths: Float32Array;
}

/** The fast tables of a font from its code → text and code → width functions. */
function fontTables(codes: number, text: (code: number) => string, width: (code: number) => number): { units: Uint16Array; widths: Float32Array } {
  const units = new Uint16Array(codes);
  const widths = new Float32Array(codes);
  for (let code = 0; code < codes; code += 1) {
    widths[code] = width(code);
    let value: string;
    try {
      value = text(code);
    } catch {
      continue;
    }
    if (value.length === 1) units[code] = value.charCodeAt(0);
  }
  return { units, widths };
}

/** Standard-14 fonts without /Widths: an average advance per character (layout only needs it roughly). */
function estimatedWidth(code: number, mono: boolean): number {
  if (mono) return 600;
  if (code === 32) return 278;
  if (code >= 65 && code <= 90) return 680;
  if (code >= 48 && code <= 57) return 556;
  if (code === 46 || code === 44 || code === 58 || code === 59 || code === 39) return 278;
  return 520;
}

/** Reads a ToUnicode CMap: code → text, and the width in bytes of the codes. */
function parseToUnicode(data: Uint8Array): { map: Map<number, string>; codeBytes: number } {
  const map = new Map<number, string>();
  const parser = new Parser(data);
  const operands: PdfValue[] = [];
  let codeBytes = 0;
  const utf16 = (bytes: Uint8Array): string => {
    let text = '';
    for (let index = 0; index + 1 < bytes.length; index += 2) text += String.fromCharCode(((bytes[index] as number) << 8) | (bytes[index + 1] as number));
    if (bytes.length === 1) text = String.fromCharCode(bytes[0] as number);
    return text;
  };
  const codeOf = (bytes: Uint8Array): number => {
    let value = 0;
    for (const byte of bytes) value = value * 256 + byte;
    return value;
  };
  let mode = '';
  for (;;) {
    const token = parser.next();
    if (token === undefined) break;
    if (!(token instanceof Operator)) {
      if (mode !== '') operands.push(token);
      continue;
    }
    const op = token.op;
    if (op === 'begincodespacerange' || op === 'beginbfchar' || op === 'beginbfrange') {
      mode = op;
      operands.length = 0;
    } else if (op === 'endcodespacerange') {
      for (const value of operands) if (value instanceof Uint8Array) codeBytes = Math.max(codeBytes, value.length);
      mode = '';
    } else if (op === 'endbfchar') {
      for (let index = 0; index + 1 < operands.length; index += 2) {
        const source = operands[index];
        const target = operands[index + 1];
        if (source instanceof Uint8Array && target instanceof Uint8Array) map.set(codeOf(source), utf16(target));
      }
      mode = '';
    } else if (op === 'endbfrange') {
      for (let index = 0; index + 2 < operands.length; index += 3) {
        const low = operands[index];
        const high = operands[index + 1];
        const target = operands[index + 2];
        if (!(low instanceof Uint8Array) || !(high instanceof Uint8Array)) continue;
        const from = codeOf(low);
        const to = Math.min(codeOf(high), from + 65535);
        if (Array.isArray(target)) {
          for (let code = from; code <= to; code += 1) {
            const entry = target[code - from];
            if (entry instanceof Uint8Array) map.set(code, utf16(entry));
          }
        } else if (target instanceof Uint8Array && target.length >= 2) {
          const base = utf16(target);
          const last = base.charCodeAt(base.length - 1);
          const prefix = base.slice(0, -1);
          for (let code = from; code <= to; code += 1) map.set(code, prefix + String.fromCharCode(last + code - from));
        }
      }
      mode = '';
    } else if (op === 'endcmap') break;
  }
  return { map, codeBytes };
}

/** Presentation-form ligatures (ﬁ, ﬂ) as their letters, as pdfjs gives them. */
function unligature(text: string): string {
  return /[\ufb00-\ufb06]/.test(text) ? text.normalize('NFKC') : text;
}

function loadFont(file: PdfFile, fontDict: PdfDict): Font {
  const subtype = file.resolve(fontDict.get('Subtype'));
  const baseFont = file.resolve(fontDict.get('BaseFont'));
  const baseName = isName(baseFont) ? baseFont.name : '';
  const toUnicodeStream = file.resolve(fontDict.get('ToUnicode'));
  const toUnicode = isStream(toUnicodeStream) ? parseToUnicode(file.streamData(toUnicodeStream)) : undefined;
  if (isName(subtype) && subtype.name === 'Type0') {
    const encoding = file.resolve(fontDict.get('Encoding'));
    if (!isName(encoding) || (encoding.name !== 'Identity-H' && encoding.name !== 'Identity-V')) throw new PdfUnsupported('CID font encoding');
    if (encoding.name === 'Identity-V') throw new PdfUnsupported('vertical text');
    if (!toUnicode || toUnicode.map.size === 0) throw new PdfUnsupported('CID font without ToUnicode');
    const descendants = file.resolve(fontDict.get('DescendantFonts'));
    const cidFont = file.dict(Array.isArray(descendants) ? descendants[0] : undefined);
    const defaultWidth = file.resolve(cidFont?.get('DW'));
    const widths = new Map<number, number>();
    const list = file.resolve(cidFont?.get('W'));
    if (Array.isArray(list)) {
      for (let index = 0; index < list.length; ) {
        const first = file.resolve(list[index]);
        const second = file.resolve(list[index + 1]);
        if (typeof first !== 'number') break;
        if (Array.isArray(second)) {
          second.forEach((width, offset) => {
            const value = file.resolve(width);
            if (typeof value === 'number') widths.set(first + offset, value);
          });
          index += 2;
        } else {
          const width = file.resolve(list[index + 2]);
          if (typeof second !== 'number' || typeof width !== 'number') break;
          for (let cid = first; cid <= Math.min(second, first + 65535); cid += 1) widths.set(cid, width);
          index += 3;
        }
      }
    }
    const fallbackWidth = typeof defaultWidth === 'number' ? defaultWidth : 1000;
    const map = toUnicode.map;
    const text = (code: number): string => unligature(map.get(code) ?? '');
    // The tables from the CMap's and the width list's entries alone (a subset maps a few hundred of the 65,536 codes).
    const units = new Uint16Array(65536);
    for (const [code, mapped] of map) {
      if (code < 0 || code >= 65536) continue;
      const value = unligature(mapped);
      if (value.length === 1) units[code] = value.charCodeAt(0);
    }
    const widthTable = new Float32Array(65536).fill(fallbackWidth);
    for (const [cid, width] of widths) if (cid >= 0 && cid < 65536) widthTable[cid] = width;
    return { codeBytes: 2, text, units, widths: widthTable };
  }
  if (!isName(subtype) || !['Type1', 'TrueType', 'MMType1'].includes(subtype.name)) throw new PdfUnsupported(`font type ${isName(subtype) ? subtype.name : '?'}`);
  // The encoding: ToUnicode first, then /Encoding (a name, or a base with /Differences).
  const encodingValue = file.resolve(fontDict.get('Encoding'));
  let base: ((code: number) => string | undefined) | undefined;
  const differences = new Map<number, string>();
  const encodingName = isName(encodingValue) ? encodingValue.name : isDict(encodingValue) ? (file.resolve(encodingValue.get('BaseEncoding')) as Name | undefined)?.name : undefined;
  if (encodingName === 'WinAnsiEncoding') base = winAnsi;
  else if (encodingName === 'StandardEncoding') base = standardEncoding;
  else if (encodingName === undefined) {
    const standard14 = /^(?:Helvetica|Times|Courier|Arial)/.test(baseName.replace(/^[A-Z]{6}\+/, ''));
    const descriptor = file.dict(fontDict.get('FontDescriptor'));
    const flags = file.resolve(descriptor?.get('Flags'));
    const symbolic = typeof flags === 'number' && (flags & 4) !== 0;
    if (standard14 && !symbolic) base = standardEncoding;
  }
  if (isDict(encodingValue)) {
    const list = file.resolve(encodingValue.get('Differences'));
    if (Array.isArray(list)) {
      let code = 0;
      for (const entry of list) {
        const value = file.resolve(entry);
        if (typeof value === 'number') code = value;
        else if (isName(value)) {
          const text = glyphText(value.name);
          if (text !== undefined) differences.set(code, text);
          else if (!toUnicode?.map.has(code)) differences.set(code, '\u0000');
          code += 1;
        }
      }
    }
  }
  if (!base && !toUnicode && differences.size === 0) throw new PdfUnsupported(`font ${baseName} without a known encoding`);
  const firstChar = file.resolve(fontDict.get('FirstChar'));
  const widthList = file.resolve(fontDict.get('Widths'));
  const widths = Array.isArray(widthList) ? widthList.map((width) => file.resolve(width)) : undefined;
  const first = typeof firstChar === 'number' ? firstChar : 0;
  const mono = /Courier/i.test(baseName);
  const table: string[] = [];
  for (let code = 0; code < 256; code += 1) {
    const mapped = toUnicode?.map.get(code) ?? differences.get(code) ?? base?.(code);
    if (mapped === '\u0000' || mapped === undefined) {
      if (code >= 32) table.push('\u0000');
      else table.push('');
    } else table.push(unligature(mapped));
  }
  const text = (code: number): string => {
    const mapped = table[code] ?? '';
    if (mapped === '\u0000') throw new PdfUnsupported(`font ${baseName}: code ${code} has no known character`);
    return mapped;
  };
  const width = (code: number): number => {
    if (widths) {
      const value = widths[code - first];
      return typeof value === 'number' ? value : 0;
    }
    return estimatedWidth(code, mono);
  };
  return { codeBytes: 1, text, ...fontTables(256, text, width) };
}

// ---- Content streams: text operators to positioned pieces ----

type Matrix = [number, number, number, number, number, number];
const IDENTITY = new Float64Array([1, 0, 0, 1, 0, 0]);

function copyMatrix(from: Float64Array, to: Float64Array): void {
  to[0] = from[0] as number;
  to[1] = from[1] as number;
  to[2] = from[2] as number;
  to[3] = from[3] as number;
  to[4] = from[4] as number;
  to[5] = from[5] as number;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
}

interface GraphicsState {
  ctm: Matrix;
  font: Font | undefined;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
  rise: number;
}

const isSpace = (code: number): boolean => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || (code >= 0x2000 && code <= 0x200a);

// The content-stream operators the reader acts on, by a small number; every other operator only clears the operands.
const OP_OTHER = 0;
const OP_SAVE = 1;
const OP_RESTORE = 2;
const OP_CONCAT = 3;
const OP_BEGIN_TEXT = 4;
const OP_FONT = 5;
const OP_CHAR_SPACING = 6;
const OP_WORD_SPACING = 7;
const OP_SCALE = 8;
const OP_LEADING = 9;
const OP_RISE = 10;
const OP_MOVE = 11;
const OP_MOVE_LEADING = 12;
const OP_MATRIX = 13;
const OP_NEXT_LINE = 14;
const OP_SHOW = 15;
const OP_NEXT_LINE_SHOW = 16;
const OP_SPACING_SHOW = 17;
const OP_SHOW_ARRAY = 18;
const OP_XOBJECT = 19;
const OP_INLINE_IMAGE = 20;
/** Operators of one or two bytes by their bytes (first byte lowest): a table lookup, no string made. */
const OPCODES = new Uint8Array(65536);
const OPERATOR_CODES: [string, number][] = [
  ['q', OP_SAVE], ['Q', OP_RESTORE], ['cm', OP_CONCAT], ['BT', OP_BEGIN_TEXT], ['Tf', OP_FONT], ['Tc', OP_CHAR_SPACING], ['Tw', OP_WORD_SPACING],
  ['Tz', OP_SCALE], ['TL', OP_LEADING], ['Ts', OP_RISE], ['Td', OP_MOVE], ['TD', OP_MOVE_LEADING], ['Tm', OP_MATRIX], ['T*', OP_NEXT_LINE],
  ['Tj', OP_SHOW], ["'", OP_NEXT_LINE_SHOW], ['"', OP_SPACING_SHOW], ['TJ', OP_SHOW_ARRAY], ['Do', OP_XOBJECT], ['BI', OP_INLINE_IMAGE],
];
for (const [op, code] of OPERATOR_CODES) OPCODES[op.charCodeAt(0) | ((op.charCodeAt(1) || 0) << 8)] = code;

// What an operand is; strings are kept as a range of the stream's bytes, not copied.
const OPERAND_NUMBER = 1;
const OPERAND_HEX = 2;
const OPERAND_LITERAL = 3;
const OPERAND_BYTES = 4;
const OPERAND_NAME = 5;
const OPERAND_ARRAY = 6;
const OPERAND_OTHER = 7;
/** Operands kept per operator; a longer run of operands keeps its first ones and overwrites the last slot. */
const MAX_OPERANDS = 64;

/** Where the `)` closing a literal string that opens at `start` lies (escapes and nested parentheses followed), and whether it needs decoding. */
function literalEnd(bytes: Uint8Array, start: number, end: number): { stop: number; plain: boolean } {
  let depth = 1;
  let plain = true;
  for (let position = start + 1; position < end; position += 1) {
    const code = bytes[position] as number;
    if (code === 92) {
      plain = false;
      position += 1;
    } else if (code === 40) {
      plain = false;
      depth += 1;
    } else if (code === 41 && --depth === 0) return { stop: position, plain };
  }
  return { stop: end, plain: false };
}

/**
 * The position after the '>>' closing a dictionary whose body starts at `start`, when no '(', '<', '[' or '%' comes
 * before it (then the parser would end it there too: no other token holds a '>'); -1 otherwise.
 */
function plainDictEnd(bytes: Uint8Array, start: number, end: number): number {
  for (let position = start; position + 1 < end; position += 1) {
    const code = bytes[position] as number;
    if (code === 62) {
      if (bytes[position + 1] === 62) return position + 2;
    } else if (code === 40 || code === 60 || code === 91 || code === 37) return -1;
  }
  return -1;
}

/** The position after the `]` closing the array that opens at `start`, strings, comments and nested arrays followed. */
function arrayEnd(bytes: Uint8Array, start: number, end: number): number {
  let depth = 0;
  let position = start;
  while (position < end) {
    const code = bytes[position] as number;
    if (code === 91) depth += 1;
    else if (code === 93) {
      depth -= 1;
      if (depth === 0) return position + 1;
    } else if (code === 40) {
      position = literalEnd(bytes, position, end).stop;
    } else if (code === 60 && bytes[position + 1] !== 60) {
      while (position < end && bytes[position] !== 62) position += 1;
    } else if (code === 60) position += 1;
    else if (code === 37) {
      while (position < end && bytes[position] !== 10 && bytes[position] !== 13) position += 1;
    }
    position += 1;
  }
  return end;
}

/** UTF-16 units to a string, as String.fromCharCode gives them for text without lone surrogates (a leading U+FEFF kept). */
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });

/**
 * The positioned text of one page: glyph runs on one baseline that touch are joined into one piece, as pdfjs joins them.
 * The content stream is scanned over its bytes: numbers go to a typed operand stack, strings stay ranges of the
 * stream, matrices are typed arrays, and a piece's text is gathered as UTF-16 units and made a string once.
 */
class PageReader {
  items: PositionedText[] = [];
  characters = 0;
  // The piece being built.
  private pieceOpen = false;
  private pieceX = 0;
  private pieceY = 0;
  private pieceEnd = 0;
  private pieceSize = 0;
  private pieceHorizontal = false;
  private pieceEndsInSpace = false;
  private pieceUnits = new Uint16Array(4096);
  private pieceLength = 0;
  // One string's text, and its bytes when they came as hex.
  private runUnits = new Uint16Array(1024);
  private codeBytes = new Uint8Array(1024);
  /** The last text rendering matrix's a, b, c, d and the size they give. */
  private readonly sizeOf = new Float64Array([Number.NaN, Number.NaN, Number.NaN, Number.NaN, 0]);
  // Operands of the operator being read.
  private operandCount = 0;
  private readonly operandKinds = new Uint8Array(MAX_OPERANDS);
  private readonly operandNumbers = new Float64Array(MAX_OPERANDS);
  private readonly operandStarts = new Int32Array(MAX_OPERANDS);
  private readonly operandEnds = new Int32Array(MAX_OPERANDS);
  private readonly operandValues: (PdfValue | undefined)[] = new Array(MAX_OPERANDS).fill(undefined);

  constructor(private readonly file: PdfFile) {}

  private flush(): void {
    if (this.pieceOpen && this.pieceLength > 0) {
      const units = this.pieceUnits;
      const length = this.pieceLength;
      // A lone surrogate would come out of the decoder as U+FFFD: such a piece is made unit by unit.
      let surrogates = false;
      for (let index = 0; index < length; index += 1) {
        if (((units[index] as number) & 0xf800) === 0xd800) {
          surrogates = true;
          break;
        }
      }
      let text = '';
      if (!surrogates) text = UTF16.decode(units.subarray(0, length));
      else for (let start = 0; start < length; start += 8192) text += String.fromCharCode.apply(null, units.subarray(start, Math.min(length, start + 8192)) as unknown as number[]);
      this.items.push({ text, x: this.pieceX, y: this.pieceY, width: this.pieceEnd - this.pieceX, size: this.pieceSize });
    }
    this.pieceOpen = false;
    this.pieceLength = 0;
  }

  /** Starts a new page with this reader: its pieces and count begin again, its scratch buffers stay (one reader serves a file's pages). */
  startPage(): void {
    this.items = [];
    this.characters = 0;
    this.pieceOpen = false;
    this.pieceLength = 0;
    this.operandCount = 0;
  }

  finish(): PositionedText[] {
    this.flush();
    return this.items;
  }

  private font(resources: PdfDict | undefined, name: string): Font | undefined {
    const fonts = this.file.dict(resources?.get('Font'));
    const fontDict = this.file.dict(fonts?.get(name));
    if (!fontDict) return undefined;
    let font = this.file.fonts.get(fontDict);
    if (!font) {
      font = loadFont(this.file, fontDict);
      this.file.fonts.set(fontDict, font);
    }
    return font;
  }

  private pushOperand(kind: number): number {
    const index = this.operandCount < MAX_OPERANDS ? this.operandCount++ : MAX_OPERANDS - 1;
    this.operandKinds[index] = kind;
    return index;
  }

  private number(index: number): number {
    return index < this.operandCount && this.operandKinds[index] === OPERAND_NUMBER ? (this.operandNumbers[index] as number) : 0;
  }

  /** Shows the string operand at `index` of `data` (hex, literal or decoded); nothing when it is not a string. */
  private showOperand(data: Uint8Array, index: number, state: GraphicsState, textMatrix: Float64Array): void {
    const kind = this.operandKinds[index];
    const start = this.operandStarts[index] as number;
    const end = this.operandEnds[index] as number;
    if (kind === OPERAND_HEX) this.showHex(data, start, end, state, textMatrix);
    else if (kind === OPERAND_LITERAL) this.show(data, start, end, state, textMatrix);
    const value = this.operandValues[index];
    if (kind === OPERAND_BYTES && value instanceof Uint8Array) this.show(value, 0, value.length, state, textMatrix);
  }

  /** A hex string's bytes (an odd last digit as its high half), then shown. */
  private showHex(data: Uint8Array, start: number, end: number, state: GraphicsState, textMatrix: Float64Array): void {
    if (this.codeBytes.length < ((end - start + 1) >> 1)) this.codeBytes = new Uint8Array(end - start + 1);
    const out = this.codeBytes;
    let length = 0;
    let high = -1;
    for (let position = start; position < end; position += 1) {
      const value = hexValue(data[position] as number);
      if (value < 0) continue;
      if (high < 0) high = value;
      else {
        out[length++] = high * 16 + value;
        high = -1;
      }
    }
    if (high >= 0) out[length++] = high * 16;
    this.show(out, 0, length, state, textMatrix);
  }

  /** Places the glyphs of `bytes[start, end)` and moves the text matrix past them (no number returned: none is boxed a glyph). */
  private show(bytes: Uint8Array, start: number, end: number, state: GraphicsState, textMatrix: Float64Array): void {
    const font = state.font;
    if (!font) throw new PdfUnsupported('text without a font');
    let advance = 0;
    const step = font.codeBytes;
    const { units, widths } = font;
    if (this.runUnits.length < (end - start) * 4 + 16) this.runUnits = new Uint16Array((end - start) * 8 + 16);
    let run = this.runUnits;
    let length = 0;
    let spaces = 0;
    for (let index = start; index + step <= end; index += step) {
      const code = step === 2 ? ((bytes[index] as number) << 8) | (bytes[index + 1] as number) : (bytes[index] as number);
      const unit = units[code] as number;
      if (unit !== 0) run[length++] = unit;
      else {
        const text = font.text(code);
        if (length + text.length > run.length) {
          const grown = new Uint16Array((length + text.length) * 2);
          grown.set(run.subarray(0, length));
          this.runUnits = run = grown;
        }
        for (let offset = 0; offset < text.length; offset += 1) run[length++] = text.charCodeAt(offset);
      }
      advance += widths[code] as number;
      if (step === 1 && code === 32) spaces += 1;
    }
    this.place(length, advance, ((end - start) / step) | 0, spaces, state, textMatrix);
  }

  /**
   * Places a shown string whose text is the first `length` units of runUnits: `widths` is the sum of its glyphs' widths,
   * `count` its codes and `spaces` its single-byte spaces; joins it to the piece being built or starts a new piece,
   * and moves the text matrix past it.
   */
  private place(length: number, widths: number, count: number, spaces: number, state: GraphicsState, textMatrix: Float64Array): void {
    const { fontSize, charSpacing, wordSpacing, scale, rise } = state;
    const advance = ((widths / 1000) * fontSize + count * charSpacing + spaces * wordSpacing) * scale;
    // The text rendering matrix [size·scale 0 0 size 0 rise] × Tm × CTM, and the run's end after its advance.
    const t = textMatrix;
    const n = state.ctm;
    const t0 = t[0] as number;
    const t1 = t[1] as number;
    const t2 = t[2] as number;
    const t3 = t[3] as number;
    const t4 = t[4] as number;
    const t5 = t[5] as number;
    const m0 = t0 * n[0] + t1 * n[2];
    const m1 = t0 * n[1] + t1 * n[3];
    const m2 = t2 * n[0] + t3 * n[2];
    const m3 = t2 * n[1] + t3 * n[3];
    const m4 = t4 * n[0] + t5 * n[2] + n[4];
    const m5 = t4 * n[1] + t5 * n[3] + n[5];
    const a = fontSize * scale * m0;
    const b = fontSize * scale * m1;
    const c = fontSize * m2;
    const d = fontSize * m3;
    const x = rise * m2 + m4;
    const y = rise * m3 + m5;
    // Glyph after glyph in one font and matrix: the size of the one before.
    if (a !== this.sizeOf[0] || b !== this.sizeOf[1] || c !== this.sizeOf[2] || d !== this.sizeOf[3]) {
      this.sizeOf[0] = a;
      this.sizeOf[1] = b;
      this.sizeOf[2] = c;
      this.sizeOf[3] = d;
      this.sizeOf[4] = Math.max(Math.sqrt(c * c + d * d), Math.sqrt(a * a + b * b));
    }
    const size = this.sizeOf[4] as number;
    const endX = advance * m0 + x;
    const endY = advance * m1 + y;
    const horizontal = Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0;
    const width = horizontal ? endX - x : Math.hypot(endX - x, endY - y);
    if (length > 0) this.append(length, x, y, size, horizontal, width);
    // The text matrix moves by the run's advance (translate(advance, 0) × Tm).
    t[4] = advance * t0 + t4;
    t[5] = advance * t1 + t5;
  }

  /** Adds the first `length` units of runUnits, shown from (x, y) at `size` over `width`, to the piece being built, or starts a new piece with them. */
  private append(length: number, x: number, y: number, size: number, horizontal: boolean, width: number): void {
    const run = this.runUnits;
    this.characters += length;
    const gap = this.pieceOpen ? x - this.pieceEnd : 0;
    const joins =
      this.pieceOpen && horizontal && this.pieceHorizontal && Math.abs(this.pieceY - y) < 0.01 * size + 0.01 && Math.abs(this.pieceSize - size) < 0.01 * size + 0.01 && gap > -0.5 * size && gap <= size;
    if (!joins) {
      this.flush();
      this.pieceOpen = true;
      this.pieceX = x;
      this.pieceY = y;
      this.pieceSize = size;
      this.pieceHorizontal = horizontal;
    }
    if (this.pieceLength + length + 1 > this.pieceUnits.length) {
      const grown = new Uint16Array((this.pieceLength + length + 1) * 2);
      grown.set(this.pieceUnits.subarray(0, this.pieceLength));
      this.pieceUnits = grown;
    }
    const piece = this.pieceUnits;
    if (joins && gap > 0.15 * size && !this.pieceEndsInSpace && !isSpace(run[0] as number)) piece[this.pieceLength++] = 32;
    let filled = this.pieceLength;
    for (let index = 0; index < length; index += 1) piece[filled++] = run[index] as number;
    this.pieceLength = filled;
    this.pieceEnd = x + width;
    this.pieceEndsInSpace = isSpace(run[length - 1] as number);
  }

  /** Runs a content stream (a page's, or a form XObject's within it). */
  run(data: Uint8Array, resources: PdfDict | undefined, initial: Matrix, depth: number): void {
    const parser = new Parser(data);
    const end = data.length;
    let state: GraphicsState = { ctm: initial, font: undefined, fontSize: 0, charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, rise: 0 };
    const stack: GraphicsState[] = [];
    const textMatrix = new Float64Array([1, 0, 0, 1, 0, 0]);
    const lineMatrix = new Float64Array([1, 0, 0, 1, 0, 0]);
    const kinds = this.operandKinds;
    const numbers = this.operandNumbers;
    const starts = this.operandStarts;
    const ends = this.operandEnds;
    const values = this.operandValues;
    const moveLine = (tx: number, ty: number): void => {
      const e = lineMatrix[4] as number;
      const f = lineMatrix[5] as number;
      lineMatrix[4] = tx * (lineMatrix[0] as number) + ty * (lineMatrix[2] as number) + e;
      lineMatrix[5] = tx * (lineMatrix[1] as number) + ty * (lineMatrix[3] as number) + f;
      copyMatrix(lineMatrix, textMatrix);
    };
    const advanceBy = (advance: number): void => {
      textMatrix[4] = advance * (textMatrix[0] as number) + (textMatrix[4] as number);
      textMatrix[5] = advance * (textMatrix[1] as number) + (textMatrix[5] as number);
    };
    const setMatrix = (target: Float64Array): void => {
      for (let index = 0; index < 6; index += 1) target[index] = this.number(index);
    };
    this.operandCount = 0;
    let position = 0;
    while (position < end) {
      const code = data[position] as number;
      const charClass = CHAR_CLASS[code];
      if (charClass === 1) {
        position += 1;
        continue;
      }
      if (code === 37) {
        while (position < end && data[position] !== 10 && data[position] !== 13) position += 1;
        continue;
      }
      // Operands.
      if ((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46) {
        position = scanNumber(data, position, end);
        numbers[this.pushOperand(OPERAND_NUMBER)] = scannedNumber[0] as number;
        continue;
      }
      if (code === 60) {
        if (data[position + 1] === 60) {
          // A dictionary operand (marked content's properties) is never used: one holding no string, array,
          // dictionary or comment ends at its first '>>' and is skipped without being parsed.
          const stop = plainDictEnd(data, position + 2, end);
          if (stop >= 0) position = stop;
          else {
            parser.position = position + 2;
            parser.readDict();
            position = parser.position;
          }
          this.pushOperand(OPERAND_OTHER);
          continue;
        }
        let stop = position + 1;
        while (stop < end && data[stop] !== 62) stop += 1;
        const index = this.pushOperand(OPERAND_HEX);
        starts[index] = position + 1;
        ends[index] = stop;
        position = stop + 1;
        continue;
      }
      if (code === 40) {
        const { stop, plain } = literalEnd(data, position, end);
        if (plain) {
          const index = this.pushOperand(OPERAND_LITERAL);
          starts[index] = position + 1;
          ends[index] = stop;
          position = stop + 1;
        } else {
          parser.position = position;
          const bytes = parser.readLiteral();
          position = parser.position;
          values[this.pushOperand(OPERAND_BYTES)] = bytes;
        }
        continue;
      }
      if (code === 47) {
        parser.position = position;
        const name = parser.readName();
        position = parser.position;
        values[this.pushOperand(OPERAND_NAME)] = name;
        continue;
      }
      if (code === 91) {
        const stop = arrayEnd(data, position, end);
        const index = this.pushOperand(OPERAND_ARRAY);
        starts[index] = position + 1;
        ends[index] = stop - 1;
        position = stop;
        continue;
      }
      // An operator (or true, false, null).
      let stop = position;
      while (stop < end && CHAR_CLASS[data[stop] as number] === 0) stop += 1;
      if (stop === position) stop += 1; // a stray delimiter ({ } ] ) or a lone >): an operator of its own
      const length = stop - position;
      const opcode = length <= 2 ? (OPCODES[code | (length === 2 ? (data[position + 1] as number) << 8 : 0)] as number) : OP_OTHER;
      if (
        (length === 4 && ((code === 116 && data[position + 1] === 114 && data[position + 2] === 117 && data[position + 3] === 101) || (code === 110 && data[position + 1] === 117 && data[position + 2] === 108 && data[position + 3] === 108))) ||
        (length === 5 && code === 102 && data[position + 1] === 97 && data[position + 2] === 108 && data[position + 3] === 115 && data[position + 4] === 101)
      ) {
        this.pushOperand(OPERAND_OTHER);
        position = stop;
        continue;
      }
      position = stop;
      switch (opcode) {
        case OP_SAVE:
          stack.push({ ...state });
          break;
        case OP_RESTORE:
          state = stack.pop() ?? state;
          break;
        case OP_CONCAT:
          state.ctm = multiply([this.number(0), this.number(1), this.number(2), this.number(3), this.number(4), this.number(5)], state.ctm);
          break;
        case OP_BEGIN_TEXT:
          copyMatrix(IDENTITY, textMatrix);
          copyMatrix(IDENTITY, lineMatrix);
          break;
        case OP_FONT: {
          const name = this.operandCount > 0 && kinds[0] === OPERAND_NAME ? values[0] : undefined;
          state.font = isName(name) ? this.font(resources, name.name) : undefined;
          state.fontSize = this.number(1);
          break;
        }
        case OP_CHAR_SPACING:
          state.charSpacing = this.number(0);
          break;
        case OP_WORD_SPACING:
          state.wordSpacing = this.number(0);
          break;
        case OP_SCALE:
          state.scale = this.number(0) / 100;
          break;
        case OP_LEADING:
          state.leading = this.number(0);
          break;
        case OP_RISE:
          state.rise = this.number(0);
          break;
        case OP_MOVE:
          moveLine(this.number(0), this.number(1));
          break;
        case OP_MOVE_LEADING:
          state.leading = -this.number(1);
          moveLine(this.number(0), this.number(1));
          break;
        case OP_MATRIX:
          setMatrix(lineMatrix);
          copyMatrix(lineMatrix, textMatrix);
          break;
        case OP_NEXT_LINE:
          moveLine(0, -state.leading);
          break;
        case OP_SHOW: {
          if (this.operandCount === 0) break;
          this.showOperand(data, 0, state, textMatrix);
          break;
        }
        case OP_NEXT_LINE_SHOW:
        case OP_SPACING_SHOW: {
          if (opcode === OP_SPACING_SHOW) {
            state.wordSpacing = this.number(0);
            state.charSpacing = this.number(1);
          }
          moveLine(0, -state.leading);
          if (this.operandCount === 0) break;
          this.showOperand(data, this.operandCount - 1, state, textMatrix);
          break;
        }
        case OP_SHOW_ARRAY:
          if (this.operandCount > 0 && kinds[0] === OPERAND_ARRAY) this.showArray(data, starts[0] as number, ends[0] as number, state, textMatrix, advanceBy);
          break;
        case OP_XOBJECT: {
          const name = this.operandCount > 0 && kinds[0] === OPERAND_NAME ? values[0] : undefined;
          const xobjects = this.file.dict(resources?.get('XObject'));
          const target = isName(name) ? this.file.resolve(xobjects?.get(name.name)) : undefined;
          if (isStream(target)) {
            const subtype = this.file.resolve(target.dict.get('Subtype'));
            if (isName(subtype) && subtype.name === 'Form') {
              if (depth >= 8) throw new PdfUnsupported('form XObjects nested too deep');
              const matrix = this.file.resolve(target.dict.get('Matrix'));
              const formMatrix: Matrix = Array.isArray(matrix) && matrix.length === 6 ? (matrix.map((value) => (typeof value === 'number' ? value : 0)) as Matrix) : [1, 0, 0, 1, 0, 0];
              const formResources = this.file.dict(target.dict.get('Resources')) ?? resources;
              this.operandCount = 0;
              this.run(this.file.streamData(target), formResources, multiply(formMatrix, state.ctm), depth + 1);
            }
          }
          break;
        }
        case OP_INLINE_IMAGE: {
          // An inline image: skip its data up to EI.
          while (position + 2 < end && !(CHAR_CLASS[data[position] as number] === 1 && data[position + 1] === 69 && data[position + 2] === 73 && CHAR_CLASS[data[position + 3] ?? 32] !== 0)) position += 1;
          position += 3;
          break;
        }
        default:
          break;
      }
      this.operandCount = 0;
      if (opcode === OP_SHOW || opcode === OP_MOVE) position = this.glyphRun(data, position, state, lineMatrix, textMatrix);
    }
  }

  /**
   * The common run of a Chromium print, a glyph or a word at a time: `tx ty Td` and `<hex> Tj` or `(plain) Tj`, read
   * here without the operand stack. Reads from `start` (just after an operator) while the operators are those, and
   * returns where the first other one begins (nothing of it read), for the main loop to go on from. Neither operator
   * changes the font, the CTM or the matrices' a–d, so the text rendering matrix's a–d, the size and the direction are
   * worked out once for the run; a two-byte font's hex codes are read and placed here with the arithmetic of show and
   * place, step by step the same (so the same positions come out to the last bit).
   */
  private glyphRun(data: Uint8Array, start: number, state: GraphicsState, lineMatrix: Float64Array, textMatrix: Float64Array): number {
    const end = data.length;
    const font = state.font;
    const l0 = lineMatrix[0] as number;
    const l1 = lineMatrix[1] as number;
    const l2 = lineMatrix[2] as number;
    const l3 = lineMatrix[3] as number;
    // The text matrix's a–d are the line matrix's (only a show moves the text matrix apart, by its e and f).
    const wide = font !== undefined && font.codeBytes === 2 && textMatrix[0] === l0 && textMatrix[1] === l1 && textMatrix[2] === l2 && textMatrix[3] === l3;
    const { fontSize, charSpacing, wordSpacing, scale, rise } = state;
    const n = state.ctm;
    const n0 = n[0];
    const n1 = n[1];
    const n2 = n[2];
    const n3 = n[3];
    const n4 = n[4];
    const n5 = n[5];
    const m0 = l0 * n0 + l1 * n2;
    const m1 = l0 * n1 + l1 * n3;
    const m2 = l2 * n0 + l3 * n2;
    const m3 = l2 * n1 + l3 * n3;
    const a = fontSize * scale * m0;
    const b = fontSize * scale * m1;
    const c = fontSize * m2;
    const d = fontSize * m3;
    if (a !== this.sizeOf[0] || b !== this.sizeOf[1] || c !== this.sizeOf[2] || d !== this.sizeOf[3]) {
      this.sizeOf[0] = a;
      this.sizeOf[1] = b;
      this.sizeOf[2] = c;
      this.sizeOf[3] = d;
      this.sizeOf[4] = Math.max(Math.sqrt(c * c + d * d), Math.sqrt(a * a + b * b));
    }
    const size = this.sizeOf[4] as number;
    const horizontal = Math.abs(b) < 1e-6 && Math.abs(c) < 1e-6 && a > 0;
    let position = start;
    for (;;) {
      while (position < end && CHAR_CLASS[data[position] as number] === 1) position += 1;
      if (position >= end) return position;
      const code = data[position] as number;
      if ((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46) {
        // tx ty Td
        let cursor = scanNumber(data, position, end);
        const tx = scannedNumber[0] as number;
        while (cursor < end && CHAR_CLASS[data[cursor] as number] === 1) cursor += 1;
        const next = data[cursor] as number;
        if (cursor >= end || !((next >= 48 && next <= 57) || next === 43 || next === 45 || next === 46)) return position;
        cursor = scanNumber(data, cursor, end);
        const ty = scannedNumber[0] as number;
        while (cursor < end && CHAR_CLASS[data[cursor] as number] === 1) cursor += 1;
        if (!(data[cursor] === 84 && data[cursor + 1] === 100 && (cursor + 2 >= end || CHAR_CLASS[data[cursor + 2] as number] !== 0))) return position;
        const e = tx * l0 + ty * l2 + (lineMatrix[4] as number);
        const f = tx * l1 + ty * l3 + (lineMatrix[5] as number);
        lineMatrix[4] = e;
        lineMatrix[5] = f;
        // Td leaves a–d alone: in a wide run they are already the line matrix's, so only e and f are copied.
        if (wide) {
          textMatrix[4] = e;
          textMatrix[5] = f;
        } else copyMatrix(lineMatrix, textMatrix);
        position = cursor + 2;
        continue;
      }
      if (code !== 60 && code !== 40) return position;
      // <hex> Tj or (plain) Tj. A two-byte font's codes, four hex digits each, are read to text units and glyph
      // widths (as show reads them) in the same pass that finds the string's end; any other string goes to show.
      let stop = position + 1;
      let wholeCodes = wide && code === 60;
      let length = 0;
      let widthSum = 0;
      if (wholeCodes && font !== undefined) {
        if (data[stop] === 60) return position;
        const { units, widths } = font;
        let run = this.runUnits;
        while (stop + 4 <= end && data[stop] !== 62) {
          const h0 = HEX_DIGITS[data[stop] as number] as number;
          const h1 = HEX_DIGITS[data[stop + 1] as number] as number;
          const h2 = HEX_DIGITS[data[stop + 2] as number] as number;
          const h3 = HEX_DIGITS[data[stop + 3] as number] as number;
          // A byte that is no hex digit (white space, or a '>' within the last four): the string goes to showHex.
          if ((h0 | h1 | h2 | h3) > 15) {
            wholeCodes = false;
            break;
          }
          const glyph = (h0 << 12) | (h1 << 8) | (h2 << 4) | h3;
          const unit = units[glyph] as number;
          const text = unit === 0 ? font.text(glyph) : '';
          if (length + text.length >= run.length) {
            const grown = new Uint16Array((length + text.length + 1) * 2);
            grown.set(run.subarray(0, length));
            this.runUnits = run = grown;
          }
          if (unit !== 0) run[length++] = unit;
          else for (let offset = 0; offset < text.length; offset += 1) run[length++] = text.charCodeAt(offset);
          widthSum += widths[glyph] as number;
          stop += 4;
        }
        if (!wholeCodes || data[stop] !== 62) {
          wholeCodes = false;
          while (stop < end && data[stop] !== 62) stop += 1;
        }
      } else if (code === 60) {
        wholeCodes = false;
        if (data[stop] === 60) return position;
        while (stop < end && data[stop] !== 62) stop += 1;
      } else {
        wholeCodes = false;
        while (stop < end) {
          const byte = data[stop] as number;
          if (byte === 41) break;
          if (byte === 92 || byte === 40) return position;
          stop += 1;
        }
      }
      if (stop >= end) return position;
      let cursor = stop + 1;
      while (cursor < end && CHAR_CLASS[data[cursor] as number] === 1) cursor += 1;
      if (!(data[cursor] === 84 && data[cursor + 1] === 106 && (cursor + 2 >= end || CHAR_CLASS[data[cursor + 2] as number] !== 0))) return position;
      if (!wholeCodes) {
        if (code === 60) this.showHex(data, position + 1, stop, state, textMatrix);
        else this.show(data, position + 1, stop, state, textMatrix);
        position = cursor + 2;
        continue;
      }
      const count = (stop - position - 1) >> 2;
      const spaces = 0;
      // As place: the run's advance, its origin and end in user space, then the text matrix moved past it.
      const advance = ((widthSum / 1000) * fontSize + count * charSpacing + spaces * wordSpacing) * scale;
      const t4 = textMatrix[4] as number;
      const t5 = textMatrix[5] as number;
      const m4 = t4 * n0 + t5 * n2 + n4;
      const m5 = t4 * n1 + t5 * n3 + n5;
      const x = rise * m2 + m4;
      const y = rise * m3 + m5;
      const endX = advance * m0 + x;
      const endY = advance * m1 + y;
      const width = horizontal ? endX - x : Math.hypot(endX - x, endY - y);
      if (length > 0) this.append(length, x, y, size, horizontal, width);
      textMatrix[4] = advance * l0 + t4;
      textMatrix[5] = advance * l1 + t5;
      position = cursor + 2;
    }
  }

  /** TJ: the array's strings shown and its numbers moving the text position back (in thousandths of the text size). */
  private showArray(data: Uint8Array, start: number, end: number, state: GraphicsState, textMatrix: Float64Array, advanceBy: (advance: number) => void): void {
    const parser = new Parser(data, start, end);
    let position = start;
    while (position < end) {
      const code = data[position] as number;
      if (CHAR_CLASS[code] === 1) position += 1;
      else if (code === 37) {
        while (position < end && data[position] !== 10 && data[position] !== 13) position += 1;
      } else if ((code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46) {
        parser.position = position;
        const entry = parser.readNumber();
        position = parser.position;
        advanceBy((-entry / 1000) * state.fontSize * state.scale);
      } else if (code === 60 && data[position + 1] === 60) {
        parser.position = position + 2;
        parser.readDict();
        position = parser.position;
      } else if (code === 60) {
        let stop = position + 1;
        while (stop < end && data[stop] !== 62) stop += 1;
        this.showHex(data, position + 1, stop, state, textMatrix);
        position = stop + 1;
      } else if (code === 40) {
        const { stop, plain } = literalEnd(data, position, end);
        if (plain) {
          this.show(data, position + 1, stop, state, textMatrix);
          position = stop + 1;
        } else {
          parser.position = position;
          const bytes = parser.readLiteral();
          position = parser.position;
          this.show(bytes, 0, bytes.length, state, textMatrix);
        }
      } else if (code === 91) position = arrayEnd(data, position, end);
      else {
        // A name or a word in the array: no text.
        position += 1;
        while (position < end && CHAR_CLASS[data[position] as number] === 0) position += 1;
      }
    }
  }
}

/** The pages in order, each with its inherited resources and media box. */
function pageList(file: PdfFile): { page: PdfDict; resources: PdfDict | undefined; box: number[] }[] {
  let catalog: PdfDict | undefined;
  for (const value of file.objects.values()) {
    const dict = isDict(value) ? value : undefined;
    const type = dict?.get('Type');
    if (dict && isName(type) && type.name === 'Catalog') catalog = dict;
  }
  if (!catalog) throw new PdfUnsupported('no catalog');
  const pages: { page: PdfDict; resources: PdfDict | undefined; box: number[] }[] = [];
  const seen = new Set<PdfDict>();
  const walk = (node: PdfDict | undefined, resources: PdfDict | undefined, box: number[] | undefined, depth: number): void => {
    if (!node || seen.has(node) || depth > 64) return;
    seen.add(node);
    const ownResources = file.dict(node.get('Resources')) ?? resources;
    const ownBox = file.resolve(node.get('MediaBox'));
    const mediaBox = Array.isArray(ownBox) ? ownBox.map((value) => file.resolve(value)).filter((value): value is number => typeof value === 'number') : box;
    const kids = file.resolve(node.get('Kids'));
    if (Array.isArray(kids)) {
      for (const kid of kids) walk(file.dict(kid), ownResources, mediaBox, depth + 1);
    } else {
      pages.push({ page: node, resources: ownResources, box: mediaBox ?? [0, 0, 612, 792] });
    }
  };
  walk(file.dict(catalog.get('Pages')), undefined, undefined, 0);
  return pages;
}

/** The declared page count (the /Count of the page tree), read before any page. */
function declaredPages(file: PdfFile): number | undefined {
  for (const value of file.objects.values()) {
    const type = isDict(value) ? value.get('Type') : undefined;
    if (isDict(value) && isName(type) && type.name === 'Catalog') {
      const count = file.resolve(file.dict(value.get('Pages'))?.get('Count'));
      if (typeof count === 'number') return count;
    }
  }
  return undefined;
}

/**
 * The positioned text of each page, read directly; throws PdfReadError when the PDF is over a limit, and
 * PdfUnsupported when it uses something this reader does not read (then pdfjs-dist should read it).
 */
export function pdfPagesDirect(bytes: Uint8Array, options: PdfDirectOptions): PageText[] {
  const maxPages = options.maxPages ?? 1000;
  const maxCharacters = options.maxCharacters ?? 50_000_000;
  const file = new PdfFile(bytes, options);
  const declared = declaredPages(file);
  if (declared !== undefined && declared > maxPages) throw new PdfReadError(`PDF of ${declared} pages (the limit is ${maxPages})`);
  const pages = pageList(file);
  if (pages.length > maxPages) throw new PdfReadError(`PDF of ${pages.length} pages (the limit is ${maxPages})`);
  if (pages.length === 0) throw new PdfUnsupported('no pages');
  const result: PageText[] = [];
  let characters = 0;
  const reader = new PageReader(file);
  for (const { page, resources, box } of pages) {
    const [, , width = 0, height = 0] = box;
    const rotate = file.resolve(page.get('Rotate'));
    if (typeof rotate === 'number' && rotate % 360 !== 0) throw new PdfUnsupported('rotated page');
    reader.startPage();
    const contents = file.resolve(page.get('Contents'));
    const streams = (Array.isArray(contents) ? contents.map((entry) => file.resolve(entry)) : [contents]).filter(isStream);
    const parts = streams.map((stream) => file.streamData(stream));
    // Several content streams are one stream: join them with a space between (one is read as it is, not copied).
    let joined = parts.length === 1 ? (parts[0] as Uint8Array) : new Uint8Array(0);
    if (parts.length !== 1) {
      joined = new Uint8Array(parts.reduce((sum, part) => sum + part.length + 1, 0));
      let offset = 0;
      for (const part of parts) {
        joined.set(part, offset);
        joined[offset + part.length] = 10;
        offset += part.length + 1;
      }
    }
    // In user space, as pdfjs gives text positions and takes the page's size from the box's upper corner.
    reader.run(joined, resources, [1, 0, 0, 1, 0, 0], 0);
    const items = reader.finish();
    characters += reader.characters;
    if (characters > maxCharacters) throw new PdfReadError(`PDF text longer than ${maxCharacters} characters`);
    result.push({ width, height, items });
  }
  return result;
}
