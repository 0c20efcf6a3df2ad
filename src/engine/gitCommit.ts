// `--commit`: one git commit per applied step, message `migrate(<story>): <title>` with a
// `Migrate-Step: <id>` trailer. A detached HEAD is refused; a dirty work tree unless allowed; the toolkit's own
// outputs (src/config/outputs.ts: .migrate/, reports, builds, plans, probe traces) never count as dirty, and
// only a step's own files are committed.
import { spawnSync } from 'node:child_process';
import { MigrateError } from '../errors.ts';
import { MIGRATE_DIR } from './journalRecords.ts';

function git(root: string, args: string[]): { ok: boolean; out: string; err: string; missing: boolean } {
  const r = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: r.status === 0, out: r.stdout ?? '', err: r.stderr ?? String(r.error ?? ''), missing };
}

/** Throws when git is missing, the project is not in a repository, HEAD is detached, or (unless allowed) it is dirty. */
export function checkGitReady(root: string, opts: { allowDirty?: boolean; outputs?: readonly string[] }): void {
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (top.missing) {
    throw new MigrateError('APPLY-060', '--commit needs git, which is not installed (not on PATH)', { hint: 'install git, or apply without --commit' });
  }
  if (!top.ok) {
    throw new MigrateError('APPLY-061', `--commit: ${root} is not inside a git repository`, {
      hint: "run 'git init' and commit the project first, or apply without --commit",
    });
  }
  if (git(root, ['check-ignore', '-q', '.']).ok) {
    throw new MigrateError('APPLY-061', `--commit: ${root} is ignored by the git repository at ${top.out.trim()}`, {
      hint: "give the project its own repository ('git init'), or apply without --commit",
    });
  }
  // On a detached HEAD the step commits would belong to no branch and be lost at the next checkout.
  if (!git(root, ['symbolic-ref', '-q', 'HEAD']).ok) {
    const at = git(root, ['rev-parse', '--short', 'HEAD']).out.trim();
    throw new MigrateError('APPLY-064', `--commit: HEAD is detached${at ? ` (at ${at})` : ''}; the step commits would be on no branch`, {
      hint: "create or switch to a branch first ('git switch -c migrate' or 'git switch <branch>'), or apply without --commit",
    });
  }
  if (opts.allowDirty) return;
  // The toolkit's own outputs (reports, builds, plans, probe traces, the journal) are never the user's uncommitted work.
  const outputs = [...new Set([MIGRATE_DIR, ...(opts.outputs ?? [])])];
  const status = git(root, ['status', '--porcelain', '--', '.', ...outputs.map((d) => `:(exclude)${d}`)]);
  const dirty = status.out.split('\n').filter(Boolean);
  if (dirty.length) {
    throw new MigrateError(
      'APPLY-062',
      `--commit: the work tree has uncommitted changes:\n${dirty
        .slice(0, 10)
        .map((l) => `  ${l}`)
        .join('\n')}${dirty.length > 10 ? `\n  ... ${dirty.length - 10} more` : ''}`,
      {
        hint: "commit or stash them first, or pass --allow-dirty (only the step's files are committed)",
      },
    );
  }
}

export function commitMessage(step: { id: string; story: string; title: string }): string {
  return `migrate(${step.story}): ${step.title}\n\nMigrate-Step: ${step.id}\n`;
}

/** Commits exactly `paths` (created, changed, deleted); returns the commit sha, or undefined when nothing changed. */
export function commitStep(root: string, step: { id: string; story: string; title: string }, paths: string[]): string | undefined {
  if (!paths.length) return undefined;
  const add = git(root, ['add', '-A', '--', ...paths]);
  if (!add.ok) throw new MigrateError('APPLY-063', `git add failed: ${add.err.trim()}`, { hint: 'the step is applied; commit it by hand' });
  const commit = git(root, ['commit', '-q', '-m', commitMessage(step), '--', ...paths]);
  if (!commit.ok) {
    throw new MigrateError('APPLY-063', `git commit failed: ${commit.err.trim() || commit.out.trim()}`, {
      hint: 'the step is applied; check git user.name/user.email and commit it by hand',
    });
  }
  return git(root, ['rev-parse', 'HEAD']).out.trim();
}
