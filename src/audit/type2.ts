// The one type-2 hasher of the duplication audit: a token stream with identifiers renamed by
// first occurrence and literals replaced by their kind, hashed with sha1. Units (luaUnits.ts)
// and whole files (duplicates.ts) get their type-2 keys from it, so two files or units have one
// key exactly when their type-1 streams match up to a consistent renaming and literal values.
import { createHash } from 'node:crypto';
import { TOKEN_KIND, tokenHash } from './similarity.ts';

const ANY_STRING = tokenHash(TOKEN_KIND.head, 'S');
const ANY_NUMBER = tokenHash(TOKEN_KIND.head, 'N');
const ANY_BOOLEAN = tokenHash(TOKEN_KIND.head, 'B');

/** sha1 of a token stream's bytes (type-1 and type-2 keys). */
export const streamKey = (a: Float64Array): string =>
  createHash('sha1')
    .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    .digest('hex');

/** Type-2 keys of token streams, with a scratch buffer and rename table reused from call to call. */
export class Type2Hasher {
  private out = new Float64Array(1 << 12);
  private readonly renamed = new Map<number, number>();

  /**
   * Type-2 key of `ids[from, to)`, whose token kinds (TOKEN_KIND) are `kinds[from, to)`:
   * identifiers become -1 - (their rank of first occurrence), strings, numbers and booleans
   * their kind's head, node heads and list brackets stay.
   */
  key(ids: Float64Array, kinds: Uint8Array, from: number, to: number): string {
    const n = to - from;
    if (this.out.length < n) this.out = new Float64Array(Math.max(n, this.out.length * 2));
    const out = this.out;
    const renamed = this.renamed;
    renamed.clear();
    for (let i = from; i < to; i++) {
      const id = ids[i]!;
      let v = id;
      switch (kinds[i]) {
        case TOKEN_KIND.identifier: {
          let k = renamed.get(id);
          if (k === undefined) renamed.set(id, (k = renamed.size));
          v = -1 - k;
          break;
        }
        case TOKEN_KIND.string:
          v = ANY_STRING;
          break;
        case TOKEN_KIND.number:
          v = ANY_NUMBER;
          break;
        case TOKEN_KIND.boolean:
          v = ANY_BOOLEAN;
          break;
        default:
          break;
      }
      out[i - from] = v;
    }
    return streamKey(out.subarray(0, n));
  }
}
