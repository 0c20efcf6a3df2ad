// Symbol-aware view of a TS client with ts-morph (in-memory file system, files copied from
// the workspace): what each entry really uses. A named import counts the file that DECLARES
// the symbol (re-export chains and `export *` followed by the checker), a namespace import
// every file its exports come from, and a used file pulls in what it imports itself.
import { Project, ts, type SourceFile } from 'ts-morph';
import { MigrateError } from '../errors.ts';
import type { ProjectConfig } from '../config/projectConfig.ts';
import type { Workspace } from '../files/tree.ts';
import { listSources } from './text.ts';

const VROOT = '/project/';

export interface ClientLayout {
  root: string;
  tsconfig: string;
  entries: string[];
  runtimeDir: string;
}

export function clientLayout(config: ProjectConfig): ClientLayout {
  if (!config.client) {
    throw new MigrateError('TS-004', 'migrate.config.json has no "client" block', {
      location: { file: 'migrate.config.json' },
      hint: 'add "client": {"root", "tsconfig", "entries", "runtimeDir"} to migrate the TypeScript sources',
    });
  }
  const { root, tsconfig, entries, runtimeDir } = config.client;
  return { root, tsconfig, entries, runtimeDir };
}

export interface EntryUsage {
  entry: string;
  /** Project files (entry excluded) the entry uses, transitively; sorted. */
  files: string[];
  /** `file#name` of every declaration the entry imports directly. */
  symbols: string[];
}

export class ClientProject {
  readonly project: Project;

  constructor(
    private readonly ws: Workspace,
    readonly layout: ClientLayout,
  ) {
    const text = ws.read(layout.tsconfig)?.toString('utf8');
    if (text === undefined)
      throw new MigrateError('TS-003', `tsconfig not found: ${layout.tsconfig}`, {
        location: { file: layout.tsconfig },
        hint: 'set client.tsconfig in migrate.config.json',
      });
    const json = ts.parseConfigFileTextToJson(layout.tsconfig, text).config ?? {};
    const configDir = VROOT + layout.tsconfig.split('/').slice(0, -1).join('/');
    const { options } = ts.convertCompilerOptionsFromJson(json.compilerOptions ?? {}, configDir);
    this.project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...options, noEmit: true, types: [] }, skipAddingFilesFromTsConfig: true });
    for (const file of listSources(ws, layout.root)) {
      if (/\.(ts|tsx|mts|cts)$/.test(file))
        this.project.createSourceFile(
          VROOT + file,
          ws
            .read(file)!
            .toString('utf8')
            .replace(/^\uFEFF/, ''),
          { overwrite: true },
        );
    }
  }

  rel(sf: SourceFile): string {
    return sf.getFilePath().slice(VROOT.length);
  }

  sourceFile(file: string): SourceFile | undefined {
    return this.project.getSourceFile(VROOT + file);
  }

  /** What `entry` uses (see the file comment). */
  usage(entry: string): EntryUsage {
    const sf = this.sourceFile(entry);
    if (!sf)
      throw new MigrateError('TS-005', `client entry not found: ${entry}`, { location: { file: entry }, hint: 'check client.entries in migrate.config.json' });
    const files = new Set<string>();
    const symbols = new Set<string>();
    const addDecls = (sym: import('ts-morph').Symbol | undefined, name: string) => {
      const target = sym?.isAlias() ? sym.getAliasedSymbol() : sym;
      for (const d of target?.getDeclarations() ?? []) {
        const file = this.rel(d.getSourceFile());
        if (d.getSourceFile().isInNodeModules() || d.getSourceFile().isDeclarationFile()) continue;
        files.add(file);
        symbols.add(`${file}#${name}`);
      }
    };
    for (const imp of sf.getImportDeclarations()) {
      const mod = imp.getModuleSpecifierSourceFile();
      if (!mod) continue;
      // The module imported from is used too (a barrel re-exporting the helpers, say).
      if (!mod.isDeclarationFile() && !mod.isInNodeModules()) files.add(this.rel(mod));
      const def = imp.getDefaultImport();
      if (def) addDecls(def.getSymbol(), 'default');
      for (const n of imp.getNamedImports()) addDecls(n.getNameNode().getSymbol(), n.getName());
      if (imp.getNamespaceImport()) {
        for (const [name, decls] of mod.getExportedDeclarations()) for (const d of decls) addDecls(d.getSymbol(), name);
        files.add(this.rel(mod));
      }
    }
    // A used file needs what it imports in turn (module level).
    const queue = [...files];
    while (queue.length) {
      const file = this.sourceFile(queue.pop()!);
      for (const decl of [...(file?.getImportDeclarations() ?? []), ...(file?.getExportDeclarations() ?? [])]) {
        const dep = decl.getModuleSpecifierSourceFile();
        if (!dep || dep.isDeclarationFile()) continue;
        const rel = this.rel(dep);
        if (!files.has(rel) && rel !== entry) {
          files.add(rel);
          queue.push(rel);
        }
      }
    }
    files.delete(entry);
    return { entry, files: [...files].sort(), symbols: [...symbols].sort() };
  }

  /**
   * Whether the top-level function `name` in `file` only refers to its own parameters and
   * locals, and globals: such a helper can move to a module of its own unchanged.
   */
  isSelfContained(file: string, name: string): boolean {
    const fn = this.sourceFile(file)?.getFunction(name);
    if (!fn) return false;
    for (const id of fn.getDescendantsOfKind(ts.SyntaxKind.Identifier)) {
      for (const d of id.getSymbol()?.getDeclarations() ?? []) {
        const sf = d.getSourceFile();
        if (sf.isDeclarationFile() || sf.isInNodeModules()) continue;
        const inside = d.getStart() >= fn.getStart() && d.getEnd() <= fn.getEnd();
        if (!inside && d !== fn) return false;
      }
    }
    return true;
  }
}
