// audit.html renders in headless Chromium, offline, and shows the numbers of the report it embeds.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { renderAuditHtml, type AuditHtmlInput } from '../../reports/auditHtml.ts';
import { launchChromium, openPage } from './helpers/chromium.ts';
import { auditLua } from '../../src/audit/runAudit.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { layoutConfig, LAYOUTS_DIR } from '../graph/helpers/layoutFixture.ts';

const TMP = path.resolve(import.meta.dirname, '../tmp/audit-html');

/** A small report with every section filled and a hostile string in it. */
function sampleReport(): AuditHtmlInput {
  const mods = [
    { name: 'data.enums', path: 'ao/data/enums.lua', bytes: 1200, gzipBytes: 480, processes: ['battle', 'pokemon'], requires: [] },
    { name: 'rng.battle-rng', path: 'ao/rng/battle-rng.lua', bytes: 800, processes: ['battle', 'pokemon'], requires: ['data.enums'] },
    { name: 'battle.handler', path: 'ao/battle/handler.lua', bytes: 2500, processes: ['battle'], requires: ['rng.battle-rng', 'data.enums'] },
    { name: 'battle.main', path: 'ao/battle/main.lua', bytes: 900, processes: ['battle'], requires: ['battle.handler'] },
    { name: 'pokemon.main', path: 'ao/pokemon/main.lua', bytes: 700, processes: ['pokemon'], requires: ['rng.battle-rng'] },
  ];
  return {
    project: 'sample </script><b>x</b>',
    shareThreshold: 2,
    processes: [
      {
        name: 'battle',
        entry: 'ao/battle/main.lua',
        modules: ['data.enums', 'rng.battle-rng', 'battle.handler', 'battle.main'],
        bundleBytes: 5400,
        sharedBytes: 2000,
        specificBytes: 3400,
      },
      {
        name: 'pokemon',
        entry: 'ao/pokemon/main.lua',
        modules: ['data.enums', 'rng.battle-rng', 'pokemon.main'],
        bundleBytes: 2700,
        sharedBytes: 2000,
        specificBytes: 700,
      },
    ],
    modules: mods,
    duplicates: [
      {
        kind: 'near',
        similarity: 0.875,
        members: [
          { path: 'ao/battle/main.lua', startLine: 3, endLine: 20, bytes: 400 },
          { path: 'ao/pokemon/main.lua', startLine: 3, endLine: 18, bytes: 350 },
        ],
        processes: ['battle', 'pokemon'],
        diffs: [
          {
            from: 'ao/battle/main.lua',
            to: 'ao/pokemon/main.lua',
            similarity: 0.875,
            patch: '--- a\n+++ b\n@@ -1,2 +1,2 @@\n-  ["\\n"] = "\\\\n",\n+  -- no escapes\n',
          },
        ],
      },
      {
        kind: 'exact-file',
        similarity: 1,
        members: [
          { path: 'a.lua', name: 'a.lua', startLine: 1, endLine: 9, bytes: 99 },
          { path: 'b.lua', name: 'b.lua', startLine: 1, endLine: 9, bytes: 99 },
        ],
        processes: ['battle'],
      },
    ],
    problems: [{ kind: 'parse-error', path: 'ao/broken.lua', line: 4, column: 15, message: "<expression> expected near '='" }],
    split: {
      runtimeBytes: 2000,
      reductionPercent: 24.7,
      shells: [
        { name: 'battle', bytes: 3400 },
        { name: 'pokemon', bytes: 700 },
      ],
    },
    ts: {
      entries: [{ entry: 'client/src/battle.ts', closure: ['a.ts', 'b.ts'], shared: ['a.ts'], specific: ['b.ts'], monolithBytes: 12345, shellBytes: 2345 }],
      shared: ['a.ts'],
      duplicates: [],
      bundles: { monolithTotalBytes: 12345, runtimeChunkBytes: 9000, shellTotalBytes: 2345, savedPercent: 8.1 },
    },
  };
}

