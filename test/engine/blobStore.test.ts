// The journal's image store: a changeset's new images are one pack (one durable file, not one per
// image); images already stored are not written again; a fresh process (a forgotten index) finds
// them, and a store removed under the process is written again; the one-file-per-image store of
// older versions is still read; damage is JOURNAL-002.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetBlobIndex, getBlob, putBlobs } from '../../src/apply/blobStore.ts';
import { sha256 } from '../../src/hash.ts';

const tmpStore = (): string => path.join(mkdtempSync(path.join(os.tmpdir(), 'blobs-')), '.migrate', 'blobs');
const packs = (store: string): string[] => readdirSync(path.join(store, 'packs')).filter((n) => n.endsWith('.pack'));
const errorOf = (fn: () => unknown): { code?: string; message: string } => {
  try {
    fn();
  } catch (e) {
    return e as { code?: string; message: string };
  }
  throw new Error('expected an error');
};

describe('blob store', () => {
  const images = [Buffer.from('local a = 1\r\n'), Buffer.from(''), Buffer.from([0xef, 0xbb, 0xbf, 0xff, 0x00, 0x41]), Buffer.from('local a = 1\r\n')];

  it('writes the new images of one call as one pack and reads each back, also from a fresh index', () => {
    const store = tmpStore();
    const shas = putBlobs(store, images);
    expect(shas).toEqual(images.map((b) => sha256(b)));
    expect(packs(store)).toHaveLength(1);
    for (const [i, sha] of shas.entries()) expect(getBlob(store, sha).equals(images[i]!)).toBe(true);
    forgetBlobIndex(store);
    for (const [i, sha] of shas.entries()) expect(getBlob(store, sha).equals(images[i]!)).toBe(true);
  });

  it('writes nothing for images already stored, and only the new ones otherwise', () => {
    const store = tmpStore();
    putBlobs(store, images);
    forgetBlobIndex(store);
    putBlobs(store, images.slice(0, 2));
    expect(packs(store)).toHaveLength(1);
    const extra = Buffer.from('return {}\n');
    putBlobs(store, [images[0]!, extra]);
    const all = packs(store);
    expect(all).toHaveLength(2);
    const newest = all.map((n) => readFileSync(path.join(store, 'packs', n))).find((b) => b.includes(extra))!;
    expect(newest.includes(images[2]!)).toBe(false);
  });

  it('stores images again when the store was removed under this process (it does not trust its index)', () => {
    const store = tmpStore();
    const shas = putBlobs(store, images);
    rmSync(store, { recursive: true, force: true });
    putBlobs(store, images);
    expect(packs(store)).toHaveLength(1);
    for (const [i, sha] of shas.entries()) expect(getBlob(store, sha).equals(images[i]!)).toBe(true);
  });

  it('reads images of the older one-file-per-image store', () => {
    const store = tmpStore();
    const data = Buffer.from('print("old")\n');
    const sha = sha256(data);
    mkdirSync(path.join(store, sha.slice(0, 2)), { recursive: true });
    writeFileSync(path.join(store, sha.slice(0, 2), sha), data);
    expect(getBlob(store, sha).equals(data)).toBe(true);
    putBlobs(store, [data]);
    expect(() => readdirSync(path.join(store, 'packs'))).toThrow();
  });

  it('refuses a missing image, a damaged image and a pack whose header is unreadable (JOURNAL-002)', () => {
    const store = tmpStore();
    const [sha] = putBlobs(store, [Buffer.from('local x = 1\n')]);
    const missing = errorOf(() => getBlob(store, sha256(Buffer.from('never stored'))));
    expect(missing.code).toBe('JOURNAL-002');
    expect(missing.message).toMatch(/is missing/);

    const file = path.join(store, 'packs', packs(store)[0]!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 2] = 0x58; // 'X' inside the image
    writeFileSync(file, bytes);
    forgetBlobIndex(store);
    const damaged = errorOf(() => getBlob(store, sha!));
    expect(damaged.code).toBe('JOURNAL-002');
    expect(damaged.message).toMatch(/damaged \(hash mismatch\)/);

    writeFileSync(file, Buffer.from('not a pack\n'));
    forgetBlobIndex(store);
    const header = errorOf(() => getBlob(store, sha!));
    expect(header.code).toBe('JOURNAL-002');
    expect(header.message).toContain(`damaged packs: ${path.basename(file)}`);
  });
});
