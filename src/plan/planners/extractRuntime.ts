// Story 36.1: extract the shared runtime. Order: decisions for drifted copies (never merged
// without the user), merges of exact copies, one move per shared folder (modules used by at
// least `runtime.shareThreshold` processes), then the runtime manifest.
import type { EpicSimulation } from './simulation.ts';
import { candidateModules, driftedGroups, exactCopyGroups, type ModuleFile } from './duplicateModules.ts';
import { isRuntimePath, luaFilesRequiring, processClosures } from '../../../transforms/lua/lib/luaProject.ts';
import { moduleNameForPath, providedBy } from '../../graph/resolveRequire.ts';
import { callersOf, transform as mergeExactCopies } from '../../../transforms/lua/merge-exact-copies/index.ts';
import { aliasCallers, transform as moveToRuntime } from '../../../transforms/lua/move-to-runtime/index.ts';
import { orderFolders } from './folderOrder.ts';
import { rootRelative } from '../../../transforms/lua/lib/modulePaths.ts';
import { transform as writeManifest } from '../../../transforms/lua/write-runtime-manifest/index.ts';
import { transform as extractInline } from '../../../transforms/lua/extract-inline-duplicate/index.ts';
import { inlineDuplicateGroups } from './inlineDuplicates.ts';
import { transform as extractFunctionClone } from '../../../transforms/lua/extract-function-clone/index.ts';
import { functionUnits, type FunctionUnit } from '../../../transforms/lua/lib/functionClones.ts';
import { isExcluded, luaFileFacts } from '../../graph/luaFiles.ts';
import { asNode } from '../../parse/luaAst.ts';
import type { Transform } from '../../transform/types.ts';
import { helperModule, slug } from './planIds.ts';
import { variantDecision } from './variantDecision.ts';
import { planNearFunctionClones } from './nearFunctionClones.ts';

const asTransform = <P>(t: Transform<P>) => t as unknown as Transform<unknown>;

function reachable(sim: EpicSimulation): Set<string> {
  const closures = processClosures(sim.tree, sim.config, sim.canonical);
  return new Set([...closures.values()].flat());
}

export function planDriftDecisions(sim: EpicSimulation): Set<string> {
  const modules = candidateModules(sim.tree, sim.config, reachable(sim));
  const decided = new Set<string>();
  for (const group of driftedGroups(sim.tree, sim.config, modules)) {
    group.variants.forEach((v) => decided.add(v.path));
    const names = group.variants.map((v) => v.name);
    const step = variantDecision({
      id: `36.1-decide-${slug(group.fileName)}`,
      title: `Decide: ${group.variants.length} drifted copies of ${group.fileName}`,
      description: `${names.join(', ')} are similar (${Math.round(group.similarity * 100)} % of lines) but not identical. They stay apart unless you pick a variant.`,
      behaviourChange: `Picking a variant makes every caller of ${names.join(', ')} run that variant's code; callers of the other variants change behaviour where the diff shows.`,
      question: `Merge the copies of ${group.fileName} into one runtime module?`,
      transform: mergeExactCopies.id,
      variants: group.variants.map((v) => ({
        id: `use-${slug(v.name)}`,
        label: `Use ${v.path} for everyone (behaviour change)`,
        params: {
          canonical: v.name,
          copies: names.filter((n) => n !== v.name),
          acceptDifferences: true,
          callers: callersOf(
            sim.tree,
            sim.config,
            v.name,
            names.filter((n) => n !== v.name),
          ),
        },
      })),
      keepApart: 'Keep the copies apart (skip)',
      diff: group.diff,
    });
    sim.record(step, asTransform(mergeExactCopies));
  }
  return decided;
}

export function planExactMerges(sim: EpicSimulation, undecided: (m: ModuleFile) => boolean): void {
  const modules = candidateModules(sim.tree, sim.config, reachable(sim)).filter(undecided);
  for (const group of exactCopyGroups(sim.tree, sim.config, modules)) {
    const [canonical, ...copies] = group as [ModuleFile, ...ModuleFile[]];
    const copyNames = copies.map((c) => c.name);
    sim.run({
      id: `36.1-merge-${slug(canonical.name)}`,
      story: '36.1',
      title: `Merge ${group.length} identical copies of ${canonical.path.slice(canonical.path.lastIndexOf('/') + 1)}`,
      description: `${group.map((g) => g.path).join(', ')} are byte-identical; they become ${sim.config.runtime.namespace}.${canonical.name}.`,
      transform: asTransform(mergeExactCopies),
      params: { canonical: canonical.name, copies: copyNames, callers: callersOf(sim.tree, sim.config, canonical.name, copyNames) },
    });
  }
}

