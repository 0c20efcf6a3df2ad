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
  const baseline = { stored: '.migrate/baseline (the monolith before the first step)', current: 'the current monolith (no stored baseline)', disk: 'the monolith of the sources on disk' }[report.baseline];
  lines.push(`Baseline: ${baseline}; modes: ${report.modes.join(', ')}; errored messages: state ${report.discardErrored ? 'discarded (CU semantics)' : 'kept (live mode)'}`);
  for (const n of report.notes) lines.push(c.yellow(`note: ${n}`));
  for (const r of report.runs) lines.push(renderRunLine(r, color));
  const firstBad = report.runs.find((r) => !r.ok);
  if (firstBad) lines.push('', renderDifference(firstBad, color));
  const bad = report.runs.filter((r) => !r.ok).length;
  lines.push(
    '',
    report.ok
      ? c.green(`Parity: ${report.messagesVerified} messages verified in ${report.runs.length} run(s), no difference.`)
      : c.red(`Parity: ${bad} of ${report.runs.length} run(s) differ.`),
  );
  return lines.join('\n');
}
