// The audit's caches belong to an AuditSession passed in, not to modules: a new session starts
// cold, the same session re-audits from what it knows, and both give the same report.
import { describe, expect, it } from 'vitest';
import { auditLua } from '../../src/audit/runAudit.ts';
import { AuditSession } from '../../src/audit/auditSession.ts';
import { loadProject, EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { parseLua } from '../../src/parse/luaSource.ts';

const example = loadProject({ project: EXAMPLE_DIR, cwd: EXAMPLE_DIR });

describe('AuditSession', () => {
  it('a second audit in one session reuses its facts; a new session starts cold; same report', () => {
    const session = new AuditSession();
    let extracted = 0;
    const factsOf = session.factsOf.bind(session);
    session.factsOf = (hash, text, ast) => {
      if (!session.facts.has(hash)) extracted++;
      return factsOf(hash, text, ast);
    };
    const first = auditLua(example.config, new DiskWorkspace(example.root), 'x', session);
    const cold = extracted;
    expect(cold).toBeGreaterThan(50);
    const again = auditLua(example.config, new DiskWorkspace(example.root), 'x', session);
    expect(extracted).toBe(cold);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    const fresh = new AuditSession();
    expect(JSON.stringify(auditLua(example.config, new DiskWorkspace(example.root), 'x', fresh))).toBe(JSON.stringify(first));
  });

  it('caches a whole file type-2 key per token stream', () => {
    const session = new AuditSession();
    const p = parseLua('local a = 1 return a', 'a.lua', { lean: true });
    const facts = session.factsOf('h', p.text, p.ast!);
    expect(session.factsOf('h', p.text, p.ast!)).toBe(facts);
    expect(session.fileType2(facts)).toBe(session.fileType2(facts));
  });
});