/** Type-1 function clones (same parameters and body, no upvalues) in two modules or more. */
export function planFunctionClones(sim: EpicSimulation, used = new Set<string>(), minBytes = 80): void {
  const modules = candidateModules(sim.tree, sim.config, reachable(sim));
  const byTail = new Map<string, { file: string; unit: FunctionUnit }[]>();
  for (const m of modules) {
    const { parsed } = luaFileFacts(sim.tree.read(m.path)!, m.path);
    if (!parsed.ast) continue;
    for (const unit of functionUnits(asNode(parsed.ast), parsed.text)) {
      if (unit.tail.length < minBytes || unit.freeLocals.length) continue;
      byTail.set(unit.tail, [...(byTail.get(unit.tail) ?? []), { file: m.path, unit }]);
    }
  }
  for (const group of byTail.values()) {
    const files = new Set(group.map((g) => g.file));
    if (files.size < 2) continue;
    const first = group[0]!;
    const module = helperModule(first.unit.name, used);
    const sites = [...new Map(group.map((g) => [g.file, { file: g.file, target: g.unit.target }])).values()];
    sim.run({
      id: `36.1-helper-${slug(module.slice('helpers.'.length))}`,
      story: '36.1',
      title: `Extract ${sites.length} copies of function ${first.unit.name} into ${sim.config.runtime.namespace}.${module}`,
      description: `Identical function at ${sites.map((x) => `${x.file} (${x.target})`).join(', ')}.`,
      transform: asTransform(extractFunctionClone),
      params: { module, name: first.unit.name, sites },
    });
  }
}

/** Modules used by at least shareThreshold processes, grouped by folder. */
export function sharedByFolder(sim: EpicSimulation): Map<string, string[]> {
  const closures = processClosures(sim.tree, sim.config, sim.canonical);
  const users = new Map<string, number>();
  // Processes that stay monoliths gain nothing from a runtime module (only longer names).
  for (const [proc, closure] of closures) if (!sim.monoliths.has(proc)) for (const f of closure) users.set(f, (users.get(f) ?? 0) + 1);
  const entries = new Set(sim.config.processes.map((p) => p.entry));
  const folders = new Map<string, string[]>();
  for (const [real, n] of [...users].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (n < sim.config.runtime.shareThreshold || entries.has(real) || isRuntimePath(sim.config, real)) continue;
    const why = `${real} is used by ${n} processes but stays bundled in each`;
    if (isExcluded(sim.config, real)) {
      sim.notes.push(`${why}: the config's "exclude" matches it (excluded files are never moved or rewritten)`);
      continue;
    }
    // Processes load it by the name config.packages maps to its path (an APM `@vendor/name`): a
    // move would leave that mapping pointing at nothing, and no require site spells the path.
    const byName = Object.entries(sim.config.packages ?? {}).find(([, f]) => f === real);
    if (byName) {
      sim.notes.push(`${why}: processes require it as "${byName[0]}" (config "packages"), which a move to the runtime cannot rename`);
      continue;
    }
    // A file reached through a symlinked folder: its real path may lie outside the source root,
    // its linked path inside; it is one module either way, moved by the path that has a name.
    const file = [real, ...sim.linkedPaths(real)].find((p) => moduleNameForPath(sim.config, p) && !isExcluded(sim.config, p));
    if (!file) {
      sim.notes.push(
        `${why}: no path of it under the source root ${sim.config.sourceRoot} has a require name (patterns ${sim.config.patterns.join(', ')}); set sourceRoot to a folder that holds it`,
      );
      continue;
    }
    const name = moduleNameForPath(sim.config, file)!;
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
    folders.set(folder, [...(folders.get(folder) ?? []), name]);
  }
  return folders;
}

/**
 * `.x` when some rewritten file requires module `x` as `.x` (a leading dot is dropped, as
 * Lua's `./?.lua` does): that spelling must move with the module, as an alias whose callers
 * are recorded so the inverse gives each site its own spelling back. Not when `.x` is a name
 * aos itself answers (then it is not this file).
 */
function dotSpelling(sim: EpicSimulation, name: string): string[] {
  const dotted = `.${name}`;
  const provided = providedBy(sim.config, dotted);
  if (provided && provided !== 'embedded') return [];
  return luaFilesRequiring(sim.tree, sim.config, [dotted]).length ? [dotted] : [];
}

