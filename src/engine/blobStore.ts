// The journal's file images, content-addressed by sha256, in a store folder (.migrate/blobs).
// The new images of a changeset go into one pack, <store>/packs/<sha256 of its header>.pack,
// written durably with one fsync: one file and one fsync per image made storing the images cost
// more than writing the project files (on ext4 an fsync also stalls the next file creation; bench 10x: 6.4 s of a 13 s apply
// were spent in open()). A pack is the line `migrate-pack 1 <header bytes>\n`, the header (JSON
// `[[sha, length], ...]`), then the images back to back. A BlobStore keeps the index of the packs
// it has seen; it belongs to one engine session (JournalLog), never to the process.
import { closeSync, existsSync, openSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MigrateError } from '../errors.ts';
import { sha256 } from '../hash.ts';
import { readAt, syncDir, writeDurably } from './durableFiles.ts';

const PACK_MAGIC = 'migrate-pack 1 ';
const PACK_SUFFIX = '.pack';
/** The first line (magic + header length) fits in this many bytes. */
const FIRST_LINE_MAX = 64;

interface Location {
  /** The pack file's name in <store>/packs. */
  pack: string;
  offset: number;
  length: number;
}

interface PackIndex {
  located: Map<string, Location>;
  /** Pack files already indexed (or found damaged). */
  seen: Set<string>;
  /** Pack files whose header could not be read (named when an image is missing). */
  damaged: string[];
  /** The packs folder's inode and mtime when this process last looked at it or wrote to it. */
  stamp: string;
}

const packsDir = (store: string): string => path.join(store, 'packs');
/** How errors name the store: `.migrate/blobs`. */
const storeLabel = (store: string): string => `${path.basename(path.dirname(store))}/${path.basename(store)}`;

/** Reads a pack's header: its images' shas and where each lies in the file. */
function readPackHeader(file: string): { sha: string; offset: number; length: number }[] | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const first = readAt(fd, FIRST_LINE_MAX, 0).toString('latin1');
    const nl = first.indexOf('\n');
    if (!first.startsWith(PACK_MAGIC) || nl < 0) return undefined;
    const headerBytes = Number(first.slice(PACK_MAGIC.length, nl));
    if (!Number.isSafeInteger(headerBytes) || headerBytes <= 0) return undefined;
    const header = JSON.parse(readAt(fd, headerBytes, nl + 1).toString('utf8')) as unknown;
    if (!Array.isArray(header)) return undefined;
    let offset = nl + 1 + headerBytes;
    const out: { sha: string; offset: number; length: number }[] = [];
    for (const item of header) {
      if (!Array.isArray(item) || typeof item[0] !== 'string' || !Number.isSafeInteger(item[1]) || item[1] < 0) return undefined;
      out.push({ sha: item[0], offset, length: item[1] });
      offset += item[1] as number;
    }
    return out;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function folderStamp(dir: string): string {
  try {
    const st = statSync(dir, { bigint: true });
    return `${st.ino}:${st.mtimeNs}`;
  } catch {
    return 'absent';
  }
}

/** The index of the store's packs, after indexing any pack written since the last look. */
function refreshedIndex(store: string, idx: PackIndex): PackIndex {
  idx.stamp = folderStamp(packsDir(store));
  let names: string[];
  try {
    names = readdirSync(packsDir(store));
  } catch {
    return idx;
  }
  for (const name of names) {
    if (!name.endsWith(PACK_SUFFIX) || idx.seen.has(name)) continue;
    idx.seen.add(name);
    const header = readPackHeader(path.join(packsDir(store), name));
    if (!header) {
      idx.damaged.push(name);
      continue;
    }
    for (const h of header) idx.located.set(h.sha, { pack: name, offset: h.offset, length: h.length });
  }
  return idx;
}

function readLocated(store: string, loc: Location): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path.join(packsDir(store), loc.pack), 'r');
  } catch {
    return undefined;
  }
  try {
    return readAt(fd, loc.length, loc.offset);
  } finally {
    closeSync(fd);
  }
}

