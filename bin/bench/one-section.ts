// Runs one section of the bench on a throw-away bench system, for profiling one path (the README figures come from
// `npm run bench`):
//   node --import tsx bin/bench/one-section.ts enrollment [count]
//   node --import tsx bin/bench/one-section.ts decisions [count]
//   node --import tsx bin/bench/one-section.ts payroll [entitlements] [deathRows]
//   node --import tsx bin/bench/one-section.ts statistics [persons] [requests]
//   node --import tsx bin/bench/one-section.ts worklists [tasks] [requests]
//   node --import tsx bin/bench/one-section.ts memory [openCases] [checkpoints]   (API and worker as two processes)
// (The import alone, without Temporal: bin/bench/contributions-only.ts.)
import { systemClock } from '../../services/business-clock.js';
import { loadConfig } from '../config.js';
import { startBenchSystem, type BenchSystem } from './bench-system.js';
import { citizenIdSequence } from './citizen-ids.js';
import { benchEnrollmentThroughput } from './enrollment-throughput.bench.js';
import { measureMemory, memoryChart } from './memory.bench.js';
import { benchPayroll } from './payroll.bench.js';
import { ms, type BenchRow } from './report.js';
import { benchStatistics } from './statistics.bench.js';
import { benchWorklists, insertTasks } from './worklist.bench.js';
import { benchTaskCompletion } from './task-completion.bench.js';

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const [section = '', first, second] = process.argv.slice(2);
const numberOr = (text: string | undefined, fallback: number) => (text === undefined ? fallback : Number(text));
const printRows = (rows: BenchRow[]) => {
  for (const row of rows) console.log(`| ${row.figure} | ${row.value} | ${row.goal} |`);
};

const SECTIONS: Record<string, (system: BenchSystem) => Promise<void>> = {
  async enrollment(system) {
    const result = await benchEnrollmentThroughput(system, {
      count: numberOr(first, 600),
      concurrency: 16,
      warmUp: 32,
      nextCitizenId: citizenIdSequence(),
      say,
    });
    const ratio = result.enrollmentsPerSecond / result.noopPerSecond;
    console.log(`enrollments ${result.enrollmentsPerSecond.toFixed(1)} /s, no-op ${result.noopPerSecond.toFixed(1)} /s, ratio ${ratio.toFixed(2)}`);
  },
  async decisions(system) {
    const result = await benchTaskCompletion(system, { count: numberOr(first, 200), concurrency: 16, nextCitizenId: citizenIdSequence(), say });
    const line = (name: string, sample: typeof result.client) => `${name} p50 ${ms(sample.percentile(50))} p99 ${ms(sample.percentile(99))}`;
    console.log(
      [line('decision', result.client), line('server', result.server), line('bare Update', result.bareUpdate), line('claim', result.claim)].join('\n'),
    );
  },
  async payroll(system) {
    printRows(await benchPayroll(system, { entitlements: numberOr(first, 1_000_000), deathRows: numberOr(second, 200_000), say }));
  },
  async worklists(system) {
    const tasks = numberOr(first, 1_000_000);
    const started = performance.now();
    await insertTasks(system, tasks);
    say(`worklist: ${tasks} tasks inserted and analyzed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const figure of await benchWorklists(system, { requests: numberOr(second, 200), say })) {
      console.log(
        `| worklist view=${figure.view} page ${figure.page} (${figure.rows} rows), ${tasks} tasks: p50 / p95 (server p95) | ` +
          `${ms(figure.client.percentile(50))} / ${ms(figure.client.percentile(95))} (${ms(figure.server.percentile(95))}) | p95 ≤ 20 ms |`,
      );
    }
  },
  async statistics(system) {
    printRows(await benchStatistics(system, { persons: numberOr(first, 1_000_000), requests: numberOr(second, 20), say }));
  },
};

const config = loadConfig();
if (section === 'memory') {
  // Production's two processes, not the bench's one.
  const points = await measureMemory(
    { databaseUrl: config.db.url, temporal: config.temporal },
    { openCases: numberOr(first, 5_000), checkpoints: numberOr(second, 5), concurrency: 16, nextCitizenId: citizenIdSequence(), clock: systemClock, say },
  );
  console.log(memoryChart(points));
} else {
  const run = SECTIONS[section];
  if (!run) throw new Error(`section: one of ${[...Object.keys(SECTIONS), 'memory'].join(', ')}`);
  const system = await startBenchSystem({ databaseUrl: config.db.url, temporal: config.temporal, say });
  try {
    await run(system);
  } finally {
    await system.close();
  }
}
