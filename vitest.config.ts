import { defineConfig } from 'vitest/config';

// Three projects: pure unit tests with no services; everything that touches PostgreSQL or the Temporal dev server, on
// the services test/support/global-setup.ts starts once for the run (files run side by side, each in a database and a
// namespace of its own: test/support/services.ts); and the workflow tests on time-skipping servers, one file at a time.
export default defineConfig({
  test: {
    // Most of an integration file's time is waiting on workflows and timers, so more files than cores run at once.
    maxWorkers: 3,
    // The console report for people, and a JUnit file for CI tools that count the tests a run executed.
    reporters: ['default', 'junit'],
    outputFile: { junit: 'test-results/junit.xml' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/domain/**/*.test.ts', 'test/policies/**/*.test.ts'],
          // The property tests (thousands of random cases) share the cores with the integration files: 5 s is too tight.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/domain/**', 'test/policies/**', 'test/workflows/**'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/file-teardown.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'workflows',
          include: ['test/workflows/**/*.test.ts'],
          globalSetup: ['test/support/workflows-setup.ts'],
          // One time-skipping test server at a time: run side by side on a loaded machine, their cases hung at times.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
