// Figure (issue 11): pension transfers between the two served pooling areas (Hangzhou 330100 → Ningbo 330200) from the
// first POST /v1/transfers until the last case is completed, every leg decided by the staff of its office through the
// task routes (claim + complete: letter of acceptance and completion in Ningbo, transfer-out in Hangzhou), next to the
// no-op workflow started the same way on the same server in the same run.
import { randomUUID } from 'node:crypto';
import { noop } from '../../workflows/noop.workflow.js';
import type { BenchSystem } from './bench-system.js';
import { citizenIdSequence } from './citizen-ids.js';
import { runPool, sleep } from './latency.js';

const HANGZHOU_EMPLOYER = '91330102MA2H00014Y';
export const NINGBO_EMPLOYER = '91330212MA2H00065U';

export interface TransferThroughput {
  transfersPerSecond: number;
  transferSeconds: number;
  noopPerSecond: number;
  noopSeconds: number;
}

/**
 * People who worked in Hangzhou for a year and now work in Ningbo: their records written straight into the database
 * (set-up, not measured), one multi-row statement per batch. The crash drill's transfers start from the same people.
 */
export async function seedMovers(system: Pick<BenchSystem, 'orm'>, people: string[]): Promise<void> {
  const em = system.orm.em.fork();
  for (let start = 0; start < people.length; start += 500) {
    const batch = people.slice(start, start + 500);
    await em.execute(
      `insert into person (citizen_id, name, sex, birth_date, phone, hukou_region, created_at, updated_at)
       select id, '压测员', 'male', to_date(substr(id, 7, 8), 'YYYYMMDD'), null, null, now(), now() from unnest(cast(? as text[])) as id`,
      [`{${batch.join(',')}}`],
    );
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month, end_reason,
         status, contribution_base, opened_by_case, created_at)
       select gen_random_uuid(), id, 'pension', '330102', ?, 'employee', '2024-01', '2024-12', 'resigned', 'terminated', 8000.00, 'bench-hz-' || id, now()
         from unnest(cast(? as text[])) as id
       union all
       select gen_random_uuid(), id, 'pension', '330212', ?, 'employee', '2025-01', null, null, 'active', 9000.00, 'bench-nb-' || id, now()
         from unnest(cast(? as text[])) as id`,
      [HANGZHOU_EMPLOYER, `{${batch.join(',')}}`, NINGBO_EMPLOYER, `{${batch.join(',')}}`],
    );
  }
}

export async function benchTransferThroughput(
  system: BenchSystem,
  options: { count: number; concurrency: number; warmUp: number; say: (line: string) => void },
): Promise<TransferThroughput> {
  const nextId = citizenIdSequence('330203');
  const total = options.warmUp + options.count;
  const people = Array.from({ length: total }, () => nextId());
  options.say(`transfers: seeding ${total} people insured in Hangzhou before and in Ningbo now`);
  await seedMovers(system, people);

  const agent = await system.token({ role: 'employer', sub: 'bench-nb-agent', employer: NINGBO_EMPLOYER });
  // Two staff in Ningbo (the letter and the completion), one in Hangzhou (the transfer-out): the agent filed, so no
  // four-eyes rule stops the first one.
  const ningbo = await system.token({ role: 'caseworker', region: '330212', sub: 'bench-nb-1' });
  const hangzhou = await system.token({ role: 'caseworker', region: '330102', sub: 'bench-hz-1' });

  const openTask = async (caseId: string, step: string): Promise<string> => {
    for (;;) {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
      if (row) return row.id;
      await sleep(20);
    }
  };
  const decide = async (token: string, caseId: string, step: string) => {
    const taskId = await openTask(caseId, step);
    const claim = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    if (claim.status !== 200) throw new Error(`claim ${step} answered ${claim.status}: ${JSON.stringify(claim.body)}`);
    const done = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome: 'approve', comment: '同意' } });
    if (done.status !== 200) throw new Error(`complete ${step} answered ${done.status}: ${JSON.stringify(done.body)}`);
  };
  const completed = async (caseId: string) => {
    for (;;) {
      const [row] = await system.orm.em.fork().execute<{ status: string }[]>('select status from case_record where id = ?', [caseId]);
      if (row?.status === 'completed') return;
      if (row?.status === 'refused') throw new Error(`transfer ${caseId} was refused`);
      await sleep(20);
    }
  };
  const transferOne = async (citizenId: string) => {
    const started = await system.call('POST', '/v1/transfers', {
      token: agent,
      body: { citizenId, insurance: 'pension', fromRegion: '330102', toRegion: '330212' },
    });
    if (started.status !== 202) throw new Error(`POST /v1/transfers answered ${started.status}: ${JSON.stringify(started.body)}`);
    const caseId = String(started.body.caseId);
    await decide(ningbo, caseId, 'acceptanceLetter');
    await decide(hangzhou, caseId, 'transferOut');
    await decide(ningbo, caseId, 'completion');
    await completed(caseId);
  };
  const runNoops = async (count: number) => {
    const batch = randomUUID().slice(0, 8);
    await runPool(count, options.concurrency, async (index) => {
      const caseId = `bench-transfer-noop-${batch}-${index}`;
      const handle = await system.temporal.workflow.start(noop, { taskQueue: system.taskQueue, workflowId: caseId, args: [{ caseId }] });
      await handle.result();
    });
  };

  options.say(`transfers: warm-up, ${options.warmUp} transfers and no-ops`);
  await runNoops(options.warmUp);
  await runPool(options.warmUp, options.concurrency, (i) => transferOne(people[i]!));

  options.say(`transfers: no-op workflows, ${options.count} at concurrency ${options.concurrency}`);
  const noopStarted = performance.now();
  await runNoops(options.count);
  const noopSeconds = (performance.now() - noopStarted) / 1000;

  options.say(`transfers: ${options.count} Hangzhou → Ningbo at concurrency ${options.concurrency}, until all are completed`);
  const started = performance.now();
  await runPool(options.count, options.concurrency, (i) => transferOne(people[options.warmUp + i]!));
  const transferSeconds = (performance.now() - started) / 1000;
  return { transfersPerSecond: options.count / transferSeconds, transferSeconds, noopPerSecond: options.count / noopSeconds, noopSeconds };
}
