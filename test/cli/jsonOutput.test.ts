// Every command's --json output against its schema (src/cli/jsonSchemas.ts, docs/json.md), on
// one small aos project taken through the whole workflow; errors under --json are JSON on
// stdout with exit 2 and nothing on stderr.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { JSON_SCHEMAS, errorOutput } from '../../src/cli/jsonSchemas.ts';
import { runCli } from '../helpers/runCli.ts';

function app(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'json-cli-'));
  const put = (p: string, t: string) => {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), t);
  };
  put('lua/shared/counter.lua', 'local M = {}\nfunction M.inc(n) return n + 1 end\nreturn M\n');
  for (const p of ['alpha', 'beta']) {
    put(
      `lua/${p}/main.lua`,
      `local counter = require("shared.counter")\nCount = Count or 0\nHandlers.add("Inc", Handlers.utils.hasMatchingTag("Action", "Inc"), function(msg)\n  Count = counter.inc(Count)\n  msg.reply({ Data = "${p} " .. tostring(Count) })\nend)\n`,
    );
    put(`traces/${p}.jsonl`, '{"From":"USER","Tags":{"Action":"Inc"},"Timestamp":1700000000000}\n');
  }
  return root;
}

function forceFederation(root: string): void {
  const file = path.join(root, 'migrate.config.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), federate: 'always' }, null, 2));
}

async function json<K extends keyof typeof JSON_SCHEMAS>(
  command: K,
  argv: string[],
  cwd: string,
  codes: number[] = [0],
): Promise<z.infer<(typeof JSON_SCHEMAS)[K]>> {
  const r = await runCli([command, ...argv, '--json'], cwd, { env: {} });
  expect(codes, `${command}: ${r.err}${r.out}`).toContain(r.code);
  const parsed = JSON_SCHEMAS[command].safeParse(JSON.parse(r.out));
  expect(parsed.success ? '' : `${command}: ${JSON.stringify(parsed.error.issues, null, 1)}`).toBe('');
  return parsed.data as z.infer<(typeof JSON_SCHEMAS)[K]>;
}

describe('--json output', () => {
  it('every command prints its schema, in one vocabulary', async () => {
    const root = app();
    const at = ['--project', root];
    expect((await json('init', [root], root)).written).toMatch(/migrate\.config\.json$/);
    // The shared module is too small for federating to pay: force it, so every step has work to show.
    forceFederation(root);
    const audit = await json('audit', [...at, '--out', path.join(root, 'reports')], root);
    expect(audit.processes.map((p) => p.process)).toEqual(['alpha', 'beta']);
    const plan = await json('plan', at, root, [0, 1]);
    expect(plan.sizes.map((s) => s.process)).toContain('alpha');
    for (const s of plan.sizes) expect(s.reductionPct).toBe(s.beforeBytes ? Math.round(((s.beforeBytes - s.afterBytes) / s.beforeBytes) * 1000) / 10 : 0);
    await json('status', at, root);
    const dry = await json('dry-run', ['--all', ...at], root, [1]);
    expect(dry.changes).toBeGreaterThan(0);
    const applied = await json('apply', ['--all', ...at], root);
    expect(applied.applied.length).toBeGreaterThan(0);
    await json('bundle', ['--mode', 'federated', ...at], root);
    const size = await json('size', at, root);
    expect(size.processes.map((p) => p.process)).toEqual(['alpha', 'beta']);
    const over = await json('size', at, root, [0, 1]);
    expect(over.budgetBreaches).toEqual([]);
    const verify = await json('verify', ['--modes', 'monolith', ...at], root);
    expect(verify.ok).toBe(true);
    await json('recover', at, root);
    await json('rollback', ['--yes', ...at], root);
  });

  it('size and plan name budget breaches the same way', async () => {
    const root = app();
    await runCli(['init', root], root, { env: {} });
    const cfg = path.join(root, 'migrate.config.json');
    const { readFileSync } = await import('node:fs');
    writeFileSync(cfg, JSON.stringify({ ...JSON.parse(readFileSync(cfg, 'utf8')), budgets: { runtimeBytes: 10, shellBytes: 10 } }));
    const size = await json('size', ['--project', root], root, [1]);
    expect(size.budgetBreaches).toContainEqual({ kind: 'runtime', process: null, bytes: size.runtimeBytes, budgetBytes: 10 });
    expect(size.budgetBreaches.filter((b) => b.kind === 'shell').map((b) => b.process)).toEqual(['alpha', 'beta']);
    const plan = await json('plan', ['--project', root], root, [1]);
    expect(plan.budgetBreaches.every((b) => b.budgetBytes === 10 && b.bytes > 10)).toBe(true);
    expect(plan.budgetBreaches.some((b) => b.kind === 'shell' && b.process === 'alpha')).toBe(true);
  });

  it('an error under --json is JSON on stdout, exit 2, nothing on stderr', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'json-err-'));
    for (const argv of [['status', '--project', path.join(cwd, 'missing')], ['apply', '--bogus'], ['aply'], ['bundle', '--mode', 'fast']]) {
      const r = await runCli([...argv, '--json'], cwd, { env: {} });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toBe('');
      const e = errorOutput.parse(JSON.parse(r.out));
      expect(e.error.hint, argv.join(' ')).toBeTruthy();
    }
  });
});
