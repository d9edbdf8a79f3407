// Issue 10 figures: the benefit calculators' latency (server-side p99 from the access log, each ≤ 5 ms), and pension
// claims filed → approved through two tiers (caseworker, reviewer, supervisor) per second, next to the no-op workflow
// started the same way on the same server and queue in the same run.
import { randomUUID } from 'node:crypto';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { addDays, addMonths, compareDates, monthOf } from '../../domain/calendar/local-date.js';
import { statutoryRetirement } from '../../domain/retirement-age.js';
import { noop } from '../../workflows/noop.workflow.js';
import type { BenchSystem } from './bench-system.js';
import { LatencySample, runPool, sleep, timed } from './latency.js';
import type { BenchRow } from './report.js';

const CALCULATORS: { path: string; body: unknown }[] = [
  {
    path: 'pension',
    body: { calculationBase: '10000.00', averageIndex: '1.2', contributionMonths: 360, accountBalance: '180000.00', retirementAge: { years: 60, months: 0 } },
  },
  { path: 'unemployment', body: { contributionMonths: 84, minimumWage: '2300.00', subsistenceAllowance: '1000.00' } },
  { path: 'maternity', body: { averageMonthlyWage: '9000.00', event: 'birth', difficultBirth: true, babies: 2 } },
  { path: 'work-injury', body: { regionalAverageWage: '10000.00', ownWage: '40000.00', grade: 5 } },
];

/** Each calculator `requests` times one at a time after a warm-up: client p50 / p99 and server-side p99. */
export async function benchBenefitCalculators(system: BenchSystem, options: { requests: number; say: (line: string) => void }): Promise<BenchRow[]> {
  const token = await system.token({ role: 'citizen', sub: `33010219900307001${citizenIdCheckChar('33010219900307001')}` });
  const rows: BenchRow[] = [];
  for (const { path, body } of CALCULATORS) {
    options.say(`calculators: ${options.requests} × POST /v1/calculations/${path}`);
    for (let i = 0; i < 100; i += 1) await system.call('POST', `/v1/calculations/${path}`, { token, body });
    system.takeAccessLines();
    const client = new LatencySample();
    for (let i = 0; i < options.requests; i += 1) {
      const { ms, value } = await timed(() => system.call('POST', `/v1/calculations/${path}`, { token, body }));
      if (value.status !== 200) throw new Error(`POST /v1/calculations/${path} answered ${value.status}: ${JSON.stringify(value.body)}`);
      client.add(ms);
    }
    const server = new LatencySample();
    for (const line of system.takeAccessLines()) if (line.path.endsWith(`/calculations/${path}`)) server.add(line.ms);
    rows.push({
      figure: `calculator ${path}, serial, ${client.count} requests: server p99 (client p50 / p99)`,
      value: `${server.percentile(99).toFixed(0)} ms (${client.percentile(50).toFixed(1)} / ${client.percentile(99).toFixed(1)} ms)`,
      goal: 'server p99 ≤ 5 ms',
      met: server.percentile(99) <= 5,
    });
  }
  return rows;
}

/** Distinct citizen IDs of men whose statutory retirement date (2025 reform) fell in the last 60 days. */
function retireeIds(today: string, count: number): { citizenId: string; retirementDate: string }[] {
  const ids: { citizenId: string; retirementDate: string }[] = [];
  for (let birth = addDays(today, -(61 * 365)); ids.length < count && compareDates(birth, addDays(today, -(59 * 365))) < 0; birth = addDays(birth, 1)) {
    const retirementDate = statutoryRetirement(birth, 'male').retirementDate;
    if (compareDates(retirementDate, today) > 0 || compareDates(retirementDate, addDays(today, -60)) < 0) continue;
    for (let sequence = 1; sequence < 1000 && ids.length < count; sequence += 2) {
      const body = `330102${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      ids.push({ citizenId: body + citizenIdCheckChar(body), retirementDate });
    }
  }
  if (ids.length < count) throw new Error(`only ${ids.length} retiree IDs for ${today}`);
  return ids;
}

/** Twenty years of flexible pension contributions for each person up to their retirement month (batches of 500 rows). */
async function insertHistories(system: BenchSystem, people: { citizenId: string; retirementDate: string }[]): Promise<void> {
  const em = system.orm.em.fork();
  for (let i = 0; i < people.length; i += 500) {
    const batch = people.slice(i, i + 500);
    await em.execute(
      `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at)
       values ${batch.map(() => `(?, '退休压测员', 'male', to_date(substr(?, 7, 8), 'YYYYMMDD'), now(), now())`).join(', ')} on conflict do nothing`,
      batch.flatMap((p) => [p.citizenId, p.citizenId]),
    );
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
         status, contribution_base, opened_by_case, created_at)
       values ${batch.map(() => `(gen_random_uuid(), ?, 'pension', '330102', null, 'flexible', ?, ?, 'terminated', 9120, ?, now())`).join(', ')}`,
      batch.flatMap((p) => [p.citizenId, monthOf(addMonths(`${monthOf(p.retirementDate)}-01`, -239)), monthOf(p.retirementDate), `bench-${p.citizenId}`]),
    );
  }
}

