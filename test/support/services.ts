// What test/support/global-setup.ts starts once per run, as seen from inside a test file. Integration files run side
// by side, so each file gets a database and a Temporal namespace of its own: a copy of the run's migrated and seeded
// template (made in a fraction of a second), dropped when the file ends (test/support/file-teardown.ts).
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's PostgreSQL server: a maintenance database on it that no test works in (copies are made from here). */
    databaseServerUrl: string;
    /** The database migrated and seeded once for the run; never opened by a test, only copied. */
    templateDatabase: string;
    /** A Temporal dev server (in memory) for this run, `host:port`. */
    temporalAddress: string;
    /** The workflow bundle, built once for the run (`bundleWorkflowCode`), as a file a worker loads. */
    workflowBundleCodePath: string;
    /** The same bundle as JSON (code and source map), for the time-skipping harnesses and the replayer. */
    workflowBundleJsonPath: string;
  }
}

export interface TestServices {
  /** This file's own database: migrated to the latest schema and seeded with the reference data. */
  databaseUrl: string;
  temporalAddress: string;
  /** This file's own Temporal namespace on the dev server. */
  namespace: string;
  /** The run's workflow bundle file (no webpack per worker). */
  workflowBundleCodePath: string;
}

function provided<K extends 'databaseServerUrl' | 'templateDatabase' | 'temporalAddress' | 'workflowBundleCodePath' | 'workflowBundleJsonPath'>(
  key: K,
): string {
  const value = inject(key);
  // inject() answers undefined in a project without the global setup; say so instead of failing later on a URL.
  if (!value) throw new Error('No test services: this file must run in the vitest "integration" project (test/support/global-setup.ts)');
  return value;
}

let fileDatabase: Promise<{ url: string; name: string }> | undefined;
let fileNamespace: Promise<string> | undefined;

/** The run's services for this file; the first call makes the file's database and namespace. */
export async function servicesForTest(): Promise<TestServices> {
  fileDatabase ??= copyOfTemplate('file');
  fileNamespace ??= registerNamespace(provided('temporalAddress'));
  const [database, namespace] = await Promise.all([fileDatabase, fileNamespace]);
  return {
    databaseUrl: database.url,
    temporalAddress: provided('temporalAddress'),
    namespace,
    workflowBundleCodePath: provided('workflowBundleCodePath'),
  };
}

/** The run's PostgreSQL server, for a tool that makes databases of its own on it (the crash drill). */
export function databaseServerForTest(): string {
  return provided('databaseServerUrl');
}

/** The run's workflow bundle, for a worker on the time-skipping server or the replayer. */
export async function workflowBundleForTest(): Promise<WorkflowBundleWithSourceMap> {
  return JSON.parse(await readFile(provided('workflowBundleJsonPath'), 'utf8')) as WorkflowBundleWithSourceMap;
}

/**
 * A new database copied from the run's template, for a file that needs a second one (a sweep over the whole database,
 * the contract run). `drop()` removes it, even while a connection is still open.
 */
export async function copyOfTemplate(label: string): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `sis_${label}_${randomBytes(6).toString('hex')}`;
  await onServer((client) =>
    client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(provided('templateDatabase'))}`),
  );
  const url = new URL(provided('databaseServerUrl'));
  url.pathname = `/${name}`;
  return { url: url.href, name, drop: () => dropDatabase(name) };
}

/** Drops this file's database when one was made (the file's last afterAll). */
export async function dropFileDatabase(): Promise<void> {
  if (!fileDatabase) return;
  const { name } = await fileDatabase;
  fileDatabase = undefined;
  await dropDatabase(name);
}

async function dropDatabase(name: string): Promise<void> {
  // FORCE: a pool a failed test left open must not keep the copy alive (PostgreSQL 13+).
  await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

async function onServer(work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: provided('databaseServerUrl') });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** A new namespace on the run's dev server, usable once it answers a describe (registration is asynchronous). */
export async function registerNamespace(temporalAddress: string): Promise<string> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const namespace = `test-${randomUUID().slice(0, 8)}`;
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
    for (let attempt = 0; ; attempt += 1) {
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return namespace;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await connection.close();
  }
}
