// A project's own unit tests (busted suites): found the way the project itself runs them and run
// with Debian's lua5.3 + busted, counting specs through our own output handler (lua/busted-counts.lua). `migrate verify`
// compares a run of the current sources with the one stored before the first step
// (ownTestsBaseline.ts), so a migration that breaks the team's own tests cannot pass unnoticed.
//
// Where a suite is, and how it is run (what the repositories' own CI and scripts do):
// - a `.busted` file: busted is run in its folder as `busted .` (every *_spec file under it),
//   unless the file sets ROOT itself, then as plain `busted`;
// - a `spec/` folder holding `*_spec.lua` that no `.busted` folder above covers: plain `busted`
//   in the folder above it (busted's default ROOT is `spec`).
// Suites run in a temporary copy of the project: a test that writes files never touches the
// user's tree (verify is a read command, and rollback must find every byte as it was).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Folders never searched nor copied: VCS, installed packages, the toolkit's journal. */
const SKIP_DIRS = new Set(['.git', 'node_modules', '.migrate']);

export const INSTALL_HINT = 'apt-get install -y lua5.3 lua-busted';

export interface SuiteSpec {
  /** Folder busted runs in, relative to the project ('.' for the root), '/'-separated. */
  dir: string;
  /** ROOT arguments after the fixed options ([] = busted's default, or the .busted ROOT). */
  roots: string[];
  /** What marked the suite: a `.busted` file or a `spec/` folder. */
  via: '.busted' | 'spec/';
}

const countsSchema = z.object({ passed: z.number().int(), failed: z.number().int(), errors: z.number().int(), pending: z.number().int() });
export type SpecCounts = z.infer<typeof countsSchema>;

export const suiteResultSchema = z.object({
  dir: z.string(),
  command: z.string(),
  /** 'ran': busted reported its counts; 'error': it did not (crash, bad config); 'timeout'. */
  status: z.enum(['ran', 'error', 'timeout']),
  counts: countsSchema,
  /** The first failing or erroring spec (name: message), or why busted gave no report. */
  firstProblem: z.string().optional(),
});
export type SuiteResult = z.infer<typeof suiteResultSchema>;

export const ownTestsRunSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({ status: z.literal('not-run'), reason: z.string(), suites: z.array(z.string()) }),
  z.object({ status: z.literal('ran'), suites: z.array(suiteResultSchema), totals: countsSchema }),
]);
/** One run of every suite of a project: none found, not runnable here, or the results. */
export type OwnTestsRun = z.infer<typeof ownTestsRunSchema>;

