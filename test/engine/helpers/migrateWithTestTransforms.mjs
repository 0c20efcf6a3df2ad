#!/usr/bin/env node
// `migrate` as bin/migrate.mjs runs it (the TypeScript sources through tsx), knowing the engine
// tests' own transforms too: for tests that drive the real CLI in a child process (a pty).
import { register } from 'tsx/esm/api';

register();
const { main, defaultIO } = await import('../../../src/cli/main.ts');
const { TransformRegistry } = await import('../../../src/transform/registry.ts');
const argv = process.argv.slice(2);
const transforms = new TransformRegistry([new URL('../transforms', import.meta.url).pathname]);
process.exitCode = await main(argv, { ...defaultIO(argv), transforms });
