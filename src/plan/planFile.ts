// Plan IO: finds, parses (JSON or YAML) and validates plan files with one message per problem
// (schema issues and semantic ones: unknown transform, duplicate or unknown ids, a step
// placed before a step it depends on), and saves them as stable, pretty JSON.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { isMigrateError, MigrateError } from '../errors.ts';
import { builtInTransforms, registryOf, type TransformRegistry } from '../transform/registry.ts';
import { DECISION, planSchema, type Plan, type PlanStep } from './planSchema.ts';
import { deepFreeze } from '../deepFreeze.ts';

const require = createRequire(import.meta.url);
/** yaml, loaded only for .yaml plans: JSON plans (the default) do not pay its load at start-up. */
const YAML = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

export const PLAN_DIR = 'migration-plans';
const PLAN_FILE = /\.plan\.(json|ya?ml)$/;

/** The plan files of a project, sorted. */
export function listPlanFiles(projectRoot: string): string[] {
  const dir = path.join(projectRoot, PLAN_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => PLAN_FILE.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Picks the plan file: by name, else the only one, else 'epic'. */
export function findPlanFile(projectRoot: string, name?: string): string {
  const files = listPlanFiles(projectRoot);
  const pick = name
    ? files.find((f) => path.basename(f).replace(PLAN_FILE, '') === name)
    : files.length === 1
      ? files[0]
      : files.find((f) => path.basename(f).startsWith('epic.plan.'));
  if (!pick) {
    const known = files.map((f) => path.basename(f)).join(', ');
    throw new MigrateError(
      'PLAN-001',
      name ? `no plan named '${name}' in ${path.join(projectRoot, PLAN_DIR)}` : `no plan found in ${path.join(projectRoot, PLAN_DIR)}`,
      {
        hint: files.length ? `plans here: ${known}; pass --plan <name>` : "run 'migrate plan' to write one",
      },
    );
  }
  return pick;
}

function parseText(file: string, text: string): unknown {
  try {
    return /\.ya?ml$/.test(file) ? YAML().parse(text) : JSON.parse(text);
  } catch (e) {
    throw new MigrateError('PLAN-002', `plan file is not valid ${/\.ya?ml$/.test(file) ? 'YAML' : 'JSON'}: ${(e as Error).message}`, {
      location: { file },
      hint: 'fix the syntax, or re-create the plan with `migrate plan`',
    });
  }
}

/** Semantic problems of a schema-valid plan (one string per problem). */
export function planProblems(plan: Plan, transformIds: Set<string>): string[] {
  const problems: string[] = [];
  const position = new Map<string, number>();
  plan.steps.forEach((s, i) => {
    if (position.has(s.id)) problems.push(`steps[${i}].id: duplicate step id '${s.id}' (also steps[${position.get(s.id)}])`);
    else position.set(s.id, i);
  });
  plan.steps.forEach((s, i) => {
    const at = `steps[${i}] (${s.id})`;
    if (s.transform === DECISION) {
      if (!s.decision) problems.push(`${at}.decision: a 'decision' step needs a decision {question, options}`);
      else {
        const target = s.decision.transform;
        if (target && !transformIds.has(target)) problems.push(`${at}.decision.transform: unknown transform '${target}'`);
        if (s.decision.choice !== undefined && !s.decision.options.some((o) => o.id === s.decision!.choice)) {
          problems.push(`${at}.decision.choice: '${s.decision.choice}' is not one of ${s.decision.options.map((o) => o.id).join(', ')}`);
        }
      }
    } else if (!transformIds.has(s.transform)) {
      problems.push(`${at}.transform: unknown transform '${s.transform}'`);
    }
    for (const dep of s.dependsOn) {
      const j = position.get(dep);
      if (j === undefined) problems.push(`${at}.dependsOn: unknown step '${dep}'`);
      else if (j >= i) problems.push(`${at}.dependsOn: '${dep}' must come before '${s.id}' (it is steps[${j}])`);
    }
  });
  return problems;
}

/** Validates raw plan data; throws PLAN-003 listing every problem. */
export async function validatePlan(raw: unknown, file: string, transforms: TransformRegistry = builtInTransforms): Promise<Plan> {
  const parsed = planSchema.safeParse(raw);
  if (!parsed.success) {
    const list = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new MigrateError('PLAN-003', `plan has ${list.length} problem(s):\n${list.join('\n')}`, {
      location: { file },
      hint: 'fix the plan file (migration-plans/schema.json describes every field) or re-plan with `migrate plan`',
    });
  }
  const ids = await transforms.ids();
  const problems = planProblems(parsed.data, ids);
  if (problems.length) {
    throw new MigrateError('PLAN-003', `plan has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`, {
      location: { file },
      hint: 'fix the plan file (order, ids, transforms) or re-plan with `migrate plan`',
    });
  }
  return parsed.data;
}

export interface LoadedPlan {
  plan: Plan;
  file: string;
}

/** Parses and validates a plan file (a fresh, editable object). */
async function readPlanFile(file: string, transforms?: TransformRegistry): Promise<Plan> {
  return validatePlan(parseText(file, readFileSync(file, 'utf8')), file, transforms);
}

/**
 * Validated plans by file, while the file keeps its identity (inode, size, times): commands
 * that apply one step at a time in one process (the interactive next-step, the benchmark) would
 * otherwise parse and validate a plan of thousands of steps once per step. A file written
 * within the last second is not kept (a same-size rewrite in the same tick keeps its stamps).
 */
// Module-level on purpose: an entry is served only for the very file object it was read from
// (the stamp), and validation depends only on the plan's bytes and the registered transforms,
// which do not change within a process.
const planCache = new Map<string, { stamp: string; plan: Plan; transforms: TransformRegistry }>();
const RACY_MS = 1000;

/** Loads and validates a project's plan (by name, or the only/epic one). The plan is frozen: edit through updatePlanStep. */
export async function loadPlanFile(projectRoot: string, name?: string, transforms: TransformRegistry = builtInTransforms): Promise<LoadedPlan> {
  const file = findPlanFile(projectRoot, name);
  const st = statSync(file, { bigint: true });
  const stamp = `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  const hit = planCache.get(file);
  if (hit?.stamp === stamp && hit.transforms === transforms) return { plan: hit.plan, file };
  const plan = deepFreeze(await readPlanFile(file, transforms));
  if (Date.now() - Number(st.mtimeMs) > RACY_MS) planCache.set(file, { stamp, plan, transforms });
  return { plan, file };
}

export async function loadPlan(projectRoot: string, name?: string, transforms?: TransformRegistry): Promise<Plan> {
  return (await loadPlanFile(projectRoot, name, transforms)).plan;
}

/**
 * Saves a plan: `target` is the project root (-> migration-plans/<name>.plan.json) or a plan
 * file path (.json or .yaml). Written via a temp file + rename. Returns the file written.
 */
export async function savePlan(target: string, plan: unknown, transforms?: TransformRegistry): Promise<string> {
  const file = PLAN_FILE.test(target) ? target : path.join(target, PLAN_DIR, `${(plan as Plan).name}.plan.json`);
  let valid: Plan;
  try {
    valid = await validatePlan(plan, file, transforms);
  } catch (e) {
    // The plan is in memory, not in the file: say so, and do not send the user to edit a file
    // that was never written (or that still holds the previous, valid plan).
    if (!isMigrateError(e) || e.code !== 'PLAN-003') throw e;
    throw new MigrateError('PLAN-003', `${e.message.replace(/^plan has/, 'the plan to save has')}\n(nothing written to ${file})`, {
      hint: existsSync(file)
        ? `${file} is unchanged; this is a bug in the planner or the edit, please report it with the lines above`
        : 'this is a bug in the planner, please report it with the lines above',
    });
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const text = /\.ya?ml$/.test(file) ? YAML().stringify(valid) : `${JSON.stringify(valid, null, 2)}\n`;
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return file;
}

/** Loads the plan, lets `edit` change one step, validates and saves it back. */
export async function updatePlanStep(
  project: { root: string; transforms?: object },
  name: string | undefined,
  id: string,
  edit: (s: PlanStep) => void,
): Promise<void> {
  const file = findPlanFile(project.root, name);
  const plan = await readPlanFile(file, registryOf(project));
  const step = plan.steps.find((s) => s.id === id);
  if (!step)
    throw new MigrateError('APPLY-001', `unknown step '${id}' in plan '${plan.name}'`, { location: { file }, hint: "run 'migrate status' for the step ids" });
  edit(step);
  await savePlan(file, plan, registryOf(project));
}
