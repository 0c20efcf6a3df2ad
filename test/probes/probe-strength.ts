// `npm run probe-strength -- [--project dir] [--n 30] [--seed 1] [--json]`: how many planted
// behaviour changes `migrate verify` catches on probes alone (the kill rate). On a scratch copy
// of the project (default: the embedded example): the configured hand-written traces are
// removed, the whole plan is applied when it is not yet (decisions: keep-apart), then one
// mutant at a time is written into the migrated sources, verified (federated build against
// the baseline monolith, the processes whose bundle the mutant changes), and reverted.
// A mutant in a file no process bundles is not a behaviour change: listed apart.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadProject } from '../../src/config/loadProject.ts';
import { listLuaFiles } from '../../src/graph/luaFiles.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { buildFor } from '../../src/verify/bootBuilds.ts';
import { verifyParity } from '../../src/verify/parity.ts';
import { verifyWorldProbes } from '../../src/verify/probes/worldProbes.ts';
import type { WorldRun } from '../../src/verify/worldParity.ts';
import { applyMutant, chooseMutants, deadFunctions, mutationSites, reachMutant, type Mutant } from './mutants.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '..', '..', 'bin', 'migrate.mjs');

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function migrate(dir: string, ...args: string[]): void {
  const r = spawnSync(process.execPath, [cli, ...args, '--project', dir], { encoding: 'utf8' });
  // plan exits 1 over a budget, decide when nothing is open: both still wrote what is needed
  if (r.status !== 0 && !((args[0] === 'decide' || args[0] === 'plan') && r.status === 1))
    throw new Error(`migrate ${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(`Usage: npm run probe-strength -- [--project dir] [--n 30] [--seed 1] [--json]

Plants N small behaviour changes (a constant +1, a comparison flipped, a field dropped from a
table passed to a call), one at a time, in the migrated sources of a scratch copy of the project
(default: the embedded example; its hand-written traces removed, the plan applied with
keep-apart) and reports how many \`migrate verify\` catches on probes alone (the kill rate).

  --project dir   project to copy (read-only: the copy is made in the OS temp directory)
  --n N           number of mutants (default 30), a third of each kind where there are sites
  --seed S        PRNG seed choosing the mutants (default 1): the same seed gives the same mutants
  --no-world      per-process probes only (no world probes: every process's probes in one world)
  --only f:l,...  of the chosen mutants, run only those at these file:line sites (re-checking survivors)
  --no-reach      skip the check of whether the probes run each survivor's site
  --json          the summary and every outcome as JSON

Counted: mutants that change some process's bundle. Listed apart, not counted: mutants in
files no process bundles, mutants the bundler refuses (never a kill), mutants in processes whose
baseline does not boot on aos (noboot: not verified, never a kill), and mutants in code aos
never runs (the fallback branch of a pcall(require, "json") aos always satisfies, or a
function nothing references by name anywhere in the project).`);
  process.exit(0);
}

const source = path.resolve(arg('project', path.join(here, '..', '..', 'examples', 'pokerogue-ao'))!);
const n = Number(arg('n', '30'));
const seed = Number(arg('seed', '1'));
const json = process.argv.includes('--json');
const noWorld = process.argv.includes('--no-world');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'probe-strength-'));
const dir = path.join(scratch, path.basename(source));
cpSync(source, dir, { recursive: true, filter: (p) => !/[/\\](node_modules|build)$/.test(p) });

// probes alone: no hand-written trace, no world scenario
const configFile = path.join(dir, 'migrate.config.json');
const config = JSON.parse(readFileSync(configFile, 'utf8')) as { processes: { traces?: string[] }[] };
for (const p of config.processes) p.traces = [];
writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
rmSync(path.join(dir, 'traces', 'world'), { recursive: true, force: true });
// probe files are synthesised afresh (a copied one may come from an older synthesiser)
rmSync(path.join(dir, 'traces', 'probes'), { recursive: true, force: true });
if (!existsSync(path.join(dir, '.migrate', 'baseline'))) {
  migrate(dir, 'plan');
  migrate(dir, 'decide', '--all', 'keep-apart');
  migrate(dir, 'apply', '--all', '--allow-dirty');
}
// a plan with nothing to apply (federating pays for no process) stores no baseline: store it
// now, or verify would take each mutated monolith as its own baseline and catch nothing
if (!existsSync(path.join(dir, '.migrate', 'baseline', 'baseline.json'))) migrate(dir, 'verify', '--save-baseline');

const project = loadProject({ project: dir, cwd: dir });
const files = listLuaFiles(project.config, new DiskWorkspace(dir));
const texts = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'latin1')]));
const sites = files.flatMap((f) => {
  const text = texts.get(f)!;
  const dead = deadFunctions(
    text,
    [...texts].filter(([g]) => g !== f).map(([, t]) => t),
  );
  return mutationSites(f, text).map((m) => {
    const d = dead.find(([a, b]) => m.start >= a && m.end <= b);
    return d && !m.unreachable ? { ...m, unreachable: d[2] } : m;
  });
});
const only = arg('only')?.split(',');
const mutants = chooseMutants(sites, n, seed).filter((m) => !only || only.includes(`${m.file}:${m.line}`));
const before = await buildFor(project, 'monolith');
const bundleOf = (b: typeof before, p: string) => b.files.find((f) => f.kind === 'monolith' && f.process === p)?.content;

