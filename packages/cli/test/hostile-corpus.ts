// Generates the hostile corpus of issue 6 in a folder at run time, and strict readers for what a build writes from it.
// Each readable hostile file names its own marker mission, so the graph proves that the file was read and decoded.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A file of the corpus that must be read: where it is and the entity only it names. */
export interface ReadableFile {
  /** Path relative to the corpus folder (the document id). */
  id: string;
  /** What makes it hostile, for messages. */
  what: string;
  /** Node key of the marker entity found only in this file. */
  marker: string;
  /** The encoding the manifest must record. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** A file of the corpus that must be skipped with one line naming it and this reason. */
export interface SkippedFile {
  id: string;
  what: string;
  reason: RegExp;
}

export interface HostileCorpus {
  root: string;
  good: string[];
  readable: ReadableFile[];
  skipped: SkippedFile[];
  /** The 100 MB file, with the markers of its first and last lines. */
  huge: { id: string; bytes: number; firstMarker: string; lastMarker: string };
  /** Node keys the zero-width / bidi file names only through hidden characters. */
  hiddenOnly: string[];
}

const KB = 1024;
const MB = 1024 * KB;

/** Two sentences that name a mission, so its node and an edge to the Security Council appear. */
function markerText(mission: string): string {
  return `${mission} worked with the national authorities this year. The Security Council renewed the mandate of ${mission}.\n`;
}

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return endian === 'le' ? le : Buffer.from(le).swap16();
}

/** Latin-1 bytes of a text whose characters are all below U+0100. */
function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

/** Every C0 control except NUL, DEL and every C1 control, as characters. */
function controlsWithoutNul(): string[] {
  const codes = [...Array.from({ length: 31 }, (_, index) => index + 1), 0x7f, ...Array.from({ length: 32 }, (_, index) => 0x80 + index)];
  return codes.map((code) => String.fromCharCode(code));
}

/**
 * Lowercase prose without names: the bulk of the big files. Lines end with a full stop so that sentences stay short,
 * as in a real transcript, and no capitalised run asks the name recogniser for help.
 */
const FILLER_LINE = 'the patrol went along the river road and the team wrote a short note about water and schools.\n';

/** A buffer of `bytes` bytes made of whole filler lines (the last one padded with spaces). */
function fillerBytes(bytes: number): Buffer {
  const line = Buffer.from(FILLER_LINE);
  const buffer = Buffer.alloc(bytes, ' ');
  const whole = Math.floor(bytes / line.length);
  buffer.fill(line, 0, whole * line.length);
  return buffer;
}

