// One folder's line of the real-world table, as written to reports/real-world.json (validated
// with zod before it is written; described in docs/real-world.md), and the "done when" criteria
// of issue 14 evaluated on it.
import { z } from 'zod';

const counts = z.object({ passed: z.number(), failed: z.number(), errors: z.number(), pending: z.number() });
/** A run of the project's own suites: counts, or why there are none ('none', 'not run: ...', 'error: ...'). */
const suiteOutcome = z.union([counts, z.string()]);
const treeDiff = z.object({ changed: z.array(z.string()), missing: z.array(z.string()), extra: z.array(z.string()) });
const check = z.object({ ok: z.boolean(), why: z.string().optional() });

export const stageSchema = z.object({
  stage: z.string(),
  command: z.string(),
  exit: z.number().nullable(),
  ms: z.number(),
  ok: z.boolean(),
  skipped: z.string().optional(),
  code: z.string().optional(),
  message: z.string().optional(),
});

export const rowSchema = z.object({
  folder: z.string(),
  input: z.string(),
  ms: z.number(),
  processes: z.array(z.object({ name: z.string(), entry: z.string() })).nullable(),
  /** Entries whose path looks like build output, a patch, a mock, a test or an example (the harness's own rule). */
  suspectEntries: z.array(z.string()),
  requires: z.object({ sites: z.number(), resolved: z.number(), unexplained: z.number().nullable() }).nullable(),
  steps: z.object({ applied: z.number(), total: z.number(), states: z.record(z.string(), z.number()) }).nullable(),
  bytes: z.object({
    originalMonolith: z.number().nullable(),
    federatedShells: z.number().nullable(),
    runtime: z.number().nullable(),
    hybridShells: z.number().nullable(),
  }),
  parity: z
    .object({
      ok: z.boolean(),
      messages: z.number(),
      runs: z.number(),
      differences: z.number(),
      bootErrors: z.number(),
      processesVerified: z.number(),
      firstDifference: z.string().optional(),
      /** Processes verify names as not verified, with its reason (`parity.skipped`, when verify reports it). */
      notVerified: z.array(z.string()).optional(),
      /** Handler coverage of the verified processes (percent): lowest and median, and each process under 90 % with its unreached handlers. */
      coverage: z
        .object({ min: z.number(), median: z.number(), below90: z.array(z.string()) })
        .nullable()
        .optional(),
    })
    .nullable(),
  ownTests: z.object({ before: suiteOutcome, afterApply: suiteOutcome, afterRollback: suiteOutcome, verifyStatus: z.string().nullable() }),
  rollback: z.object({ exit: z.number().nullable(), sinceApply: treeDiff.nullable(), sinceInput: treeDiff, exact: z.boolean() }),
  inputUntouched: z.boolean(),
  stages: z.array(stageSchema),
  criteria: z.object({
    noInternal: check,
    entries: check,
    requires: check,
    stepsApplied: check,
    parity: check,
    ownTests: check,
    rollback: check,
  }),
});

export type Row = z.infer<typeof rowSchema>;
export type Criteria = Row['criteria'];
type Counts = z.infer<typeof counts>;

export const reportSchema = z.object({
  schema: z.literal('ao-federate/real-world@1'),
  generatedAt: z.string(),
  commit: z.string().nullable(),
  node: z.string(),
  ok: z.boolean(),
  ciOk: z.boolean(),
  rows: z.array(rowSchema),
});
export type RealWorldReport = z.infer<typeof reportSchema>;

/** Path segments and names that mark a file as not a process entry (build output, patch, mock, test, example). */
const SUSPECT_SEGMENT = /^(build|dist|process-dist|patches|patch|mocks?|__mocks__|specs?|tests?|examples?|experiments?)$/i;
const SUSPECT_NAME = /(_spec|_test|\.test|\.spec)\.lua$/i;

export function suspectEntries(entries: { entry: string }[]): string[] {
  return entries
    .map((e) => e.entry)
    .filter(
      (p) =>
        p
          .split('/')
          .slice(0, -1)
          .some((s) => SUSPECT_SEGMENT.test(s)) || SUSPECT_NAME.test(p),
    );
}

const sameCounts = (a: Counts, b: Counts): boolean => a.passed === b.passed && a.failed === b.failed && a.errors === b.errors && a.pending === b.pending;
export const showCounts = (o: z.infer<typeof suiteOutcome>): string =>
  typeof o === 'string' ? o : `${o.passed}/${o.failed}${o.errors ? `+${o.errors}e` : ''}${o.pending ? ` ${o.pending}p` : ''}`;

