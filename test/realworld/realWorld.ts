// `npm run real-world -- [<dir>...] [--ci] [--out dir] [--scratch dir] [--keep] [--stage-timeout s]`
// Takes each project folder (a copy: the input is never written) through the whole migration
// with the CLI and prints the table of issue 14 (docs/real-world.md). Without folders, the
// sub-folders of ../shared/corpora next to the repository.
// Exit: 0 every folder meets every criterion (with --ci: no crash and every rollback exact),
// 1 otherwise, 2 bad arguments.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './cli.ts';
import { renderFailures, renderMarkdown, renderText } from './render.ts';
import { ciFailure, reportSchema, type RealWorldReport, type Row } from './row.ts';
import { runFolder } from './runFolder.ts';

const USAGE = 'usage: npm run real-world -- [<project dir>...] [--ci] [--out <dir>] [--scratch <dir>] [--keep] [--stage-timeout <seconds>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function inputFolders(positionals: string[]): string[] {
  if (positionals.length) {
    const folders: string[] = [];
    for (const p of positionals) {
      const abs = path.resolve(p);
      if (!existsSync(abs)) fail(`REALWORLD-001 not a folder: ${p}`);
      // `<dir>/*` also names the files beside the projects (a README): not a project, said and left out
      if (!statSync(abs).isDirectory()) process.stderr.write(`skip ${p}: a file, not a project folder\n`);
      else folders.push(abs);
    }
    if (!folders.length) fail(`REALWORLD-001 not a folder: ${positionals.join(', ')}`);
    return folders;
  }
  const corpora = path.resolve(REPO_ROOT, '..', 'shared', 'corpora');
  if (!existsSync(corpora)) fail(`REALWORLD-002 no folders given and ${corpora} does not exist`);
  return readdirSync(corpora, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(corpora, e.name))
    .sort();
}

function gitCommit(): string | null {
  const r = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        ci: { type: 'boolean' },
        out: { type: 'string' },
        scratch: { type: 'string' },
        keep: { type: 'boolean' },
        'stage-timeout': { type: 'string' },
      },
    });
  } catch (e) {
    fail(`REALWORLD-003 ${(e as Error).message}`);
  }
  const v = parsed.values;
  const timeoutS = v['stage-timeout'] === undefined ? 1800 : Number(v['stage-timeout']);
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) fail(`REALWORLD-003 --stage-timeout must be a positive number of seconds, got '${v['stage-timeout']}'`);
  const inputs = inputFolders(parsed.positionals);
  const outDir = path.resolve(v.out ?? path.join(REPO_ROOT, 'reports'));
  const scratch = v.scratch ? path.resolve(v.scratch) : mkdtempSync(path.join(os.tmpdir(), 'real-world-'));
  mkdirSync(scratch, { recursive: true });
  const log = (line: string) => process.stderr.write(`${line}\n`);

  const rows: Row[] = [];
  for (const input of inputs) {
    log(`${path.basename(input)}: copying to ${scratch} and migrating`);
    rows.push(await runFolder(input, { scratch, stageTimeoutMs: timeoutS * 1000, keep: Boolean(v.keep), log }));
  }
  if (!v.keep && !v.scratch) rmSync(scratch, { recursive: true, force: true });

  const ciProblems = rows.map((r) => [r.folder, ciFailure(r)] as const).filter(([, why]) => why);
  const report: RealWorldReport = reportSchema.parse({
    schema: 'ao-federate/real-world@1',
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    ok: rows.every((r) => Object.values(r.criteria).every((c) => c.ok)),
    ciOk: ciProblems.length === 0,
    rows,
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'real-world.json'), `${JSON.stringify(report, null, 2)}\n`);
  const failures = renderFailures(rows);
  writeFileSync(
    path.join(outDir, 'real-world.md'),
    `# Real-world run (${report.generatedAt}, commit ${report.commit?.slice(0, 7) ?? '?'})\n\n${renderMarkdown(rows)}\n\n${failures ? `## Failures\n\n\`\`\`\n${failures}\n\`\`\`\n` : ''}`,
  );
  process.stdout.write(`${renderText(rows)}\n\n${failures || 'every folder meets every criterion'}\n`);
  process.stdout.write(`\nwritten: ${path.join(outDir, 'real-world.json')}, real-world.md\n`);
  if (v.ci) {
    for (const [folder, why] of ciProblems) process.stdout.write(`CI FAIL ${folder}: ${why}\n`);
    return report.ciOk ? 0 : 1;
  }
  return report.ok ? 0 : 1;
}

process.exitCode = await main();
