// Reads a zip archive's central directory (a .docx is one) and hands out an entry's stored or deflated bytes;
// the caller inflates, with its own output limit, so a zip bomb cannot grow past what it allows.

/** One file of a zip archive, its data still compressed. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are refused by the caller. */
  method: number;
  compressedSize: number;
  /** What the archive claims; a zip bomb may lie, so inflating is bounded anyway. */
  size: number;
  data: Uint8Array;
}

/** Why an archive cannot be read. */
export class ZipError extends Error {
  override name = 'ZipError';
}

/** Most entries a .docx-like archive may list; more is not a document. */
const MAX_ENTRIES = 10_000;

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/** The entries of a zip archive, from its central directory (ZIP64 and encrypted entries refused). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip archive (no central directory; the file is cut short or corrupt)');
  const count = u16(bytes, end + 10);
  const directoryOffset = u32(bytes, end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('ZIP64 archive (not a Word document)');
  if (count > MAX_ENTRIES) throw new ZipError(`zip archive of ${count} entries (the limit is ${MAX_ENTRIES})`);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError('corrupt zip archive (bad central directory entry)');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localOffset = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if ((flags & 1) !== 0) throw new ZipError(`encrypted zip entry ${name}`);
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== 0x04034b50) throw new ZipError(`corrupt zip archive (entry ${name} not found)`);
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw new ZipError(`corrupt zip archive (entry ${name} is cut short)`);
    entries.push({ name, method, compressedSize, size, data: bytes.subarray(dataStart, dataStart + compressedSize) });
  }
  return entries;
}
