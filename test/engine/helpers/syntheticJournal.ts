// A synthetic project for journal tests: n x per small files, step i updating its own `per`
// files through applyChangeset (no plan, no transform), with ids and sizes that do not vary.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TOOLKIT } from '../../fixtures/engine/fixtureProject.ts';
import { applyChangeset } from '../../../src/engine/changeset.ts';
import { JournalLog } from '../../../src/engine/journal.ts';
import type { FileChange } from '../../../src/files/tree.ts';

export const stepIdOf = (i: number): string => `step-${String(i).padStart(4, '0')}`;

/** A synthetic project of `n` x `per` small files; step i updates files i*per .. i*per+per-1. */
/** `log`: the session's journal (as the engine keeps one per run). */
export function synthetic(n: number, per = 5, title = 'A synthetic step'): { root: string; log: JournalLog; apply: (i: number) => void } {
  const base = path.join(TOOLKIT, 'test/tmp');
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(path.join(base, 'journal-log-'));
  mkdirSync(path.join(root, 'src'));
  const file = (k: number): string => `src/f${String(k).padStart(4, '0')}.lua`;
  const log = new JournalLog(root);
  for (let k = 0; k < n * per; k++) writeFileSync(path.join(root, file(k)), `-- ${file(k)}\n`);
  const apply = (i: number): void => {
    const changes: FileChange[] = Array.from({ length: per }, (_, c) => {
      const f = file(i * per + c);
      return { kind: 'update', path: f, before: Buffer.from(`-- ${f}\n`), after: Buffer.from(`-- ${f} (step ${String(i).padStart(4, '0')})\n`) };
    });
    applyChangeset(log, { stepId: stepIdOf(i), transform: 'lua/synthetic', story: '36.1', title, paramsHash: 'f'.repeat(64) }, changes);
  };
  return { root, log, apply };
}
