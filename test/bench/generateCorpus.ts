// Scale corpora for `npm run bench`: factor k makes k shards of the example, each a full copy
// of its Lua sources under `<sourceRoot>/s<i>/` with every require of a project module renamed
// to the shard (`game-logic.x` -> `s3.game-logic.x`), so modules, bytes and processes grow
// k-fold and each shard keeps the example's sharing and duplication habits. Factor 1 is a plain
// copy. Require sites come from the bundler's AST reader (src/bundle/federatedRequires.ts): only
// real requires are renamed, never text in strings or comments; other bytes are copied as is.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { loadProject } from '../../src/config/loadProject.ts';
import { findBundleRequires } from '../../src/bundle/federatedRequires.ts';
import { parseLuaOrThrow } from '../../src/bundle/luaFront.ts';

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
  return rel.replace(/\.lua$/, '').replace(/\/init$/, '').split('/').join('.');
}

function renameRequires(bytes: Buffer, file: string, prefix: string, projectModules: Set<string>): Buffer {
  const bom = bytes.subarray(0, 3).equals(BOM);
  const text = (bom ? bytes.subarray(3) : bytes).toString('latin1');
  let ast;
  try {
    ast = parseLuaOrThrow(text, file);
  } catch {
    return bytes; // a file that does not parse is copied as is (the audit reports it)
  }
  const sites = findBundleRequires(ast).filter((s) => projectModules.has(s.name)).sort((a, b) => b.literalRange[0] - a.literalRange[0]);
  if (!sites.length) return bytes;
  let out = text;
  for (const s of sites) {
    const [start, end] = s.literalRange;
    out = out.slice(0, start) + out.slice(start, end).replace(s.name, `${prefix}.${s.name}`) + out.slice(end);
  }
  const body = Buffer.from(out, 'latin1');
  return bom ? Buffer.concat([BOM, body]) : body;
}

export function generateCorpus(exampleDir: string, outDir: string, factor: number): CorpusInfo {
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
      const out = shardPrefix ? renameRequires(bytes, file, shardPrefix, projectModules) : bytes;
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
