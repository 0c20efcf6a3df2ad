// Text rendering of parity reports for the terminal (the JSON form is the report itself).
import pc from 'picocolors';
import type { ParityReport, ParityRun } from './parity.ts';

function colours(color: boolean) {
  return color ? pc : pc.createColors(false);
}

function truncate(s: string, n = 2000): string {
  return s.length > n ? `${s.slice(0, n)}\n... (${s.length - n} more characters)` : s;
}

export function renderRunLine(r: ParityRun, color = false): string {
  const c = colours(color);
  const verdict = r.ok ? c.green('ok  ') : c.red('DIFF');
  const mem = `mem ${r.memoryKiB.baseline.toFixed(0)} -> ${r.memoryKiB.current.toFixed(0)} KiB`;
  const fallbacks = r.fallbackWarnings.length ? `, ${r.fallbackWarnings.length} fallback warning(s)` : '';
  return `${verdict} ${r.process.padEnd(12)} ${r.mode.padEnd(9)} ${r.trace}  ${r.compared}/${r.messages} messages, ${r.errored} errored${fallbacks}, ${mem}`;
}

/** The first difference of a run: the message, the field, both answers, a diff. */
export function renderDifference(r: ParityRun, color = false): string {
  const c = colours(color);
  const out: string[] = [];
  if (r.bootError) out.push(c.bold(`Boot failed: ${r.process} (${r.mode}): ${r.bootError}`));
  const d = r.firstDifference;
  if (d) {
    out.push(c.bold(`First difference: ${r.process} (${r.mode}), ${r.trace}:${d.line} (message #${d.index + 1}), field ${d.field}`));
    out.push(`  message:  ${JSON.stringify(d.message)}`);
    out.push(`  baseline: ${truncate(JSON.stringify(d.expected))}`);
    out.push(`  current:  ${truncate(JSON.stringify(d.actual))}`);
    out.push(
      truncate(d.diff, 6000)
        .split('\n')
        .map((l) => (l.startsWith('+') ? c.green(l) : l.startsWith('-') ? c.red(l) : l))
        .join('\n'),
    );
  }
  for (const s of r.snapshotDifferences) {
    out.push(c.bold(`State difference after ${r.trace}: ${r.process} (${r.mode}), ${s.field}`));
    out.push(`  baseline: ${truncate(JSON.stringify(s.expected))}`);
    out.push(`  current:  ${truncate(JSON.stringify(s.actual))}`);
  }
  return out.join('\n');
}

export function renderParityReport(report: ParityReport, color = false): string {
  const c = colours(color);
  const lines: string[] = [];
  const baseline = {
    stored: '.migrate/baseline (the monolith before the first step)',
    current: 'the current monolith (no stored baseline)',
    disk: 'the monolith of the sources on disk',
  }[report.baseline];
  lines.push(
    `Baseline: ${baseline}; modes: ${report.modes.join(', ')}; errored messages: state ${report.discardErrored ? 'discarded (CU semantics)' : 'kept (live mode)'}`,
  );
  for (const n of report.notes) lines.push(c.yellow(`note: ${n}`));
  for (const r of report.runs) lines.push(renderRunLine(r, color));
  for (const f of report.probesWritten) lines.push(c.dim(`probes written: ${f}`));
  const firstBad = report.runs.find((r) => !r.ok);
  if (firstBad) lines.push('', renderDifference(firstBad, color));
  const order = report.runs.filter((r) => r.orderOnly.length);
  if (order.length) {
    lines.push('', 'Order-only differences (printed lines in another order; a difference only with --strict-order):');
    for (const r of order) lines.push(`  ${r.process} (${r.mode}) ${r.trace}: line(s) ${r.orderOnly.map((o) => o.line).join(', ')}`);
  }
  const cov = Object.entries(report.coverage);
  if (cov.length) {
    lines.push('', 'Handler coverage (handlers reached / registered, baseline side):');
    for (const [p, v] of cov) {
      lines.push(
        `  ${p.padEnd(16)} ${String(v.reached.length).padStart(4)} / ${String(v.registered.length).padEnd(4)} ${v.percent.toFixed(0).padStart(3)} %${v.unreached.length ? `  never reached: ${v.unreached.join(', ')}` : ''}`,
      );
      for (const n of v.unreached) if (v.why?.[n]) lines.push(c.dim(`      ${n}: ${v.why[n]}`));
    }
  }
  for (const s of report.skipped) lines.push(c.yellow(`SKIPPED ${s.process}: ${s.reason}`));
  const bad = report.runs.filter((r) => !r.ok).length;
  lines.push('');
  if (bad) lines.push(c.red(`Parity: ${bad} of ${report.runs.length} run(s) differ.`));
  else if (report.nothingCompared) {
    lines.push(c.red('Parity: nothing was compared (no handler to probe and no trace): NOT verified.'));
    lines.push('hint: check that the processes register handlers (Handlers.add), run `migrate trace probe`, or record a trace with `migrate trace record`');
  } else if (report.skipped.length)
    lines.push(c.red(`Parity: ${report.messagesVerified} messages verified, no difference; ${report.skipped.length} process(es) NOT verified (see SKIPPED).`));
  else lines.push(c.green(`Parity: ${report.messagesVerified} messages verified in ${report.runs.length} run(s), no difference.`));
  return lines.join('\n');
}