export interface OwnTestsOptions {
  /** Commands (default `busted`, `lua5.3`: Debian's packages). */
  busted?: string;
  lua?: string;
  /** Per suite; default 10 minutes. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

/** A `*_spec.lua` file anywhere under `abs` (busted searches ROOT recursively). */
function hasSpecFile(abs: string): boolean {
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some(
    (e) => (e.isFile() && e.name.endsWith('_spec.lua')) || (e.isDirectory() && !SKIP_DIRS.has(e.name) && hasSpecFile(path.join(abs, e.name))),
  );
}

function walk(root: string, rel: string, out: { busted: string[]; spec: string[] }): void {
  const abs = path.join(root, rel);
  let entries;
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch {
    return; // unreadable folder: not a suite we can run
  }
  for (const e of entries) {
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    if (e.isFile() && e.name === '.busted') out.busted.push(rel || '.');
    // Symlinked folders are not followed: a link loop must not hang the search.
    if (!e.isDirectory() || SKIP_DIRS.has(e.name)) continue;
    if (e.name === 'spec' && hasSpecFile(path.join(root, childRel))) out.spec.push(rel || '.');
    walk(root, childRel, out);
  }
}

const covers = (outer: string, inner: string): boolean => outer === '.' || inner === outer || inner.startsWith(`${outer}/`);

/** Every busted suite of the project, sorted by folder. */
export function findSuites(root: string): SuiteSpec[] {
  const found = { busted: [] as string[], spec: [] as string[] };
  walk(root, '', found);
  const suites: SuiteSpec[] = found.busted.map((dir) => {
    const text = readFileSync(path.join(root, dir, '.busted'), 'latin1');
    return { dir, roots: /\bROOT\s*=/.test(text) ? [] : ['.'], via: '.busted' as const };
  });
  for (const dir of found.spec) {
    if (!found.busted.some((b) => covers(b, dir))) suites.push({ dir, roots: [], via: 'spec/' });
  }
  return suites.sort((a, b) => a.dir.localeCompare(b.dir));
}

/** undefined when the command runs, else the reason it does not. */
function missingTool(command: string, args: string[], env: NodeJS.ProcessEnv | undefined): string | undefined {
  const r = spawnSync(command, args, { encoding: 'utf8', env, timeout: 30_000 });
  if (r.error) return (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed' : r.error.message;
  return undefined;
}

const firstLine = (s: string): string =>
  s
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? '';

/** The output handler that prints the counts (busted's own `-o json` prints nothing when a spec errors). */
export const COUNTS_HANDLER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'lua', 'busted-counts.lua');
const MARKER = 'MIGRATE-BUSTED-COUNTS ';

const reportSchema = countsSchema.extend({ firstProblem: z.string().optional() });

/** The handler's line; a `.busted` or a spec may print other lines around it. The last one wins. */
export function parseCountsLine(stdout: string): z.infer<typeof reportSchema> | undefined {
  const line = stdout
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(MARKER));
  if (!line) return undefined;
  try {
    const r = reportSchema.safeParse(JSON.parse(line.slice(MARKER.length)));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

const ZERO: SpecCounts = { passed: 0, failed: 0, errors: 0, pending: 0 };

function runSuite(
  copyRoot: string,
  suite: SuiteSpec,
  opts: Required<Pick<OwnTestsOptions, 'busted' | 'lua' | 'timeoutMs'>> & { env?: NodeJS.ProcessEnv },
): SuiteResult {
  const args = [`--lua=${opts.lua}`, '--no-coverage', '-o', COUNTS_HANDLER, ...suite.roots];
  // What a person would type to run the suite (the handler only changes how results are printed).
  const command = `${suite.dir === '.' ? '' : `cd ${suite.dir} && `}${opts.busted} --lua=${opts.lua} --no-coverage ${suite.roots.join(' ')}`.trim();
  const r = spawnSync(opts.busted, args, {
    cwd: path.join(copyRoot, suite.dir),
    encoding: 'utf8',
    env: opts.env,
    timeout: opts.timeoutMs,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    return { dir: suite.dir, command, status: 'timeout', counts: ZERO, firstProblem: `no report after ${Math.round(opts.timeoutMs / 1000)} s` };
  }
  const report = parseCountsLine(r.stdout ?? '');
  if (!report) {
    const why = firstLine(r.stderr ?? '') || firstLine(r.stdout ?? '') || r.error?.message || `exit ${r.status}`;
    return { dir: suite.dir, command, status: 'error', counts: ZERO, firstProblem: `busted printed no counts: ${why}` };
  }
  const { firstProblem, ...counts } = report;
  return { dir: suite.dir, command, status: 'ran', counts, ...(firstProblem ? { firstProblem: firstLine(firstProblem) } : {}) };
}

export function sumCounts(results: { counts: SpecCounts }[]): SpecCounts {
  return results.reduce(
    (t, r) => ({
      passed: t.passed + r.counts.passed,
      failed: t.failed + r.counts.failed,
      errors: t.errors + r.counts.errors,
      pending: t.pending + r.counts.pending,
    }),
    ZERO,
  );
}

/** Runs every suite of the project at `root` in a temporary copy of it. */
export function runOwnTests(root: string, options: OwnTestsOptions = {}): OwnTestsRun {
  const suites = findSuites(root);
  if (suites.length === 0) return { status: 'none' };
  const opts = { busted: options.busted ?? 'busted', lua: options.lua ?? 'lua5.3', timeoutMs: options.timeoutMs ?? 600_000, env: options.env };
  const dirs = suites.map((s) => s.dir);
  for (const [tool, args] of [
    [opts.lua, ['-v']],
    [opts.busted, ['--version']],
  ] as const) {
    const why = missingTool(tool, [...args], opts.env);
    if (why) return { status: 'not-run', reason: `${tool} ${why} (${INSTALL_HINT})`, suites: dirs };
  }
  const copy = mkdtempSync(path.join(os.tmpdir(), 'migrate-own-tests-'));
  try {
    cpSync(root, copy, { recursive: true, verbatimSymlinks: true, filter: (src) => !SKIP_DIRS.has(path.basename(src)) || src === root });
    const results = suites.map((s) => runSuite(copy, s, opts));
    return { status: 'ran', suites: results, totals: sumCounts(results) };
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
