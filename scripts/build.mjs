#!/usr/bin/env node
// Compiles the toolkit's TypeScript to JavaScript in dist/ for the published package, one
// output file per source file (the tree is mirrored: dist/src, dist/transforms,
// dist/reports), with relative `.ts` imports rewritten to `.js`; packages stay imports. Copies
// the Lua loader files (src/bundle/lua/*.lua) beside their module. Tests, fixtures and
// benchmarks are not compiled. Runs in about a second (esbuild); `npm run build`, and `npm pack`
// through `prepack`.
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist');
const TREES = ['src', 'transforms', 'reports'];
const SKIP = /(\.test\.ts|\.d\.ts)$|[\\/](fixtures|node_modules)[\\/]/;

function sources(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) found.push(...sources(p));
    else if (p.endsWith('.ts') && !SKIP.test(p)) found.push(p);
  }
  return found;
}

/** Every import stays an import; a relative one to a .ts file points at its .js output. */
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};

export async function buildDist() {
  rmSync(OUT, { recursive: true, force: true });
  const entryPoints = TREES.flatMap((t) => (existsSync(path.join(ROOT, t)) ? sources(path.join(ROOT, t)) : []));
  await build({
    entryPoints,
    outdir: OUT,
    outbase: ROOT,
    bundle: true,
    plugins: [keepImports],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    logLevel: 'warning',
  });
  cpSync(path.join(ROOT, 'src', 'bundle', 'lua'), path.join(OUT, 'src', 'bundle', 'lua'), { recursive: true });
  return { files: entryPoints.length, out: OUT };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const r = await buildDist();
  console.error(`built ${r.files} modules into ${path.relative(process.cwd(), r.out) || r.out} in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}