describe('audit.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the summary numbers, treemaps that zoom, the duplicates with diffs, the graph and the problems', async () => {
    const report = sampleReport();
    mkdirSync(TMP, { recursive: true });
    const file = path.join(TMP, 'sample.html');
    writeFileSync(file, renderAuditHtml(report));
    const { page, errors, foreignRequests } = await openPage(browser, file);

    for (const p of report.processes) {
      const row = page.locator(`#process-table tr[data-process="${p.name}"]`);
      expect(await row.locator('[data-field=bundleBytes]').textContent()).toBe(p.bundleBytes.toLocaleString('en-US'));
      expect(await row.locator('[data-field=sharedBytes]').textContent()).toBe(p.sharedBytes.toLocaleString('en-US'));
      expect(await row.locator('[data-field=specificBytes]').textContent()).toBe(p.specificBytes.toLocaleString('en-US'));
      expect(await row.locator('[data-field=modules]').textContent()).toBe(String(p.modules.length));
    }
    expect(await page.locator('#split-runtime [data-field=runtimeBytes]').textContent()).toBe('2,000');
    expect(await page.locator('#split-reduction').textContent()).toContain('24.7 %');
    // The hostile project name stays text.
    expect(await page.locator('h1').textContent()).toContain('</script><b>x</b>');

    // Treemap: one per process, drawn down to the modules; clicking the 'shared' group (its
    // header strip: the middle is covered by its folders) zooms in, the crumb zooms out.
    const card = page.locator('.treemap-card[data-process="battle"]');
    expect(await card.getAttribute('data-zoom')).toBe('battle');
    expect(await card.locator('rect[data-node="battle.handler"]').count()).toBe(1);
    await card
      .locator('rect[data-node="shared"]')
      .first()
      .click({ force: true, position: { x: 6, y: 6 } });
    expect(await card.getAttribute('data-zoom')).toBe('battle/shared');
    expect(await card.locator('rect[data-node="data.enums"]').count()).toBe(1);
    expect(await card.locator('rect[data-node="battle.handler"]').count()).toBe(0);
    await card.locator('.crumbs a').first().click();
    expect(await card.getAttribute('data-zoom')).toBe('battle');
    // raw and gzip size in the tooltip (and on the label when it fits)
    expect(await card.locator('rect[data-node="data.enums"] title').textContent()).toBe(
      'data.enums\n1,200 bytes (1.2 KB)\ngzip 480 bytes (480 B)\nao/data/enums.lua',
    );
    expect(await card.locator('g[data-node="data.enums"] text').allTextContents()).toEqual(['enums  1.2 KB \u00b7 gzip 480 B']);

    // Duplicates: both findings, similarity, the diff lines coloured.
    expect(await page.locator('.dup').count()).toBe(2);
    expect(await page.locator('.dup[data-kind=near] [data-field=similarity]').textContent()).toBe('87.5 %');
    expect(await page.locator('.dup[data-kind=near] pre .del').count()).toBe(1);
    expect(await page.locator('.dup[data-kind=near] pre .add').count()).toBe(1);
    // a whole-file copy is named by its path once, a function copy by path and name
    expect(await page.locator('.dup[data-kind=exact-file] td').first().textContent()).toBe('a.lua');
    expect(await page.locator('.dup[data-kind=near] td').first().textContent()).toBe('ao/battle/main.lua');
    await page.selectOption('#dup-filter', 'exact-file');
    expect(await page.locator('.dup[data-kind=near]').isVisible()).toBe(false);

    // Graph: every closure module drawn, edges counted; switching process redraws.
    expect(await page.locator('svg.graph rect[data-node]').count()).toBe(4);
    expect(await page.locator('[data-field=graph-size]').textContent()).toContain('4 modules, 4 require edges');
    expect(await page.locator('.graph-key .item').count()).toBe(4);
    const graphLabels = await page.locator('svg.graph text').allTextContents();
    expect(graphLabels.filter((t) => t.startsWith('\u2026'))).toEqual([]);
    expect(graphLabels).toContain('rng.battle-rng');
    await page.selectOption('#graph-process', 'pokemon');
    expect(await page.locator('svg.graph rect[data-node]').count()).toBe(3);

    expect(await page.locator('#problem-table tr[data-kind=parse-error] td').nth(1).textContent()).toBe('ao/broken.lua:4:15');
    // The TS client section appears only with a ts block.
    expect(await page.locator('#ts').isVisible()).toBe(true);
    expect(await page.locator('#ts-table tr[data-entry="client/src/battle.ts"] [data-field=monolithBytes]').textContent()).toBe('12,345');
    expect(await page.locator('#ts-split').textContent()).toContain('8.1 % smaller');
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('renders the audit of the copied-modules layout with the numbers of its audit.json', async () => {
    const config = layoutConfig({
      sourceRoot: 'ao-processes',
      processes: ['coordinator', 'battle', 'pokemon', 'economy', 'admin'].map((name) => ({ name, entry: `ao-processes/${name}/main.lua` })),
    });
    const report = JSON.parse(JSON.stringify(auditLua(config, new DiskWorkspace(path.join(LAYOUTS_DIR, 'copied-modules')), 'copied-modules')));
    mkdirSync(TMP, { recursive: true });
    const file = path.join(TMP, 'copied.html');
    writeFileSync(file, renderAuditHtml(report));
    const { page, errors, foreignRequests } = await openPage(browser, file);
    expect(report.processes).toHaveLength(5);
    for (const p of report.processes as { name: string; bundleBytes: number; sharedBytes: number; specificBytes: number }[]) {
      const row = page.locator(`#process-table tr[data-process="${p.name}"]`);
      expect(await row.locator('[data-field=bundleBytes]').textContent()).toBe(p.bundleBytes.toLocaleString('en-US'));
      expect(await row.locator('[data-field=sharedBytes]').textContent()).toBe(p.sharedBytes.toLocaleString('en-US'));
      expect(await row.locator('[data-field=specificBytes]').textContent()).toBe(p.specificBytes.toLocaleString('en-US'));
      expect(await page.locator(`svg.treemap[data-process="${p.name}"] rect`).count()).toBeGreaterThan(0);
    }
    expect(await page.locator('#split-runtime [data-field=runtimeBytes]').textContent()).toBe(report.split.runtimeBytes.toLocaleString('en-US'));
    expect(await page.locator('#split-reduction').textContent()).toContain(`${report.split.reductionPct} %`);
    expect(await page.locator('.dup').count()).toBe(report.duplicates.length);
    expect(report.duplicates.length).toBeGreaterThan(0);
    expect(await page.locator('#ts').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
