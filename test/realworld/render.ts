// The real-world table as text (terminal) and as markdown (README, reports/real-world.md), and the
// list of every failing stage and unmet criterion under it.
import { describeDiff, showCounts, showSteps, type Row } from './row.ts';

const kb = (n: number | null): string => (n === null ? '?' : `${(n / 1024).toFixed(1)}`);

/** verify's exit code and wall time, from its stage. */
function verifyCell(r: Row): string {
  const v = r.stages.find((s) => s.stage === 'verify');
  return v ? `${v.exit ?? '-'}, ${Math.round(v.ms / 1000)}` : '-';
}

function cells(r: Row): string[] {
  const c = r.criteria;
  const mark = (ok: boolean) => (ok ? 'ok' : 'FAIL');
  const req = r.requires ? `${r.requires.resolved}/${r.requires.sites}` : '?';
  const p = r.parity;
  const b = r.bytes;
  return [
    r.folder,
    r.processes ? String(r.processes.length) : '?',
    req,
    r.steps ? showSteps(r.steps) : '?',
    `${kb(b.originalMonolith)} -> ${kb(b.federatedShells)} + rt ${kb(b.runtime)}`,
    p ? `${p.messages} msgs, ${p.processesVerified}/${r.processes?.length ?? '?'} procs, ${p.differences + p.bootErrors} diff` : 'no report',
    p?.coverage ? `${p.coverage.min.toFixed(0)} / ${p.coverage.median.toFixed(0)} %` : '-',
    verifyCell(r),
    `${showCounts(r.ownTests.before)} | ${showCounts(r.ownTests.afterApply)} | ${showCounts(r.ownTests.afterRollback)}`,
    r.rollback.exit === null
      ? `not run (${r.rollback.exact ? 'tree exact' : 'tree NOT exact'})`
      : `${r.rollback.exact ? 'exact' : 'NOT exact'} (exit ${r.rollback.exit})`,
    (Object.entries(c) as [string, { ok: boolean }][])
      .filter(([, v]) => !v.ok)
      .map(([k]) => k)
      .join(',') || mark(true),
    `${Math.round(r.ms / 1000)}`,
  ];
}

const HEAD = [
  'folder',
  'procs',
  'requires resolved',
  'steps',
  'KB monolith -> shells + runtime',
  'parity',
  'coverage min / median',
  'verify exit, s',
  'own tests before | apply | rollback (pass/fail)',
  'rollback',
  'criteria failed',
  's',
];

export function renderText(rows: Row[]): string {
  const table = [HEAD, ...rows.map(cells)];
  const widths = HEAD.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  return table
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderMarkdown(rows: Row[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${HEAD.map(esc).join(' | ')} |`, `| ${HEAD.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join(
    '\n',
  );
}

/** Every failing stage (code and first line) and every unmet criterion, per folder. */
export function renderFailures(rows: Row[]): string {
  const out: string[] = [];
  for (const r of rows) {
    const lines: string[] = [];
    for (const s of r.stages) {
      if (s.ok) continue;
      lines.push(s.skipped ? `  ${s.stage}: skipped (${s.skipped})` : `  ${s.stage}: exit ${s.exit ?? '-'} ${s.code ?? ''} ${s.message ?? ''}`.trimEnd());
    }
    for (const [k, v] of Object.entries(r.criteria)) if (!v.ok) lines.push(`  criterion ${k}: ${v.why ?? ''}`);
    const d = r.rollback.sinceApply;
    const list = (label: string, xs: string[]) =>
      xs.length && lines.push(`  ${label}: ${xs.slice(0, 8).join(', ')}${xs.length > 8 ? `, ... (${xs.length})` : ''}`);
    if (d) {
      list('changed since apply', d.changed);
      list('missing since apply', d.missing);
      list('extra since apply', d.extra);
    }
    if (r.rollback.sinceInput && describeDiff(r.rollback.sinceInput) !== 'identical') {
      list('changed since the input', r.rollback.sinceInput.changed);
      list('missing since the input', r.rollback.sinceInput.missing);
      list('extra since the input', r.rollback.sinceInput.extra);
    }
    if (r.ownTests.verifyStatus && !['same', 'none'].includes(r.ownTests.verifyStatus)) lines.push(`  verify's own-tests status: ${r.ownTests.verifyStatus}`);
    list('not verified', r.parity?.notVerified ?? []);
    list('coverage under 90 %', r.parity?.coverage?.below90 ?? []);
    if (r.parity?.firstDifference) lines.push(`  first parity difference: ${r.parity.firstDifference}`);
    if (lines.length) out.push(`${r.folder}:`, ...lines);
  }
  return out.join('\n');
}
