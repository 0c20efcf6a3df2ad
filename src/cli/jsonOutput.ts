// The public --json vocabulary, mapped from the internal reports at the CLI boundary (so the
// renderers and the HTML report keep their types): one word per idea across commands.
//   - a per-process record names its process `process` (never `name`);
//   - budgets exceeded are `budgetBreaches: [{kind, process, bytes, budgetBytes}]` (never prose);
//   - a percentage is `...ReductionPct` = 100 x (before - after) / before: what was saved.
// Schemas: ./jsonSchemas.ts; documentation: docs/json.md.
import type { AuditReport } from '../audit/runAudit.ts';
import type { SizeReport } from '../bundle/size.ts';
import type { PlanSummary } from '../plan/epicPlanner.ts';

export interface BudgetBreach {
  /** The runtime bundle, or one process's federated shell. */
  kind: 'runtime' | 'shell';
  /** The process of a shell; null for the runtime. */
  process: string | null;
  bytes: number;
  budgetBytes: number;
}

const RUNTIME = 'runtime';

/** reductionPct: 100 x (before - after) / before, one decimal. */
export const reductionPct = (before: number, after: number): number => (before > 0 ? Math.round(((before - after) / before) * 1000) / 10 : 0);

/** audit.json's format: @2 names processes `process` (@1, the in-memory report, says `name`). */
export const AUDIT_JSON_SCHEMA = 'ao-migrate/audit@2';

export function auditJson(report: AuditReport): unknown {
  const { processes, ...rest } = report;
  return { ...rest, schema: AUDIT_JSON_SCHEMA, processes: processes.map(({ name, ...p }) => ({ process: name, ...p })) };
}

export function planJson(file: string, summary: PlanSummary, budgets: { runtimeBytes: number; shellBytes: number }): unknown {
  const sizes = summary.sizes.map((s) => ({
    process: s.process,
    beforeBytes: s.beforeBytes,
    afterBytes: s.afterBytes,
    reductionPct: reductionPct(s.beforeBytes, s.afterBytes),
  }));
  const budgetBreaches: BudgetBreach[] = summary.sizes
    .map((s) =>
      s.process === RUNTIME
        ? { kind: 'runtime' as const, process: null, bytes: s.afterBytes, budgetBytes: budgets.runtimeBytes }
        : { kind: 'shell' as const, process: s.process, bytes: s.afterBytes, budgetBytes: budgets.shellBytes },
    )
    .filter((b) => b.bytes > b.budgetBytes);
  return { file, stepsPerStory: summary.stepsPerStory, decisions: summary.decisions, sizes, budgetBreaches };
}

export function sizeJson(report: SizeReport): unknown {
  const { processes, overBudget: _prose, budgetBreaches, ...rest } = report;
  return { ...rest, processes: processes.map(({ name, ...p }) => ({ process: name, ...p })), budgetBreaches: budgetBreaches satisfies BudgetBreach[] };
}
