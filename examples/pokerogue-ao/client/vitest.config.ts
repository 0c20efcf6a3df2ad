// The client's own test run (called explicitly by the toolkit's test/ts harness; the
// toolkit's root vitest config excludes examples/**). The alias mirrors tsconfig `paths`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@client': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: { include: ['test/**/*.test.ts'], pool: 'threads' },
});
