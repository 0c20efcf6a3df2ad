// The TS audit on the example client: closures from esbuild metafiles, shared vs specific,
// duplicates by normalised hash (the one-literal near-duplicate reported as such) and
// bundle sizes (monolith per entry vs runtime chunk + entry chunks).
import { describe, expect, it } from 'vitest';
import { auditTs } from '../../src/audit/tsAudit.ts';
import { EXAMPLE_DIR } from '../../src/config/loadProject.ts';
import { configSchema } from '../../src/config/projectConfig.ts';
import { isMigrateError } from '../../src/errors.ts';

const client = {
  root: 'client',
  tsconfig: 'client/tsconfig.json',
  entries: ['battle', 'pokemon', 'shop', 'admin'].map((e) => `client/src/scripts/${e}.ts`),
  runtimeDir: 'client/src/runtime',
};
const config = configSchema.parse({ sourceRoot: 'ao-processes', processes: [{ name: 'battle', entry: 'ao-processes/battle/main.lua' }], client });

describe('auditTs (example client)', async () => {
  const report = await auditTs({ root: EXAMPLE_DIR, config, isExample: true });

  it('lists each entry closure and splits shared from specific', () => {
    expect(report.entries.map((e) => e.entry)).toEqual(client.entries);
    const admin = report.entries.find((e) => e.entry.endsWith('admin.ts'))!;
    expect(admin.closure).toEqual([
      'client/src/lib/helpers.ts',
      'client/src/lib/process-ids.ts',
      'client/src/lib/reply.ts',
      'client/src/lib/tags.ts',
      'client/src/scripts/admin.ts',
    ]);
    expect(admin.specific).toEqual(['client/src/scripts/admin.ts']);
    expect(report.shared).toEqual(['client/src/lib/helpers.ts', 'client/src/lib/process-ids.ts', 'client/src/lib/reply.ts', 'client/src/lib/tags.ts']);
  });

  it('reports the identical helper copies and the one-literal near-duplicate', () => {
    const retry = report.duplicates.find((d) => d.name === 'retryWithBackoff')!;
    expect(retry.kind).toBe('exact'); // the CRLF copy in pokemon.ts counts as identical
    expect(retry.members.map((m) => m.file)).toEqual(client.entries.slice(0, 3));
    const label = report.duplicates.find((d) => d.name === 'clientLabel')!;
    expect(label.kind).toBe('near');
    expect(label.similarity).toBeGreaterThan(0.9);
    expect(label.differences).toHaveLength(1);
    expect(label.differences[0]).toMatch(/pokerogue-admin.*vs.*pokerogue-shop/);
  });

  it('measures monolith bundles against runtime chunk + entry chunks', () => {
    for (const e of report.entries) {
      expect(e.monolithBytes).toBeGreaterThan(1000);
      expect(e.shellBytes).toBeGreaterThan(0);
      expect(e.shellBytes).toBeLessThan(e.monolithBytes);
    }
    const b = report.bundles;
    expect(b.runtimeChunkBytes).toBeGreaterThan(0);
    expect(b.monolithTotalBytes).toBe(report.entries.reduce((n, e) => n + e.monolithBytes, 0));
    expect(b.runtimeChunkBytes + b.shellTotalBytes).toBeLessThan(b.monolithTotalBytes);
    expect(b.savedPercent).toBeGreaterThan(0);
  });

  it('fails with TS-004 when the config has no client block', async () => {
    const { client: _drop, ...rest } = config;
    const error = await auditTs({ root: EXAMPLE_DIR, config: rest, isExample: true }).catch((e: unknown) => e);
    expect(isMigrateError(error) && error.code).toBe('TS-004');
  });
});
