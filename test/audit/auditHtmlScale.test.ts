// audit.html at 60 processes (the 10x corpus of test/bench/generateCorpus.ts): the page stays
// short (treemaps closed by default, duplicates a page at a time), every process opens and
// draws all its modules, labels fit their rectangles or are left out, search and sort work.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { renderAuditHtml } from '../../reports/auditHtml.ts';
import { launchChromium, openPage } from './helpers/chromium.ts';
import { runAudit } from '../../src/audit/runAudit.ts';
import { EXAMPLE_DIR, loadProject } from '../../src/config/loadProject.ts';
import { generateCorpus } from '../bench/generateCorpus.ts';

const TMP = path.resolve(import.meta.dirname, '../tmp/audit-html-scale');

/** Every drawn label against its rectangle: text wider or taller than the box is a failure. */
const LABEL_CHECK = `(() => {
  const bad = []; let labels = 0;
  document.querySelectorAll('svg.treemap g[data-node]').forEach((g) => {
    const r = g.querySelector(':scope > rect'); const texts = g.querySelectorAll(':scope > text');
    const w = Number(r.getAttribute('width')), h = Number(r.getAttribute('height')), x = Number(r.getAttribute('x')), y = Number(r.getAttribute('y'));
    texts.forEach((t) => { labels++; const b = t.getBBox(); if (b.x + b.width > x + w + 0.5 || b.y + b.height > y + h + 2) bad.push(g.getAttribute('data-node') + ': ' + t.textContent + ' ' + [b.x, b.width, b.y, b.height, x, w, y, h].map(Math.round).join(',')); });
  });
  return { labels, bad };
})()`;

/** Per card: its zoom (set once drawn) and how many module rectangles it drew. */
const DRAWN = `Object.fromEntries([...document.querySelectorAll('details.treemap-card')].map((c) => [c.getAttribute('data-process'), { zoom: c.getAttribute('data-zoom'), leaves: c.querySelectorAll('rect.leaf').length }]))`;

describe('audit.html with 60 processes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is short with every process closed, opens each one, fits or hides labels, searches and sorts', async () => {
    const corpus = generateCorpus(EXAMPLE_DIR, path.join(TMP, 'corpus'), 10);
    expect(corpus.processes).toBe(60);
    const project = loadProject({ project: corpus.dir, cwd: corpus.dir });
    const report = await runAudit(project, { ts: false, jobs: 1 });
    mkdirSync(TMP, { recursive: true });
    const file = path.join(TMP, 'audit.html');
    writeFileSync(file, renderAuditHtml(report, { root: project.root }));
    const { page, errors, foreignRequests } = await openPage(browser, file);

    // 173,537 px before, with 60 open treemaps and 444 duplicates listed in full
    const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
    expect(height).toBeLessThan(12_000);
    expect(await page.locator('details.treemap-card').count()).toBe(60);
    expect(await page.locator('details.treemap-card[open]').count()).toBe(0);
    expect(await page.locator('.dup').count()).toBe(20);

    // every process opens and draws one rectangle per module, with raw and gzip sizes in its tooltip
    // (one card by a click on its summary, then all of them with 'open all')
    const first = page.locator('details.treemap-card[data-process="s0-battle"]');
    await first.locator('summary').click();
    await expect.poll(() => first.getAttribute('data-zoom')).toBe('s0-battle');
    await page.locator('#expand-all').click();
    const drawn = async () => (await page.evaluate(DRAWN)) as Record<string, { zoom: string | null; leaves: number }>;
    const want = Object.fromEntries(report.processes.map((p) => [p.name, { zoom: p.name, leaves: p.modules.length }]));
    await expect.poll(drawn).toEqual(want);
    const tip = await page.locator('details.treemap-card[data-process="s0-battle"] rect.leaf title').first().textContent();
    expect(tip).toMatch(/\d bytes \([\d.]+ K?B\)\ngzip [\d,]+ bytes/);
    const labels = (await page.evaluate(LABEL_CHECK)) as { labels: number; bad: string[] };
    expect(labels.bad).toEqual([]);
    expect(labels.labels).toBeGreaterThan(1000);
    await page.locator('#collapse-all').click();
    expect(await page.locator('details.treemap-card[open]').count()).toBe(0);

    // search narrows the table and the cards; sorting by bundle bytes puts the largest first
    await page.fill('#search', 's7-battle');
    await expect.poll(() => page.locator('#search-count').textContent()).toBe('1 of 60 processes match');
    expect(await page.locator('#process-table tbody tr:visible').count()).toBe(1);
    expect(await page.locator('details.treemap-card:visible').count()).toBe(1);
    await page.fill('#search', '');
    await expect.poll(() => page.locator('#search-count').textContent()).toBe('');
    await page.locator('#process-table th[data-sort=bundleBytes]').click();
    const largest = [...report.processes].sort((a, b) => b.bundleBytes - a.bundleBytes)[0]!;
    expect(await page.locator('#process-table tbody tr').first().getAttribute('data-process')).toBe(largest.name);
    expect(await page.locator('details.treemap-card').first().getAttribute('data-process')).toBe(largest.name);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 120_000);
});
