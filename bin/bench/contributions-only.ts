// Runs only the issue-3 contribution figures on a throw-away embedded PostgreSQL (no Temporal, no API), for
// measuring the import path alone: `node --import tsx bin/bench/contributions-only.ts [lines] [linesPerEmployer]`.
import { systemClock } from '../../services/business-clock.js';
import { mkdtemp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest } from '../../db/migrator.js';
import { createOrm } from '../../db/orm.js';
import { seedReferenceData } from '../../db/seed/reference-data.js';
import { startEmbeddedPostgres } from '../tools/embedded-postgres.js';
import { freePort } from '../tools/free-port.js';
import { runContributionBenchmarks } from './contributions.bench.js';

const lines = Number(process.argv[2] ?? 1_000_000);
const linesPerEmployer = Number(process.argv[3] ?? 1_000);
const say = (line: string) =>
  console.log(
    `[${new Date().toISOString().slice(11, 19)}] load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} | ${line}`,
  );

const postgres = await startEmbeddedPostgres({ dataDir: await mkdtemp(join(tmpdir(), 'sis-bench-pg-')), port: await freePort(), persistent: false });
try {
  const orm = await createOrm(postgres.url, { poolMax: 4 });
  try {
    await migrateToLatest(orm);
    await seedReferenceData(orm);
    const rows = await runContributionBenchmarks({ orm, say, lines, linesPerEmployer, overdueBills: 100_000, clock: systemClock });
    for (const row of rows) say(`${row.figure}: ${row.value} (goal ${row.goal}, met ${String(row.met)})`);
  } finally {
    await orm.close();
  }
} finally {
  await postgres.stop();
}
