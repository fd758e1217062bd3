// What kind of file a path is, in words, and whether it lies in a kernel area (/proc, /sys, /dev) that is never read.
// Shared by the folder walk and the document reader, so both refuse the same files with the same line.
import type fs from 'node:fs';

/** The kind of a file that is not a regular one, in words. */
export function describeFileKind(stat: fs.Stats | fs.Dirent<Buffer> | fs.Dirent): string {
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'not a file';
}

/** `/proc`, `/sys` or `/dev` when the real path lies in one of them: their files are kernel views that may never end. */
export function systemFileArea(realPath: string): string | undefined {
  return ['/proc', '/sys', '/dev'].find((area) => realPath === area || realPath.startsWith(area + '/'));
}
