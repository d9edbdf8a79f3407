// Issue 13 figure: 离休 medical expense declarations filed by an employer agent → reviewed by a caseworker → approved by
// a reviewer → booked to the ledger and the payroll, per second, next to the no-op workflow started the same way on the
// same server and queue in the same run.
import { randomUUID } from 'node:crypto';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { noop } from '../../workflows/noop.workflow.js';
import type { BenchSystem } from './bench-system.js';
import { runPool, sleep } from './latency.js';

export interface DeclarationThroughput {
  declarationsPerSecond: number;
  noopPerSecond: number;
  declarationSeconds: number;
  noopSeconds: number;
}

/** `count` distinct citizen IDs of people born in 1930 (retired cadres), sequence numbers from `offset`. */
function cadreIds(count: number, offset: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const body = `330102${String(19300101 + (n % 28))}${String(Math.floor(n / 28) % 1000).padStart(3, '0')}`;
    return body + citizenIdCheckChar(body);
  });
}

/** Each person on the 离休 list with a (past) insurance record with the bench's employer, in batches of 500. */
async function insertPeople(system: BenchSystem, ids: readonly string[], employer: string): Promise<void> {
  const em = system.orm.em.fork();
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    await em.execute(
      `insert into eligibility_entry (region, citizen_id, category, name, source_document, import_id, listed_at)
       values ${batch.map(() => `('330102', ?, 'lixiu', '离休压测员', 'bench', gen_random_uuid(), now())`).join(', ')} on conflict do nothing`,
      [...batch],
    );
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
         status, contribution_base, opened_by_case, created_at)
       values ${batch.map(() => `(gen_random_uuid(), ?, 'medical', '330102', ?, 'employee', '1990-01', '1990-12', 'terminated', 3000, ?, now())`).join(', ')}`,
      batch.flatMap((id) => [id, employer, `bench-${id}`]),
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

/**
 * `count` declarations of two invoices each, `concurrency` in flight, until the last is booked; then the no-op workflow
 * `count` times at the same concurrency.
 */
export async function benchMedicalExpenseDeclarations(
  system: BenchSystem,
  options: { count: number; concurrency: number; warmUp: number; today: string; say: (line: string) => void },
): Promise<DeclarationThroughput> {
  const employer = '91330102MA2H00014Y';
  const ids = cadreIds(options.warmUp + options.count, Math.floor(Math.random() * 10_000));
  options.say(`medical expense declarations: listing ${ids.length} people`);
  await insertPeople(system, ids, employer);
  const [agent, caseworker, reviewer] = await Promise.all([
    system.token({ role: 'employer', sub: 'agent-bench', employer }),
    system.token({ role: 'caseworker', sub: 'cw-bench-me', region: '330102' }),
    system.token({ role: 'reviewer', sub: 'rv-bench-me', region: '330102' }),
  ]);
  const decide = async (caseId: string, step: string, token: string) => {
    const taskId = await openTaskOf(system, caseId, step, 60_000);
    const claimed = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    if (claimed.status !== 200) throw new Error(`claim ${step} answered ${claimed.status}: ${JSON.stringify(claimed.body)}`);
    const done = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome: 'approve' } });
    if (done.status !== 200) throw new Error(`complete ${step} answered ${done.status}: ${JSON.stringify(done.body)}`);
  };
  const declareAndApprove = async (citizenId: string) => {
    const invoice = (amount: string) => ({
      invoiceNo: `BENCH-${randomUUID()}`.slice(0, 40),
      issuedOn: options.today,
      items: [{ description: '门诊费', amount }],
    });
    const filed = await system.call('POST', '/v1/medical-expense-declarations', {
      token: agent,
      body: {
        category: 'lixiu',
        citizenId,
        region: '330102',
        hospital: { code: 'H1', name: '压测医院' },
        serviceFrom: options.today,
        serviceTo: options.today,
        invoices: [invoice('120.50'), invoice('36.80')],
      },
    });
    if (filed.status !== 202) throw new Error(`declaration answered ${filed.status}: ${JSON.stringify(filed.body)}`);
    const caseId = filed.body.caseId as string;
    await decide(caseId, 'review', caseworker);
    await decide(caseId, 'approval', reviewer);
  };
  const untilBooked = async (target: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await system.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from medical_ledger where decided_by = 'rv-bench-me'`);
      if (Number(row?.n ?? 0) >= target) return;
      if (Date.now() > deadline) throw new Error(`only ${row?.n ?? 0} of ${target} declarations booked after ${timeoutMs / 1000} s`);
      await sleep(10);
    }
  };
  const runNoops = async (count: number, batch: string) =>
    runPool(count, options.concurrency, async (index) => {
      const caseId = `bench-medical-noop-${batch}-${index}-${randomUUID().slice(0, 8)}`;
      const handle = await system.temporal.workflow.start(noop, { taskQueue: system.taskQueue, workflowId: caseId, args: [{ caseId }] });
      await handle.result();
    });
  const [before] = await system.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from medical_ledger where decided_by = 'rv-bench-me'`);
  const already = Number(before?.n ?? 0);

  options.say(`medical expense declarations: warm-up with ${options.warmUp}`);
  await runPool(options.warmUp, options.concurrency, (i) => declareAndApprove(ids[i]!));
  await untilBooked(already + options.warmUp, 120_000);
  await runNoops(options.warmUp, 'warm');

  options.say(`medical expense declarations: ${options.count} filed → reviewed → approved → booked, ${options.concurrency} in flight`);
  const started = performance.now();
  await runPool(options.count, options.concurrency, (i) => declareAndApprove(ids[options.warmUp + i]!));
  await untilBooked(already + options.warmUp + options.count, Math.max(180_000, options.count * 1_000));
  const declarationSeconds = (performance.now() - started) / 1000;

  const noopStarted = performance.now();
  await runNoops(options.count, 'run');
  const noopSeconds = (performance.now() - noopStarted) / 1000;
  return { declarationsPerSecond: options.count / declarationSeconds, noopPerSecond: options.count / noopSeconds, declarationSeconds, noopSeconds };
}
