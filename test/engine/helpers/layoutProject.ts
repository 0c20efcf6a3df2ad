// A copy of a layout fixture (test/fixtures/lua-layouts/<name>) under test/tmp, planned with
// every decision kept apart, for the engine's end-to-end checks; plus a byte snapshot of it.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadProject, type Project } from '../../../src/config/loadProject.ts';
import { planEpic, type Plan } from '../../../src/plan/epicPlanner.ts';
import { savePlan } from '../../../src/plan/planFile.ts';
import { LAYOUTS_DIR } from '../../graph/helpers/layoutFixture.ts';

const TMP = path.resolve(LAYOUTS_DIR, '../../tmp');
const made: string[] = [];

export function copyProject(name: string): Project {
  mkdirSync(TMP, { recursive: true });
  const dir = mkdtempSync(path.join(TMP, `engine-${name}-`));
  cpSync(path.join(LAYOUTS_DIR, name), dir, { recursive: true, verbatimSymlinks: true });
  made.push(dir);
  // These checks are about how steps move and rewrite files; the fixtures' processes are too
  // small for federation to pay (the planner would then leave them as they are), so force it.
  const configFile = path.join(dir, 'migrate.config.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(configFile, `${JSON.stringify({ federate: 'always', ...config }, null, 2)}\n`);
  return loadProject({ project: dir, cwd: dir });
}

export function removeProjects(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Plans the epic (decisions kept apart) and saves it where the engine reads it. */
export async function planKeepingApart(project: Project): Promise<Plan> {
  const plan = await planEpic(project);
  for (const s of plan.steps) if (s.decision) s.decision.choice = 'keep-apart';
  await savePlan(path.join(project.root, 'migration-plans', 'epic.plan.json'), plan);
  return plan;
}

/** path -> bytes (hex) of every file, the toolkit's own folders left out. */
export function bytesOf(dir: string, skip = ['.migrate', 'migration-plans', 'reports', 'build']): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(path.join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (skip.includes(r)) continue;
      if (statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out[r] = readFileSync(path.join(dir, r)).toString('hex');
    }
  };
  walk('');
  return out;
}

/** Runs a Lua 5.3 script from `cwd` (the project's own tests); returns stdout, throws on failure. */
export function runLua(cwd: string, script: string): string {
  return execFileSync('lua5.3', [script], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
