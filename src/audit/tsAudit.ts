// The TS audit: for each client entry its closure (esbuild metafile inputs), which files are
// shared (in two closures or more) or specific, duplicate functions (exact / type-1 / type-2
// / near, by normalised token hash) and bundle sizes with esbuild: each entry bundled alone
// (the "monolith" everything-bundle) against one build of all entries with code splitting
// (a runtime chunk of the shared code plus a small chunk per entry).
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import type { Project } from '../config/loadProject.ts';
import { MigrateError } from '../errors.ts';
import { DiskWorkspace } from '../stage/workspace.ts';
import { clientLayout, type ClientLayout } from '../ts/project.ts';
import { functionCopies, groupDuplicates, type TsDuplicateGroup } from '../ts/duplicates.ts';
import { listSources } from '../ts/text.ts';

export interface TsEntryReport {
  entry: string;
  /** Project files in the entry's bundle (entry included), sorted. */
  closure: string[];
  shared: string[];
  specific: string[];
  monolithBytes: number;
  /** The entry's own chunk in the split build (runtime chunks excluded). */
  shellBytes: number;
}

export interface TsAuditReport {
  client: ClientLayout;
  entries: TsEntryReport[];
  /** Files in two entry closures or more (the runtime candidates). */
  shared: string[];
  duplicates: TsDuplicateGroup[];
  bundles: {
    monolithTotalBytes: number;
    runtimeChunkBytes: number;
    shellTotalBytes: number;
    /** (monolith total - (runtime + shells)) / monolith total, in percent. */
    savedPercent: number;
  };
}

export async function auditTs(project: Project): Promise<TsAuditReport> {
  return auditTsAt(project.root, clientLayout(project.config));
}

export async function auditTsAt(root: string, layout: ClientLayout): Promise<TsAuditReport> {
  const ws = new DiskWorkspace(root);
  const common = {
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm' as const,
    platform: 'node' as const,
    target: 'es2022',
    tsconfig: path.join(root, layout.tsconfig),
    logLevel: 'silent' as const,
    outdir: path.join(root, '.migrate', 'ts-audit'),
  };
  const rel = (p: string) => path.relative(root, path.resolve(root, p)).split(path.sep).join('/');
  const monoliths = new Map<string, { bytes: number; closure: string[] }>();
  for (const entry of layout.entries) {
    const result = await runBuild(() => build({ ...common, entryPoints: [entry] }), entry);
    const [out] = Object.values(result.metafile!.outputs);
    monoliths.set(entry, { bytes: out!.bytes, closure: Object.keys(out!.inputs).map(rel).sort() });
  }
  const split = await runBuild(() => build({ ...common, entryPoints: layout.entries, splitting: true, chunkNames: 'runtime-[hash]' }), layout.entries[0]!);
  const shells = new Map<string, number>();
  let runtimeChunkBytes = 0;
  for (const out of Object.values(split.metafile!.outputs) as Metafile['outputs'][string][]) {
    if (out.entryPoint) shells.set(rel(out.entryPoint), out.bytes);
    else runtimeChunkBytes += out.bytes;
  }

  const count = new Map<string, number>();
  for (const { closure } of monoliths.values()) for (const f of closure) count.set(f, (count.get(f) ?? 0) + 1);
  const shared = [...count]
    .filter(([, n]) => n >= 2)
    .map(([f]) => f)
    .sort();
  const entries = layout.entries.map((entry) => {
    const { bytes, closure } = monoliths.get(entry)!;
    return {
      entry,
      closure,
      shared: closure.filter((f) => shared.includes(f)),
      specific: closure.filter((f) => !shared.includes(f)),
      monolithBytes: bytes,
      shellBytes: shells.get(entry) ?? 0,
    };
  });

  const sources = listSources(ws, layout.root).filter((f) => !/(^|\/)(test|tests|__tests__)\//.test(f));
  const duplicates = groupDuplicates(sources.flatMap((f) => functionCopies(f, ws.read(f)!.toString('utf8'))));
  const monolithTotalBytes = entries.reduce((n, e) => n + e.monolithBytes, 0);
  const shellTotalBytes = entries.reduce((n, e) => n + e.shellBytes, 0);
  const federated = runtimeChunkBytes + shellTotalBytes;
  return {
    client: layout,
    entries,
    shared,
    duplicates,
    bundles: {
      monolithTotalBytes,
      runtimeChunkBytes,
      shellTotalBytes,
      savedPercent: monolithTotalBytes ? Math.round(((monolithTotalBytes - federated) / monolithTotalBytes) * 1000) / 10 : 0,
    },
  };
}

async function runBuild<T>(go: () => Promise<T>, file: string): Promise<T> {
  try {
    return await go();
  } catch (e) {
    const first = (e as { errors?: { text: string; location?: { file: string; line: number; column: number } }[] }).errors?.[0];
    throw new MigrateError('TS-020', `esbuild could not bundle the client: ${first?.text ?? (e as Error).message}`, {
      location: first?.location ? { file: first.location.file, line: first.location.line, column: first.location.column + 1 } : { file },
      hint: 'the audit bundles each client entry; fix the import or syntax error esbuild names',
      cause: e,
    });
  }
}
