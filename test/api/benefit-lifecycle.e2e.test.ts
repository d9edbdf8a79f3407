// Unemployment, maternity and work-injury claims end to end (issue 10 points 3–6) through real HTTP on real
// PostgreSQL and Temporal: the leaver report the employer files, the entitlements an approval records, the stop a new
// enrollment by another employer causes, recognition and a re-assessment asked for by the worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, monthOf } from '../../domain/calendar/local-date.js';
import { enrollmentBody } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { insertEmployer, insertEmployment, insertPerson, monthPlus, newPerson } from './benefit-fixture.js';

const OTHER_SEEDED_EMPLOYER = '91330102MA2H00049H';

describe('benefit claims: unemployment stopped by re-employment, maternity, work injury (real services, HTTP)', () => {
  let system: TestSystem;
  let caseworker: string;
  let reviewer: string;
  let supervisor: string;

  const decide = async (token: string, caseId: string, step: string, outcome: string, extra: { comment?: string; data?: Record<string, unknown> } = {}) => {
    const taskId = await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
      return row?.id;
    });
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token })).status).toBe(200);
    const done = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment: extra.comment ?? '', data: extra.data ?? {} } });
    expect(done.status).toBe(200);
    return done;
  };
  const inStatus = (token: string, reference: string, status: string) =>
    system.eventually(async () => {
      const view = await system.call('GET', `/v1/benefit-claims/${reference}`, { token });
      return view.body?.status === status ? view.body : undefined;
    });
  const month = (n: number) => monthOf(addMonths(`${monthOf(system.clock.today())}-01`, n));

  beforeAll(async () => {
    system = await startSystem();
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-life-1' });
    reviewer = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-life-1' });
    supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sv-life-1' });
  });
  afterAll(async () => system?.close());

  it('pays an unemployment benefit after the employer’s leaver report and stops it when another employer hires (社会保险法 arts. 45–51, E4)', async () => {
    const employer = await insertEmployer(system.orm);
    const agent = await system.token({ role: 'employer', employer, sub: 'agent-bc-u' });
    const person = newPerson('1988-04-12');
    await insertPerson(system.orm, person);
    // Seven years of paid months up to last month: 84 months → at most 18 (national caps).
    await insertEmployment(system.orm, {
      ...person,
      employer,
      fromMonth: month(-84),
      lastMonth: month(-1),
      base: '8000.00',
      insurances: ['pension', 'medical', 'unemployment', 'workInjury'],
    });
    const citizen = await system.token({ role: 'citizen', sub: person.citizenId });
    const leaveDate = addDays(system.clock.today(), -2);
    const body = { type: 'unemployment', citizenId: person.citizenId, region: '330102', leaveDate, employerCreditCode: employer };

    // Before the employer reports the leave, the claim is refused and says why.
    const early = await system.call('POST', '/v1/benefit-claims', { token: citizen, body });
    expect(early.status).toBe(202);
    const refused = await inStatus(citizen, early.body.reference, 'refused');
    expect(refused.refusals).toEqual([expect.objectContaining({ code: 'LEAVER_NOT_REPORTED' }), expect.objectContaining({ code: 'CURRENTLY_EMPLOYED' })]);

    expect(
      (await system.call('POST', `/v1/employers/${employer}/leavers`, { token: agent, body: { citizenId: person.citizenId, leaveDate, reason: 'dismissed' } }))
        .status,
    ).toBe(201);
    const filed = await system.call('POST', '/v1/benefit-claims', { token: citizen, body });
    expect(filed.status).toBe(202);
    expect(filed.body.reference).not.toBe(early.body.reference);
    const preparing = await inStatus(citizen, filed.body.reference, 'preparing');
    expect(preparing.amounts.figures).toMatchObject({ contributionMonths: 84, maxMonths: 18, months: 18, monthlyAmount: '2241.00', medicalPremium: '548.55' });
    expect(preparing.deadlines.find((d: { name: string }) => d.name === 'agencyDecision')).toMatchObject({ unit: 'working' });
    await decide(caseworker, filed.body.caseId, 'prepare', 'approve');
    await decide(reviewer, filed.body.caseId, 'review', 'approve');
    const paying = await inStatus(citizen, filed.body.reference, 'paying');
    const registered = month(0);
    expect(
      paying.entitlements.map((e: { benefit: string; kind: string; amount: string; startMonth: string; endMonth: string; status: string }) => [
        e.benefit,
        e.kind,
        e.amount,
        e.startMonth,
        e.endMonth,
        e.status,
      ]),
    ).toEqual([
      ['medicalPremium', 'medicalPremium', '548.55', registered, monthPlus(registered, 17), 'active'],
      ['unemploymentBenefit', 'monthly', '2241.00', registered, monthPlus(registered, 17), 'active'],
    ]);

    // Another employer enrolls the person today: the benefit stops from this month, every month left unused.
    const hire = await system.token({ role: 'employer', employer: OTHER_SEEDED_EMPLOYER, sub: 'agent-bc-h' });
    const enrolled = await system.call('POST', '/v1/enrollments', {
      token: hire,
      body: enrollmentBody({ citizenId: person.citizenId, employerCreditCode: OTHER_SEEDED_EMPLOYER, hireDate: system.clock.today() }),
    });
    expect(enrolled.status).toBe(202);
    const stopped = await inStatus(citizen, filed.body.reference, 'stopped');
    expect(
      stopped.entitlements.map((e: { benefit: string; endMonth: string; status: string; monthsUnused: number | null }) => [
        e.benefit,
        e.endMonth,
        e.status,
        e.monthsUnused,
      ]),
    ).toEqual([
      ['medicalPremium', monthPlus(registered, -1), 'stopped', null],
      ['unemploymentBenefit', monthPlus(registered, -1), 'stopped', 18],
    ]);
    expect(stopped.letter).toMatchObject({ kind: 'benefit_stopped', reasons: expect.arrayContaining([expect.stringContaining('18 unused')]) });
    expect(stopped.timeline.map((t: { action: string }) => t.action)).toContain('benefit.reemployed');
    const notices = await system.orm.em
      .fork()
      .execute<{ kind: string; recipient_id: string }[]>(`select kind, recipient_id from notice_outbox where case_id = ? order by created_at`, [
        filed.body.caseId,
      ]);
    expect(notices.map((n) => n.kind)).toEqual(['benefit_granted', 'benefit_stopped']);
  });

  it('grants a maternity allowance from the employer’s average base of the previous year, filed by the employer (§5.4, E5)', async () => {
    const employer = await insertEmployer(system.orm);
    const agent = await system.token({ role: 'employer', employer, sub: 'agent-bc-m' });
    const person = newPerson('1994-09-03', 'female');
    await insertPerson(system.orm, person);
    const lastYear = String(Number(system.clock.today().slice(0, 4)) - 1);
    await insertEmployment(system.orm, {
      ...person,
      employer,
      fromMonth: `${lastYear}-01`,
      lastMonth: month(-1),
      base: '9000.00',
      insurances: ['pension', 'medical'],
    });
    const filed = await system.call('POST', '/v1/benefit-claims', {
      token: agent,
      body: {
        type: 'maternity',
        citizenId: person.citizenId,
        region: '330102',
        employerCreditCode: employer,
        event: { type: 'birth', date: addDays(system.clock.today(), -10) },
      },
    });
    expect(filed.status).toBe(202);
    const citizen = await system.token({ role: 'citizen', sub: person.citizenId });
    const preparing = await inStatus(citizen, filed.body.reference, 'preparing');
    expect(preparing.amounts.figures).toMatchObject({ employerAverageBase: '9000.00', days: 98, dailyRate: '300.00', allowance: '29400.00' });
    await decide(caseworker, filed.body.caseId, 'prepare', 'approve');
    await decide(reviewer, filed.body.caseId, 'review', 'approve');
    const granted = await inStatus(agent, filed.body.reference, 'granted');
    expect(granted.entitlements).toEqual([expect.objectContaining({ benefit: 'maternityAllowance', kind: 'oneOff', amount: '29400.00', payer: 'fund' })]);
    expect(granted.citizenId).toMatch(/\*{8}/); // the employer sees the number masked
  });

  it('recognises a work injury, takes the worker’s re-assessment request and pays by the final grade through two tiers (工伤保险条例 arts. 17–37, E9)', async () => {
    const employer = await insertEmployer(system.orm);
    const agent = await system.token({ role: 'employer', employer, sub: 'agent-bc-w' });
    const person = newPerson('1985-02-11');
    await insertPerson(system.orm, person);
    await insertEmployment(system.orm, {
      ...person,
      employer,
      fromMonth: month(-24),
      lastMonth: month(-1),
      base: '8000.00',
      insurances: ['pension', 'medical', 'workInjury'],
    });
    const accidentDate = addDays(system.clock.today(), -7);
    const filed = await system.call('POST', '/v1/benefit-claims', {
      token: agent,
      body: {
        type: 'workInjury',
        citizenId: person.citizenId,
        region: '330102',
        accidentDate,
        employerCreditCode: employer,
        description: '搬运货物时从梯子跌落',
      },
    });
    expect(filed.status).toBe(202);
    const worker = await system.token({ role: 'citizen', sub: person.citizenId });
    const recognition = await inStatus(worker, filed.body.reference, 'recognition');
    expect(recognition.deadlines.find((d: { name: string }) => d.name === 'recognitionDecision')).toMatchObject({
      unit: 'calendar',
      remainingDays: expect.any(Number),
    });
    expect(recognition.workInjury.recognition).toMatchObject({ acceptedOn: system.clock.today(), clearCut: false, decidedBy: null });
    expect((await system.call('POST', `/v1/benefit-claims/${filed.body.reference}/reassessment-requests`, { token: worker })).status).toBe(409);

    await decide(caseworker, filed.body.caseId, 'recognition', 'recognize');
    await decide(caseworker, filed.body.caseId, 'assessment', 'conclude', { data: { grade: 8 } });
    const assessed = await inStatus(worker, filed.body.reference, 'assessed');
    expect(assessed.allowedActions).toEqual(['requestReassessment']);
    expect(assessed.deadlines.find((d: { name: string }) => d.name === 'reassessmentRequest')).toMatchObject({ unit: 'calendar' });
    const stranger = await system.token({ role: 'employer', employer: OTHER_SEEDED_EMPLOYER, sub: 'agent-x' });
    expect((await system.call('POST', `/v1/benefit-claims/${filed.body.reference}/reassessment-requests`, { token: stranger })).status).toBe(404);
    const asked = await system.call('POST', `/v1/benefit-claims/${filed.body.reference}/reassessment-requests`, { token: worker });
    expect(asked.status).toBe(200);
    expect(asked.body.status).toBe('reassessment');
    await decide(caseworker, filed.body.caseId, 'reassessment', 'conclude', { data: { grade: 7 } });
    const preparing = await inStatus(worker, filed.body.reference, 'preparing');
    // Own wage 8 000 within 60 %–300 % of the 2026 average; grade 7: 13 months = 104 000.00, no monthly allowance.
    expect(preparing.amounts.figures).toMatchObject({ grade: 7, ownWageUsed: '8000.00', oneOffMonths: 13, oneOffSubsidy: '104000.00', monthlyAllowance: null });
    await decide(caseworker, filed.body.caseId, 'prepare', 'approve');
    await decide(reviewer, filed.body.caseId, 'review', 'approve');
    await decide(supervisor, filed.body.caseId, 'approval', 'approve');
    const granted = await inStatus(worker, filed.body.reference, 'granted');
    expect(granted.workInjury.disability).toMatchObject({ grade: 8, finalGrade: 7, reassessmentRequestedBy: person.citizenId });
    expect(granted.entitlements).toEqual([expect.objectContaining({ benefit: 'disabilitySubsidy', amount: '104000.00' })]);
    expect(granted.workInjury.recognition.decidedBy).toBeNull(); // staff ids are not shown to the public

    // The worker later dies of the injury: a relative claims the funeral grant, 6 × the regional average (art. 39).
    const relative = await system.token({ role: 'citizen', sub: newPerson('1987-03-03', 'female').citizenId });
    const deathDate = system.clock.today();
    expect(
      (
        await system.call('POST', '/v1/benefit-claims', {
          token: relative,
          body: { type: 'pension', citizenId: person.citizenId, region: '330102', retirementDate: deathDate },
        })
      ).status,
    ).toBe(403);
    const funeral = await system.call('POST', '/v1/benefit-claims', {
      token: relative,
      body: { type: 'funeral', citizenId: person.citizenId, region: '330102', deathDate, cause: 'workInjury', injuryReference: filed.body.reference },
    });
    expect(funeral.status).toBe(202);
    const settled = await system.eventually(async () => {
      const view = await system.call('GET', `/v1/benefit-claims/${funeral.body.reference}`, { token: relative });
      return view.body?.status === 'submitted' || view.body?.status === 'checking' ? undefined : view.body;
    });
    expect({ status: settled.status, refusals: settled.refusals }).toEqual({ status: 'preparing', refusals: [] });
    const funeralPreparing = await inStatus(relative, funeral.body.reference, 'preparing');
    expect(funeralPreparing.amounts.lines).toEqual([expect.objectContaining({ benefit: 'funeralGrant', kind: 'oneOff', amount: '47700.00' })]);
    await decide(caseworker, funeral.body.caseId, 'prepare', 'approve');
    await decide(reviewer, funeral.body.caseId, 'review', 'approve');
    expect((await inStatus(relative, funeral.body.reference, 'granted')).entitlements).toEqual([
      expect.objectContaining({ benefit: 'funeralGrant', amount: '47700.00' }),
    ]);
  });
});
