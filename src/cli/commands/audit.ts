// `migrate audit`: the require graph, duplicates and bundle-size analysis of the project's Lua
// sources (and its TS client when configured); prints a summary and writes reports/audit.json
// and reports/audit.html (one self-contained page) under the project, or under --out.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { progressOf, type CommandSpec } from '../command.ts';
import { loadProject } from '../../config/loadProject.ts';
import { MigrateError } from '../../errors.ts';
import { defaultJobs, runAudit, type AuditReport } from '../../audit/runAudit.ts';
import { parsePositiveInt } from './verify.ts';
import { auditJson } from '../jsonOutput.ts';
import { renderAuditSummary } from '../../audit/auditSummary.ts';
import { REPORTS_DIR } from '../../config/outputs.ts';
import { renderAuditHtml } from '../../../reports/auditHtml.ts';

/** Problems that fail `--strict`: the graph is not a faithful picture of what aos would load. */
export const STRICT_PROBLEMS = new Set(['parse-error', 'missing-entry', 'unresolved-require', 'cycle', 'dynamic-require', 'symlink-loop', 'outside-project']);

export function strictFailures(report: AuditReport): number {
  return report.problems.filter((p) => STRICT_PROBLEMS.has(p.kind)).length;
}

export const command: CommandSpec = {
  name: 'audit',
  summary: 'Require graph, duplicates and bundle sizes of the Lua processes; writes reports/audit.json and audit.html.',
  usage: [
    'Usage: migrate audit [--json] [--out <dir>] [--strict] [--no-ts] [--jobs N] [--project <dir>]',
    '',
    'Parses every .lua under the source root, resolves the requires of each process, finds exact',
    'file copies, type-1/type-2 clones, near-duplicates (with diffs) and drifted module copies,',
    'and projects the shared-runtime split (modules used by >= runtime.shareThreshold processes).',
    'Writes <project>/reports/audit.json and audit.html (or into --out <dir>). Format: docs/audit.md.',
    '  --json     print audit.json to stdout instead of the summary',
    '  --strict   exit 1 when a file does not parse, an entry is missing, a require does not',
    '             resolve, is dynamic, or forms a cycle',
    '  --no-ts    skip the TS client audit (config "client")',
    '  --jobs N   threads that parse and analyse the Lua files, this one included (default: the',
    '             number of cores); projects under 1 MB of Lua stay on one thread. The report is',
    '             the same for every N.',
    'Exit codes: 0 done, 1 --strict and problems found, 2 error.',
  ].join('\n'),
  options: {
    out: { type: 'string' },
    strict: { type: 'boolean' },
    'no-ts': { type: 'boolean' },
    jobs: { type: 'string' },
  },
  async run(args, io) {
    const v = args.values;
    const project = loadProject({ project: v.project as string | undefined, cwd: io.cwd, example: v.example === true });
    const jobs = parsePositiveInt('jobs', v.jobs, defaultJobs());
    const report = await runAudit(project, { ts: !v['no-ts'], jobs, progress: progressOf(io) });
    const outDir = v.out ? path.resolve(io.cwd, v.out as string) : path.join(project.root, REPORTS_DIR);
    try {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(path.join(outDir, 'audit.json'), `${JSON.stringify(auditJson(report), null, 2)}\n`);
      writeFileSync(path.join(outDir, 'audit.html'), renderAuditHtml(report, { root: project.root }));
    } catch (e) {
      throw new MigrateError('CLI-020', `cannot write the audit reports to ${outDir}: ${(e as Error).message}`, {
        location: { file: outDir },
        hint: 'give a writable folder with --out <dir>',
        cause: e,
      });
    }
    if (v.json) io.out(JSON.stringify(auditJson(report), null, 2));
    else {
      io.out(renderAuditSummary(report, { color: io.color }));
      io.out(`\nWrote ${path.relative(io.cwd, path.join(outDir, 'audit.json')) || 'audit.json'} and audit.html`);
    }
    const failures = strictFailures(report);
    if (v.strict && failures > 0) {
      io.err(`--strict: ${failures} problem(s) (parse errors, missing entries, unresolved/dynamic requires, cycles)`);
      return 1;
    }
    return 0;
  },
};
