import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/unit/**/*.test.ts', 'models/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
  worker: { format: 'es' },
});
