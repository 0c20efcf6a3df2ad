// A hand migration of one module, standing in for the codemods in tests: the file moves under
// the runtime folder and every `require("<name>")` in the project's Lua files becomes
// `Federation.require("<namespace>.<name>", "^<major>.0.0")`, as federate-requires writes it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Project } from '../../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../../src/stage/workspace.ts';

export function federateModule(project: Project, name: string): { from: string; to: string; sites: number } {
  const { sourceRoot, runtime } = project.config;
  const from = path.posix.join(sourceRoot, `${name.split('.').join('/')}.lua`);
  const newName = `${runtime.namespace}.${name}`;
  const to = path.posix.join(sourceRoot, `${newName.split('.').join('/')}.lua`);
  if (!to.startsWith(`${runtime.dir}/`)) throw new Error(`${to} is not under ${runtime.dir}`);
  mkdirSync(path.dirname(path.join(project.root, to)), { recursive: true });
  renameSync(path.join(project.root, from), path.join(project.root, to));
  const range = `^${runtime.version.split('.')[0]}.0.0`;
  let sites = 0;
  for (const file of new DiskWorkspace(project.root).list(sourceRoot).filter((f) => f.endsWith('.lua'))) {
    const abs = path.join(project.root, file);
    const text = readFileSync(abs, 'utf8');
    const next = text.replace(new RegExp(`\\brequire\\s*\\(\\s*(["'])${name.replace(/[.-]/g, '\\$&')}\\1\\s*\\)`, 'g'), (_m, q: string) => {
      sites += 1;
      return `Federation.require(${q}${newName}${q}, ${q}${range}${q})`;
    });
    if (next !== text) writeFileSync(abs, next);
  }
  return { from, to, sites };
}
