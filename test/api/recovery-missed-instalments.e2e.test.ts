import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { addEntitlement, openRecoveryOf } from './payroll-fixture.js';

// This file's database is its own; no payroll runs, so nothing is withheld: only repayments collect.
const REGION = '330203';

interface Standing {
  month: string;
  state: string;
  covered: string;
}
interface RecoveryBody {
  id: string;
  instalmentPlan: { total: string; collected: string; instalments: Standing[]; missed: string[]; chase: string | null } | null;
  legalAction: { by: string; note: string } | null;
  chases: { id: string; missedMonth: string; status: string; taskId: string; note: string | null; decidedBy: string | null }[];
}

describe('missed instalments of a recovery are chased (催收, 社会保险经办条例 art. 46: shown, a task and a notice after the grace, contact, re-plan, legal action)', () => {
  let system: TestSystem;
  let period: string;
  let cw: string;
  let cwElsewhere: string;
  let auditor: string;
  /** Agreed three months ago, nothing collected since (the pension stopped at the death): chased. */
  let silent: { citizenId: string; id: number };
  /** Agreed three months ago, the heirs repaid the first instalment: the second month is chased. */
  let repaidOnce: { citizenId: string; id: number };
  /** Agreed last month, nothing collected: missed, within its grace. */
  let recent: { citizenId: string; id: number };

  /** A recovery of a stopped benefit (a death: no line to withhold from) with an agreement of 1000.00 a month made `monthsAgo`. */
  const agreedRecovery = async (monthsAgo: number) => {
    const person = await addEntitlement(system.orm, {
      region: REGION,
      claimType: 'pension',
      benefit: 'basicPension',
      kind: 'monthly',
      amount: '3000.00',
      startMonth: addPeriods(period, -24),
      firstPayrollMonth: addPeriods(period, -24),
    });
    await system.orm.em.fork().execute(`update benefit_entitlement set status = 'stopped', stop_reason = 'death' where id = ?`, [person.entitlementId]);
    const id = await openRecoveryOf(system.orm, { citizenId: person.citizenId, region: REGION, amount: '3000.00' });
    const agreed = await system.call('POST', `/v1/overpayment-recoveries/${id}/instalment-plan`, {
      token: cw,
      body: { monthlyAmount: '1000.00', firstMonth: period },
    });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    // The agreement as it would stand had it been made `monthsAgo` months ago (the API only agrees from this month on).
    await system.orm.em
      .fork()
      .execute(`update overpayment_recovery set plan_first_month = ?, plan_agreed_at = plan_agreed_at - make_interval(months => ?) where id = ?`, [
        addPeriods(period, -monthsAgo),
        monthsAgo,
        id,
      ]);
    return { citizenId: person.citizenId, id };
  };
  const recovery = async (id: number, token = cw): Promise<RecoveryBody> => {
    const res = await system.call('GET', `/v1/overpayment-recoveries/${id}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as RecoveryBody;
  };
  const sweep = async () => {
    const res = await system.call('POST', '/v1/missed-instalment-sweeps', { token: cw, body: { region: REGION } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { today: string; chased: number };
  };
  const taskRow = async (taskId: string) =>
    (
      await system.orm.em
        .fork()
        .execute<{ status: string; outcome: string | null; case_type: string; step: string; region: string }[]>(
          `select status, outcome, case_type, step, region from task where id = ?`,
          [taskId],
        )
    )[0];

  beforeAll(async () => {
    system = await startSystem();
    period = monthOf(system.clock.today());
    cw = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-mi-1' });
    cwElsewhere = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-mi-2' });
    auditor = await system.token({ role: 'auditor', region: REGION, sub: 'au-mi-1' });
    silent = await agreedRecovery(3);
    repaidOnce = await agreedRecovery(3);
    const repaid = await system.call('POST', `/v1/overpayment-recoveries/${repaidOnce.id}/repayments`, {
      token: cw,
      headers: { 'idempotency-key': `receipt-mi-${repaidOnce.id}` },
      body: { amount: '1000.00', note: '继承人银行转账' },
    });
    expect(repaid.status, JSON.stringify(repaid.body)).toBe(201);
    recent = await agreedRecovery(1);
  });
  afterAll(async () => system?.close());

  it('shows each instalment as paid or missed on the recovery, and what the sweep would chase (art. 46)', async () => {
    const shown = await recovery(silent.id);
    expect(shown.instalmentPlan).toMatchObject({ total: '3000.00', collected: '0.00', chase: addPeriods(period, -2) });
    expect(shown.instalmentPlan!.instalments.map((i) => [i.month, i.state])).toEqual([
      [addPeriods(period, -3), 'missed'],
      [addPeriods(period, -2), 'missed'],
      [addPeriods(period, -1), 'missed'],
    ]);
    const partly = await recovery(repaidOnce.id);
    expect(partly.instalmentPlan).toMatchObject({ collected: '1000.00', missed: [addPeriods(period, -2), addPeriods(period, -1)] });
    expect(partly.instalmentPlan!.instalments[0]).toMatchObject({ state: 'paid', covered: '1000.00' });
    // Missed last month, still within the month of grace: shown, not chased.
    const young = await recovery(recent.id);
    expect(young.instalmentPlan).toMatchObject({ missed: [addPeriods(period, -1)], chase: null });
    expect(young.chases).toEqual([]);
  });

  it('chases each recovery past its grace once: a task on the region’s worklist, a notice to the person, an audit entry; a second run chases nobody', async () => {
    expect((await system.call('POST', '/v1/missed-instalment-sweeps', { token: auditor, body: { region: REGION } })).status).toBe(403);
    expect((await system.call('POST', '/v1/missed-instalment-sweeps', { token: cwElsewhere, body: { region: REGION } })).status).toBe(403);
    expect((await sweep()).chased).toBe(2);
    expect((await sweep()).chased).toBe(0);

    const chased = await recovery(silent.id);
    expect(chased.chases).toMatchObject([{ missedMonth: addPeriods(period, -2), status: 'open', note: null }]);
    expect((await recovery(repaidOnce.id)).chases).toMatchObject([{ missedMonth: addPeriods(period, -2), status: 'open' }]);
    expect((await recovery(recent.id)).chases).toEqual([]);
    const task = await taskRow(chased.chases[0]!.taskId);
    expect(task).toMatchObject({ status: 'open', case_type: 'recovery', step: 'recoveryChase', region: REGION });
    const worklist = await system.call('GET', '/v1/tasks?view=available&limit=100', { token: cw });
    expect((worklist.body.items as { taskId: string }[]).map((t) => t.taskId)).toContain(chased.chases[0]!.taskId);

    const em = system.orm.em.fork();
    const notices = await em.execute<{ recipient_id: string; payload: { recovery: number; month: string } }[]>(
      `select recipient_id, payload from notice_outbox where kind = 'overpayment_instalment_missed' and recipient_id in (?, ?, ?)`,
      [silent.citizenId, repaidOnce.citizenId, recent.citizenId],
    );
    expect(notices.map((n) => n.recipient_id).sort()).toEqual([silent.citizenId, repaidOnce.citizenId].sort());
    const audit = await em.execute<{ object_id: string }[]>(`select object_id from audit_entry where action = 'overpaymentRecovery.instalmentMissed'`);
    expect(audit.map((a) => a.object_id).sort()).toEqual([String(silent.id), String(repaidOnce.id)].sort());

    // The task is claimed like any other, but decided on the recovery: the task inbox refuses to complete it.
    const taskId = chased.chases[0]!.taskId;
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: cw })).status).toBe(200);
    const completed = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: cw, body: { outcome: 'contacted', comment: '', data: {} } });
    expect(completed.status).toBe(409);
    expect(completed.body.code).toBe('NOT_ALLOWED_NOW');
  });

  it('records a contact (closing the chase and its task), re-plans (the chase replanned), and passes a recovery to legal action; refuses what does not fit', async () => {
    const path = (id: number) => `/v1/overpayment-recoveries/${id}/chase`;
    const blank = await system.call('POST', path(silent.id), { token: cw, body: { outcome: 'contacted', note: '  ' } });
    expect(blank.status).toBe(400);
    expect(blank.body.errors.map((e: { path: string }) => e.path)).toEqual(['note']);
    expect((await system.call('POST', path(silent.id), { token: auditor, body: { outcome: 'contacted', note: '电话' } })).status).toBe(403);
    expect((await system.call('POST', path(silent.id), { token: cwElsewhere, body: { outcome: 'contacted', note: '电话' } })).status).toBe(404);
    expect((await system.call('POST', path(recent.id), { token: cw, body: { outcome: 'contacted', note: '电话' } })).status).toBe(409);

    const contacted = await system.call('POST', path(silent.id), { token: cw, body: { outcome: 'contacted', note: '电话联系继承人，承诺月底前还款' } });
    expect(contacted.status, JSON.stringify(contacted.body)).toBe(200);
    const after = contacted.body as RecoveryBody;
    expect(after.chases).toMatchObject([{ status: 'contacted', note: '电话联系继承人，承诺月底前还款', decidedBy: 'cw-mi-1' }]);
    expect(await taskRow(after.chases[0]!.taskId)).toMatchObject({ status: 'completed', outcome: 'contacted' });
    // The months it covered are not chased again.
    expect(after.instalmentPlan!.chase).toBeNull();
    expect((await sweep()).chased).toBe(0);

    // A new agreement decides the open chase as replanned and closes its task.
    const open = (await recovery(repaidOnce.id)).chases[0]!;
    const replanned = await system.call('POST', `/v1/overpayment-recoveries/${repaidOnce.id}/instalment-plan`, {
      token: cw,
      body: { monthlyAmount: '500.00', firstMonth: period },
    });
    expect(replanned.status, JSON.stringify(replanned.body)).toBe(200);
    const plan = replanned.body.recovery as RecoveryBody;
    expect(plan.chases).toMatchObject([{ id: open.id, status: 'replanned' }]);
    expect(plan.instalmentPlan).toMatchObject({ total: '2000.00', collected: '0.00', missed: [] });
    expect(plan.instalmentPlan!.instalments.map((i) => i.state)).toEqual(['due', 'upcoming', 'upcoming', 'upcoming']);
    expect(await taskRow(open.taskId)).toMatchObject({ status: 'completed', outcome: 'replanned' });

    const legal = await system.call('POST', path(silent.id), { token: cw, body: { outcome: 'legalAction', note: '多次催收无果，移交法院' } });
    expect(legal.status, JSON.stringify(legal.body)).toBe(200);
    expect(legal.body.legalAction).toMatchObject({ by: 'cw-mi-1', note: '多次催收无果，移交法院' });
    expect((await system.call('POST', path(silent.id), { token: cw, body: { outcome: 'legalAction', note: '再次' } })).status).toBe(409);
    const actions = await system.orm.em
      .fork()
      .execute<{ action: string }[]>(`select action from audit_entry where object_type = 'OverpaymentRecovery' and object_id in (?, ?) order by id`, [
        String(silent.id),
        String(repaidOnce.id),
      ]);
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['overpaymentRecovery.chaseContacted', 'overpaymentRecovery.chaseReplanned', 'overpaymentRecovery.legalAction']),
    );
  });
});
