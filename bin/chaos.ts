// `npm run chaos [-- --quick]`: the crash drill (bin/chaos/crash-drill.ts) with its figures. Exits 1 when anything
// acknowledged was lost, duplicated, left unapplied or stuck. DATABASE_URL, when set, is the server the drill's fresh
// database is created on; otherwise an embedded PostgreSQL is started.
import { arch, cpus, totalmem } from 'node:os';
import { runCrashDrill } from './chaos/crash-drill.js';
import { reconciled } from './chaos/reconcile.js';

const quick = process.argv.includes('--quick');
const scale = quick ? 1 : 3;
const say = (line: string) => process.stdout.write(`[chaos] ${line}\n`);

const result = await runCrashDrill({
  databaseUrl: process.env.DATABASE_URL,
  counts: {
    enrollment: 20 * scale,
    lateEnrollment: 10 * scale,
    petition: 10 * scale,
    medicalExpense: 10 * scale,
    pensionClaim: 10 * scale,
    backPayment: 10 * scale,
    transfer: 10 * scale,
    arrears: 10 * scale,
    accountSubsidy: 10 * scale,
    investigation: 5 * scale,
    payroll: 1,
  },
  recalculatedPensions: 100 * scale,
  concurrency: 8,
  workerKillEveryMs: quick ? 4_000 : 6_000,
  maxWorkerKills: quick ? 8 : undefined,
  say,
});

const duplicated = Object.entries(result.duplicated)
  .map(([name, n]) => `${name} ${n}`)
  .join(', ');
console.log(`
crash drill — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? '?'} (${arch()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}
command: npm run chaos${quick ? ' -- --quick' : ''}
  cases acknowledged      ${result.acknowledgedCases} (decisions acknowledged ${result.acknowledgedDecisions})
  duration                ${result.seconds.toFixed(1)} s, worker SIGKILLs ${result.workerKills}, API SIGKILLs ${result.apiKills}, client retries ${result.clientRetries}, and ${result.clientThrottled} after a 429
  lost                    ${result.lost}
  duplicated              ${duplicated}
  decisions not applied   ${result.unapplied}
  recalculation runs      ${result.recalculations} (pensions misapplied ${result.recalculationsMisapplied})
  stuck / failed          ${result.stuck} / ${result.failedWorkflows}
  payroll lines paid      ${result.payrollLinesPaid}
  unexpected refusals     ${result.refusals.length}${result.refusals
    .slice(0, 5)
    .map((r) => `\n    ${r}`)
    .join('')}${result.examples.map((e) => `\n    ${e}`).join('')}
`);
process.exit(reconciled(result) && result.refusals.length === 0 ? 0 : 1);
