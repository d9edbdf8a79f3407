import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests run in parallel with no services; everything that touches PostgreSQL or Temporal
// runs serially against the services that test/support/global-setup.ts starts once for the whole run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/domain/**/*.test.ts', 'test/policies/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/domain/**', 'test/policies/**'],
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