export class BlobStore {
  private index: PackIndex | undefined;

  constructor(readonly dir: string) {}

  /**
   * The index this session has (it sees every pack the session wrote), or a fresh one. A pack
   * another process wrote meanwhile is found on a miss (get) or stored twice (harmless).
   */
  private known(): PackIndex {
    return this.index ?? this.refreshed();
  }

  /** The index after indexing any pack written since the last look. */
  private refreshed(): PackIndex {
    this.index ??= { located: new Map(), seen: new Set(), damaged: [], stamp: '' };
    return refreshedIndex(this.dir, this.index);
  }

  /** Forgets what this session knows of the store's packs (the next read looks at the disk again). */
  forget(): void {
    this.index = undefined;
  }

  /**
   * Stores images; returns their sha256s (in order). The images not stored yet are written as one
   * pack, durably (the pack and its folder are fsynced) before this returns.
   */
  put(images: readonly Buffer[]): string[] {
    const store = this.dir;
    const shas = images.map((b) => sha256(b));
    // An image is skipped only when this process knows its pack is there: a packs folder changed
    // by someone else since (removed with .migrate/, restored from a backup) is indexed afresh.
    if (this.index?.stamp !== folderStamp(packsDir(store))) this.forget();
    const idx = this.known();
    const fresh = new Map<string, Buffer>();
    shas.forEach((sha, i) => {
      if (!fresh.has(sha) && !idx.located.has(sha)) fresh.set(sha, images[i]!);
    });
    if (fresh.size === 0) return shas;
    const header = Buffer.from(JSON.stringify([...fresh].map(([sha, b]) => [sha, b.length])), 'utf8');
    const first = Buffer.from(`${PACK_MAGIC}${header.length}\n`, 'latin1');
    const name = `${sha256(header)}${PACK_SUFFIX}`;
    const dir = packsDir(store);
    const created = !existsSync(dir);
    writeDurably(path.join(dir, name), Buffer.concat([first, header, ...fresh.values()]));
    if (created) {
      // the new folders must survive a crash too
      syncDir(store);
      syncDir(path.dirname(store));
    }
    idx.seen.add(name);
    idx.stamp = folderStamp(dir);
    let offset = first.length + header.length;
    for (const [sha, b] of fresh) {
      idx.located.set(sha, { pack: name, offset, length: b.length });
      offset += b.length;
    }
    return shas;
  }

  private readImage(sha: string): { data: Buffer; file: string } | undefined {
    const store = this.dir;
    const loc = this.known().located.get(sha) ?? this.refreshed().located.get(sha);
    if (loc) {
      const data = readLocated(store, loc);
      if (data) return { data, file: path.join(packsDir(store), loc.pack) };
    }
    return undefined;
  }

  /** The bytes of an image, verified against their hash (JOURNAL-002 when missing or damaged). */
  get(sha: string): Buffer {
    const store = this.dir;
    let found = this.readImage(sha);
    if (!found || sha256(found.data) !== sha) {
      // the packs may have changed under this process (restored from a backup, say): look again
      this.forget();
      found = this.readImage(sha);
    }
    if (!found) {
      const damaged = this.refreshed().damaged;
      throw new MigrateError(
        'JOURNAL-002',
        `the stored image ${sha.slice(0, 12)} is missing${damaged.length ? ` (damaged packs: ${damaged.slice(0, 3).join(', ')})` : ''}`,
        {
          location: { file: damaged.length ? path.join(packsDir(store), damaged[0]!) : store },
          hint: `${storeLabel(store)} was changed or deleted; restore it from a backup (git history can also restore the files)`,
        },
      );
    }
    if (sha256(found.data) !== sha) {
      throw new MigrateError('JOURNAL-002', `the stored image ${sha.slice(0, 12)} is damaged (hash mismatch)`, {
        location: { file: found.file },
        hint: `restore ${storeLabel(store)} from a backup`,
      });
    }
    return found.data;
  }
}
