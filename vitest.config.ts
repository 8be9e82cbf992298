import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that spawn the CLI need the compiled bin; `npm test` builds first via tsc in prepare.
    testTimeout: 20_000,
    pool: 'forks',
  },
});
