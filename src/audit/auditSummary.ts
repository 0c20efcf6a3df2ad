// The text `migrate audit` prints: one table of processes (closure, bundle bytes, shared vs
// specific, the shell after the split), the projected split, duplicate counts with the
// largest findings, and every problem as file:line:col.
import pc from 'picocolors';
import type { AuditReport } from './runAudit.ts';

const num = (n: number): string => n.toLocaleString('en-US');

function table(rows: string[][], rightAligned: Set<number>): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function renderAuditSummary(report: AuditReport, opts: { color?: boolean; top?: number } = {}): string {
  const c = pc.createColors(Boolean(opts.color));
  const out: string[] = [];
  const s = report.summary;
  out.push(
    c.bold(`Audit of ${report.project}`) + ` (source root ${report.sourceRoot}): ${num(s.files)} Lua files, ${num(s.luaBytes)} bytes, ${s.processes} processes`,
  );
  out.push('');
  const rows = [['process', 'modules', 'lines', 'functions', 'bundle bytes', 'shared', 'specific', 'shell -%']];
  for (const p of report.processes) {
    rows.push([
      p.name,
      num(p.modules.length),
      num(p.lines),
      num(p.functions),
      num(p.bundleBytes),
      num(p.sharedBytes),
      num(p.specificBytes),
      `${p.shellReductionPct.toFixed(1)}%`,
    ]);
  }
  out.push(table(rows, new Set([1, 2, 3, 4, 5, 6, 7])));
  const sp = report.split;
  out.push('');
  out.push(
    `Shared-runtime split (modules in >= ${sp.shareThreshold} processes): runtime ${num(sp.runtimeBytes)} bytes in ${sp.runtimeModules.length} modules; ` +
      `all bundles ${num(sp.monolithTotalBytes)} -> runtime + shells ${num(sp.federatedTotalBytes)} bytes (${c.bold(`-${sp.reductionPct.toFixed(1)}%`)})`,
  );
  if (sp.budgets.runtimeOver)
    out.push(c.yellow(`  runtime over its budget (${num(sp.budgets.runtimeBytes)} bytes; budgets apply to raw bytes (unminified), as in plan and size)`));
  if (sp.budgets.shellsOver.length) out.push(c.yellow(`  shells over budget (${num(sp.budgets.shellBytes)} raw bytes): ${sp.budgets.shellsOver.join(', ')}`));
  out.push('');
  const d = s.duplicates;
  out.push(
    `Duplicates: ${d['exact-file']} exact files, ${d['type-1']} type-1, ${d['type-2']} type-2, ${d.near} near, ${d.drifted} drifted; ${num(s.redundantBytes)} redundant bytes in copies`,
  );
  const top = opts.top ?? 12;
  for (const f of report.duplicates.slice(0, top)) {
    const where = f.members.map((m) => `${m.path}:${m.startLine}-${m.endLine}`).join(', ');
    const sim = f.kind === 'near' || f.kind === 'drifted' ? ` ${(f.similarity * 100).toFixed(0)}%` : '';
    const kind = f.kind === 'drifted' ? c.red(f.kind) : f.kind;
    out.push(`  ${f.id} ${kind}${sim} ${f.unit} x${f.members.length} [${f.processes.join(', ')}]: ${where}`);
    for (const change of f.signatureChanges ?? []) out.push(`      signature: ${change}`);
  }
  if (report.duplicates.length > top) out.push(`  ... ${report.duplicates.length - top} more in audit.json / audit.html`);
  out.push('');
  // Externals and blocked processes only when there are some (most projects have neither).
  const externals = report.processes.filter((p) => p.externals?.length);
  if (externals.length) out.push(`Externals (left to the deployment): ${externals.map((p) => `${p.name}: ${p.externals!.join(', ')}`).join('; ')}`);
  const blocked = report.processes.filter((p) => p.unresolved?.length);
  if (blocked.length)
    out.push(
      c.yellow(
        `Not bundleable (a require resolves to nothing): ${blocked.map((p) => `${p.name} (${p.unresolved![0]!.path}:${p.unresolved![0]!.line}: ${p.unresolved![0]!.name})`).join(', ')}`,
      ),
    );
  if (externals.length || blocked.length) out.push('');
  if (report.problems.length === 0) out.push('Problems: none');
  else {
    out.push(`Problems: ${report.problems.length}`);
    for (const p of report.problems) {
      const loc = p.line ? `${p.path}:${p.line}:${p.column}` : p.path;
      const kind = p.kind === 'parse-error' || p.kind === 'missing-entry' ? c.red(p.kind) : c.yellow(p.kind);
      out.push(`  ${loc}: ${kind}: ${p.message}`);
    }
  }
  if (report.ts && 'error' in report.ts) out.push(c.yellow(`TS audit failed: ${report.ts.error}`));
  return out.join('\n');
}
