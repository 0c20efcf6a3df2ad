// The project's own tests before and after: the run stored with the monolith baseline (before the
// first step of the plan, in .migrate/baseline/own-tests.json) against a run of the current
// sources. Any change in a suite's counts (passed, failed, errors, pending) is a difference;
// no suite, busted missing or no stored run are reported as such, never as a pass.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MigrateError } from '../errors.ts';
import { ownTestsRunSchema, runOwnTests, type OwnTestsOptions, type OwnTestsRun, type SpecCounts } from './ownTests.ts';

export const OWN_TESTS_FILE = 'own-tests.json';

const fileSchema = z.object({ version: z.literal(1), run: ownTestsRunSchema });

/** Runs the suites of `root` and stores the run in `baselineDir`, unless one is stored already. */
export function ensureOwnTestsBaseline(baselineDir: string, root: string, opts: OwnTestsOptions = {}): { created: boolean; run?: OwnTestsRun } {
  const file = path.join(baselineDir, OWN_TESTS_FILE);
  if (existsSync(file)) return { created: false };
  const run = runOwnTests(root, opts);
  mkdirSync(baselineDir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify({ version: 1, run }, null, 2)}\n`);
  renameSync(tmp, file);
  return { created: true, run };
}

/** The stored run, or undefined when none was stored. */
export function readOwnTestsBaseline(baselineDir: string): OwnTestsRun | undefined {
  const file = path.join(baselineDir, OWN_TESTS_FILE);
  if (!existsSync(file)) return undefined;
  let parsed;
  try {
    parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new MigrateError('VERIFY-032', `own tests baseline is not JSON: ${(e as Error).message}`, {
      location: { file },
      hint: 'delete it: verify then reports the current run without a comparison',
    });
  }
  if (!parsed.success) {
    throw new MigrateError('VERIFY-032', `own tests baseline is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
      location: { file },
      hint: 'delete it: verify then reports the current run without a comparison',
    });
  }
  return parsed.data.run;
}

export interface OwnTestsReport {
  /** true: same counts; false: a count changed; null: nothing to compare (see status). */
  ok: boolean | null;
  status: 'none' | 'not-run' | 'no-baseline' | 'same' | 'changed';
  before: OwnTestsRun | null;
  after: OwnTestsRun;
  /** One line per suite whose results changed. */
  changes: string[];
}

export const formatCounts = (c: SpecCounts): string =>
  `${c.passed} passed, ${c.failed} failed${c.errors ? `, ${c.errors} errors` : ''}${c.pending ? `, ${c.pending} pending` : ''}`;

function suiteChanges(before: Extract<OwnTestsRun, { status: 'ran' }>, after: Extract<OwnTestsRun, { status: 'ran' }>): string[] {
  const dirs = [...new Set([...before.suites, ...after.suites].map((s) => s.dir))].sort();
  const out: string[] = [];
  for (const dir of dirs) {
    const b = before.suites.find((s) => s.dir === dir);
    const a = after.suites.find((s) => s.dir === dir);
    if (!b || !a) {
      out.push(`${dir}: suite ${b ? 'gone' : 'new'}`);
      continue;
    }
    const fields = (['passed', 'failed', 'errors', 'pending'] as const)
      .filter((k) => b.counts[k] !== a.counts[k])
      .map((k) => `${k} ${b.counts[k]} -> ${a.counts[k]}`);
    if (b.status !== a.status) fields.unshift(`${b.status} -> ${a.status}`);
    if (fields.length) out.push(`${dir}: ${fields.join(', ')}${a.firstProblem ? ` (first: ${a.firstProblem})` : ''}`);
  }
  return out;
}

export function compareOwnTests(before: OwnTestsRun | undefined, after: OwnTestsRun): OwnTestsReport {
  const base = { before: before ?? null, after, changes: [] as string[] };
  if (after.status === 'none') return { ...base, ok: null, status: 'none' };
  if (after.status === 'not-run') return { ...base, ok: null, status: 'not-run' };
  if (!before || before.status !== 'ran') return { ...base, ok: null, status: 'no-baseline' };
  const changes = suiteChanges(before, after);
  return { ...base, ok: changes.length === 0, status: changes.length ? 'changed' : 'same', changes };
}

/** Compares a run of the current sources with the stored baseline run. */
export function verifyOwnTests(root: string, baselineDir: string, opts: OwnTestsOptions = {}): OwnTestsReport {
  const before = readOwnTestsBaseline(baselineDir);
  return compareOwnTests(before, runOwnTests(root, opts));
}

export function renderOwnTests(r: OwnTestsReport): string {
  const after = r.after;
  if (after.status === 'none') return 'own tests: none found (no .busted file, no spec/ folder with *_spec.lua)';
  if (after.status === 'not-run') return `own tests: NOT RUN: ${after.reason}; suites: ${after.suites.join(', ')}`;
  const now = formatCounts(after.totals);
  if (r.status === 'no-baseline') {
    const why =
      r.before?.status === 'not-run'
        ? `the run before the first step did not run (${r.before.reason})`
        : 'no run was stored before the first step (it is, when the first step starts, or by verify --save-baseline)';
    return `own tests: ${now}; not compared: ${why}`;
  }
  const was = r.before?.status === 'ran' ? formatCounts(r.before.totals) : '';
  if (r.status === 'same') return `own tests: ${now}, as before the first step`;
  return [`own tests CHANGED: before ${was}; now ${now}`, ...r.changes.map((c) => `  ${c}`)].join('\n');
}
