// The journal's image store: a changeset's new images are one pack (one durable file, not one per
// image); images already stored are not written again; a fresh session (a new BlobStore) finds
// them, and a store removed under the session is written again; damage is JOURNAL-002.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/engine/blobStore.ts';
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
    const blobs = new BlobStore(store);
    const shas = blobs.put(images);
    expect(shas).toEqual(images.map((b) => sha256(b)));
    expect(packs(store)).toHaveLength(1);
    for (const [i, sha] of shas.entries()) expect(blobs.get(sha).equals(images[i]!)).toBe(true);
    const fresh = new BlobStore(store);
    for (const [i, sha] of shas.entries()) expect(fresh.get(sha).equals(images[i]!)).toBe(true);
  });

  it('writes nothing for images already stored, and only the new ones otherwise', () => {
    const store = tmpStore();
    const blobs = new BlobStore(store);
    blobs.put(images);
    blobs.forget();
    blobs.put(images.slice(0, 2));
    expect(packs(store)).toHaveLength(1);
    const extra = Buffer.from('return {}\n');
    blobs.put([images[0]!, extra]);
    const all = packs(store);
    expect(all).toHaveLength(2);
    const newest = all.map((n) => readFileSync(path.join(store, 'packs', n))).find((b) => b.includes(extra))!;
    expect(newest.includes(images[2]!)).toBe(false);
  });

  it('stores images again when the store was removed under this session (it does not trust its index)', () => {
    const store = tmpStore();
    const blobs = new BlobStore(store);
    const shas = blobs.put(images);
    rmSync(store, { recursive: true, force: true });
    blobs.put(images);
    expect(packs(store)).toHaveLength(1);
    for (const [i, sha] of shas.entries()) expect(blobs.get(sha).equals(images[i]!)).toBe(true);
  });

  it('refuses a missing image, a damaged image and a pack whose header is unreadable (JOURNAL-002)', () => {
    const store = tmpStore();
    const blobs = new BlobStore(store);
    const [sha] = blobs.put([Buffer.from('local x = 1\n')]);
    const missing = errorOf(() => blobs.get(sha256(Buffer.from('never stored'))));
    expect(missing.code).toBe('JOURNAL-002');
    expect(missing.message).toMatch(/is missing/);

    const file = path.join(store, 'packs', packs(store)[0]!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 2] = 0x58; // 'X' inside the image
    writeFileSync(file, bytes);
    blobs.forget();
    const damaged = errorOf(() => blobs.get(sha!));
    expect(damaged.code).toBe('JOURNAL-002');
    expect(damaged.message).toMatch(/damaged \(hash mismatch\)/);

    writeFileSync(file, Buffer.from('not a pack\n'));
    blobs.forget();
    const header = errorOf(() => blobs.get(sha!));
    expect(header.code).toBe('JOURNAL-002');
    expect(header.message).toContain(`damaged packs: ${path.basename(file)}`);
  });
});
