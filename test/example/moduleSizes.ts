// Size figures of the example: modules, Lua bytes, each process's everything-bundle (its
// require closure), and the share of battle's closure that other processes also use.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { closureOf, entryFile, PROCESSES, SOURCE_ROOT } from './exampleBundle.ts';

export interface ProcessFigures {
  name: string;
  modules: number;
  bytes: number;
  /** Required names with no file under sourceRoot (must be aos builtins). */
  unresolved: string[];
}

export interface ExampleFigures {
  modules: number;
  luaBytes: number;
  processes: ProcessFigures[];
  /** Bytes of battle's closure in modules used by >= 2 processes, over the closure's bytes. */
  battleSharedRatio: number;
}

function listLua(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'tests' && name !== 'runtime') listLua(full, out);
    } else if (name.endsWith('.lua')) out.push(full);
  }
  return out;
}

export function measureExample(): ExampleFigures {
  const files = listLua(SOURCE_ROOT);
  const luaBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const closures = new Map<string, Set<string>>();
  const processes: ProcessFigures[] = PROCESSES.map((name) => {
    const entry = entryFile(name);
    const { modules, unresolved } = closureOf(entry);
    const fileSet = new Set([...modules.values()]);
    closures.set(name, fileSet);
    const bytes = [...fileSet, entry].reduce((n, f) => n + statSync(f).size, 0);
    return { name, modules: fileSet.size + 1, bytes, unresolved: [...unresolved].sort() };
  });
  const users = new Map<string, number>();
  for (const set of closures.values()) for (const f of set) users.set(f, (users.get(f) ?? 0) + 1);
  const battle = closures.get('battle')!;
  const battleBytes = processes.find((p) => p.name === 'battle')!.bytes;
  const shared = [...battle].filter((f) => (users.get(f) ?? 0) >= 2).reduce((n, f) => n + statSync(f).size, 0);
  return { modules: files.length, luaBytes, processes, battleSharedRatio: battleBytes ? shared / battleBytes : 0 };
}