function write(root: string, id: string, content: string | Uint8Array): void {
  const file = path.join(root, id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

/** Writes the hostile corpus of issue 6 (plus the two sample transcripts) under root and says what each file must give. */
export function writeHostileCorpus(root: string, options: { hugeBytes: number } = { hugeBytes: 100 * MB }): HostileCorpus {
  const good: string[] = [];
  for (const name of fs.readdirSync(path.join(REPO_ROOT, 'data/transcripts')).sort()) {
    if (!name.endsWith('.txt')) continue;
    write(root, `good/${name}`, fs.readFileSync(path.join(REPO_ROOT, 'data/transcripts', name)));
    good.push(`good/${name}`);
  }

  const readable: ReadableFile[] = [];
  const addReadable = (file: ReadableFile, content: string | Uint8Array): void => {
    write(root, file.id, content);
    readable.push(file);
  };

  // Encodings.
  addReadable({ id: 'encodings/utf-8 with BOM.txt', what: 'UTF-8 with BOM', marker: 'mission:unficyp', encoding: 'utf-8' }, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(markerText('UNFICYP'))]));
  addReadable({ id: 'encodings/utf-16le with BOM.txt', what: 'UTF-16LE with BOM', marker: 'mission:minurso', encoding: 'utf-16le' }, utf16(markerText('MINURSO'), 'le', true));
  addReadable({ id: 'encodings/utf-16le no BOM.txt', what: 'UTF-16LE without BOM', marker: 'mission:undof', encoding: 'utf-16le' }, utf16(markerText('UNDOF'), 'le', false));
  addReadable({ id: 'encodings/utf-16be with BOM.txt', what: 'UTF-16BE with BOM', marker: 'mission:unmik', encoding: 'utf-16be' }, utf16(markerText('UNMIK'), 'be', true));
  addReadable({ id: 'encodings/utf-16be no BOM.txt', what: 'UTF-16BE without BOM', marker: 'mission:unmogip', encoding: 'utf-16be' }, utf16(markerText('UNMOGIP'), 'be', false));
  addReadable(
    { id: 'encodings/latin-1.txt', what: 'Latin-1', marker: 'mission:untso', encoding: 'windows-1252' },
    latin1(`Réunion à Jérusalem : l'ONUST, c'est-à-dire UNTSO, a fêté ses soixante-quinze années de présence.\n${markerText('UNTSO')}`),
  );

  // Control characters: every one except NUL between the words of a text (NUL means binary, see the skipped files).
  const controls = controlsWithoutNul();
  const words = markerText('UNSMIL').split(' ');
  const sprinkled = words.map((word, index) => `${word}${controls[index % controls.length]!}`).join(' ');
  addReadable({ id: 'controls/every control but NUL.txt', what: 'every control character but NUL', marker: 'mission:unsmil', encoding: 'utf-8' }, `${sprinkled}\n${controls.join(' ')}\n${markerText('UNSMIL').repeat(4)}`);

  // Lone surrogates as they arrive: CESU-style UTF-8 bytes of a surrogate, and an unpaired code unit in UTF-16.
  addReadable(
    { id: 'surrogates/utf-8 ED A0 80.txt', what: 'UTF-8 bytes of lone surrogates', marker: 'mission:unama', encoding: 'utf-8' },
    Buffer.concat([Buffer.from('Réunion à Kaboul : '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' et '), Buffer.from([0xed, 0xb0, 0x80]), Buffer.from(`.\n${markerText('UNAMA')}`)]),
  );
  addReadable(
    { id: 'surrogates/utf-16le unpaired.txt', what: 'UTF-16LE with unpaired surrogates', marker: 'mission:unami', encoding: 'utf-16le' },
    Buffer.concat([utf16('Baghdad ', 'le', true), Buffer.from([0x00, 0xd8]), utf16(' and ', 'le', false), Buffer.from([0x00, 0xdc]), utf16(`.\n${markerText('UNAMI')}`, 'le', false)]),
  );

  // Zero-width and bidi characters inside entity names.
  addReadable(
    { id: 'invisible/zero-width and bidi.txt', what: 'zero-width and right-to-left override characters in names', marker: 'mission:unsom', encoding: 'utf-8' },
    [
      'MONU\u200bSCO met the authorities in Goma.',
      '\u202eMONUSCO\u202c and MONU\u200dSCO and MON\u2060USCO patrolled again.',
      'Jean-Pierre \u200bLacroix visited UN\u200bSOM in Mogadishu.',
      'The Security Council thanked \u202eUNMHA\u202c and \u2067UNSOM\u2069 for their work.',
      '',
    ].join('\n'),
  );

  // Pathological text.
  addReadable({ id: 'pathological/200 KB of dots.txt', what: '200 KB of "."', marker: 'mission:unsmis', encoding: 'utf-8' }, `${'.'.repeat(200 * KB)}\n${markerText('UNSMIS')}`);
  addReadable(
    { id: 'pathological/1 MB line.txt', what: 'a 1 MB line without punctuation', marker: 'mission:unipsil', encoding: 'utf-8' },
    `${'and the patrol went on along the road '.repeat(Math.ceil(MB / 38))}and then UNIPSIL arrived\n`,
  );

  // Paths: deep nesting, spaces and unicode in names.
  const deep = Array.from({ length: 60 }, (_, level) => `level ${String(level).padStart(2, '0')}`).join('/');
  addReadable({ id: `${deep}/deep.txt`, what: 'a file 60 folders deep', marker: 'mission:unmit', encoding: 'utf-8' }, markerText('UNMIT'));
  addReadable({ id: 'names/entretien à Bangui (copie) 2019.txt', what: 'a name with spaces and accents', marker: 'mission:unscol', encoding: 'utf-8' }, markerText('UNSCOL'));
  addReadable({ id: 'names/مقابلة بعثة.md', what: 'an Arabic name', marker: 'mission:unrcca', encoding: 'utf-8' }, markerText('UNRCCA'));
  addReadable({ id: 'names/インタビュー 記録 📝.txt', what: 'a Japanese name with an emoji', marker: 'mission:unmha', encoding: 'utf-8' }, markerText('UNMHA'));

  // The 100 MB file: names on its first and last lines only, lowercase prose between.
  const hugeId = 'huge/100 MB.txt';
  const head = Buffer.from(markerText('UNOWAS'));
  const tail = Buffer.from(`\n${markerText('UNOCA')}`);
  write(root, hugeId, Buffer.concat([head, fillerBytes(options.hugeBytes - head.length - tail.length), tail]));

  const skipped: SkippedFile[] = [];
  const addSkipped = (file: SkippedFile, content: string | Uint8Array): void => {
    write(root, file.id, content);
    skipped.push(file);
  };
  addSkipped({ id: 'bad/binary.txt', what: 'a binary file', reason: /^binary file/ }, Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919 + 13) % 256)));
  addSkipped({ id: 'bad/empty.txt', what: 'an empty file', reason: /^empty file/ }, '');
  addSkipped(
    { id: 'bad/502 error page.txt', what: 'an HTML error page saved as .txt', reason: /HTML page/ },
    '<!DOCTYPE html>\n<html lang="en"><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1><p>MONUSCO nginx</p></body></html>\n',
  );
  addSkipped({ id: 'controls/every control with NUL.txt', what: 'every control character including NUL', reason: /^binary file \(contains NUL bytes\)/ }, `${markerText('UNMEE')}${String.fromCharCode(...Array.from({ length: 32 }, (_, code) => code))}\u007f`);

  fs.symlinkSync('..', path.join(root, 'good', 'loop'));
  skipped.push({ id: 'good/loop', what: 'a symlink loop', reason: /symbolic link loop/ });
  fs.symlinkSync('no such file.txt', path.join(root, 'bad', 'dangling link.txt'));
  skipped.push({ id: 'bad/dangling link.txt', what: 'a broken symlink', reason: /broken|no such file|does not exist|missing/i });

  return {
    root,
    good,
    readable,
    skipped,
    huge: { id: hugeId, bytes: options.hugeBytes, firstMarker: 'mission:unowas', lastMarker: 'mission:unoca' },
    hiddenOnly: ['mission:unsom', 'mission:unmha'],
  };
}

