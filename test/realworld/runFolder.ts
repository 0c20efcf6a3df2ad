// One folder through the whole migration, as a user would run it, on a scratch copy:
// init -> audit -> plan -> decide --all keep-apart -> bundle (the original monolith) -> apply --all
// -> status -> bundle (3 modes) -> verify -> rollback --yes, plus the project's own tests before,
// after apply (verify's report) and after rollback, and the harness's own byte check.
import { chmodSync, cpSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runOwnTests, type OwnTestsRun } from '../../src/verify/ownTests.ts';
import { parseJson, runCli, skippedStage, stageResult, type StageResult } from './cli.ts';
import { evaluate, suspectEntries, type Row } from './row.ts';
import { compareTrees, hashTree, isSame, toolkitOutput, withoutInitGitignore } from './treeHash.ts';

export interface FolderOptions {
  /** Where the copy is made (a folder named after the input is created in it). */
  scratch: string;
  stageTimeoutMs: number;
  keep: boolean;
  log: (line: string) => void;
}

/** Files and folders writable, as a checkout is (the corpora are read-only). */
function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = path.join(dir, e.name);
    if (e.isSymbolicLink()) continue;
    if (e.isDirectory()) makeWritable(abs);
    else chmodSync(abs, lstatSync(abs).mode | 0o200);
  }
}

type Json = Record<string, any>;

export function ownOutcome(run: OwnTestsRun | undefined): Row['ownTests']['before'] {
  if (!run) return 'not reported';
  if (run.status === 'none') return 'none';
  if (run.status === 'not-run') return `not run: ${run.reason}`;
  return run.totals;
}

const sumBytes = (files: Json[] | undefined, kinds: string[]): number | null =>
  Array.isArray(files) ? files.filter((f) => kinds.includes(f.kind)).reduce((n, f) => n + (Number(f.bytes) || 0), 0) : null;

/** Lowest and median handler coverage over verify's processes, and those under 90 % with what they never reached. */
function coverageOf(cov: Record<string, Json> | undefined): NonNullable<Row['parity']>['coverage'] {
  const list = Object.entries(cov ?? {}).map(([proc, c]) => ({ proc, pct: Number(c.percent), unreached: (c.unreached as string[] | undefined) ?? [] }));
  if (!list.length) return null;
  const pcts = list.map((x) => x.pct).sort((a, b) => a - b);
  const mid = pcts.length >> 1;
  const median = pcts.length % 2 ? pcts[mid]! : (pcts[mid - 1]! + pcts[mid]!) / 2;
  const below90 = list.filter((x) => x.pct < 90).map((x) => `${x.proc} ${x.pct.toFixed(0)} % (never reached: ${x.unreached.join(', ')})`);
  return { min: pcts[0]!, median, below90 };
}

/** Parity from verify's report (its exit code also counts the own tests, reported apart). */
function parityOf(verify: Json | undefined): Row['parity'] {
  const p = verify?.parity as Json | undefined;
  if (!p || !Array.isArray(p.runs)) return null;
  const runs = p.runs as Json[];
  const bad = runs.find((r) => !r.ok);
  return {
    ok: p.ok === true && (verify?.world ? verify.world.ok === true : true),
    messages: Number(p.messagesVerified) || 0,
    runs: runs.length,
    differences: runs.filter((r) => !r.ok && !r.bootError).length,
    bootErrors: runs.filter((r) => r.bootError).length,
    processesVerified: new Set(runs.filter((r) => r.compared > 0).map((r) => r.process)).size,
    coverage: coverageOf(p.coverage as Record<string, Json> | undefined),
    ...(Array.isArray(p.skipped) ? { notVerified: (p.skipped as Json[]).map((x) => `${x.process}: ${x.reason}`) } : {}),
    ...(bad ? { firstDifference: `${bad.process} ${bad.mode}: ${String(bad.bootError ?? bad.firstDifference?.field ?? 'snapshot').split('\n')[0]}` } : {}),
  };
}