/** A decision kept apart is 'skipped' by design (no merge, no behaviour change): it counts as done. */
const stepsDone = (s: NonNullable<Row['steps']>): number => (s.states.applied ?? 0) + (s.states.skipped ?? 0);
export const showSteps = (s: NonNullable<Row['steps']>): string => `${s.applied}${s.states.skipped ? `+${s.states.skipped} kept apart` : ''}/${s.total}`;

const INTERNAL_CODES = new Set(['INTERNAL', 'CRASH', 'TIMEOUT']);

export function evaluate(row: Omit<Row, 'criteria'>): Criteria {
  const crashed = row.stages.filter((s) => s.code && INTERNAL_CODES.has(s.code));
  const ok = (cond: boolean, why: string) => (cond ? { ok: true } : { ok: false, why });
  const req = row.requires;
  const pct = req && req.sites ? req.resolved / req.sites : 1;
  const { before, afterApply, afterRollback } = row.ownTests;
  let own: { ok: boolean; why?: string };
  if (before === 'none') own = { ok: true };
  else if (typeof before === 'string') own = { ok: false, why: `before: ${before}` };
  else if (typeof afterApply === 'string' || !sameCounts(before, afterApply))
    own = { ok: false, why: `after apply ${showCounts(afterApply)} vs before ${showCounts(before)}` };
  else if (typeof afterRollback === 'string' || !sameCounts(before, afterRollback))
    own = { ok: false, why: `after rollback ${showCounts(afterRollback)} vs before ${showCounts(before)}` };
  else own = { ok: true };
  const procs = row.processes?.length ?? 0;
  const p = row.parity;
  return {
    noInternal: ok(crashed.length === 0, crashed.map((s) => `${s.stage}: ${s.code}`).join(', ')),
    entries: ok(
      row.processes !== null && row.suspectEntries.length === 0,
      row.processes === null ? 'init failed' : `suspect: ${row.suspectEntries.join(', ')}`,
    ),
    requires: ok(
      req !== null && (pct >= 0.95 || req.unexplained === 0),
      req === null
        ? 'init gave no require counts'
        : `${req.resolved}/${req.sites} sites resolved (${(pct * 100).toFixed(1)} %), ${req.unexplained === null ? 'the unresolved ones not explained' : `${req.unexplained} unexplained`}`,
    ),
    stepsApplied: ok(
      row.steps !== null && row.steps.total > 0 && stepsDone(row.steps) === row.steps.total,
      row.steps === null ? 'no plan status' : `${showSteps(row.steps)} (${JSON.stringify(row.steps.states)})`,
    ),
    parity: ok(
      p !== null && p.ok && p.differences === 0 && p.bootErrors === 0 && procs > 0 && p.processesVerified === procs,
      p === null
        ? 'verify gave no parity report'
        : `${p.processesVerified}/${procs} processes verified, ${p.differences} difference(s), ${p.bootErrors} boot error(s)`,
    ),
    ownTests: own,
    rollback: ok(
      row.rollback.exact && row.rollback.exit === 0 && row.inputUntouched,
      !row.inputUntouched
        ? 'the INPUT folder changed'
        : `${row.rollback.exit === null ? 'rollback not run (nothing applied)' : `exit ${row.rollback.exit}`}, ${describeDiff(row.rollback.sinceApply)} since apply, ${describeDiff(row.rollback.sinceInput)} since the input`,
    ),
  };
}

export function describeDiff(d: z.infer<typeof treeDiff> | null): string {
  if (!d) return 'not compared';
  const parts = [
    d.changed.length && `${d.changed.length} changed`,
    d.missing.length && `${d.missing.length} missing`,
    d.extra.length && `${d.extra.length} extra`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'identical';
}

/** CI fails only on crashes (INTERNAL, CRASH, TIMEOUT), a rollback not byte-exact since apply, or an input folder changed. */
export function ciFailure(row: Row): string | undefined {
  if (!row.criteria.noInternal.ok) return row.criteria.noInternal.why;
  if (!row.inputUntouched) return 'the input folder changed';
  if (row.rollback.sinceApply && describeDiff(row.rollback.sinceApply) !== 'identical') return `rollback not exact: ${describeDiff(row.rollback.sinceApply)}`;
  return undefined;
}
