// `npm run bench [-- --quick] [-- --tasks N] [-- --lines N] [-- --transfers N] [-- --insured N]`: starts its own services (like the integration tests),
// measures every performance goal of the issues (enrollment throughput, task completion, transfers, worklists, web pages,
// contribution import and late fees) and prints one markdown table for README.md. Progress goes to stderr, the table to
// stdout. Speed is measured here, never asserted in tests.
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { benchBenefitCalculators, benchPensionClaims } from './bench/benefits.bench.js';
import { startBenchSystem, type BenchSystem } from './bench/bench-system.js';
import { benchCertificates } from './bench/certificate.bench.js';
import { citizenIdSequence } from './bench/citizen-ids.js';
import { benchEnrollmentThroughput } from './bench/enrollment-throughput.bench.js';
import { describeMachine } from './bench/machine.js';
import { measureMemory, memoryChart } from './bench/memory.bench.js';
import { benchMedicalExpenseDeclarations } from './bench/medical-expenses.bench.js';
import { ms, renderReport, type BenchRow } from './bench/report.js';
import { benchTaskCompletion } from './bench/task-completion.bench.js';
import { benchTransferThroughput } from './bench/transfer-throughput.bench.js';
import { runContributionBenchmarks } from './bench/contributions.bench.js';
import { benchWebPages } from './bench/web.bench.js';
import { benchWorklists, insertTasks } from './bench/worklist.bench.js';
import { benchPayroll } from './bench/payroll.bench.js';
import { benchStatistics } from './bench/statistics.bench.js';
import { systemClock } from '../services/business-clock.js';
import { loadConfig } from './config.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    tasks: { type: 'string' },
    enrollments: { type: 'string' },
    transfers: { type: 'string' },
    claims: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    lines: { type: 'string' },
    insured: { type: 'string' },
  },
});

