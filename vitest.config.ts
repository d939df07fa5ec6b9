import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'models/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    // A safety net against a hung test, not a budget: the suite must pass on a busy 2-core machine,
    // so no test sets a tighter limit of its own (test/unit/timeouts.test.ts checks).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
  worker: { format: 'es' },
});
