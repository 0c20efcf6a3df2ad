// `migrate demo`: the whole migration of the embedded example, end to end, on a scratch copy
// (the committed example is never modified): audit, plan, a dry run, apply every step with one
// git commit each, sizes, parity on the real aos runtime in every mode, rollback with proof.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pc from 'picocolors';
import type { CommandIO, CommandSpec } from '../command.ts';
import { EXAMPLE_DIR } from '../../config/loadProject.ts';

interface DemoStage {
  title: string;
  /** A migrate command line, or git arguments when `git` is set. */
  argv: (dir: string) => string[];
  git?: boolean;
  /** Exit codes that count as success for this stage (dry-run exits 1 when it would change files). */
  ok: number[];
}

const stages: DemoStage[] = [
  { title: 'Audit: closures, duplicates, projected split', argv: (d) => ['audit', '--project', d], ok: [0, 1] },
  { title: 'Plan: the epic as ordered, reviewable steps', argv: (d) => ['plan', '--project', d], ok: [0, 1] },
  {
    title: 'Decide: keep every near-duplicate and drifted copy apart (no behaviour change)',
    argv: (d) => ['decide', '--all', 'keep-apart', '--project', d],
    ok: [0],
  },
  { title: 'Status before the migration', argv: (d) => ['status', '--project', d], ok: [0] },
  {
    title: 'Dry run of every step (patch written for `git apply`)',
    argv: (d) => ['dry-run', '--all', '--summary', '--patch', path.join(path.dirname(d), 'migration.patch'), '--project', d],
    ok: [0, 1],
  },
  { title: 'Commit the plan and the audit reports (apply --commit wants a clean tree)', argv: () => ['add', '-A'], git: true, ok: [0] },
  { title: 'Commit', argv: () => ['commit', '-q', '-m', 'Plan the migration'], git: true, ok: [0] },
  { title: 'Apply every step, one git commit per step', argv: (d) => ['apply', '--all', '--commit', '--project', d], ok: [0] },
  { title: 'Sizes after the migration (minified)', argv: (d) => ['size', '--minify', '--project', d], ok: [0, 1] },
  { title: 'Behaviour parity on aos: baseline monolith vs monolith, hybrid, federated', argv: (d) => ['verify', '--project', d], ok: [0] },
  { title: 'Rollback to the monolith, with byte and behaviour proof', argv: (d) => ['rollback', '--yes', '--verify', '--project', d], ok: [0] },
];

function gitStatus(dir: string, args: string[]): number {
  try {
    git(dir, args);
    return 0;
  } catch {
    return 2;
  }
}

function git(dir: string, args: string[]): void {
  execFileSync('git', args, {
    cwd: dir,
    stdio: 'ignore',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'migrate demo',
      GIT_AUTHOR_EMAIL: 'demo@example.invalid',
      GIT_COMMITTER_NAME: 'migrate demo',
      GIT_COMMITTER_EMAIL: 'demo@example.invalid',
    },
  });
}

export const command: CommandSpec = {
  name: 'demo',
  summary: 'Run the whole migration on a scratch copy of the embedded example: audit, plan, dry run, apply, sizes, verify on aos, rollback.',
  usage:
    'migrate demo [--dir <scratch dir>] [--keep]\n\nCopies examples/pokerogue-ao to a scratch folder (a fresh temp folder by default) and runs each stage there.',
  options: { dir: { type: 'string' }, keep: { type: 'boolean' } },
  async run(args, io: CommandIO): Promise<number> {
    const { main } = await import('../main.ts');
    const c = pc.createColors(io.color);
    const dir =
      typeof args.values.dir === 'string'
        ? path.resolve(io.cwd, args.values.dir)
        : path.join(mkdtempSync(path.join(tmpdir(), 'ao-federate-demo-')), 'pokerogue-ao');
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    cpSync(EXAMPLE_DIR, dir, { recursive: true, filter: (src) => !/[\\/](build|\.migrate|node_modules)$/.test(src) });
    writeFileSync(path.join(dir, '.gitignore'), '.migrate/\nbuild/\n');
    git(dir, ['init', '-q']);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'The monolith, before the migration']);
    io.out(c.bold(`ao-federate demo on a scratch copy of the embedded example: ${dir}`));
    const results: { title: string; code: number; seconds: number }[] = [];
    for (const [i, stage] of stages.entries()) {
      io.out(`\n${c.bold(c.cyan(`== ${i + 1}/${stages.length} ${stage.title}`))}`);
      const argv = stage.argv(dir);
      io.out(c.dim(`$ ${stage.git ? 'git' : 'migrate'} ${argv.join(' ')}`));
      const t0 = performance.now();
      const code = stage.git ? gitStatus(dir, argv) : await main(argv, io);
      const seconds = (performance.now() - t0) / 1000;
      results.push({ title: stage.title, code, seconds });
      if (!stage.ok.includes(code)) {
        io.err(c.red(`demo stopped: '${stage.git ? 'git ' : ''}${argv[0]}' exited ${code}`));
        break;
      }
    }
    io.out(`\n${c.bold('Summary')}`);
    for (const r of results)
      io.out(`  ${r.code === 0 ? c.green('ok ') : c.yellow(`${String(r.code).padEnd(3)}`)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.title}`);
    const failed = results.length < stages.length || results.some((r, i) => !stages[i].ok.includes(r.code));
    if (!args.values.keep && !args.values.dir && !failed) rmSync(path.dirname(dir), { recursive: true, force: true });
    else io.out(`scratch copy kept at ${dir}`);
    return failed ? 2 : 0;
  },
};
