// Test helper: a crude in-memory migration of a project, shaped like the codemods' output, so
// the bundler can be exercised on the real example before the codemods have run: modules
// reached by >= 2 processes move to <runtime.dir>/ as `runtime.<name>`; processes reach them by
// `Federation.require("runtime.<name>", "^1.0.0")`, runtime modules by plain require; each entry
// gets the mode-flag line.
import type { ProjectConfig } from '../../src/config/projectConfig.ts';
import { buildBundleGraph } from '../../src/bundle/closure.ts';
import { findBundleRequires } from '../../src/bundle/federatedRequires.ts';
import { decodeLuaBytes, parseLuaOrThrow } from '../../src/bundle/luaFront.ts';
import type { Workspace } from '../../src/files/tree.ts';
import { MemoryWorkspace } from '../../src/stage/workspace.ts';

export const FLAG_LINE = 'FEDERATION_MODE = FEDERATION_MODE or Federation.spawnMode() or Federation.buildMode or "hybrid"\n';

export function simulateMigration(config: ProjectConfig, ws: Workspace): { ws: MemoryWorkspace; shared: string[] } {
  const graph = buildBundleGraph(config, ws);
  const uses = new Map<string, number>();
  for (const p of graph.processes) for (const n of p.closure) uses.set(n, (uses.get(n) ?? 0) + 1);
  const shared = new Set([...uses].filter(([, c]) => c >= 2).map(([n]) => n));
  const byPath = new Map([...graph.modules.values()].map((m) => [m.path, m.name]));
  const entries = new Set(config.processes.map((p) => p.entry));
  const ns = config.runtime.namespace;
  const files: Record<string, Buffer> = {};
  for (const f of ws.list(config.sourceRoot)) {
    if (!f.endsWith('.lua')) continue;
    const name = byPath.get(f);
    if (name === undefined && !entries.has(f)) continue;
    const inRuntime = name !== undefined && shared.has(name);
    let text = decodeLuaBytes(ws.read(f)!);
    const sites = findBundleRequires(parseLuaOrThrow(text, f))
      .filter((s) => shared.has(s.name) && !s.federated)
      .sort((a, b) => b.callRange[0] - a.callRange[0]);
    for (const s of sites) {
      const target = `"${ns}.${s.name}"`;
      if (inRuntime) text = text.slice(0, s.literalRange[0]) + target + text.slice(s.literalRange[1]);
      else if (s.guarded) text = `${text.slice(0, s.calleeRange[0])}Federation.require, ${target}, "^1.0.0"${text.slice(s.literalRange[1])}`;
      else text = `${text.slice(0, s.callRange[0])}Federation.require(${target}, "^1.0.0")${text.slice(s.callRange[1])}`;
    }
    if (entries.has(f)) text = FLAG_LINE + text;
    const out = inRuntime ? `${config.runtime.dir}/${f.slice(config.sourceRoot.length + 1)}` : f;
    files[out] = Buffer.from(text, 'latin1');
  }
  return { ws: new MemoryWorkspace(files), shared: [...shared].sort() };
}
