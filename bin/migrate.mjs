#!/usr/bin/env node
// The `migrate` command. The published package runs the compiled JavaScript of dist/ (built by
// scripts/build.mjs when the package is packed); a checkout of the repository runs the
// TypeScript sources through tsx, so there is no stale build to forget. MIGRATE_DIST=1 makes a
// checkout run dist/ (the start-up benchmark and the package test).
import { existsSync } from 'node:fs';

const fromSources = process.env.MIGRATE_DIST !== '1' && existsSync(new URL('../src/cli/main.ts', import.meta.url));
let main;
if (fromSources) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
} else {
  const dist = new URL('../dist/src/cli/main.js', import.meta.url);
  if (!existsSync(dist)) {
    process.stderr.write("CLI-003 the compiled CLI (dist/) is missing\n  hint: run 'npm run build' in the ao-federate folder\n");
    process.exit(2);
  }
  ({ main } = await import(dist.href));
}
process.exitCode = await main(process.argv.slice(2));
