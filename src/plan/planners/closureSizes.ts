// Per-process sizes kept up to date step by step. The planner measures every process after
// every simulated step; walking every closure again each time makes planning quadratic in the
// project size. A step can only change a process's closure when it changes, deletes or moves
// a file of that closure, or creates a file under a name some file of the closure requires
// (a require that resolved elsewhere, or nowhere, may now resolve to it), so only those
// processes are walked again. `measure` is the full computation (and the oracle of the tests).
import type { ProjectConfig } from '../../config/projectConfig.ts';
import type { FileChange, Workspace } from '../../files/tree.ts';
import { isRuntimePath, requireNamesOf } from '../../../transforms/lua/lib/luaProject.ts';
import { ClosureWalker } from '../../graph/closure.ts';

export const RUNTIME = 'runtime';

export interface Sizes {
  /** process -> bytes of its closure outside the runtime (its shell), plus 'runtime'. */
  shell: Map<string, number>;
  /** process -> bytes of its whole closure (its everything-bundle). */
  bundle: Map<string, number>;
  /** process -> closure files, for budget explanations. */
  files: Map<string, string[]>;
}

interface ProcessState {
  closure: Set<string>;
  /** Every require name in the closure's files, resolved or not. */
  names: Set<string>;
}

export class ClosureSizes {
  private readonly state = new Map<string, ProcessState>();
  private current: Sizes;

  constructor(
    ws: Workspace,
    private readonly config: ProjectConfig,
    private readonly canonical: (p: string) => string = (p) => p,
  ) {
    this.current = { shell: new Map(), bundle: new Map(), files: new Map() };
    this.walk(
      ws,
      config.processes.map((p) => p.name),
    );
  }

  get sizes(): Sizes {
    return { shell: new Map(this.current.shell), bundle: new Map(this.current.bundle), files: new Map(this.current.files) };
  }

  /** Brings the sizes to `ws`, which is the previous state with `changes` applied. */
  update(ws: Workspace, changes: FileChange[]): Sizes {
    const changed = new Set<string>();
    const createdNames = new Set<string>();
    for (const c of changes) {
      if (c.kind === 'move') {
        changed.add(c.from);
        for (const n of requireNamesOf(this.config, c.to)) createdNames.add(n);
      } else if (c.kind === 'create') {
        for (const n of requireNamesOf(this.config, c.path)) createdNames.add(n);
      } else changed.add(c.path);
    }
    const affected = this.config.processes
      .map((p) => p.name)
      .filter((name) => {
        const s = this.state.get(name)!;
        for (const f of changed) if (s.closure.has(f)) return true;
        for (const n of createdNames) if (s.names.has(n)) return true;
        return false;
      });
    this.walk(ws, affected);
    return this.sizes;
  }

  /** Walks every process again (when changes cannot be traced to closures). */
  refresh(ws: Workspace): Sizes {
    this.walk(
      ws,
      this.config.processes.map((p) => p.name),
    );
    return this.sizes;
  }

  private walk(ws: Workspace, processes: string[]): void {
    const walker = new ClosureWalker(ws, this.config, this.canonical);
    const size = (f: string) => ws.read(f)?.length ?? 0;
    for (const proc of processes) {
      const closure = walker.closureOf(proc);
      const own = closure.filter((f) => !isRuntimePath(this.config, f));
      this.state.set(proc, { closure: new Set(closure), names: walker.namesRequiredBy(closure) });
      this.current.shell.set(
        proc,
        own.reduce((n, f) => n + size(f), 0),
      );
      this.current.bundle.set(
        proc,
        closure.reduce((n, f) => n + size(f), 0),
      );
      this.current.files.set(proc, own);
    }
    // The runtime folder is summed every time: a listing of it is cheap next to any walk.
    const runtimeFiles = ws.list(this.config.runtime.dir).filter((f) => f.endsWith('.lua'));
    this.current.shell.set(
      RUNTIME,
      runtimeFiles.reduce((n, f) => n + size(f), 0),
    );
    this.current.files.set(RUNTIME, runtimeFiles);
  }
}

/** Sizes of every process of `ws`, computed from scratch. */
export function measure(ws: Workspace, config: ProjectConfig, canonical?: (p: string) => string): Sizes {
  return new ClosureSizes(ws, config, canonical).sizes;
}
