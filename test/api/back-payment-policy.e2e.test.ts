// 无记录补缴 follow-ups (issue 13 point 4; rules §4, §6.1, §8, §9) through real HTTP on real PostgreSQL and Temporal:
// a back-payment of 36 months or more without a legal document opens exactly one fund-supervision investigation however
// often it is sent; the back-payment policy is a dated setting (threshold, late fee, the period to pay) that applications
// and approvals read; and an approved bill has its own due date, before which the arrears sweep does not chase it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { addDays, monthOf, shanghaiDateOf, shanghaiStartOfDay } from '../../domain/calendar/local-date.js';
import { addPeriods, periodRange } from '../../domain/payroll/payroll-month.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { insertEmployer, insertEmployment, insertPerson } from './benefit-fixture.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const REGION = '330102';

// The business clock of this file's system: it runs with the wall clock, and the last test moves it past a due date.
let offsetMs = 0;
const clock: BusinessClock = {
  now: () => new Date(Date.now() + offsetMs),
  today: () => shanghaiDateOf(Date.now() + offsetMs),
};

describe('back-payment policy, supervision and the bill’s own due date (real services, HTTP)', () => {
  let system: TestSystem;
  let caseworker: string;
  let reviewer: string;
  let supervisor: string;
  let admin: string;
  let employerCode: string;
  let employer: string;
  let thisMonth: string;

  const upload = async () => {
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'contract.pdf');
    const response = await fetch(`${system.url}/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${employer}` }, body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { attachmentId: string }).attachmentId;
  };

  const apply = (body: Record<string, unknown>, key = randomUUID()) =>
    system.call('POST', '/v1/back-payments', { token: employer, body, headers: { 'idempotency-key': key } });

  const newWorker = async () => {
    const worker = { citizenId: citizenId({ birthDate: '1988-05-12' }), name: '钱卫东' };
    await insertPerson(system.orm, { ...worker, sex: 'male', birthDate: '1988-05-12' });
    // Insured with the employer from this month on; the months before have no record.
    await insertEmployment(system.orm, {
      ...worker,
      employer: employerCode,
      fromMonth: thisMonth,
      lastMonth: thisMonth,
      base: '8000.00',
      insurances: ['pension'],
    });
    return worker;
  };

  const application = async (who: string, from: string, to: string) => ({
    citizenId: who,
    from,
    to,
    monthlyWage: '8000.00',
    insuranceTypes: ['pension'],
    evidence: [{ attachmentId: await upload(), kind: 'contract' }],
  });

  const decide = async (token: string, caseId: string, step: string, outcome: string, comment = '') => {
    const taskId = await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
      return row?.id;
    }, 60_000);
    const claimed = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    const done = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment, data: {} } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  };

  const investigationsOf = async (who: string) =>
    system.orm.em
      .fork()
      .execute<{ control: string; investigation_case_id: string | null; source_case_id: string | null }[]>(
        'select control, investigation_case_id, source_case_id from supervision_hit where citizen_id = ?',
        [who],
      );

  const chasedPeriods = async () =>
    (
      await system.orm.em
        .fork()
        .execute<{ period: string }[]>('select period from arrears_period where employer_credit_code = ? order by period', [employerCode])
    ).map((r) => r.period);

  beforeAll(async () => {
    system = await startSystem({ clock });
    caseworker = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-bpp-1' });
    reviewer = await system.token({ role: 'reviewer', region: REGION, sub: 'rv-bpp-1' });
    supervisor = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-bpp-1' });
    admin = await system.token({ role: 'admin', region: REGION, sub: 'ad-bpp-1' });
    employerCode = await insertEmployer(system.orm);
    employer = await system.token({ role: 'employer', employer: employerCode, sub: 'agent-bpp-1' });
    thisMonth = monthOf(system.clock.today());
    // The seed's parameters start in 2025: the set in force then also holds for the four years before (a long span).
    const current = await system.call('GET', `/v1/regions/${REGION}/parameters?date=2025-01-01`, { token: admin });
    expect(current.status).toBe(200);
    const { region: _r, effectiveFrom: _f, ...set } = current.body as Record<string, unknown>;
    const earlier = `${addPeriods(thisMonth, -48)}-01`;
    const put = await system.call('PUT', `/v1/regions/${REGION}/parameters/${earlier}`, { token: admin, body: set });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  });
  afterAll(async () => system?.close());

  it('36 months without a legal document open exactly one investigation, however often the application comes (rules §6.1, §8 detection rule)', async () => {
    const worker = await newWorker();
    const from = addPeriods(thisMonth, -36);
    const to = addPeriods(thisMonth, -1);
    expect(periodRange(from, to)).toHaveLength(36);
    const body = await application(worker.citizenId, from, to);
    const key = randomUUID();
    const first = await apply(body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    // The same application again (a retry with its key) is the same case and raises nothing new.
    expect((await apply(body, key)).body.caseId).toBe(first.body.caseId);
    expect((await apply(body, key)).body.caseId).toBe(first.body.caseId);
    const view = await system.call('GET', `/v1/back-payments/${first.body.reference}`, { token: caseworker });
    expect(view.body).toMatchObject({ needsSupervisor: true, supervisionHit: { control: 'LONG_BACK_PAYMENT_WITHOUT_DOCUMENTS' } });
    const hits = await investigationsOf(worker.citizenId);
    expect(hits).toEqual([{ control: 'LONG_BACK_PAYMENT_WITHOUT_DOCUMENTS', investigation_case_id: expect.any(String), source_case_id: first.body.caseId }]);
    const listed = async () =>
      ((await system.call('GET', '/v1/investigations?limit=100', { token: supervisor })).body.items as { caseId: string }[]).filter(
        (i) => i.caseId === hits[0]!.investigation_case_id,
      );
    expect(await listed()).toHaveLength(1);

    // Rejected, its months come back, and the same span is applied for again: still the one investigation.
    await decide(caseworker, first.body.caseId, 'review', 'reject', '劳动合同与工资记录不符');
    await system.eventually(async () => {
      const [row] = await system.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from back_payment_month where case_id = ?', [first.body.caseId]);
      return row?.n === '0' ? true : undefined;
    }, 60_000);
    const again = await apply(await application(worker.citizenId, from, to));
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    expect(again.body.caseId).not.toBe(first.body.caseId);
    expect((await system.call('GET', `/v1/back-payments/${again.body.reference}`, { token: caseworker })).body.needsSupervisor).toBe(true);
    expect(await investigationsOf(worker.citizenId)).toHaveLength(1);
    expect(await listed()).toHaveLength(1);
    const [cases] = await system.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from case_record where case_type = 'investigation' and id = ?`, [hits[0]!.investigation_case_id]);
    expect(cases?.n).toBe('1');
  });

  it('refuses a backPayment.policy that does not fit, naming the field, and only an administrator changes it (rules §6.1, §9)', async () => {
    const stored = async () =>
      (await system.orm.em.fork().execute<{ value: unknown }[]>(`select value from setting where key = 'backPayment.policy'`)).map((r) => r.value);
    const before = await stored();
    const bad = await system.call('PUT', '/v1/settings/backPayment.policy', {
      token: admin,
      body: { value: { versions: [{ effectiveFrom: system.clock.today(), paymentDueDays: 2.5, paymentDueUnit: 'weeks', lateFee: false }] } },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'value.versions.0.paymentDueDays',
      'value.versions.0.paymentDueUnit',
      'value.versions.0.lateFee',
    ]);
    const caseworkerPut = await system.call('PUT', '/v1/settings/backPayment.policy', {
      token: caseworker,
      body: { value: { versions: [{ effectiveFrom: system.clock.today(), paymentDueDays: 10 }] } },
    });
    expect(caseworkerPut.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('reads the dated policy: no late fee, a 6-month threshold, 10 working days to pay; the sweep chases the bill only after that day (rules §4, §6.1, §9)', async () => {
    const today = system.clock.today();
    const put = await system.call('PUT', '/v1/settings/backPayment.policy', {
      token: admin,
      body: {
        value: {
          versions: [
            { effectiveFrom: addDays(today, 400), paymentDueDays: 30 },
            { effectiveFrom: today, source: '测试口径', chargeLateFee: false, supervisionThresholdMonths: 6, paymentDueDays: 10, paymentDueUnit: 'working' },
          ],
        },
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);

    const worker = await newWorker();
    const from = addPeriods(thisMonth, -8);
    const to = addPeriods(thisMonth, -3);
    const filed = await apply(await application(worker.citizenId, from, to));
    expect(filed.status, JSON.stringify(filed.body)).toBe(202);
    const { caseId, reference } = filed.body as { caseId: string; reference: string };
    const applied = await system.call('GET', `/v1/back-payments/${reference}`, { token: employer });
    // chargeLateFee false: the months bear no late fee; 6 months reach the configured threshold: a supervisor too.
    expect(applied.body).toMatchObject({ needsSupervisor: true, paymentDueOn: null, totals: { lateFee: '0.00' } });
    expect(applied.body.totals.total).toBe(applied.body.totals.contribution);
    expect((applied.body.months as { lateFee: string; lateFeeDays: number }[]).every((m) => m.lateFee === '0.00' && m.lateFeeDays === 0)).toBe(true);
    expect(applied.body.workings.join('\n')).toContain('chargeLateFee = false');
    expect(await investigationsOf(worker.citizenId)).toHaveLength(1);

    await decide(caseworker, caseId, 'review', 'approve');
    await decide(reviewer, caseId, 'approval', 'approve');
    await decide(supervisor, caseId, 'supervision', 'approve');
    const billed = await system.eventually(async () => {
      const r = await system.call('GET', `/v1/back-payments/${reference}`, { token: employer });
      return r.body.billing === 'billed' ? r.body : undefined;
    }, 60_000);
    // Its own due date: 10 working days after the approval day, over the calendars the system has loaded.
    const approvedOn = system.clock.today();
    const calendar = new HolidayCalendar(await loadCalendarYears(system.orm.em.fork()));
    const dueOn = calendar.addWorkingDays(approvedOn, 10);
    expect(billed.paymentDueOn).toBe(dueOn);
    expect(calendar.workingDaysBetween(approvedOn, billed.paymentDueOn)).toBe(10);
    // The months themselves keep their statutory due dates, long past.
    for (const m of billed.months as { dueDate: string }[]) expect(m.dueDate < approvedOn).toBe(true);

    const sweep = async () => {
      const r = await system.call('POST', '/v1/arrears-sweeps', { token: supervisor, body: {} });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body as { asOf: string };
    };
    expect((await sweep()).asOf).toBe(approvedOn);
    expect(await chasedPeriods()).toEqual([]);

    // On the due day itself it is not chased yet; the day after, its months are.
    offsetMs = shanghaiStartOfDay(dueOn) + 12 * 3600_000 - Date.now();
    expect((await sweep()).asOf).toBe(dueOn);
    expect(await chasedPeriods()).toEqual([]);
    offsetMs = shanghaiStartOfDay(addDays(dueOn, 1)) + 12 * 3600_000 - Date.now();
    expect((await sweep()).asOf).toBe(addDays(dueOn, 1));
    expect(await chasedPeriods()).toEqual(periodRange(from, to));
    offsetMs = 0;
  });
});
