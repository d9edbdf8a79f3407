// Global setup of the vitest `integration` project, once per run: a PostgreSQL server with a migrated and seeded
// template database (each file works in a copy of its own, test/support/services.ts), an in-memory Temporal dev server,
// and the workflow bundle built once. No test depends on state another run or another file left behind. Anything
// that cannot start fails the run; nothing is skipped.
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../bin/config.js';
import { freePort } from '../../bin/tools/free-port.js';
import { freshDatabase } from '../../bin/tools/fresh-database.js';
import { startTemporalDevServer } from '../../bin/tools/temporal-dev-server.js';
import { temporalCliPath } from '../../bin/tools/temporal-binaries.js';
import { migrateToLatest } from '../../db/migrator.js';
import { createOrm } from '../../db/orm.js';
import { seedReferenceData } from '../../db/seed/reference-data.js';
import { writeWorkflowBundle } from './workflow-bundle.js';

type Stop = () => Promise<void>;

// A throwaway cluster needs no durability: nothing in it must survive a crash, and commits stop waiting for the disk.
const THROWAWAY_SERVER_SETTINGS = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export async function setup(project: TestProject): Promise<Stop> {
  const stops: Stop[] = [];
  // vitest registers the teardown only when setup returns, so a setup that fails halfway cleans up itself.
  const teardown = async () => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop();
  };
  try {
    temporalCliPath();

    const givenServer = loadConfig().db.url;
    // Started side by side; whatever did start is stopped again when another part fails.
    const started = await Promise.allSettled([
      freshDatabase(givenServer, 'test', { settings: THROWAWAY_SERVER_SETTINGS }),
      freePort().then((port) => startTemporalDevServer({ port, uiPort: null, dbFile: null })),
      writeWorkflowBundle(),
    ] as const);
    const [template, temporal, bundle] = started.map((part) => (part.status === 'fulfilled' ? part.value : undefined)) as [
      Awaited<ReturnType<typeof freshDatabase>> | undefined,
      Awaited<ReturnType<typeof startTemporalDevServer>> | undefined,
      Awaited<ReturnType<typeof writeWorkflowBundle>> | undefined,
    ];
    if (template) stops.push(template.drop);
    if (temporal) stops.push(() => temporal.stop());
    if (bundle) stops.push(bundle.remove);
    for (const part of started) if (part.status === 'rejected') throw part.reason;
    if (!template || !temporal || !bundle) throw new Error('test services: set-up incomplete');
    await prepareTemplate(template.url);

    const templateUrl = new URL(template.url);
    // Copies are made over a connection that is not to the template itself: DATABASE_URL's own database, or the
    // embedded server's maintenance database.
    const server = new URL(givenServer ?? template.url);
    if (givenServer === undefined) server.pathname = '/postgres';
    project.provide('databaseServerUrl', server.href);
    project.provide('templateDatabase', decodeURIComponent(templateUrl.pathname.slice(1)));
    project.provide('temporalAddress', temporal.address);
    project.provide('workflowBundleCodePath', bundle.codePath);
    project.provide('workflowBundleJsonPath', bundle.jsonPath);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

/**
 * Migrates and seeds the template every file's database is copied from, then closes every connection to it: PostgreSQL
 * copies a template only while nobody is connected.
 */
async function prepareTemplate(url: string): Promise<void> {
  const orm = await createOrm(url);
  try {
    await migrateToLatest(orm);
    await seedReferenceData(orm);
    // No random sampling of clean cases for review (domain default 5 %, deterministic by case ID): a test that wants a
    // review files a late registration, so whether a case needs a person never depends on the random ID it drew.
    await orm.em
      .fork()
      .execute(`insert into setting (key, value, updated_at) values ('enrollment.policy', '{"reviewSampleRate":"0"}', now()) on conflict (key) do nothing`);
  } finally {
    await orm.close();
  }
}
