// What test/support/global-setup.ts starts once per run, as seen from inside a test file.
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database of its own for this run, already migrated to the latest schema. */
    databaseUrl: string;
    /** A Temporal dev server (in memory) for this run, `host:port`. */
    temporalAddress: string;
  }
}

/** The run's PostgreSQL and Temporal; only the `integration` vitest project provides them. */
export function servicesForTest(): { databaseUrl: string; temporalAddress: string } {
  const databaseUrl = inject('databaseUrl');
  const temporalAddress = inject('temporalAddress');
  // inject() answers undefined in a project without the global setup; say so instead of failing later on a URL.
  if (!databaseUrl || !temporalAddress) {
    throw new Error('No test services: this file must run in the vitest "integration" project (test/support/global-setup.ts)');
  }
  return { databaseUrl, temporalAddress };
}
