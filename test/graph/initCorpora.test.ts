// `migrate init --dry-run` (writes nothing) on every real code base found in the shared corpora
// folder (../shared/corpora from the main checkout; CORPORA_DIR overrides; skipped when absent).
// Generic checks, no folder special-cased: no entry is build output, a patch, a mock, a test,
// an example or an experiment; >= 95 % of the project's require sites resolve (per-process
// roots) and every site that does not is named with its reason.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/runCli.ts';

const toolkit = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpora = [process.env.CORPORA_DIR, path.resolve(toolkit, '../shared/corpora'), path.resolve(toolkit, '../../shared/corpora')].find(
  (d) => d && existsSync(d),
);
const folders = corpora
  ? readdirSync(corpora)
      .filter((n) => statSync(path.join(corpora, n)).isDirectory())
      .sort()
  : [];
const NOT_A_PROCESS = /(^|\/)(build|dist|process-dist|patches|mocks?|__mocks__|tests?|specs?|examples?|experiments?)\//i;

describe.skipIf(!folders.length)('migrate init on the real code bases', () => {
  it.each(folders)(
    '%s: no build/patch/mock/spec/example/experiment entry; at least 95 percent resolved, the rest named',
    async (name) => {
      const dir = path.join(corpora!, name);
      const r = await runCli(['init', dir, '--dry-run', '--json'], dir);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const { detection: d } = JSON.parse(r.out) as {
        detection: {
          entries: { entry: string }[];
          requireSites: number;
          resolvedSites: number;
          resolution: { sites: number; resolved: number; builtin: number; standard: number; unresolved: { reason?: string }[] };
        };
      };
      expect(d.entries.length).toBeGreaterThan(0);
      for (const e of d.entries) expect(e.entry).not.toMatch(NOT_A_PROCESS);
      if (d.requireSites) expect(d.resolvedSites / d.requireSites).toBeGreaterThanOrEqual(0.95);
      const res = d.resolution;
      expect(res.resolved + res.builtin + res.standard + res.unresolved.length).toBe(res.sites);
      for (const u of res.unresolved) expect(u.reason).toBeTruthy();
    },
    120_000,
  );
});