export async function runFolder(input: string, opts: FolderOptions): Promise<Row> {
  const started = Date.now();
  const folder = path.basename(input);
  const work = path.join(opts.scratch, folder);
  rmSync(work, { recursive: true, force: true });
  const inputHashes = hashTree(input);
  cpSync(input, work, { recursive: true, verbatimSymlinks: true });
  makeWritable(work);
  const stages: StageResult[] = [];
  const cli = async (stage: string, args: string[], okExits: number[] = [0]): Promise<{ r: StageResult; json: Json | undefined }> => {
    opts.log(`  ${folder}: ${stage} (migrate ${args.join(' ')})`);
    const run = await runCli(work, args, opts.stageTimeoutMs);
    const r = stageResult(stage, args, run, okExits);
    stages.push(r);
    if (!r.ok) opts.log(`  ${folder}: ${stage} failed: ${r.code ?? ''} ${r.message ?? ''}`.trimEnd());
    return { r, json: parseJson(run.stdout) as Json | undefined };
  };
  const skip = (stage: string, args: string[], why: string) => stages.push(skippedStage(stage, args, why));

  const ownBefore = runOwnTests(work);
  const init = await cli('init', ['init', '--json']);
  const config = init.r.ok ? (init.json?.config as Json | undefined) : undefined;
  const processes = Array.isArray(config?.processes) ? (config!.processes as Json[]).map((p) => ({ name: String(p.name), entry: String(p.entry) })) : null;
  const detection = init.json?.detection as Json | undefined;
  const unresolved = detection?.unresolved;
  const requires =
    typeof detection?.requireSites === 'number'
      ? {
          sites: detection.requireSites,
          resolved: Number(detection.resolvedSites) || 0,
          unexplained: Array.isArray(unresolved) ? unresolved.filter((u: Json) => !u?.reason).length : null,
        }
      : null;

  let steps: Row['steps'] = null;
  const bytes: Row['bytes'] = { originalMonolith: null, federatedShells: null, runtime: null, hybridShells: null };
  let verifyJson: Json | undefined;
  let rollbackExit: number | null = null;
  let beforeApply: ReturnType<typeof hashTree> | undefined;
  // The harness runs the suites after apply itself: verify may stop before its own run (a bundle
  // error), and its report is cross-checked, not relied on.
  let ownAfterApply: OwnTestsRun | undefined;
  const needInit = 'init failed';
  if (!config) {
    for (const s of [
      'audit',
      'plan',
      'decide',
      'bundle-original',
      'apply',
      'status',
      'bundle-monolith',
      'bundle-federated',
      'bundle-hybrid',
      'verify',
      'rollback',
    ])
      skip(s, [s], needInit);
  } else {
    await cli('audit', ['audit']);
    const plan = await cli('plan', ['plan', '--json'], [0, 1]);
    if (plan.r.ok) await cli('decide', ['decide', '--all', 'keep-apart']);
    else skip('decide', ['decide', '--all', 'keep-apart'], 'plan failed');
    const original = await cli('bundle-original', ['bundle', '--mode', 'monolith', '--json']);
    bytes.originalMonolith = sumBytes(original.json?.files, ['monolith']);
    beforeApply = hashTree(work);
    let applied = false;
    if (plan.r.ok) {
      await cli('apply', ['apply', '--all', '--json']);
      applied = true;
      const status = await cli('status', ['status', '--json'], [0, 1]);
      const list = status.json?.steps as Json[] | undefined;
      if (Array.isArray(list)) {
        const states: Record<string, number> = {};
        for (const s of list) states[String(s.state)] = (states[String(s.state)] ?? 0) + 1;
        steps = { applied: states.applied ?? 0, total: list.length, states };
      }
      ownAfterApply = runOwnTests(work);
    } else {
      skip('apply', ['apply', '--all', '--json'], 'plan failed');
      skip('status', ['status', '--json'], 'plan failed');
    }
    for (const mode of ['monolith', 'federated', 'hybrid'] as const) {
      const b = await cli(`bundle-${mode}`, ['bundle', '--mode', mode, '--json']);
      if (mode === 'federated') {
        bytes.federatedShells = sumBytes(b.json?.files, ['shell']);
        bytes.runtime = sumBytes(b.json?.files, ['runtime']);
      }
      if (mode === 'hybrid') bytes.hybridShells = sumBytes(b.json?.files, ['hybrid-shell']);
    }
    const verify = await cli('verify', ['verify', '--json'], [0, 1]);
    verifyJson = verify.json;
    if (applied) rollbackExit = (await cli('rollback', ['rollback', '--yes', '--json'], [0])).r.exit;
    else skip('rollback', ['rollback', '--yes', '--json'], 'nothing applied');
  }
  const ownAfterRollback = runOwnTests(work);
  const final = hashTree(work);
  const ignore = toolkitOutput(typeof config?.buildDir === 'string' ? config.buildDir : 'build');
  const sinceApply = beforeApply ? compareTrees(beforeApply, final, ignore) : null;
  const sinceInput = compareTrees(inputHashes, withoutInitGitignore(work, inputHashes, final), ignore);
  const inputUntouched = isSame(compareTrees(inputHashes, hashTree(input)));
  const vo = verifyJson?.ownTests as Json | undefined | null;
  const rowBase: Omit<Row, 'criteria'> = {
    folder,
    input,
    ms: Date.now() - started,
    processes,
    suspectEntries: processes ? suspectEntries(processes) : [],
    requires,
    steps,
    bytes,
    parity: parityOf(verifyJson),
    ownTests: {
      before: ownOutcome(ownBefore),
      afterApply: ownAfterApply ? ownOutcome(ownAfterApply) : 'not run: nothing applied',
      afterRollback: ownOutcome(ownAfterRollback),
      verifyStatus: vo ? String(vo.status) : verifyJson ? 'not reported by verify' : 'verify gave no report',
    },
    rollback: { exit: rollbackExit, sinceApply, sinceInput, exact: (!sinceApply || isSame(sinceApply)) && isSame(sinceInput) },
    inputUntouched,
    stages,
  };
  if (!opts.keep) rmSync(work, { recursive: true, force: true });
  return { ...rowBase, criteria: evaluate(rowBase) };
}
