// What one audit run owns, passed to the functions that need it instead of living in their
// modules: the facts of the files it analysed (by content), the extractor with its scratch
// buffers and token tables, and the type-2 keys of whole files. `runAudit` makes one per run;
// a caller that audits a changing tree again in one process (a staged step, a test, a bench)
// passes the same session to reuse what is known, or a new one to start cold. Worker threads
// (factsWorker.ts) have their own extractor: token ids are content hashes, so their facts and
// this session's compare as they are.
import { FactsCache } from './factsCache.ts';
import { FactsExtractor, fileAuditFacts, type FileAuditFacts } from './luaUnits.ts';
import { Type2Hasher } from './type2.ts';
import type { Chunk } from 'luaparse';

export class AuditSession {
  /** Facts by content hash (sha256 of the bytes). */
  readonly facts = new FactsCache();
  readonly extractor = new FactsExtractor();
  /** Whole-file type-2 keys by token stream (facts are shared by content, so copies compute it once). */
  private readonly fileType2Keys = new WeakMap<Float64Array, string>();
  private readonly fileType2Hasher = new Type2Hasher();

  /** The facts of a content, from the cache or extracted from its tree (and remembered). */
  factsOf(hash: string, text: string, ast: Chunk): FileAuditFacts {
    let facts = this.facts.get(hash);
    if (!facts) this.facts.set(hash, (facts = fileAuditFacts(text, ast, this.extractor)));
    return facts;
  }

  /** Type-2 key of a whole file: its whole token stream through the units' hasher (type2.ts). */
  fileType2(facts: FileAuditFacts): string {
    let key = this.fileType2Keys.get(facts.tokens);
    if (key === undefined) this.fileType2Keys.set(facts.tokens, (key = this.fileType2Hasher.key(facts.tokens, facts.kinds, 0, facts.tokens.length)));
    return key;
  }
}