export function planSharedMoves(sim: EpicSimulation, aliasesOf: (name: string) => string[]): void {
  const byFolder = sharedByFolder(sim);
  for (const group of orderFolders(byFolder, sim.config, sim.tree)) {
    const modules = group.flatMap((f) => byFolder.get(f)!);
    const folder = group.join(' + ');
    const aliases = modules.flatMap((m) => [...aliasesOf(m), ...dotSpelling(sim, m)].map((a) => ({ name: a, of: m })));
    sim.run({
      id: `36.1-move-${group.map((f) => slug(f === '.' ? '' : (rootRelative(sim.config, f) ?? f)) || 'root').join('-and-')}`,
      story: '36.1',
      title: `Move ${modules.length} shared module(s) of ${folder} to the runtime`,
      description: `Used by ${sim.config.runtime.shareThreshold}+ processes: ${modules.join(', ')}.${group.length > 1 ? ' These folders require each other, so they move together.' : ''}`,
      transform: asTransform(moveToRuntime),
      params: aliases.length ? { modules, aliases, callers: aliasCallers(sim.tree, sim.config, modules, aliases) } : { modules },
    });
  }
}

export function planManifest(sim: EpicSimulation): void {
  sim.run({
    id: '36.1-runtime-manifest',
    story: '36.1',
    title: 'Write the runtime manifest',
    description: `${sim.config.runtime.dir}/manifest.json: versions, hashes, exports and sizes of the runtime modules (its stable API).`,
    transform: asTransform(writeManifest),
    params: {},
    inputs: (tree) => tree.list(sim.config.runtime.dir).filter((p) => p.endsWith('.lua')),
  });
}

/** Entries and modules reached by exactly one process (outside the runtime and the excludes) -> that process. */
export function processOnlyCode(sim: EpicSimulation): Map<string, string> {
  const owners = new Map<string, string[]>();
  for (const [proc, closure] of processClosures(sim.tree, sim.config, sim.canonical)) for (const f of closure) owners.set(f, [...(owners.get(f) ?? []), proc]);
  const out = new Map(sim.config.processes.map((p) => [p.entry, p.name]));
  for (const [f, procs] of [...owners].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (procs.length === 1 && !out.has(f) && !isRuntimePath(sim.config, f) && !isExcluded(sim.config, f)) out.set(f, procs[0]!);
  }
  return out;
}

/** Identical inline blocks in entries and process-only modules are extracted; similar ones become decisions. */
export function planInlineDuplicates(sim: EpicSimulation): void {
  const owner = processOnlyCode(sim);
  for (const group of inlineDuplicateGroups(sim.tree, sim.config, undefined, undefined, [...owner.keys()])) {
    // Clones within one process's own code: a runtime module would not make any shell smaller.
    if (new Set(group.blocks.map((b) => owner.get(b.file))).size < 2) continue;
    const blocks = group.blocks.map(({ file, startLine, endLine, sha256 }) => ({ file, startLine, endLine, sha256 }));
    const where = group.blocks.map((b) => `${b.file}:${b.startLine}-${b.endLine}`).join(', ');
    if (group.identical) {
      sim.run({
        id: `36.1-extract-${slug(group.module.replace(/^inline\./, ''))}`,
        story: '36.1',
        title: `Extract ${blocks.length} identical inline blocks into ${sim.config.runtime.namespace}.${group.module}`,
        description: `Identical blocks at ${where}.`,
        transform: asTransform(extractInline),
        params: { module: group.module, blocks },
      });
      continue;
    }
    sim.record(
      variantDecision({
        id: `36.1-decide-${slug(group.module.replace(/^inline\./, ''))}`,
        title: `Decide: ${blocks.length} similar inline blocks (${group.module})`,
        description: `Similar but not identical blocks at ${where}. They stay inline unless you pick a variant.`,
        behaviourChange: `Picking a variant makes every entry run that variant's block; the others change behaviour where the diff shows.`,
        question: `Extract one variant of this block into ${sim.config.runtime.namespace}.${group.module} for all ${blocks.length} entries?`,
        transform: extractInline.id,
        variants: blocks.map((b, i) => ({
          id: `use-${slug(b.file)}`,
          label: `Use the block of ${b.file} everywhere (behaviour change)`,
          params: { module: group.module, blocks: [b, ...blocks.filter((_, j) => j !== i)], acceptDifferences: true },
        })),
        keepApart: 'Keep the blocks inline (skip)',
        diff: group.diff,
      }),
      asTransform(extractInline),
    );
  }
}

export function planExtractRuntime(sim: EpicSimulation, aliasesOf: (name: string) => string[] = () => []): void {
  planInlineDuplicates(sim);
  const decided = planDriftDecisions(sim);
  planExactMerges(sim, (m) => !decided.has(m.path));
  const helpers = new Set<string>();
  planFunctionClones(sim, helpers);
  planNearFunctionClones(sim, processOnlyCode(sim), helpers);
  planSharedMoves(sim, aliasesOf);
  planManifest(sim);
}
