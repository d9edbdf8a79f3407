// The enrollment lifecycle after "insured" (issue "Right on any day" point 5), through the API on real PostgreSQL and
// Temporal: a leaver report, a hire by another employer, the insurance history, changes with four eyes on a base drop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/local-date.js';
import { businessDates } from '../support/business-dates.js';
import { citizenId, creditCode, enrollmentBody, SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { writtenRows } from './review-fixture.js';

describe('enrollment lifecycle: leavers, rehire, history and changes (real PostgreSQL, Temporal dev server, worker, HTTP)', () => {
  let system: TestSystem;
  let employerA: string;
  let caseworker: string;

  const newEmployer = async (region = '330102') => {
    const code = creditCode(region);
    await system.orm.em.fork().execute(
      `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
       values (?, '新单位', ?, 'active', 'I6510', 1, 'test', now())`,
      [code, region],
    );
    return { code, token: await system.token({ role: 'employer', employer: code, sub: `agent-${code.slice(-6)}` }) };
  };
  /** Files a timely hire and waits until the person is insured. */
  const insured = async (token: string, body: ReturnType<typeof enrollmentBody>) => {
    const started = await system.call('POST', '/v1/enrollments', { token, body });
    expect(started.status).toBe(202);
    return system.eventually(async () => {
      const view = await system.call('GET', `/v1/cases/${started.body.caseId}`, { token });
      return view.body.status === 'insured' || view.body.status === 'refused' ? view.body : undefined;
    });
  };
  const records = (id: string) =>
    system.orm.em
      .fork()
      .execute<{ employer_credit_code: string | null; insurance_type: string; status: string; end_month: string | null; end_reason: string | null }[]>(
        'select employer_credit_code, insurance_type, status, end_month, end_reason from insurance_record where citizen_id = ? order by created_at, insurance_type',
        [id],
      );

  beforeAll(async () => {
    system = await startSystem();
    employerA = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-life' });
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-life' });
  });
  afterAll(async () => system?.close());

  it('reports a leaver (减员), stops the records after the leave month, and lets another employer enroll the person (§2, 社会保险法 art. 50)', async () => {
    const d = businessDates(system.clock);
    const id = citizenId();
    const hire = d.day(-20);
    expect((await insured(employerA, enrollmentBody({ citizenId: id, hireDate: hire }))).status).toBe('insured');

    // Another employer in the same pooling area cannot enroll the person while the first relationship is open.
    const other = await newEmployer('330106');
    const early = await insured(other.token, enrollmentBody({ citizenId: id, employerCreditCode: other.code, region: '330106', hireDate: d.day(-2) }));
    expect(early.status).toBe('refused');
    expect(early.summary.refusals).toEqual([expect.objectContaining({ code: 'PENSION_ACTIVE_WITH_OTHER_EMPLOYER' })]);

    const leave = d.day(-3) < hire ? hire : d.day(-3);
    const report = await system.call('POST', `/v1/employers/${SEEDED_EMPLOYER_330102}/leavers`, {
      token: employerA,
      body: { citizenId: id, leaveDate: leave, reason: 'resigned' },
    });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({
      repeated: false,
      leaveDate: leave,
      lastMonth: leave.slice(0, 7),
      lateDays: null,
      citizenId: `${id.slice(0, 6)}********${id.slice(14)}`,
    });
    expect(report.body.insuranceTypes.sort()).toEqual(['medical', 'pension', 'unemployment', 'workInjury']);
    const again = await system.call('POST', `/v1/employers/${SEEDED_EMPLOYER_330102}/leavers`, {
      token: employerA,
      body: { citizenId: id, leaveDate: leave, reason: 'resigned' },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ repeated: true, reportId: report.body.reportId });
    expect((await records(id)).every((r) => r.status === 'terminated' && r.end_month === leave.slice(0, 7) && r.end_reason === 'resigned')).toBe(true);

    const rehired = await insured(other.token, enrollmentBody({ citizenId: id, employerCreditCode: other.code, region: '330106', hireDate: d.day(-1) }));
    expect(rehired.status).toBe('insured');
    const history = await system.call('GET', `/v1/persons/${id}/insurance-history`, { token: caseworker });
    expect(history.status).toBe(200);
    expect(history.body.citizenId).toBe(id); // staff of a region with a record see it whole
    const pension = history.body.periods.filter((p: { insuranceType: string }) => p.insuranceType === 'pension');
    expect(pension.map((p: { employerCreditCode: string; status: string; endReason: string | null }) => [p.employerCreditCode, p.status, p.endReason])).toEqual(
      [
        [SEEDED_EMPLOYER_330102, 'terminated', 'resigned'],
        [other.code, 'active', null],
      ],
    );
  });

  it('flags a leaver reported later than 15 days with the days late (社会保险法 art. 50, §9 rollover)', async () => {
    const d = businessDates(system.clock);
    const id = citizenId();
    expect((await insured(employerA, enrollmentBody({ citizenId: id, hireDate: d.day(-25) }))).status).toBe('insured');
    const leave = d.day(-24);
    const report = await system.call('POST', `/v1/employers/${SEEDED_EMPLOYER_330102}/leavers`, {
      token: caseworker,
      body: { citizenId: id, leaveDate: leave, reason: 'dismissed' },
    });
    expect(report.status).toBe(201);
    const deadline = (await system.call('GET', `/v1/calendar/deadline?from=${leave}&days=15&unit=calendar`, { token: caseworker })).body.due as string;
    expect(report.body.reportDeadline).toBe(deadline);
    const late = Math.round((Date.parse(d.today) - Date.parse(deadline)) / 86_400_000);
    expect(report.body.lateDays).toBe(late > 0 ? late : null);
  });

  it('refuses impossible leaver reports with the field named, and a person not insured with the employer, writing nothing', async () => {
    const d = businessDates(system.clock);
    const id = citizenId();
    expect((await insured(employerA, enrollmentBody({ citizenId: id, hireDate: d.day(-5) }))).status).toBe('insured');
    const before = await writtenRows(system);
    const future = await system.call('POST', `/v1/employers/${SEEDED_EMPLOYER_330102}/leavers`, {
      token: employerA,
      body: { citizenId: id, leaveDate: d.day(1), reason: 'resigned' },
    });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([{ path: 'leaveDate', message: expect.stringMatching(/future/) }]);
    const stranger = await system.call('POST', `/v1/employers/${SEEDED_EMPLOYER_330102}/leavers`, {
      token: employerA,
      body: { citizenId: citizenId(), leaveDate: d.today, reason: 'resigned' },
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.code).toBe('NOT_INSURED');
    const otherAgent = (await newEmployer()).token;
    expect(
      (
        await system.call('POST', `/v1/employers/${SEEDED_EMPLOYER_330102}/leavers`, {
          token: otherAgent,
          body: { citizenId: id, leaveDate: d.today, reason: 'resigned' },
        })
      ).status,
    ).toBe(404);
    expect(await writtenRows(system)).toEqual(before);
  });

  it('switches a flexible worker who is hired over to the employer in one step (§2)', async () => {
    const d = businessDates(system.clock);
    const id = citizenId();
    const citizen = await system.token({ role: 'citizen', sub: id });
    const flexible = await insured(
      citizen,
      enrollmentBody({ citizenId: id, employerCreditCode: undefined, insuranceTypes: ['pension', 'medical'], hireDate: addDays(d.today, -10) }),
    );
    expect(flexible.status).toBe('insured');
    const hired = await insured(employerA, enrollmentBody({ citizenId: id, hireDate: d.day(-1) }));
    expect(hired.status).toBe('insured');
    const rows = await records(id);
    expect(rows.filter((r) => r.employer_credit_code === null).map((r) => [r.status, r.end_reason])).toEqual([
      ['terminated', 'switchedToEmployee'],
      ['terminated', 'switchedToEmployee'],
    ]);
    expect(rows.filter((r) => r.employer_credit_code === SEEDED_EMPLOYER_330102 && r.status === 'active')).toHaveLength(4);
  });

  it('applies a base raise at once and holds a base drop for a second person: never the one who asked (four eyes, §3.2)', async () => {
    const d = businessDates(system.clock);
    const id = citizenId();
    expect((await insured(employerA, enrollmentBody({ citizenId: id, hireDate: d.day(-5), monthlyWage: '9000.00' }))).status).toBe('insured');
    const month = d.period(0);
    const raise = await system.call('POST', `/v1/persons/${id}/base-changes`, {
      token: caseworker,
      body: { employerCreditCode: SEEDED_EMPLOYER_330102, newBase: '10000.00', fromMonth: month, reason: '工资调整' },
    });
    expect(raise.status).toBe(201);
    expect(raise.body).toMatchObject({ status: 'applied', oldBase: '9000.00', newBase: '10000.00' });

    const reviewer = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-life' });
    const drop = await system.call('POST', `/v1/persons/${id}/base-changes`, {
      token: reviewer,
      body: { employerCreditCode: SEEDED_EMPLOYER_330102, newBase: '8000.00', fromMonth: month, reason: '降薪' },
    });
    expect(drop.body).toMatchObject({ status: 'pending', oldBase: '10000.00' });
    const own = await system.call('POST', `/v1/base-changes/${drop.body.id}/decision`, { token: reviewer, body: { approve: true } });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES');
    const outside = await system.call('POST', `/v1/persons/${id}/base-changes`, {
      token: caseworker,
      body: { employerCreditCode: SEEDED_EMPLOYER_330102, newBase: '1.00', fromMonth: month, reason: 'x' },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].path).toBe('newBase');
    const second = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-life-2' });
    const approved = await system.call('POST', `/v1/base-changes/${drop.body.id}/decision`, { token: second, body: { approve: true } });
    expect(approved.body).toMatchObject({ status: 'applied', decidedBy: 'rv-life-2' });
    const bases = await system.orm.em
      .fork()
      .execute<{ base: string }[]>("select distinct contribution_base::text as base from insurance_record where citizen_id = ? and status = 'active'", [id]);
    expect(bases).toEqual([{ base: '8000.00' }]);
    expect((await system.call('POST', `/v1/base-changes/${drop.body.id}/decision`, { token: second, body: { approve: true } })).status).toBe(409);
  });

  it('lets a person change their phone, staff their name; the person cannot change the name; every change is audited', async () => {
    const d = businessDates(system.clock);
    const id = citizenId();
    expect((await insured(employerA, enrollmentBody({ citizenId: id, hireDate: d.day(-5) }))).status).toBe('insured');
    const citizen = await system.token({ role: 'citizen', sub: id });
    expect((await system.call('PATCH', `/v1/persons/${id}`, { token: citizen, body: { phone: '13800000000' } })).body).toMatchObject({ phone: '13800000000' });
    expect((await system.call('PATCH', `/v1/persons/${id}`, { token: citizen, body: { name: '改名' } })).status).toBe(403);
    expect((await system.call('PATCH', `/v1/persons/${id}`, { token: caseworker, body: { name: '张三丰' } })).body).toMatchObject({ name: '张三丰' });
    const other = await system.token({ role: 'citizen', sub: citizenId() });
    expect((await system.call('PATCH', `/v1/persons/${id}`, { token: other, body: { phone: '13900000000' } })).status).toBe(404);
    const audited = await system.orm.em
      .fork()
      .execute<{ n: string }[]>("select count(*)::text as n from audit_entry where action = 'person.changed' and object_id = ?", [
        `${id.slice(0, 6)}********${id.slice(14)}`,
      ]);
    expect(Number(audited[0]!.n)).toBe(2);
  });
});
