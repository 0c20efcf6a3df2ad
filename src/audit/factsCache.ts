// Audit facts by content hash (sha256 of the bytes), least recently used first, bounded by the
// bytes of their token streams: an audit session that audits again (after each staged step)
// only analyses changed files, and a tree the parse cache evicted is not parsed again for facts
// already known. Owned by an AuditSession (auditSession.ts), never by the module.
import type { FileAuditFacts } from './luaUnits.ts';

// 64 MB of tokens keep a 10x corpus whole; at 30x a re-audit analyses the evicted files again
// rather than hold ~400 MB after the audit for the commands that follow in the same process.
export const FACTS_CACHE_LIMIT = 64 * 2 ** 20;

const sizeOf = (f: FileAuditFacts): number => f.tokens.byteLength + f.kinds.byteLength;

export class FactsCache {
  private readonly byHash = new Map<string, FileAuditFacts>();
  private bytes = 0;

  constructor(private readonly limit = FACTS_CACHE_LIMIT) {}

  /** The facts of a content, marked as just used. */
  get(hash: string): FileAuditFacts | undefined {
    const hit = this.byHash.get(hash);
    if (hit) {
      this.byHash.delete(hash);
      this.byHash.set(hash, hit);
    }
    return hit;
  }

  has(hash: string): boolean {
    return this.byHash.has(hash);
  }

  set(hash: string, facts: FileAuditFacts): void {
    if (this.byHash.has(hash)) return;
    this.byHash.set(hash, facts);
    this.bytes += sizeOf(facts);
    for (const [h, old] of this.byHash) {
      if (this.bytes <= this.limit) break;
      this.byHash.delete(h);
      this.bytes -= sizeOf(old);
    }
  }
}
