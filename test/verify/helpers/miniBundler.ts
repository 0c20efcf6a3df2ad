// A deliberately small preload-style bundler for the verify tests, so parity, the world and
// the bench can be tested without src/bundle: modules become package.preload functions;
// modules under config.runtime.dir go to runtime.lua in federated/hybrid builds (hybrid
// shells carry them as fallbacks registered only when the runtime did not provide them).
import type { Project } from '../../../src/config/loadProject.ts';
import type { Workspace } from '../../../src/stage/tree.ts';
import type { BuildFile, BuildMode, BuildOutput } from '../../../src/verify/types.ts';

const REQUIRE = /require\s*\(?\s*["']([\w.-]+)["']/g;

function moduleFile(project: Project, ws: Workspace, name: string): string | undefined {
  const base = project.config.sourceRoot === '.' ? '' : `${project.config.sourceRoot}/`;
  const p = `${base}${name.replace(/\./g, '/')}.lua`;
  return ws.exists(p) ? p : undefined;
}

function closure(project: Project, ws: Workspace, entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (file: string): void => {
    const text = ws.read(file)!.toString('utf8');
    for (const m of text.matchAll(REQUIRE)) {
      const f = moduleFile(project, ws, m[1]!);
      if (f && !found.has(m[1]!)) {
        found.set(m[1]!, f);
        visit(f);
      }
    }
  };
  visit(entry);
  return found;
}

const preload = (name: string, text: string, onlyIfAbsent = false): string =>
  onlyIfAbsent
    ? `if not package.preload[${JSON.stringify(name)}] then package.preload[${JSON.stringify(name)}] = function(...)\n${text}\nend end\n`
    : `package.preload[${JSON.stringify(name)}] = function(...)\n${text}\nend\n`;

export function miniBuild(project: Project, ws: Workspace, mode: BuildMode): BuildOutput {
  const files: BuildFile[] = [];
  const isShared = (file: string) => file.startsWith(`${project.config.runtime.dir}/`);
  const runtimeModules = new Map<string, string>();
  for (const p of project.config.processes) {
    if (!ws.exists(p.entry)) continue;
    const mods = [...closure(project, ws, p.entry)].sort(([a], [b]) => a.localeCompare(b));
    const read = (f: string) => ws.read(f)!.toString('utf8');
    const entry = `do\n${read(p.entry)}\nend\n`;
    if (mode === 'monolith') {
      files.push({ path: `monolith/${p.name}.lua`, kind: 'monolith', process: p.name, content: mods.map(([n, f]) => preload(n, read(f))).join('') + entry });
      continue;
    }
    for (const [n, f] of mods) if (isShared(f)) runtimeModules.set(n, f);
    const own = mods.filter(([, f]) => !isShared(f)).map(([n, f]) => preload(n, read(f))).join('');
    if (mode === 'federated') files.push({ path: `federated/${p.name}.lua`, kind: 'shell', process: p.name, content: own + entry });
    else {
      const fallbacks = mods.filter(([, f]) => isShared(f)).map(([n, f]) => preload(n, read(f), true)).join('');
      files.push({ path: `hybrid/${p.name}.lua`, kind: 'hybrid-shell', process: p.name, content: fallbacks + own + entry });
    }
  }
  if (mode !== 'monolith') {
    const rt = [...runtimeModules].sort(([a], [b]) => a.localeCompare(b)).map(([n, f]) => preload(n, ws.read(f)!.toString('utf8'))).join('');
    files.push({ path: `${mode}/runtime.lua`, kind: 'runtime', content: rt });
  }
  return { files };
}
