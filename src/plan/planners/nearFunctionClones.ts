// Issue 16 item 4: near-identical function clones (same arity, no upvalues, similar but not
// identical bodies) in the process-only code of two or more processes. Type-1 clones are
// extracted without asking (planFunctionClones); near clones only by a decision, one option
// per variant: the chosen function replaces every copy (a behaviour change), or keep apart.
import { createTwoFilesPatch } from 'diff';
import type { Workspace } from '../../files/tree.ts';
import { luaFileFacts } from '../../graph/luaFiles.ts';
import { asNode, lineLocator } from '../../parse/luaAst.ts';
import { resolveModule } from '../../graph/resolveRequire.ts';
import { functionUnits, type FunctionUnit } from '../../../transforms/lua/lib/functionClones.ts';
import { runtimePrefix } from '../../../transforms/lua/lib/luaProject.ts';
import { transform as extractFunctionClone } from '../../../transforms/lua/extract-function-clone/index.ts';
import { transform as extractInline } from '../../../transforms/lua/extract-inline-duplicate/index.ts';
import type { Transform } from '../../transform/types.ts';
import { similarEnough } from './duplicateModules.ts';
import { helperModule, slug } from './planIds.ts';
import type { EpicSimulation } from './simulation.ts';
import type { PlanStep } from './planTypes.ts';
import { variantDecision } from './variantDecision.ts';

export interface FunctionSite {
  file: string;
  owner: string;
  unit: FunctionUnit;
  startLine: number;
  endLine: number;
  /** The whole declaration, for the diff. */
  text: string;
}

export interface NearFunctionGroup {
  /** One site per file, in file order; the first is the one the others were compared with. */
  sites: FunctionSite[];
  diff: string;
}

function sitesOf(ws: Workspace, owners: Map<string, string>, minBytes: number): FunctionSite[] {
  const out: FunctionSite[] = [];
  for (const [file, owner] of [...owners].sort((a, b) => a[0].localeCompare(b[0]))) {
    const bytes = ws.read(file);
    if (!bytes) continue;
    const { parsed } = luaFileFacts(bytes, file);
    if (!parsed.ast) continue;
    const lineOf = lineLocator(parsed.text);
    for (const unit of functionUnits(asNode(parsed.ast), parsed.text)) {
      if (unit.tail.length < minBytes || unit.freeLocals.length) continue;
      const [start, end] = unit.range;
      out.push({ file, owner, unit, startLine: lineOf(start).line, endLine: lineOf(end - 1).line, text: parsed.text.slice(start, end) });
    }
  }
  return out;
}

/**
 * Groups of similar functions (the similarity of drifted modules and inline blocks, on the
 * function's tail) in `owners`' files (file -> the one process that reaches it), one site per
 * file, spanning two processes or more. Groups whose copies are all identical are left out:
 * they are type-1 clones, not a decision.
 */
export function nearFunctionGroups(ws: Workspace, owners: Map<string, string>, minBytes = 80, minSimilarity = 0.6): NearFunctionGroup[] {
  const sites = sitesOf(ws, owners, minBytes);
  const used = new Set<FunctionSite>();
  const groups: NearFunctionGroup[] = [];
  for (const s of sites) {
    if (used.has(s)) continue;
    const perFile = new Map<string, FunctionSite>([[s.file, s]]);
    for (const o of sites) {
      if (used.has(o) || perFile.has(o.file) || o.unit.arity !== s.unit.arity) continue;
      if (similarEnough(s.unit.tail, o.unit.tail, minSimilarity)) perFile.set(o.file, o);
    }
    const members = [...perFile.values()];
    // Clones within one process's own code: a runtime module would not make any shell smaller.
    if (new Set(members.map((m) => m.owner)).size < 2) continue;
    members.forEach((m) => used.add(m));
    const other = members.find((m) => m.unit.tail !== s.unit.tail);
    if (!other) continue;
    groups.push({
      sites: members,
      diff: createTwoFilesPatch(`${s.file}:${s.startLine}`, `${other.file}:${other.startLine}`, `${s.text}\n`, `${other.text}\n`),
    });
  }
  return groups;
}

/**
 * Lines of the blocks inline-duplicate decisions offer to extract (a `function M.f` of 300 bytes
 * or more is such a block too): the function is that decision's, open or kept apart, so the set
 * of decisions does not change with the choices. A variant taken has extracted the block already.
 */
function inlineClaims(sim: EpicSimulation): { file: string; startLine: number; endLine: number }[] {
  const extracted = (s: PlanStep) => Boolean(s.decision!.options.find((o) => o.id === s.decision!.choice)?.params);
  return sim.steps
    .filter((s) => s.decision?.transform === extractInline.id && !extracted(s))
    .flatMap((s) => (s.decision!.options[0]?.params?.blocks as { file: string; startLine: number; endLine: number }[] | undefined) ?? []);
}

/** `owners`: the process-only files (entries and modules) -> their process; `used`: helper modules named so far. */
export function planNearFunctionClones(sim: EpicSimulation, owners: Map<string, string>, used: Set<string>): void {
  const ns = runtimePrefix(sim.config);
  const claims = inlineClaims(sim);
  const claimed = (s: FunctionSite) => claims.some((c) => c.file === s.file && c.startLine <= s.endLine && s.startLine <= c.endLine);
  // Sites of processes that stay monoliths: moving their code to the runtime only grows them.
  const federable = new Map([...owners].filter(([, proc]) => !sim.monoliths.has(proc)));
  for (const group of nearFunctionGroups(sim.tree, federable)) {
    if (group.sites.some(claimed)) continue;
    const first = group.sites[0]!;
    const module = helperModule(first.unit.name, used, (m) => Boolean(resolveModule(sim.config, sim.tree, `${ns}${m}`)));
    let id = `36.1-decide-${slug(module)}`;
    for (let n = 2; sim.steps.some((s) => s.id === id); n++) id = `36.1-decide-${slug(module)}-${n}`;
    const variants = [...new Map(group.sites.map((s) => [s.unit.tail, s])).values()];
    const where = group.sites.map((s) => `${s.file}:${s.startLine}-${s.endLine} (${s.unit.target})`).join(', ');
    sim.record(
      variantDecision({
        id,
        title: `Decide: ${group.sites.length} near copies of function ${first.unit.name} (${module})`,
        description: `Similar but not identical functions at ${where}. They stay apart unless you pick a variant.`,
        behaviourChange: `Picking a variant makes every site run that variant's function; the others change behaviour where the diff shows.`,
        question: `Extract one variant of ${first.unit.name} into ${ns}${module} for all ${group.sites.length} sites?`,
        transform: extractFunctionClone.id,
        variants: variants.map((v) => ({
          id: `use-${slug(v.file)}`,
          label: `Use the function of ${v.file} everywhere (behaviour change)`,
          params: {
            module,
            name: v.unit.name,
            // The chosen site first (its text wins); every differing site keeps its own text for the inverse.
            sites: [v, ...group.sites.filter((s) => s !== v)].map((s) => ({
              file: s.file,
              target: s.unit.target,
              ...(s.unit.tail === v.unit.tail ? {} : { tail: s.unit.tail }),
            })),
            acceptDifferences: true,
          },
        })),
        keepApart: 'Keep the functions apart (skip)',
        diff: group.diff,
      }),
      extractFunctionClone as unknown as Transform<unknown>,
    );
  }
}
