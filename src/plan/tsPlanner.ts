// The TS part of the migration plan: three steps for the client (move shared code to the
// runtime folder, route deep imports through the runtime entry, federate the entries'
// runtime imports), with their params decided here from a symbol-aware analysis, so each
// transform is a pure function of its params (and its inverse exact). The epic planner
// appends these steps after the Lua ones.
import path from 'node:path';
import type { Project } from '../config/loadProject.ts';
import type { Workspace } from '../files/tree.ts';
import { DiskWorkspace } from '../stage/workspace.ts';
import { ClientProject, clientLayout, type ClientLayout } from '../ts/project.ts';
import { functionCopies, groupDuplicates } from '../ts/duplicates.ts';
import { listSources } from '../ts/text.ts';

/** One plan step as the plan file stores it (the epic planner's PlanStep shape). */
export interface PlanStep {
  id: string;
  story: string;
  transform: string;
  description: string;
  params: Record<string, unknown>;
  /** Findings shown with the step (kept deep imports, near-duplicates left alone...). */
  notes: string[];
}

export async function planTsSteps(project: Project): Promise<PlanStep[]> {
  if (!project.config.client) return [];
  return planTsStepsIn(new DiskWorkspace(project.root), clientLayout(project.config));
}

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export function planTsStepsIn(ws: Workspace, layout: ClientLayout): PlanStep[] {
  const client = new ClientProject(ws, layout);
  const runtimePrefix = `${layout.runtimeDir}/`;
  const usedBy = new Map<string, Set<string>>();
  for (const entry of layout.entries) {
    for (const file of client.usage(entry).files) {
      if (!layout.entries.includes(file) && !file.startsWith(runtimePrefix)) usedBy.set(file, (usedBy.get(file) ?? new Set()).add(entry));
    }
  }
  const shared = [...usedBy]
    .filter(([, entries]) => entries.size >= 2)
    .map(([file]) => file)
    .sort();
  const taken = new Set(listSources(ws, layout.runtimeDir));
  const destination = (file: string): string => {
    const base = path.posix.basename(file);
    let to = `${layout.runtimeDir}/${base}`;
    if (taken.has(to)) to = `${layout.runtimeDir}/${path.posix.basename(path.posix.dirname(file))}-${base}`;
    taken.add(to);
    return to;
  };
  const modules = shared.map((from) => ({ from, to: destination(from) }));

  const notes: string[] = [];
  const helpers: { name: string; to: string; files: string[] }[] = [];
  const copies = layout.entries.flatMap((e) => functionCopies(e, ws.read(e)!.toString('utf8')));
  for (const group of groupDuplicates(copies)) {
    const where = group.members.map((m) => `${m.file}:${m.line}`).join(', ');
    if (group.kind !== 'exact') {
      notes.push(
        `${group.kind} duplicate ${group.name} (similarity ${group.similarity}) left in place: ${where}${group.differences.length ? `; differs: ${group.differences.join('; ')}` : ''}`,
      );
      continue;
    }
    const files = [...new Set(group.members.map((m) => m.file))];
    if (files.length < 2 || group.members.some((m) => m.exported)) continue;
    if (!files.every((f) => client.isSelfContained(f, group.name))) {
      notes.push(`identical copies of ${group.name} refer to file-local names; left in place: ${where}`);
      continue;
    }
    helpers.push({ name: group.name, to: destination(`${kebab(group.name)}.ts`), files });
  }

  const base = { clientRoot: layout.root, tsconfig: layout.tsconfig };
  const runtimeModules = [...new Set([...listSources(ws, layout.runtimeDir), ...modules.map((m) => m.to), ...helpers.map((h) => h.to)])]
    .filter((m) => /\.tsx?$/.test(m) && !/\/(index|federation)\.ts$/.test(m))
    .sort();
  const steps: PlanStep[] = [];
  if (modules.length || helpers.length) {
    steps.push({
      id: 'ts-move-to-runtime',
      story: 'ts-client',
      transform: 'ts/move-to-runtime',
      description: `Move ${modules.length} shared client module(s) and ${helpers.length} identical helper(s) into ${layout.runtimeDir}.`,
      params: { ...base, modules, helpers },
      notes,
    });
  }
  if (runtimeModules.length) {
    steps.push({
      id: 'ts-rewrite-imports',
      story: 'ts-client',
      transform: 'ts/rewrite-imports',
      description: `Import runtime helpers from ${layout.runtimeDir}/index.ts instead of deep paths.`,
      params: { ...base, runtimeDir: layout.runtimeDir, modules: runtimeModules },
      notes: [],
    });
    steps.push({
      id: 'ts-federate-imports',
      story: 'ts-client',
      transform: 'ts/federate-imports',
      description: "Load the entries' runtime imports through the federation loader (FEDERATION_MODE), static import as fallback.",
      params: { tsconfig: layout.tsconfig, runtimeDir: layout.runtimeDir, entries: layout.entries },
      notes: [],
    });
  }
  return steps;
}
