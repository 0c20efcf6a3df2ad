import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'transforms/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/fixtures/**', 'transforms/*/*/fixtures/**', 'test/tmp/**', 'examples/**'],
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
