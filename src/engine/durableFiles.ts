// Durable whole-file writes (a reader, or a crash, sees the old bytes or the new ones, never
// half) and positional reads, shared by the journal and the blob store.
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Writes a file durably: temp file in the same folder, fsync, rename, fsync the folder. */
export function writeDurably(file: string, data: Buffer | string, opts: { syncFolder?: boolean } = {}): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = durableTempPath(file);
  const fd = openSync(tmp, 'w');
  try {
    writeAll(fd, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8'));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  if (opts.syncFolder !== false) syncDir(path.dirname(file));
}

/** The temp file writeDurably writes `file` through (removed by a caller whose write failed). */
export const durableTempPath = (file: string): string => `${file}.tmp-${process.pid}`;

/** Writes the whole buffer (writeSync may write less than asked). */
export function writeAll(fd: number, buf: Buffer): void {
  for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off, buf.length - off);
}

export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems refuse fsync on a folder; the rename is still atomic there
  }
}

/** Reads up to `length` bytes at `position` (fewer at the end of the file). */
export function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buf.subarray(0, got);
}

/** Removes a file; one already gone is fine. */
export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}