const positive = (name: string, text: string | undefined, fallback: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, not "${text}"`);
  return value;
};

const quick = flags.quick;
const settings = {
  enrollments: positive('enrollments', flags.enrollments, quick ? 48 : 600),
  concurrency: positive('concurrency', flags.concurrency, 16),
  warmUp: quick ? 8 : 32,
  reviewTasks: quick ? 20 : 200,
  transfers: positive('transfers', flags.transfers, quick ? 48 : 1_000),
  worklistTasks: positive('tasks', flags.tasks, quick ? 10_000 : 100_000),
  worklistRequests: quick ? 20 : 200,
  contributionLines: positive('lines', flags.lines, quick ? 20_000 : 1_000_000),
  overdueBills: quick ? 10_000 : 100_000,
  pensionClaims: positive('claims', flags.claims, quick ? 48 : 1_000),
  calculatorRequests: quick ? 200 : 2_000,
  medicalDeclarations: quick ? 48 : 500,
  payrollEntitlements: quick ? 20_000 : 1_000_000,
  // A multipart upload is limited to 20 MiB (api/middleware/body-limit.ts): about 250 000 death-feed rows.
  deathRows: quick ? 20_000 : 200_000,
  memoryOpenCases: quick ? 100 : 1_000,
  insuredPersons: positive('insured', flags.insured, quick ? 20_000 : 1_000_000),
};

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// The SDK's routine worker messages would drown the progress lines; warnings and errors still show.
Runtime.install({ logger: new DefaultLogger('WARN', (entry) => say(`worker ${entry.level} ${entry.message.split('\n')[0] ?? ''}`)) });

let system: BenchSystem | null = null;
const rows: BenchRow[] = [];
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  // The figures are printed by now; a worker still draining a long activity, or a query of the last section still
  // running, must not keep the process (and its servers) alive: the temporary database and servers go with it.
  const giveUp = setTimeout(() => {
    say('cleanup did not finish within 60 s; exiting without it');
    process.exit(code);
  }, 60_000);
  giveUp.unref();
  await system?.close();
  process.exit(code);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(130));

try {
  const startedAt = performance.now();
  const config = loadConfig();
  system = await startBenchSystem({ databaseUrl: config.db.url, temporal: config.temporal, say });
  const startRssMiB = process.memoryUsage().rss / 2 ** 20;
  const nextCitizenId = citizenIdSequence();

  const throughput = await benchEnrollmentThroughput(system, {
    count: settings.enrollments,
    concurrency: settings.concurrency,
    warmUp: settings.warmUp,
    nextCitizenId,
    say,
  });
  const ratio = throughput.enrollmentsPerSecond / throughput.noopPerSecond;
  rows.push(
    {
      figure: `enrollments start → insured, N=${settings.enrollments}, ${settings.concurrency} in flight`,
      value: `${throughput.enrollmentsPerSecond.toFixed(1)} /s (${throughput.enrollmentSeconds.toFixed(1)} s)`,
      goal: '≥ 50 /s',
      met: throughput.enrollmentsPerSecond >= 50,
    },
    {
      figure: `no-op workflow start → result, same server and queue`,
      value: `${throughput.noopPerSecond.toFixed(1)} /s (${throughput.noopSeconds.toFixed(1)} s)`,
      goal: 'reference',
      met: null,
    },
    { figure: 'enrollment rate / no-op rate', value: ratio.toFixed(2), goal: '≥ 0.8 (issue 16)', met: ratio >= 0.8 },
  );

  const claims = await benchPensionClaims(system, {
    count: settings.pensionClaims,
    concurrency: settings.concurrency,
    warmUp: settings.warmUp,
    today: systemClock.today(),
    say,
  });
  const claimRatio = claims.claimsPerSecond / claims.noopPerSecond;
  rows.push(
    {
      figure: `pension claims filed → approved through two tiers (3 human steps each), N=${settings.pensionClaims}, ${settings.concurrency} in flight`,
      value: `${claims.claimsPerSecond.toFixed(1)} /s (${claims.claimSeconds.toFixed(1)} s)`,
      goal: 'reference: no-op rate below',
      met: null,
    },
    {
      figure: '  no-op workflow start → result, same server and queue, same run',
      value: `${claims.noopPerSecond.toFixed(1)} /s (${claims.noopSeconds.toFixed(1)} s)`,
      goal: 'reference',
      met: null,
    },
    { figure: '  pension claim rate / no-op rate', value: claimRatio.toFixed(2), goal: '', met: null },
  );
  rows.push(...(await benchBenefitCalculators(system, { requests: settings.calculatorRequests, say })));

  const declarations = await benchMedicalExpenseDeclarations(system, {
    count: settings.medicalDeclarations,
    concurrency: settings.concurrency,
    warmUp: settings.warmUp,
    today: systemClock.today(),
    say,
  });
  rows.push(
    {
      figure: `离休 medical expense declarations filed → reviewed → approved → booked (2 human steps), N=${settings.medicalDeclarations}, ${settings.concurrency} in flight`,
      value: `${declarations.declarationsPerSecond.toFixed(1)} /s (${declarations.declarationSeconds.toFixed(1)} s)`,
      goal: 'reference: no-op rate below',
      met: null,
    },
    {
      figure: '  no-op workflow start → result, same server and queue, same run',
      value: `${declarations.noopPerSecond.toFixed(1)} /s (${declarations.noopSeconds.toFixed(1)} s)`,
      goal: 'reference',
      met: null,
    },
    { figure: '  declaration rate / no-op rate', value: (declarations.declarationsPerSecond / declarations.noopPerSecond).toFixed(2), goal: '', met: null },
  );

  const completion = await benchTaskCompletion(system, { count: settings.reviewTasks, concurrency: settings.concurrency, nextCitizenId, say });
  rows.push(
    {
      figure: `task complete (approve), serial, ${completion.client.count} tasks: p50 / p99`,
      value: `${ms(completion.client.percentile(50))} / ${ms(completion.client.percentile(99))}`,
      goal: `p50 ≤ bare Update p50 + 10 ms (${ms(completion.bareUpdate.percentile(50) + 10)}), p99 ≤ 50 ms`,
      met: completion.client.percentile(50) <= completion.bareUpdate.percentile(50) + 10 && completion.client.percentile(99) <= 50,
    },
    {
      figure: `  reference, same run: bare Temporal Update (executeUpdate on a workflow that answers at once), serial, ${completion.bareUpdate.count}: p50 / p99`,
      value: `${ms(completion.bareUpdate.percentile(50))} / ${ms(completion.bareUpdate.percentile(99))}`,
      goal: 'reference',
      met: null,
    },
    {
      figure: '  server-side (access log, whole ms): p50 / p99',
      value: `${ms(completion.server.percentile(50))} / ${ms(completion.server.percentile(99))}`,
      goal: '',
      met: null,
    },
    {
      figure: '  task claim, serial: p50 / p99',
      value: `${ms(completion.claim.percentile(50))} / ${ms(completion.claim.percentile(99))}`,
      goal: '',
      met: null,
    },
  );

  // Issue 11: transfers between the two served pooling areas, each leg decided by its office through the task routes.
  const transfers = await benchTransferThroughput(system, { count: settings.transfers, concurrency: settings.concurrency, warmUp: settings.warmUp, say });
  const transferRatio = transfers.transfersPerSecond / transfers.noopPerSecond;
  rows.push(
    {
      figure: `pension transfers Hangzhou → Ningbo start → completed (3 legs, claim + decide each), N=${settings.transfers}, ${settings.concurrency} in flight`,
      value: `${transfers.transfersPerSecond.toFixed(1)} /s (${transfers.transferSeconds.toFixed(1)} s)`,
      goal: 'reported',
      met: null,
    },
    {
      figure: '  no-op workflow start → result, same server and queue, same run',
      value: `${transfers.noopPerSecond.toFixed(1)} /s (${transfers.noopSeconds.toFixed(1)} s)`,
      goal: 'reference',
      met: null,
    },
    { figure: '  transfer rate / no-op rate', value: transferRatio.toFixed(3), goal: 'reported', met: null },
  );

  say(`worklist: inserting ${settings.worklistTasks} tasks`);
  const inserted = performance.now();
  await insertTasks(system, settings.worklistTasks);
  say(`worklist: inserted and analyzed in ${((performance.now() - inserted) / 1000).toFixed(1)} s`);
  for (const figure of await benchWorklists(system, { requests: settings.worklistRequests, say })) {
    rows.push({
      figure: `worklist view=${figure.view} page ${figure.page} (${figure.rows} rows), ${settings.worklistTasks} tasks: p50 / p95 (server p95)`,
      value: `${ms(figure.client.percentile(50))} / ${ms(figure.client.percentile(95))} (${ms(figure.server.percentile(95))})`,
      goal: 'p95 ≤ 20 ms',
      met: figure.client.percentile(95) <= 20,
    });
  }

  for (const figure of await benchWebPages(system, { requests: settings.worklistRequests, say })) {
    rows.push({
      figure: `web page: ${figure.page} (${figure.path}), ${settings.worklistTasks} tasks: server p95 (client p50 / p95)`,
      value: `${ms(figure.server.percentile(95))} (${ms(figure.client.percentile(50))} / ${ms(figure.client.percentile(95))})`,
      goal: 'p95 ≤ 50 ms',
      met: figure.server.percentile(95) <= 50,
    });
  }

  // Issue 16 point 4: resident memory of API + worker (one process here, with the bench driver) with the open tasks and
  // cases of the run, beside the figure right after start. Open workflows are counted by the server.
  const running = await system.temporal.workflowService.countWorkflowExecutions({
    namespace: system.temporal.options.namespace,
    query: `TaskQueue = '${system.taskQueue}' AND ExecutionStatus = 'Running'`,
  });
  const rssMiB = process.memoryUsage().rss / 2 ** 20;
  rows.push({
    figure: `resident memory of API + worker + bench driver (one process) with ${settings.worklistTasks} open tasks in the database and ${String(running.count ?? 0)} workflows running: RSS (right after start)`,
    value: `${rssMiB.toFixed(0)} MiB (${startRssMiB.toFixed(0)} MiB)`,
    goal: '< 500 MB with 100,000 open cases (issue 16)',
    met: null,
  });

  rows.push(...(await benchCertificates(system, { requests: quick ? 20 : 200, say })));
  rows.push(...(await benchStatistics(system, { persons: settings.insuredPersons, requests: quick ? 5 : 20, say })));

  rows.push(
    ...(await runContributionBenchmarks({
      orm: system.orm,
      say,
      lines: settings.contributionLines,
      linesPerEmployer: 1_000,
      overdueBills: settings.overdueBills,
      clock: system.clock,
    })),
  );
  rows.push(...(await benchPayroll(system, { entitlements: settings.payrollEntitlements, deathRows: settings.deathRows, say })));

  // Issue 16 point 4 as production runs it: the API and the worker as two processes of their own (a second stack).
  const points = await measureMemory(
    { databaseUrl: config.db.url, temporal: config.temporal },
    { openCases: settings.memoryOpenCases, checkpoints: 5, concurrency: 16, nextCitizenId, clock: system.clock, say },
  );
  say(`memory of the two processes as open cases pile up:\n${memoryChart(points)}`);
  const last = points.at(-1)!;
  rows.push({
    figure: `resident memory, API and worker as two processes, ${last.openCases} open cases (late registrations at review): API / worker (at 0 open cases)`,
    value: `${last.apiMiB.toFixed(0)} / ${last.workerMiB.toFixed(0)} MiB (${points[0]!.apiMiB.toFixed(0)} / ${points[0]!.workerMiB.toFixed(0)} MiB)`,
    goal: 'API + worker < 500 MB with 100,000 open cases (issue 16)',
    met: last.apiMiB + last.workerMiB < 500,
  });

  const context = [
    `PostgreSQL ${system.postgresVersion} (${config.db.url ? 'DATABASE_URL server' : 'embedded'}), ${config.temporal.address ? `Temporal at ${config.temporal.address} (TEMPORAL_ADDRESS)` : 'Temporal dev server (in memory)'}, worker and API in the bench process${quick ? '; --quick run' : ''}`,
    `Run took ${((performance.now() - startedAt) / 1000).toFixed(0)} s.`,
  ];
  process.stdout.write(`\n${renderReport(describeMachine(), context, rows)}\n`);
  await stop(0);
} catch (error) {
  say(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  // A long run that fails near its end still prints what it measured: a figure is not less true for a later failure.
  if (rows.length > 0) process.stdout.write(`\n${renderReport(describeMachine(), ['Incomplete run: it failed after these figures (see the log).'], rows)}\n`);
  await stop(1);
}
