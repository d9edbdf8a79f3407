// 无记录补缴 and the ledger (issue 13, rules §4, §9): a back-payment approved under backPayment.policy chargeLateFee
// false bears no late fee in the employer's statement (GET /v1/bills, the payment allocation) before the bill's own due
// date, and the fee runs on it from the day after; under the default (true) every month bears the fee from its own
// statutory due date, as before. Real HTTP on real PostgreSQL and Temporal.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, daysBetween, monthOf } from '../../domain/calendar/local-date.js';
import { calculateLateFee } from '../../domain/contribution/late-fee.js';
import { Money } from '../../domain/money.js';
import { addPeriods, periodRange } from '../../domain/payroll/payroll-month.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { insertEmployer, insertEmployment, insertPerson } from './benefit-fixture.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const REGION = '330102';

interface BillItem {
  period: string;
  dueDate: string;
  paymentDueOn: string | null;
  principal: string;
  lateFeeDays: number;
  lateFee: string;
  total: string;
}
interface BilledMonth {
  period: string;
  dueDate: string;
  contribution: string;
}

describe('a back-payment’s late fee in the ledger follows backPayment.policy chargeLateFee (real services, HTTP)', () => {
  let system: TestSystem;
  let caseworker: string;
  let reviewer: string;
  let admin: string;
  let thisMonth: string;

  const decide = async (token: string, caseId: string, step: string) => {
    const taskId = await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
      return row?.id;
    }, 60_000);
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token })).status).toBe(200);
    const done = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome: 'approve', comment: '', data: {} } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  };

  /** A new employer and worker, a back-payment of six months applied for, approved and billed. */
  const billedBackPayment = async () => {
    const employerCode = await insertEmployer(system.orm);
    const employer = await system.token({ role: 'employer', employer: employerCode, sub: `agent-${employerCode.slice(-6)}` });
    const worker = { citizenId: citizenId({ birthDate: '1989-04-21' }), name: '孙建国' };
    await insertPerson(system.orm, { ...worker, sex: 'male', birthDate: '1989-04-21' });
    await insertEmployment(system.orm, {
      ...worker,
      employer: employerCode,
      fromMonth: thisMonth,
      lastMonth: thisMonth,
      base: '8000.00',
      insurances: ['pension'],
    });
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'contract.pdf');
    const stored = await fetch(`${system.url}/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${employer}` }, body: form });
    expect(stored.status).toBe(201);
    const { attachmentId } = (await stored.json()) as { attachmentId: string };
    const from = addPeriods(thisMonth, -8);
    const to = addPeriods(thisMonth, -3);
    const filed = await system.call('POST', '/v1/back-payments', {
      token: employer,
      headers: { 'idempotency-key': randomUUID() },
      body: { citizenId: worker.citizenId, from, to, monthlyWage: '8000.00', insuranceTypes: ['pension'], evidence: [{ attachmentId, kind: 'contract' }] },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    const { caseId, reference } = filed.body as { caseId: string; reference: string };
    await decide(caseworker, caseId, 'review');
    await decide(reviewer, caseId, 'approval');
    const billed = await system.eventually(async () => {
      const r = await system.call('GET', `/v1/back-payments/${reference}`, { token: employer });
      return r.body.billing === 'billed' ? r.body : undefined;
    }, 60_000);
    expect(billed.months.map((m: BilledMonth) => m.period)).toEqual(periodRange(from, to));
    return { employerCode, employer, reference, billed: billed as { paymentDueOn: string; chargeLateFee: boolean; months: BilledMonth[] } };
  };

  const bills = async (token: string, asOf: string) => {
    const r = await system.call('GET', `/v1/bills?asOf=${asOf}`, { token });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { items: BillItem[]; principal: string; lateFee: string; total: string; credit: string };
  };

  beforeAll(async () => {
    system = await startSystem();
    caseworker = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-bplf-1' });
    reviewer = await system.token({ role: 'reviewer', region: REGION, sub: 'rv-bplf-1' });
    admin = await system.token({ role: 'admin', region: REGION, sub: 'ad-bplf-1' });
    thisMonth = monthOf(system.clock.today());
  });
  afterAll(async () => system?.close());

  it('§4 chargeLateFee true (the default): each back-paid month bears the late fee from its own due date in the statement', async () => {
    const { employer, billed } = await billedBackPayment();
    expect(billed.chargeLateFee).toBe(true);
    const today = system.clock.today();
    const statement = await bills(employer, today);
    expect(statement.items.map((i) => i.period)).toEqual(billed.months.map((m) => m.period));
    for (const m of billed.months) {
      const item = statement.items.find((i) => i.period === m.period)!;
      const expected = calculateLateFee({ principal: Money.of(m.contribution), dueDate: m.dueDate, asOf: today });
      expect(item).toMatchObject({ dueDate: m.dueDate, paymentDueOn: billed.paymentDueOn, principal: m.contribution });
      expect(item.lateFeeDays).toBe(daysBetween(m.dueDate, today));
      expect(item.lateFeeDays).toBeGreaterThan(0);
      expect(item.lateFee).toBe(expected.lateFee.toString());
      expect(Money.of(item.lateFee).isZero()).toBe(false);
    }
  });

  it('§4 chargeLateFee false: no late fee on the months before the bill’s own due date, the principal due; the fee runs after it; a payment of the principal settles it', async () => {
    const today = system.clock.today();
    const put = await system.call('PUT', '/v1/settings/backPayment.policy', {
      token: admin,
      body: { value: { versions: [{ effectiveFrom: today, source: '本地口径：补缴不加收滞纳金', chargeLateFee: false }] } },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const { employerCode, employer, reference, billed } = await billedBackPayment();
    expect(billed.chargeLateFee).toBe(false);
    expect(billed.paymentDueOn > today).toBe(true);
    const principal = Money.sum(billed.months.map((m) => Money.of(m.contribution))).toString();

    // Today and on the due day itself: the principal, and no late fee at all.
    for (const asOf of [today, billed.paymentDueOn]) {
      const statement = await bills(employer, asOf);
      expect(statement.items).toHaveLength(billed.months.length);
      for (const m of billed.months) {
        expect(statement.items.find((i) => i.period === m.period)).toMatchObject({
          dueDate: m.dueDate,
          paymentDueOn: billed.paymentDueOn,
          principal: m.contribution,
          lateFeeDays: 0,
          lateFee: '0.00',
          total: m.contribution,
        });
      }
      expect(statement).toMatchObject({ principal, lateFee: '0.00', total: principal });
    }

    // Unpaid five days past its own due date, it bears the fee for those five days only.
    const late = addDays(billed.paymentDueOn, 5);
    const after = await bills(employer, late);
    for (const m of billed.months) {
      const item = after.items.find((i) => i.period === m.period)!;
      expect(item.lateFeeDays).toBe(5);
      expect(item.lateFee).toBe(calculateLateFee({ principal: Money.of(m.contribution), dueDate: billed.paymentDueOn, asOf: late }).lateFee.toString());
    }

    // Paid today with exactly the principal: the allocation finds no late fee to take first, and the bill is settled.
    const paid = await system.call('POST', '/v1/payments', {
      token: caseworker,
      body: { employerCreditCode: employerCode, amount: principal, paidOn: today },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const settled = await bills(employer, today);
    expect(settled).toMatchObject({ principal: '0.00', lateFee: '0.00', total: '0.00', credit: '0.00' });
    expect((await system.call('GET', `/v1/back-payments/${reference}`, { token: employer })).body.billing).toBe('paid');
  });
});