// A runtime module listed in runtime/manifest.json carries its hash: a mutant there is a
// runtime release, so its hash is updated with it (else the bundler refuses it, BUNDLE-005).
const manifestFile = path.join(dir, project.config.runtime.dir, 'manifest.json');
const manifestText = existsSync(manifestFile) ? readFileSync(manifestFile, 'utf8') : undefined;
function rehash(file: string, bytes: string): void {
  if (!manifestText) return;
  const manifest = JSON.parse(manifestText) as { modules?: { path: string; hash?: string }[] };
  const entry = manifest.modules?.find((m) => m.path === file);
  if (!entry?.hash) return;
  entry.hash = createHash('sha256').update(Buffer.from(bytes, 'latin1')).digest('hex');
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Writes a mutant into its file (and a runtime module's new hash); returns what puts both back. */
function plant(m: Mutant): () => void {
  const abs = path.join(dir, m.file);
  const original = texts.get(m.file)!;
  const mutated = applyMutant(original, m);
  writeFileSync(abs, mutated, 'latin1');
  rehash(m.file, mutated);
  return () => {
    writeFileSync(abs, original, 'latin1');
    if (manifestText) writeFileSync(manifestFile, manifestText);
  };
}

interface Outcome {
  mutant: Mutant;
  processes: string[];
  caught: boolean;
  first?: string;
  ms: number;
  refused?: string;
  /** The mutated processes do not boot as the baseline (e.g. a module aos lacks): not counted. */
  notVerified?: string;
  /** Caught by the world probes only (the per-process probes passed). */
  by?: 'world';
  /** A survivor: whether some probe runs its site (reachMutant); unset for the others. */
  reached?: boolean;
}
const outcomes: Outcome[] = [];
// the baseline world is the same for every mutant: run once
const worldBaseline = new Map<string, WorldRun>();
// a dry run first (as mutation testers do): probes that differ on the code as it is (a reply
// that prints a table's address, a probe file from another synthesiser) would count every
// mutant as caught
{
  const dry = await verifyParity(project, { modes: ['federated'] });
  const dryWorld = noWorld ? undefined : await verifyWorldProbes(project, { modes: ['federated'], baselineCache: worldBaseline });
  const bad = dry.runs.find((r) => !r.ok) ?? dryWorld?.runs.find((r) => !r.ok);
  if (bad) {
    console.error(
      `probe-strength: the probes differ on the unmutated code (${'process' in bad ? `${bad.process} ${bad.trace}` : 'world'}): no kill rate can be measured`,
    );
    process.exit(1);
  }
}
const worldErrors = new Set<string>();
for (const m of mutants) {
  const restore = plant(m);
  const t0 = performance.now();
  try {
    const after = await buildFor(project, 'monolith');
    const processes = project.config.processes.map((p) => p.name).filter((p) => bundleOf(before, p) !== bundleOf(after, p));
    if (processes.length === 0) {
      outcomes.push({ mutant: m, processes, caught: false, ms: performance.now() - t0 });
      continue;
    }
    const report = await verifyParity(project, { processes, modes: ['federated'] });
    // processes whose baseline does not boot are not verified (never a pass, never a kill)
    const unverified = report.skipped.filter((x) => processes.includes(x.process));
    if (unverified.length === processes.length && report.runs.every((r) => r.ok)) {
      outcomes.push({ mutant: m, processes, caught: false, notVerified: unverified[0]!.reason, ms: performance.now() - t0 });
      continue;
    }
    const bad = report.runs.find((r) => !r.ok);
    const d = bad?.firstDifference;
    let first = bad
      ? d
        ? `${bad.process} ${bad.trace}:${d.line} ${d.field}`
        : bad.bootError
          ? `${bad.process} boot: ${bad.bootError.slice(0, 120)}`
          : `${bad.process} state ${bad.snapshotDifferences[0]?.field}`
      : undefined;
    // what the per-process probes miss: the same probes in one world (peers answer)
    let world: Awaited<ReturnType<typeof verifyWorldProbes>>;
    try {
      world = report.ok && !noWorld ? await verifyWorldProbes(project, { modes: ['federated'], baselineCache: worldBaseline }) : undefined;
    } catch (e) {
      // a world that cannot run (a process that boots alone but not among the others) adds
      // nothing: the per-process verdict stands, the reason is listed
      worldErrors.add((e as Error).message.split('\n')[0]!);
      world = undefined;
    }
    if (world?.notRun) worldErrors.add(world.notRun.split('\n')[0]!);
    const wbad = world?.runs.find((r) => !r.ok);
    if (wbad) {
      const wd = wbad.firstDifference;
      first = wd
        ? `world ${wd.file}:${wd.line} event #${wd.event + 1}`
        : `world state ${wbad.snapshotDifferences[0]?.process}: ${wbad.snapshotDifferences[0]?.field}`;
    }
    outcomes.push({
      mutant: m,
      processes,
      caught: !report.ok || Boolean(wbad),
      ...(first ? { first } : {}),
      ...(wbad ? { by: 'world' as const } : {}),
      ms: performance.now() - t0,
    });
  } catch (e) {
    // a mutant the bundler refuses (e.g. a runtime module whose manifest hash no longer
    // matches) never reaches verify: listed apart, not counted either way
    outcomes.push({ mutant: m, processes: [], caught: false, refused: (e as Error).message.split('\n')[0]!, ms: performance.now() - t0 });
  } finally {
    restore();
  }
  if (!json) {
    const o = outcomes.at(-1)!;
    const label = o.refused
      ? 'refused'
      : o.notVerified
        ? 'noboot '
        : o.processes.length === 0
          ? 'unused '
          : o.caught
            ? 'caught '
            : m.unreachable
              ? 'unreach'
              : 'SURVIVED';
    console.log(
      `${label} ${m.kind.padEnd(13)} ${m.file}:${m.line} ${m.what}${o.first ? `  -> ${o.first}` : ''}${o.refused ? `  (bundler: ${o.refused.slice(0, 100)})` : ''}${o.notVerified ? `  (not verified: ${o.notVerified.slice(0, 80)})` : ''}${m.unreachable && !o.caught ? `  (no message runs it: ${m.unreachable})` : ''} (${(o.ms / 1000).toFixed(1)} s)`,
    );
  }
}
// Survivors: do the probes run the site at all? (the same site made to fail loudly, verified
// per process). A survivor the probes never run needs new inputs; one they run, sharper checks.
if (!process.argv.includes('--no-reach'))
  for (const o of outcomes.filter((x) => !x.caught && !x.refused && !x.notVerified && x.processes.length > 0)) {
    const restore = plant(reachMutant(o.mutant, texts.get(o.mutant.file)!));
    try {
      o.reached = !(await verifyParity(project, { processes: o.processes, modes: ['federated'] })).ok;
    } catch {
      o.reached = undefined;
    } finally {
      restore();
    }
    if (!json) console.log(`${o.reached ? 'reached' : 'unrun  '} ${o.mutant.file}:${o.mutant.line} ${o.mutant.what}`);
  }
// code no message runs (aos fallbacks, functions nothing references): listed, not counted (a kill there would count: it is a real difference)
const unreachable = outcomes.filter((o) => o.mutant.unreachable && !o.caught && !o.refused && o.processes.length > 0);
const notVerified = outcomes.filter((o) => o.notVerified);
const counted = outcomes.filter((o) => o.processes.length > 0 && !unreachable.includes(o) && !o.notVerified);
const caught = counted.filter((o) => o.caught).length;
const summary = {
  project: source,
  seed,
  mutants: outcomes.length,
  refused: outcomes.filter((o) => o.refused).length,
  unused: outcomes.filter((o) => !o.refused && o.processes.length === 0).length,
  notVerified: notVerified.length,
  unreachableOnAos: unreachable.map((o) => `${o.mutant.file}:${o.mutant.line} ${o.mutant.what}`),
  counted: counted.length,
  caught,
  caughtByWorldOnly: counted.filter((o) => o.by === 'world').length,
  worldErrors: [...worldErrors],
  killRate: counted.length ? caught / counted.length : 0,
  /** Survivors whose site no probe runs (needs new inputs), and the kill rate of the sites the probes run. */
  survivorsNotRun: counted.filter((o) => !o.caught && o.reached === false).length,
  killRateOfRun: (() => {
    const run = counted.filter((o) => o.caught || o.reached === true);
    return run.length ? caught / run.length : 0;
  })(),
  byKind: Object.fromEntries(
    ['constant', 'comparison', 'dropped-field'].map((k) => {
      const c = counted.filter((o) => o.mutant.kind === k);
      return [k, `${c.filter((o) => o.caught).length}/${c.length}`];
    }),
  ),
};
if (json) console.log(JSON.stringify({ ...summary, outcomes }, null, 2));
else
  console.log(
    `\nKill rate: ${caught}/${counted.length} = ${(summary.killRate * 100).toFixed(0)} %; of the sites the probes run: ${(summary.killRateOfRun * 100).toFixed(0)} % (${summary.survivorsNotRun} survivor(s) in code no probe runs) (seed ${seed}, ${outcomes.length} mutant(s); ${summary.unused} in files no process bundles, ${summary.refused} refused by the bundler, ${unreachable.length} in code no message runs (aos fallbacks, functions nothing references), ${notVerified.length} in processes that do not boot; by kind ${JSON.stringify(summary.byKind)}; ${summary.caughtByWorldOnly} caught by the world probes only)`,
  );
if (!json) for (const e of worldErrors) console.log(`world probes not run: ${e}`);
rmSync(scratch, { recursive: true, force: true });
process.exitCode = 0;