/** A strict RFC 4180 reader: CRLF-terminated records, quoted fields with doubled quotes; throws on anything else. */
export function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let index = 0;
  while (index < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[index] === '"') {
        index += 1;
        for (;;) {
          const quote = text.indexOf('"', index);
          if (quote < 0) throw new Error(`unterminated quoted field at offset ${index}`);
          field += text.slice(index, quote);
          if (text[quote + 1] === '"') {
            field += '"';
            index = quote + 2;
          } else {
            index = quote + 1;
            break;
          }
        }
      } else {
        const end = text.slice(index).search(/[",\r\n]/);
        const stop = end < 0 ? text.length : index + end;
        field = text.slice(index, stop);
        index = stop;
        if (text[index] === '"') throw new Error(`bare quote inside an unquoted field at offset ${index}`);
      }
      record.push(field);
      if (text[index] === ',') {
        index += 1;
        continue;
      }
      if (text.startsWith('\r\n', index)) {
        index += 2;
        break;
      }
      throw new Error(`expected "," or CRLF at offset ${index}, found ${JSON.stringify(text.slice(index, index + 10))}`);
    }
    records.push(record);
  }
  return records;
}

/** Characters no output may hold raw: C0 controls other than tab/LF/CR, DEL, C1 controls, and unpaired surrogates. */
export const FORBIDDEN_IN_OUTPUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Zero-width and bidi control characters, which must never split or disguise an entity. */
export const INVISIBLE_IN_NAMES = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Every string inside a parsed JSON value (keys included). */
export function stringsOf(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsOf(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      stringsOf(item, into);
    }
  }
  return into;
}
