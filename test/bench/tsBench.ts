// Bench: our import rewrite (ts/rewrite-imports over a staged tree, flushed to disk) against
// the same rewrite through the jscodeshift CLI (workers, recast reprint) on a generated
// project of `fileCount` TS files, side by side in one run. Called by `npm run bench`.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TOOLKIT_ROOT } from '../../src/config/loadProject.ts';
import { DiskWorkspace } from '../../src/stage/workspace.ts';
import { createTree } from '../../src/stage/stagedTree.ts';
import { transform as rewriteImports } from '../../transforms/ts/rewrite-imports/index.ts';

export interface TsBenchResult {
  fileCount: number;
  oursSeconds: number;
  jscodeshiftCliSeconds: number;
  /** jscodeshift CLI time / our time (> 1: ours is faster). */
  ratio: number;
  /** Files each side changed (they must agree). */
  changedFiles: { ours: number; jscodeshift: number };
}

const RUNTIME_MODULES = 8;

/** A generated client: runtime modules m0..m7, and `fileCount` feature files importing them deeply. */
export function generateBenchProject(dir: string, fileCount: number): void {
  mkdirSync(path.join(dir, 'src/runtime'), { recursive: true });
  mkdirSync(path.join(dir, 'src/features'), { recursive: true });
  writeFileSync(path.join(dir, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
  for (let m = 0; m < RUNTIME_MODULES; m++) {
    writeFileSync(
      path.join(dir, `src/runtime/m${m}.ts`),
      `export function helper${m}(x: number): number {\n  return x * ${m + 1};\n}\nexport type Shape${m} = { id: number };\n`,
    );
  }
  for (let i = 0; i < fileCount; i++) {
    const a = i % RUNTIME_MODULES;
    const b = (i * 7 + 3) % RUNTIME_MODULES;
    const body = Array.from({ length: 12 }, (_, k) => `  // step ${k}\n  total += helper${a}(${k}) + helper${b}(input.id + ${k});`).join('\n');
    writeFileSync(
      path.join(dir, `src/features/f${i}.ts`),
      `// Feature ${i}: generated for the TS import-rewrite bench.\nimport { helper${a} } from '../runtime/m${a}.js';\nimport { helper${b}, type Shape${b} } from '../runtime/m${b}.js';\nimport { readFileSync } from 'node:fs';\n\nexport function feature${i}(input: Shape${b}): number {\n  let total = 0;\n${body}\n  return readFileSync ? total : -total;\n}\n`,
    );
  }
}

/** The jscodeshift transform doing the same rewrite (named-only deep runtime imports -> index). */
const JSCODESHIFT_TRANSFORM = `module.exports = function (file, api) {
  const j = api.jscodeshift;
  const root = j(file.source);
  let changed = false;
  root.find(j.ImportDeclaration).forEach((p) => {
    const src = p.node.source.value;
    const named = p.node.specifiers.length > 0 && p.node.specifiers.every((s) => s.type === 'ImportSpecifier');
    if (named && /^\\.\\.\\/runtime\\/m\\d+\\.js$/.test(src)) {
      p.node.source.value = '../runtime/index.js';
      changed = true;
    }
  });
  return changed ? root.toSource({ quote: 'single' }) : undefined;
};
`;

export async function benchTsRewrite(fileCount = 2000): Promise<TsBenchResult> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-'));
  try {
    const ours = path.join(base, 'ours');
    const theirs = path.join(base, 'jscodeshift');
    generateBenchProject(ours, fileCount);
    cpSync(ours, theirs, { recursive: true });
    writeFileSync(path.join(base, 'transform.cjs'), JSCODESHIFT_TRANSFORM);
    const modules = Array.from({ length: RUNTIME_MODULES }, (_, m) => `src/runtime/m${m}.ts`);

    const t0 = performance.now();
    const tree = createTree(new DiskWorkspace(ours));
    const params = rewriteImports.params.parse({ clientRoot: 'src', tsconfig: 'tsconfig.json', runtimeDir: 'src/runtime', modules });
    rewriteImports.apply(tree, params, { config: {} as never, root: ours, report: () => {} });
    let oursChanged = 0;
    for (const c of tree.changes()) {
      if (c.kind === 'update' || c.kind === 'create') writeFileSync(path.join(ours, c.path), c.after);
      if (c.kind === 'update') oursChanged++;
    }
    const oursSeconds = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    let output: string;
    try {
      output = execFileSync(
        path.join(TOOLKIT_ROOT, 'node_modules/.bin/jscodeshift'),
        ['--parser=ts', '--extensions=ts', '-t', path.join(base, 'transform.cjs'), path.join(theirs, 'src/features')],
        { encoding: 'utf8', stdio: 'pipe' },
      );
    } catch (e) {
      throw new Error(`bench: the jscodeshift CLI failed (is node_modules/.bin/jscodeshift installed?): ${(e as Error).message}`);
    }
    const jscodeshiftCliSeconds = (performance.now() - t1) / 1000;
    const theirsChanged = Number(/(\d+) ok/.exec(output)?.[1] ?? 0);
    // Same rewrite: the import lines must agree file by file (recast may reformat the rest).
    const importLines = (dir: string, i: number) =>
      readFileSync(path.join(dir, `src/features/f${i}.ts`), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('import'))
        .join('\n');
    for (const i of [0, 1, fileCount - 1]) {
      if (importLines(ours, i) !== importLines(theirs, i)) throw new Error(`bench: outputs differ in f${i}.ts (the two rewrites must be the same rewrite)`);
    }
    return {
      fileCount,
      oursSeconds: round(oursSeconds),
      jscodeshiftCliSeconds: round(jscodeshiftCliSeconds),
      ratio: round(jscodeshiftCliSeconds / oursSeconds),
      changedFiles: { ours: oursChanged, jscodeshift: theirsChanged },
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
