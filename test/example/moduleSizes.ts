// Size figures of the example: modules, Lua bytes, each process's everything-bundle (the entry
// plus its require closure, from the bundler's graph), and the share of battle's closure that
// other processes also use.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { PROCESSES, SOURCE_ROOT } from './exampleBundle.ts';
import { exampleGraph } from './exampleProject.ts';

export interface ProcessFigures {
  name: string;
  /** Modules in the closure, entry included. */
  modules: number;
  /** Source bytes of the entry and its closure (the everything-bundle before wrapping). */
  bytes: number;
  /** Closure module names (entry excluded), sorted. */
  closure: string[];
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
      // tests are excluded by the config; runtime/ appears only after the migration
      if (name !== 'tests' && name !== 'runtime') listLua(full, out);
    } else if (name.endsWith('.lua')) out.push(full);
  }
  return out;
}

export function measureExample(): ExampleFigures {
  const files = listLua(SOURCE_ROOT);
  const luaBytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const graph = exampleGraph();
  const bytesOf = (name: string) => graph.modules.get(name)!.bytes;
  const processes: ProcessFigures[] = PROCESSES.map((name) => {
    const proc = graph.processes.find((p) => p.name === name);
    if (!proc) throw new Error(`process ${name} is not in migrate.config.json`);
    const bytes = proc.closure.reduce((n, m) => n + bytesOf(m), proc.entryBytes);
    return { name, modules: proc.closure.length + 1, bytes, closure: [...proc.closure].sort() };
  });
  const users = new Map<string, number>();
  for (const p of processes) for (const m of p.closure) users.set(m, (users.get(m) ?? 0) + 1);
  const battle = processes.find((p) => p.name === 'battle')!;
  const shared = battle.closure.filter((m) => (users.get(m) ?? 0) >= 2).reduce((n, m) => n + bytesOf(m), 0);
  return { modules: files.length, luaBytes, processes, battleSharedRatio: battle.bytes ? shared / battle.bytes : 0 };
}