async function openTaskOf(system: BenchSystem, caseId: string, step: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await system.orm.em
      .fork()
      .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
    if (row) return row.id;
    if (Date.now() > deadline) throw new Error(`no open ${step} task on ${caseId} after ${timeoutMs / 1000} s`);
    await sleep(5);
  }
}

export interface PensionClaimThroughput {
  claimsPerSecond: number;
  noopPerSecond: number;
  claimSeconds: number;
  noopSeconds: number;
}

/**
 * `count` pension claims, each filed by a caseworker at the counter, prepared by another caseworker, reviewed by a
 * reviewer and approved by a supervisor (the configured threshold puts every pension above it), `concurrency` claims in
 * flight, until the last is granted; then the no-op workflow `count` times at the same concurrency.
 */
export async function benchPensionClaims(
  system: BenchSystem,
  options: { count: number; concurrency: number; warmUp: number; today: string; say: (line: string) => void },
): Promise<PensionClaimThroughput> {
  await system.orm.em
    .fork()
    .execute(`insert into setting (key, value, updated_at) values ('benefit.policy', ?, now()) on conflict (key) do update set value = excluded.value`, [
      JSON.stringify({
        versions: [{ effectiveFrom: '2000-01-01', source: 'bench: every pension goes to a supervisor', approval: { monthlyAbove: '1000.00' } }],
      }),
    ]);
  const people = retireeIds(options.today, options.warmUp + options.count);
  options.say(`pension claims: inserting ${people.length} twenty-year histories`);
  await insertHistories(system, people);
  const [filer, preparer, reviewer, supervisor] = await Promise.all([
    system.token({ role: 'caseworker', sub: 'cw-bench-file', region: '330102' }),
    system.token({ role: 'caseworker', sub: 'cw-bench-prep', region: '330102' }),
    system.token({ role: 'reviewer', sub: 'rv-bench', region: '330102' }),
    system.token({ role: 'supervisor', sub: 'sv-bench', region: '330102' }),
  ]);
  const decide = async (caseId: string, step: string, token: string) => {
    const taskId = await openTaskOf(system, caseId, step, 60_000);
    const claimed = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    if (claimed.status !== 200) throw new Error(`claim ${step} answered ${claimed.status}: ${JSON.stringify(claimed.body)}`);
    const done = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome: 'approve' } });
    if (done.status !== 200) throw new Error(`complete ${step} answered ${done.status}: ${JSON.stringify(done.body)}`);
  };
  const claimAndApprove = async (person: { citizenId: string; retirementDate: string }) => {
    const filed = await system.call('POST', '/v1/benefit-claims', {
      token: filer,
      body: { type: 'pension', citizenId: person.citizenId, region: '330102', retirementDate: person.retirementDate },
    });
    if (filed.status !== 202) throw new Error(`claim answered ${filed.status}: ${JSON.stringify(filed.body)}`);
    const caseId = filed.body.caseId as string;
    await decide(caseId, 'prepare', preparer);
    await decide(caseId, 'review', reviewer);
    await decide(caseId, 'approval', supervisor);
  };
  const untilGranted = async (target: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await system.orm.em
        .fork()
        .execute<{ n: string }[]>(`select count(*) as n from case_record where case_type = 'benefit' and status = 'granted'`);
      if (Number(row?.n ?? 0) >= target) return;
      if (Date.now() > deadline) throw new Error(`only ${row?.n ?? 0} of ${target} pension claims granted after ${timeoutMs / 1000} s`);
      await sleep(10);
    }
  };
  const runNoops = async (count: number, batch: string) =>
    runPool(count, options.concurrency, async (index) => {
      const caseId = `bench-benefit-noop-${batch}-${index}-${randomUUID().slice(0, 8)}`;
      const handle = await system.temporal.workflow.start(noop, { taskQueue: system.taskQueue, workflowId: caseId, args: [{ caseId }] });
      await handle.result();
    });

  options.say(`pension claims: warm-up with ${options.warmUp}`);
  await runPool(options.warmUp, options.concurrency, (i) => claimAndApprove(people[i]!));
  await untilGranted(options.warmUp, 120_000);
  await runNoops(options.warmUp, 'warm');

  options.say(`pension claims: ${options.count} filed → approved through two tiers, ${options.concurrency} in flight`);
  const started = performance.now();
  await runPool(options.count, options.concurrency, (i) => claimAndApprove(people[options.warmUp + i]!));
  await untilGranted(options.warmUp + options.count, Math.max(180_000, options.count * 1_000));
  const claimSeconds = (performance.now() - started) / 1000;

  options.say(`no-op workflows: ${options.count} at concurrency ${options.concurrency}`);
  const noopStarted = performance.now();
  await runNoops(options.count, 'run');
  const noopSeconds = (performance.now() - noopStarted) / 1000;
  await system.orm.em.fork().execute(`delete from setting where key = 'benefit.policy'`);
  return { claimsPerSecond: options.count / claimSeconds, noopPerSecond: options.count / noopSeconds, claimSeconds, noopSeconds };
}
