// The whole-file type-1 key, computed from the text rather than from the token stream: every
// comment replaced by a space, then each run of whitespace dropped, except one space between
// two word characters (`local x`). Same tokens, same key, whatever the layout and comments.
import { createHash } from 'node:crypto';
import type { LuaNode } from '../parse/luaAst.ts';

// Word characters ([A-Za-z0-9_]) and /\s/ on one-byte text (\t \n \v \f \r, space, no-break space).
const WORD = new Uint8Array(256);
const SPACE = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : 0;
  SPACE[c] = (c >= 9 && c <= 13) || c === 32 || c === 160 ? 1 : 0;
}

/** Type-1 keys of whole files, with a scratch buffer reused from file to file. */
export class FileType1Hasher {
  private squeezed = new Uint8Array(1 << 16);

  /** sha1 of `text` (latin1) with `comments` (sorted, from the parse) as spaces and whitespace squeezed. */
  key(text: string, comments: readonly LuaNode[]): string {
    if (this.squeezed.length < text.length) this.squeezed = new Uint8Array(Math.max(text.length, this.squeezed.length * 2));
    const out = this.squeezed;
    let o = 0;
    let prevWord = 0; // the last char written is a word char
    let pending = 0; // whitespace (or a comment) since the last char written
    let pos = 0;
    for (let k = 0; k <= comments.length; k++) {
      const c = comments[k];
      const to = c ? Math.max(pos, c.range[0]) : text.length;
      for (let i = pos; i < to; i++) {
        const ch = text.charCodeAt(i) & 255;
        if (SPACE[ch] === 1) {
          pending = 1;
          continue;
        }
        const word = WORD[ch]!;
        if (pending === 1) {
          if (prevWord === 1 && word === 1) out[o++] = 32;
          pending = 0;
        }
        out[o++] = ch;
        prevWord = word;
      }
      if (c) {
        pending = 1; // the comment became a space
        pos = c.range[1];
      }
    }
    return createHash('sha1').update(out.subarray(0, o)).digest('hex');
  }
}
