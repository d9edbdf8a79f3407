// 无记录补缴 (issue 13 point 4; rules §3, §4, §6.1) through real HTTP on real PostgreSQL and Temporal: an employer
// applies with the evidence of the labour relation, every month is computed with that month's parameters plus its late
// fee, a caseworker reviews and a reviewer approves (never the same person), the months are billed to the employer's
// ledger, and the payment that settles the bill puts them in the person's insurance history. Bad input — a month that
// already has a record, a wage with three decimals, no evidence — is refused naming the field and writes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods, periodRange } from '../../domain/payroll/payroll-month.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { insertEmployer, insertEmployment, insertPerson } from './benefit-fixture.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('back-payments for months without a record: application, four-eyes approval, bill, payment, insurance history (real services, HTTP)', () => {
  let system: TestSystem;
  let caseworker: string;
  let reviewer: string;
  let employerCode: string;
  let employer: string;
  let worker: { citizenId: string; name: string };
  let thisMonth: string;

  const upload = async (token: string) => {
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'contract.pdf');
    const response = await fetch(`${system.url}/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { attachmentId: string }).attachmentId;
  };

  const apply = (body: Record<string, unknown>, key = randomUUID()) =>
    system.call('POST', '/v1/back-payments', { token: employer, body, headers: { 'idempotency-key': key } });

  const application = async (overrides: Record<string, unknown> = {}) => ({
    citizenId: worker.citizenId,
    from: addPeriods(thisMonth, -9),
    to: addPeriods(thisMonth, -4),
    monthlyWage: '8000.00',
    insuranceTypes: ['pension', 'medical', 'unemployment'],
    evidence: [{ attachmentId: await upload(employer), kind: 'contract' }],
    ...overrides,
  });

  const rowsOf = async () => {
    const [row] = await system.orm.em.fork().execute<{ cases: string; holds: string; rows: string }[]>(
      `select (select count(*) from case_record where case_type = 'backPayment' and citizen_id = ?) as cases,
              (select count(*) from back_payment_month where citizen_id = ?) as holds,
              (select count(*) from back_payment where citizen_id = ?) as rows`,
      [worker.citizenId, worker.citizenId, worker.citizenId],
    );
    return row;
  };

  const decide = async (token: string, caseId: string, step: string, outcome: string, comment = '') => {
    const taskId = await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
      return row?.id;
    });
    const claimed = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    if (claimed.status !== 200) return { ...claimed, taskId };
    return { ...(await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment, data: {} } })), taskId };
  };

  beforeAll(async () => {
    system = await startSystem();
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-bp-1' });
    reviewer = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-bp-1' });
    employerCode = await insertEmployer(system.orm);
    employer = await system.token({ role: 'employer', employer: employerCode, sub: 'agent-bp-1' });
    worker = { citizenId: citizenId({ birthDate: '1990-03-07' }), name: '孙建国' };
    thisMonth = monthOf(system.clock.today());
    await insertPerson(system.orm, { ...worker, sex: 'male', birthDate: '1990-03-07' });
    // Insured with the employer from this month on; the months before have no record — the ones it back-pays.
    await insertEmployment(system.orm, {
      ...worker,
      employer: employerCode,
      fromMonth: thisMonth,
      lastMonth: thisMonth,
      base: '8000.00',
      insurances: ['pension', 'medical', 'unemployment'],
    });
  });
  afterAll(async () => system?.close());

  it('refuses months that already have a record, three decimals, no evidence and a legal document without a date, writing nothing (rules §3.4, §6.1)', async () => {
    const before = await rowsOf();
    const overlapping = await apply(await application({ to: thisMonth }));
    expect(overlapping.status, JSON.stringify(overlapping.body)).toBe(422);
    expect(overlapping.body).toMatchObject({ code: 'MONTH_ALREADY_RECORDED', errors: [{ path: 'from', message: expect.stringContaining(thisMonth) }] });

    const precise = await apply(await application({ monthlyWage: '8000.005' }));
    expect(precise.status).toBe(400);
    expect(precise.body.errors).toEqual([expect.objectContaining({ path: 'monthlyWage', message: expect.stringContaining('more than 2 decimal places') })]);

    const perMonth = await apply(await application({ wageByMonth: { [addPeriods(thisMonth, -5)]: '9000.123' } }));
    expect(perMonth.status).toBe(400);
    expect(perMonth.body.errors[0].path).toBe(`wageByMonth.${addPeriods(thisMonth, -5)}`);

    const noEvidence = await apply(await application({ evidence: [] }));
    expect(noEvidence.status).toBe(400);
    expect(noEvidence.body.errors[0].path).toBe('evidence');

    const undated = await apply(
      await application({ evidence: [{ attachmentId: await upload(employer), kind: 'arbitration', reference: '杭劳人仲案字〔2026〕12号' }] }),
    );
    expect(undated.status).toBe(400);
    expect(undated.body.errors[0].path).toBe('evidence.0.issuedOn');

    // Months after this one are no back-payment (they are also covered by the open record, which is named first).
    const future = await apply(await application({ from: addPeriods(thisMonth, 1), to: addPeriods(thisMonth, 2) }));
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining(`after the payment month ${thisMonth}`) })]),
    );

    const reversed = await apply(await application({ from: addPeriods(thisMonth, -4), to: addPeriods(thisMonth, -9) }));
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors[0].path).toBe('from');
    expect(await rowsOf()).toEqual(before);
  });

  it('takes an application through review and four-eyes approval to the bill, and on payment the months count in the history (rules §3, §4, §6.1)', async () => {
    const body = await application();
    const key = randomUUID();
    const filed = await apply(body, key);
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    expect(filed.body.reference).toMatch(/^BJ\d{10}$/);
    const { caseId, reference } = filed.body as { caseId: string; reference: string };
    // A retry with its key is the same case; the same months again under another key are refused, naming the holder.
    expect((await apply(body, key)).body.caseId).toBe(caseId);
    const again = await apply(await application(), randomUUID());
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'MONTH_ALREADY_RECORDED', detail: expect.stringContaining(reference) });
    const reused = await apply(await application({ from: addPeriods(thisMonth, -12) }), key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const applied = await system.call('GET', `/v1/back-payments/${reference}`, { token: employer });
    expect(applied.status).toBe(200);
    const months = periodRange(body.from, body.to);
    expect(applied.body).toMatchObject({ billing: 'applied', needsSupervisor: false, from: body.from, to: body.to });
    expect(applied.body.months.map((m: { period: string }) => m.period)).toEqual(months);
    // Each month: its own parameters, a late fee running from its own due date (rules §4), the sum exact to the fen.
    for (const m of applied.body.months as { contribution: string; lateFee: string; total: string; lateFeeDays: number }[]) {
      expect(m.lateFeeDays).toBeGreaterThan(0);
      expect((Math.round(Number(m.contribution) * 100) + Math.round(Number(m.lateFee) * 100)) / 100).toBe(Number(m.total));
    }
    const sum = (applied.body.months as { total: string }[]).reduce((s, m) => s + Math.round(Number(m.total) * 100), 0);
    expect(Math.round(Number(applied.body.totals.total) * 100)).toBe(sum);
    expect(applied.body.workings.join('\n')).toContain(`${body.from}: parameters from`);

    expect((await decide(caseworker, caseId, 'review', 'approve')).status).toBe(200);
    const sameHands = await decide(caseworker, caseId, 'approval', 'approve');
    expect(sameHands.status).toBe(403);
    await system.call('POST', `/v1/tasks/${sameHands.taskId}/release`, { token: caseworker });
    expect((await decide(reviewer, caseId, 'approval', 'approve')).status).toBe(200);

    const billed = await system.eventually(async () => {
      const r = await system.call('GET', `/v1/back-payments/${reference}`, { token: employer });
      return r.body.status === 'approved' ? r.body : undefined;
    });
    expect(billed).toMatchObject({ billing: 'billed', decision: { outcome: 'approved' }, paidAt: null });
    const em = system.orm.em.fork();
    const ledger = await em.execute<{ period: string; amount: string }[]>(
      `select period, amount::text as amount from ledger_entry where case_id = ? and entry_type = 'back_payment' order by period`,
      [caseId],
    );
    expect(ledger).toEqual((billed.months as { period: string; contribution: string }[]).map((m) => ({ period: m.period, amount: m.contribution })));
    const history = async () => (await system.call('GET', `/v1/persons/${worker.citizenId}/insurance-history`, { token: caseworker })).body;
    expect((await history()).contributionMonths.pension).toBe(1);

    // The payment of the whole bill, as of today (the ledger's late fee runs to the payment's value date).
    const paid = await system.call('POST', '/v1/payments', {
      token: caseworker,
      body: { employerCreditCode: employerCode, amount: billed.totals.total, paidOn: system.clock.today() },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const settled = await system.call('GET', `/v1/back-payments/${reference}`, { token: employer });
    expect(settled.body.billing).toBe('paid');
    expect(settled.body.paidAt).not.toBeNull();
    const after = await history();
    expect(after.contributionMonths).toMatchObject({ pension: months.length + 1, medical: months.length + 1, unemployment: months.length + 1 });
    const [audits] = await em.execute<{ billed: string; paid: string }[]>(
      `select count(*) filter (where action = 'backPayment.billed') as billed, count(*) filter (where action = 'backPayment.paid') as paid
         from audit_entry where object_id = ?`,
      [caseId],
    );
    expect(audits).toEqual({ billed: '1', paid: '1' });
  });

  it('gives a rejected application’s months back, so a corrected one may take them (rules §6.1)', async () => {
    const body = await application({ from: addPeriods(thisMonth, -15), to: addPeriods(thisMonth, -13) });
    const filed = await apply(body);
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    const { caseId } = filed.body as { caseId: string };
    expect((await decide(caseworker, caseId, 'review', 'reject', '劳动合同与工资记录不符')).status).toBe(200);
    await system.eventually(async () => {
      const [row] = await system.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from back_payment_month where case_id = ?', [caseId]);
      return row?.n === '0' ? true : undefined;
    });
    const corrected = await apply(await application({ from: body.from, to: body.to }));
    expect(corrected.status).toBe(202);
    expect(corrected.body.caseId).not.toBe(caseId);
    expect((await system.call('GET', `/v1/back-payments/${filed.body.reference}`, { token: employer })).body.billing).toBe('rejected');
  });
});
