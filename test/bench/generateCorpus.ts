// Scale corpora for `npm run bench`: factor k makes k shards of the example, each a full copy
// of its Lua sources under `<sourceRoot>/s<i>/` with every require of a project module renamed
// to the shard (`game-logic.x` -> `s3.game-logic.x`), so modules, bytes and processes grow
// k-fold and each shard keeps the example's sharing and duplication habits. Factor 1 is a plain
// copy. Require sites come from the bundler's AST reader (src/bundle/federatedRequires.ts): only
// real requires are renamed, never text in strings or comments; other bytes are copied as is.
// By default every shard also suffixes its local variables (`local rng` -> `local rng_s3`, every
// reference too, a semantics-preserving rename), so shards are different programs like the
// parts of a real code base 30 times the example, and the duplication stays what the example
// plants inside each shard. `identical: true` keeps shards byte-identical apart from requires:
// every module then has a copy in every shard, and the dedup work grows faster than the corpus.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { loadProject } from '../../src/config/loadProject.ts';
import { findBundleRequires } from '../../src/bundle/federatedRequires.ts';
import { parseLuaOrThrow } from '../../src/bundle/luaFront.ts';
import { walkLua, type LuaNode } from '../../src/parse/luaAst.ts';
import { applyTextEdits } from '../../src/parse/luaSource.ts';

export interface CorpusInfo {
  dir: string;
  factor: number;
  files: number;
  luaBytes: number;
  processes: number;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Module name of a project path under the source root (`a/b.lua` -> `a.b`, `a/init.lua` -> `a`). */
function moduleNameOf(rel: string): string {
  return rel
    .replace(/\.lua$/, '')
    .replace(/\/init$/, '')
    .split('/')
    .join('.');
}

/** Edits of the shard rename: require names get the shard prefix, locals the shard suffix. */
function shardEdits(
  ast: LuaNode,
  text: string,
  prefix: string,
  projectModules: Set<string>,
  renameLocals: boolean,
): { start: number; end: number; text: string }[] {
  const edits = findBundleRequires(ast)
    .filter((s) => projectModules.has(s.name))
    .map((s) => ({
      start: s.literalRange[0],
      end: s.literalRange[1],
      text: text.slice(s.literalRange[0], s.literalRange[1]).replace(s.name, `${prefix}.${s.name}`),
    }));
  if (renameLocals) {
    walkLua(ast, (n) => {
      const id = n as unknown as { type: string; isLocal?: boolean; name: string; range: [number, number] };
      if (id.type === 'Identifier' && id.isLocal) edits.push({ start: id.range[0], end: id.range[1], text: `${id.name}_${prefix}` });
    });
  }
  return edits;
}

function renameRequires(bytes: Buffer, file: string, prefix: string, projectModules: Set<string>, renameLocals: boolean): Buffer {
  const bom = bytes.subarray(0, 3).equals(BOM);
  const text = (bom ? bytes.subarray(3) : bytes).toString('latin1');
  let ast;
  try {
    ast = parseLuaOrThrow(text, file);
  } catch {
    return bytes; // a file that does not parse is copied as is (the audit reports it)
  }
  const edits = shardEdits(ast, text, prefix, projectModules, renameLocals);
  if (!edits.length) return bytes;
  const body = Buffer.from(applyTextEdits(text, edits), 'latin1');
  return bom ? Buffer.concat([BOM, body]) : body;
}

export function generateCorpus(exampleDir: string, outDir: string, factor: number, opts: { identical?: boolean } = {}): CorpusInfo {
  const project = loadProject({ project: exampleDir, cwd: exampleDir });
  const { config } = project;
  const ws = new DiskWorkspace(project.root);
  const srcRoot = config.sourceRoot.replace(/\/$/, '');
  const luaFiles = ws.list(srcRoot).filter((p) => p.endsWith('.lua') && !p.includes('/tests/'));
  const projectModules = new Set(luaFiles.map((f) => moduleNameOf(f.slice(srcRoot.length + 1))));
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let luaBytes = 0;
  const processes: { name: string; entry: string; traces: string[] }[] = [];
  for (let s = 0; s < factor; s++) {
    const shardPrefix = factor === 1 ? '' : `s${s}`;
    for (const file of luaFiles) {
      const rel = file.slice(srcRoot.length + 1);
      const target = path.join(outDir, srcRoot, shardPrefix, rel);
      const bytes = ws.read(file)!;
      const out = shardPrefix ? renameRequires(bytes, file, shardPrefix, projectModules, !opts.identical) : bytes;
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, out);
      luaBytes += out.length;
    }
    for (const p of config.processes) {
      const rel = p.entry.slice(srcRoot.length + 1);
      processes.push({
        name: shardPrefix ? `${shardPrefix}-${p.name}` : p.name,
        entry: [srcRoot, shardPrefix, rel].filter(Boolean).join('/'),
        traces: [],
      });
    }
  }
  const raw = JSON.parse(readFileSync(path.join(project.root, 'migrate.config.json'), 'utf8')) as Record<string, unknown>;
  delete raw.client;
  raw.processes = processes;
  writeFileSync(path.join(outDir, 'migrate.config.json'), `${JSON.stringify(raw, null, 2)}\n`);
  return { dir: outDir, factor, files: luaFiles.length * factor, luaBytes, processes: processes.length };
}
