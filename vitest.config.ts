import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests spawn the compiled executable: build it once before any test runs.
    globalSetup: ['test/setup/build.ts', 'test/setup/services.ts'],
    // No test reaches past loopback.
    setupFiles: ['test/setup/loopback-only.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
