// `migrate init` then `migrate audit` on the copied-folders and the symlinked-folder layouts,
// and audit.html of each (and of the bad-input layout) opened in headless Chromium: it shows
// the numbers of the audit.json written next to it and makes no request.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { copyLayout, removeLayoutCopies, type LayoutName } from '../graph/helpers/layoutFixture.ts';
import { runCli as runMigrate } from '../helpers/runCli.ts';
import { launchChromium, openPage } from './helpers/chromium.ts';

interface AuditJson {
  processes: { process: string; entry: string; modules: string[]; bundleBytes: number; sharedBytes: number; specificBytes: number }[];
  modules: { name: string; path: string; bytes: number; processes: string[] }[];
  duplicates: { kind: string; similarity: number; members: { path: string; startLine: number; endLine: number; bytes: number }[]; processes: string[] }[];
  problems: { kind: string; path: string; line: number; column: number; message: string }[];
  split: { runtimeBytes: number; reductionPct: number };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  removeLayoutCopies();
});

async function initAndAudit(name: LayoutName): Promise<{ json: AuditJson; html: string }> {
  const dir = copyLayout(name);
  rmSync(path.join(dir, 'migrate.config.json'), { force: true });
  const init = await runMigrate(['init', dir], dir);
  expect(init.code, init.err).toBe(0);
  const audit = await runMigrate(['audit', '--project', dir], dir);
  expect(audit.code, audit.err).toBe(0);
  const json = JSON.parse(readFileSync(path.join(dir, 'reports/audit.json'), 'utf8')) as AuditJson;
  return { json, html: path.join(dir, 'reports/audit.html') };
}

async function expectHtmlShows(file: string, json: AuditJson): Promise<void> {
  const { page, errors, foreignRequests } = await openPage(browser, file);
  for (const p of json.processes) {
    const row = page.locator(`#process-table tr[data-process="${p.process}"]`);
    expect(await row.locator('[data-field=bundleBytes]').textContent()).toBe(p.bundleBytes.toLocaleString('en-US'));
    expect(await row.locator('[data-field=sharedBytes]').textContent()).toBe(p.sharedBytes.toLocaleString('en-US'));
    expect(await row.locator('[data-field=specificBytes]').textContent()).toBe(p.specificBytes.toLocaleString('en-US'));
    expect(await row.locator('[data-field=modules]').textContent()).toBe(String(p.modules.length));
    expect(await page.locator(`.treemap-card[data-process="${p.process}"] rect`).count()).toBeGreaterThan(0);
  }
  expect(await page.locator('#split-runtime [data-field=runtimeBytes]').textContent()).toBe(json.split.runtimeBytes.toLocaleString('en-US'));
  expect(await page.locator('#split-reduction').textContent()).toContain(`${json.split.reductionPct} %`);
  expect(await page.locator('.dup').count()).toBe(json.duplicates.length);
  expect(await page.locator('#problem-table tr[data-kind]').count()).toBe(json.problems.length);
  expect(errors).toEqual([]);
  expect(foreignRequests).toEqual([]);
  await page.close();
}

describe('migrate init + migrate audit + audit.html', () => {
  it('per-process copied module folders', async () => {
    const { json, html } = await initAndAudit('copied-modules');
    expect(json.processes.map((p) => p.process)).toEqual(['admin', 'battle', 'coordinator', 'economy', 'pokemon']);
    for (const p of json.processes) {
      expect(p.bundleBytes).toBe(p.sharedBytes + p.specificBytes);
      expect(p.bundleBytes).toBe(p.modules.reduce((s, m) => s + json.modules.find((x) => x.name === m)!.bytes, 0));
    }
    expect(json.duplicates.some((d) => d.kind === 'exact-file' && d.members.length === 5)).toBe(true);
    expect(json.problems).toEqual([]);
    await expectHtmlShows(html, json);
  });

  it('symlinked shared folder: the shared file is one module used by both processes', async () => {
    const { json, html } = await initAndAudit('symlinked-shared');
    const util = json.modules.filter((m) => m.path === 'src/module/util.lua');
    expect(util).toHaveLength(1);
    expect(util[0]!.processes).toEqual(['battle', 'pokemon']);
    expect(json.modules.some((m) => m.path.includes('/module/util.lua') && m.path !== 'src/module/util.lua')).toBe(false);
    const battle = json.processes.find((p) => p.process === 'battle')!;
    expect(battle.sharedBytes).toBe(json.modules.filter((m) => m.path.startsWith('src/module/')).reduce((s, m) => s + m.bytes, 0));
    await expectHtmlShows(html, json);
  });

  it('bad inputs: the page lists every problem of audit.json', async () => {
    const dir = copyLayout('bad-inputs');
    const out = path.join(dir, 'elsewhere');
    const r = await runMigrate(['audit', '--project', dir, '--out', out], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(path.join(out, 'audit.json'), 'utf8')) as AuditJson;
    expect(json.problems.find((p) => p.kind === 'parse-error')).toMatchObject({ path: 'ao-processes/lib/broken.lua', line: 4, column: 15 });
    await expectHtmlShows(path.join(out, 'audit.html'), json);
  });
});
