// The mixed load of the crash drill: employers registering hires (on time, and late ones that a caseworker reviews),
// citizens filing petitions that a caseworker accepts and answers — every request through the API, every decision a
// claim and a completion of the real task. What the API acknowledged is written down for reconciliation.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { systemClock } from '../../services/business-clock.js';
import { citizenIdSequence, shanghaiDate } from '../bench/citizen-ids.js';
import { runPool } from '../bench/latency.js';
import { EMPLOYER_330102 } from '../bench/register-hire.js';
import type { RetryingClient } from './retrying-client.js';

export type CaseKind = 'enrollment' | 'lateEnrollment' | 'petition';

/** Where each kind of case ends when every decision the drill makes has been applied. */
export const SETTLED_STATUS: Record<CaseKind, string> = { enrollment: 'insured', lateEnrollment: 'insured', petition: 'opinionIssued' };

/** The decision the drill takes on each step it meets. */
const DECISIONS: Record<string, { outcome: string; data?: Record<string, string> }> = {
  'enrollment:review': { outcome: 'approve' },
  'petition:acceptance': { outcome: 'accept' },
  'petition:handling': { outcome: 'support', data: { facts: '已核实缴费记录', reasons: '缴费满三年', legalBasis: '《失业保险条例》第十七条' } },
};

export interface Acknowledged {
  cases: Map<string, CaseKind>;
  /** Decisions the API answered 200 for: the task, and the outcome it must show. */
  decisions: { taskId: string; caseId: string; outcome: string }[];
  /** Requests refused with a 4xx the drill did not expect (each one is a finding). */
  refusals: string[];
}

export interface LoadOptions {
  counts: Record<CaseKind, number>;
  concurrency: number;
  /** How long a case may take to reach its next task while processes are being killed. */
  taskWaitMs: number;
  /** Told each time the API acknowledges a case (with the count so far): the drill paces its kills by it. */
  onCaseAcknowledged?: (count: number) => void;
}

export async function runMixedLoad(
  system: { orm: MikroORM; token(claims: { role: string; sub: string; employer?: string; region?: string }): Promise<string> },
  client: RetryingClient,
  options: LoadOptions,
): Promise<Acknowledged> {
  const employer = await system.token({ role: 'employer', sub: 'chaos-agent', employer: EMPLOYER_330102 });
  const caseworker = await system.token({ role: 'caseworker', sub: 'cw-chaos-1', region: '330102' });
  const nextCitizenId = citizenIdSequence();
  const acknowledged: Acknowledged = { cases: new Map(), decisions: [], refusals: [] };
  const kinds = interleaved(options.counts);

  await runPool(kinds.length, options.concurrency, async (index) => {
    const kind = kinds[index] ?? 'enrollment';
    const caseId = await openCase(kind);
    if (caseId === null) return;
    acknowledged.cases.set(caseId, kind);
    options.onCaseAcknowledged?.(acknowledged.cases.size);
    await driveToSettled(caseId, kind);
  });
  return acknowledged;

  async function openCase(kind: CaseKind): Promise<string | null> {
    const citizenId = nextCitizenId();
    if (kind === 'petition') {
      const token = await system.token({ role: 'citizen', sub: citizenId });
      const body = {
        channel: 'online',
        region: '330102',
        request: `补发失业保险金 ${citizenId}`,
        facts: '离职后仅发放两个月',
        reasons: '缴费满三年应领取十二个月',
      };
      return accepted(await client.send('POST', '/v1/petitions', { token, body, idempotencyKey: `chaos-${randomUUID()}` }), kind);
    }
    // A hire 60 days ago is registered late (社会保险法 art. 58) and goes to review; today's hire is on time.
    const hireDate = shanghaiDate(kind === 'lateEnrollment' ? -60 : 0, systemClock);
    const body = {
      person: { citizenId, name: kind === 'lateEnrollment' ? '迟登记' : '按时登记' },
      employerCreditCode: EMPLOYER_330102,
      hireDate,
      insuranceTypes: ['pension', 'medical', 'unemployment', 'workInjury'],
      monthlyWage: '8000.00',
      region: '330102',
    };
    return accepted(await client.send('POST', '/v1/enrollments', { token: employer, body }), kind);
  }

  function accepted(answer: { status: number; body: Record<string, unknown> }, kind: CaseKind): string | null {
    if (answer.status === 202 || answer.status === 201 || answer.status === 200) return String(answer.body.caseId);
    acknowledged.refusals.push(`${kind}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return null;
  }

  /** Takes every decision the case asks for until it reaches its settled status (or the wait runs out). */
  async function driveToSettled(caseId: string, kind: CaseKind): Promise<void> {
    const deadline = Date.now() + options.taskWaitMs;
    while (Date.now() < deadline) {
      const [state] = await system.orm.em.fork().execute<{ status: string; task_id: string | null; step: string | null; case_type: string }[]>(
        `select c.status, c.case_type, t.id as task_id, t.step from case_record c
             left join task t on t.case_id = c.id and t.status in ('open', 'claimed')
            where c.id = ? limit 1`,
        [caseId],
      );
      if (state?.status === SETTLED_STATUS[kind]) return;
      const decision = state?.task_id && state.step ? DECISIONS[`${state.case_type}:${state.step}`] : undefined;
      if (state?.task_id && decision) {
        const claimed = await client.send('POST', `/v1/tasks/${state.task_id}/claim`, { token: caseworker });
        // 409 on a retried claim that already went through is fine: the task is ours, the completion decides.
        if (claimed.status !== 200 && claimed.status !== 409)
          acknowledged.refusals.push(`claim ${state.task_id}: ${claimed.status} ${JSON.stringify(claimed.body)}`);
        const done = await client.send('POST', `/v1/tasks/${state.task_id}/complete`, {
          token: caseworker,
          body: { outcome: decision.outcome, comment: '', data: decision.data ?? {} },
        });
        if (done.status === 200) acknowledged.decisions.push({ taskId: state.task_id, caseId, outcome: decision.outcome });
        else if (done.status !== 409) acknowledged.refusals.push(`complete ${state.task_id}: ${done.status} ${JSON.stringify(done.body)}`);
        continue;
      }
      if (state?.task_id && state.step) {
        acknowledged.refusals.push(`${caseId}: no drill decision for step ${state.case_type}:${state.step}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** One of each kind in turn while it lasts, so every kind is in flight whenever a process dies. */
function interleaved(counts: Record<CaseKind, number>): CaseKind[] {
  const left = { ...counts };
  const order: CaseKind[] = [];
  for (let added = true; added;) {
    added = false;
    for (const kind of Object.keys(left) as CaseKind[]) {
      if (left[kind] > 0) {
        order.push(kind);
        left[kind] -= 1;
        added = true;
      }
    }
  }
  return order;
}
