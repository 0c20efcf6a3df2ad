// Scale corpora for `npm run bench`: factor k makes k shards of the example, each a full
// copy of its sources under `<sourceRoot>/s<i>/` with every project require renamed to the
// shard (`game-logic.x` -> `s3.game-logic.x`), so modules, bytes and processes grow k-fold
// and each shard keeps the example's sharing and duplication habits. Factor 1 is a plain copy.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { loadProject } from '../../src/config/loadProject.ts';
import { parseLua, encodeLua, applyTextEdits } from '../../src/parse/luaSource.ts';
import { findRequires } from '../../src/graph/requireSites.ts';
import { isBuiltin } from '../../src/graph/requireGraph.ts';
import type { TextEdit } from '../../src/transform/types.ts';
import type { ProjectConfig } from '../../src/config/projectConfig.ts';

export interface CorpusInfo {
  dir: string;
  factor: number;
  files: number;
  luaBytes: number;
  processes: number;
}

function renameRequires(bytes: Buffer, file: string, prefix: string, config: ProjectConfig): Buffer {
  const parsed = parseLua(bytes, file);
  if (!parsed.ast) return bytes;
  const edits: TextEdit[] = [];
  for (const site of findRequires(parsed.ast).sites) {
    if (isBuiltin(config, site.name)) continue;
    const [start, end] = site.literalRange;
    edits.push({ start, end, text: site.raw.replace(site.name, `${prefix}.${site.name}`) });
  }
  return edits.length ? encodeLua(applyTextEdits(parsed.text, edits), parsed.bom) : bytes;
}

export function generateCorpus(exampleDir: string, outDir: string, factor: number): CorpusInfo {
  const project = loadProject({ project: exampleDir, cwd: exampleDir });
  const { config } = project;
  const ws = new DiskWorkspace(project.root);
  const srcRoot = config.sourceRoot.replace(/\/$/, '');
  const luaFiles = ws.list(srcRoot).filter((p) => p.endsWith('.lua') && !p.includes('/tests/'));
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
      const out = shardPrefix ? renameRequires(bytes, file, shardPrefix, config) : bytes;
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
