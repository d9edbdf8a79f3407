// Global setup of the vitest `integration` project: one fresh, migrated database and one in-memory Temporal dev
// server for the whole run, so no test depends on state another run left behind. Anything that cannot start fails
// the run; nothing is skipped.
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../bin/config.js';
import { freePort } from '../../bin/tools/free-port.js';
import { freshDatabase } from '../../bin/tools/fresh-database.js';
import { startTemporalDevServer } from '../../bin/tools/temporal-dev-server.js';
import { temporalCliPath, temporalTestServerPath } from '../../bin/tools/temporal-binaries.js';
import { migrateToLatest } from '../../db/migrator.js';
import { createOrm } from '../../db/orm.js';

type Stop = () => Promise<void>;

export async function setup(project: TestProject): Promise<Stop> {
  const stops: Stop[] = [];
  // vitest registers the teardown only when setup returns, so a setup that fails halfway cleans up itself.
  const teardown = async () => {
    for (let stop = stops.pop(); stop; stop = stops.pop()) await stop();
  };
  try {
    // Both binaries, even though only the CLI runs here: workflow tests use the time-skipping server.
    temporalCliPath();
    temporalTestServerPath();

    const database = await freshDatabase(loadConfig().db.url, 'test');
    stops.push(database.drop);
    const orm = await createOrm(database.url);
    try {
      await migrateToLatest(orm);
    } finally {
      await orm.close();
    }

    const temporal = await startTemporalDevServer({ port: await freePort(), uiPort: null, dbFile: null });
    stops.push(() => temporal.stop());

    project.provide('databaseUrl', database.url);
    project.provide('temporalAddress', temporal.address);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
