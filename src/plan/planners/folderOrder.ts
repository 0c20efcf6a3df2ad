// Order of the shared-folder moves: a runtime module may only require runtime modules (the
// bundler refuses `runtime.x -> process module`, BUNDLE-004), so a folder moves only after
// every folder its modules require, and folders that require each other move together.
// Each intermediate state of the plan then builds in every mode.
import type { ProjectConfig } from '../../config/projectConfig.ts';
import type { Workspace } from '../../files/tree.ts';
import { buildRequireGraph } from '../../graph/requireGraph.ts';

/** Groups of folders in move order: dependencies first; a group is one strongly connected set. */
export function orderFolders(folders: Map<string, string[]>, config: ProjectConfig, ws: Workspace): string[][] {
  const graph = buildRequireGraph(config, ws);
  const folderOf = new Map<string, string>();
  for (const [folder, modules] of folders) for (const m of modules) folderOf.set(graph.aliases.get(m) ?? m, folder);
  const deps = new Map<string, Set<string>>([...folders.keys()].map((f) => [f, new Set<string>()]));
  for (const [mod, folder] of folderOf) {
    for (const dep of graph.edges.get(mod) ?? []) {
      const other = folderOf.get(dep);
      if (other && other !== folder) deps.get(folder)!.add(other);
    }
  }
  // Tarjan's SCC: components come out dependencies first.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of [...deps.get(v)!].sort()) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      groups.push(group.sort());
    }
  };
  for (const f of [...folders.keys()].sort()) if (!index.has(f)) connect(f);
  return groups;
}
