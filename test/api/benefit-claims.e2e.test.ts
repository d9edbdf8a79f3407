// Benefit claims (issue 10) through real HTTP on real PostgreSQL and Temporal: a pension claim filed by the citizen and
// approved through two tiers, a refusal short of the minimum years, the door's refusals that write nothing, and who
// may see a claim. The histories come from test/api/benefit-fixture.ts.
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthOf } from '../../domain/calendar/local-date.js';
import { personalAccountStatement } from '../../domain/insurance/personal-account.js';
import { statutoryRetirement } from '../../domain/retirement-age.js';
import { citizenId } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { insertFlexiblePension, insertPerson, newPerson, recentRetireeBirthDate } from './benefit-fixture.js';
import { writtenRows } from './review-fixture.js';

describe('benefit claims: pension through two tiers, refusals at the door and in the case (real services, HTTP)', () => {
  let system: TestSystem;
  let caseworker: string;
  let reviewer: string;
  let supervisor: string;
  const otherCaseworker = () => system.token({ role: 'caseworker', region: '330102', sub: 'cw-bc-2' });

  /** A retiree whose statutory date has just passed, with `months` of flexible pension contributions up to last month. */
  const retiree = async (months: number, base = '9120.00') => {
    const person = newPerson(recentRetireeBirthDate(system.clock.today()));
    await insertPerson(system.orm, person);
    const retirementDate = statutoryRetirement(person.birthDate, 'male').retirementDate;
    const last = monthOf(retirementDate);
    await insertFlexiblePension(system.orm, person.citizenId, monthOf(addMonths(`${last}-01`, -(months - 1))), last, base);
    return { ...person, retirementDate, token: await system.token({ role: 'citizen', sub: person.citizenId }) };
  };

  /** The open task of `step` on the case, claimed and completed by `token`; answers the completion. */
  const decide = async (token: string, caseId: string, step: string, outcome: string, extra: { comment?: string; data?: Record<string, unknown> } = {}) => {
    const taskId = await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
      return row?.id;
    });
    const claimed = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    if (claimed.status !== 200) return claimed;
    return system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment: extra.comment ?? '', data: extra.data ?? {} } });
  };
  const claimView = (token: string, reference: string) => system.call('GET', `/v1/benefit-claims/${reference}`, { token });
  const inStatus = (token: string, reference: string, status: string) =>
    system.eventually(async () => {
      const view = await claimView(token, reference);
      return view.body?.status === status ? view.body : undefined;
    });

  beforeAll(async () => {
    system = await startSystem();
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-bc-1' });
    reviewer = await system.token({ role: 'reviewer', region: '330102', sub: 'rv-bc-1' });
    supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sv-bc-1' });
    // Above 1 000.00 a month a supervisor approves as well (dated configuration, benefit.policy): every pension here.
    await system.orm.em
      .fork()
      .execute(`insert into setting (key, value, updated_at) values ('benefit.policy', ?, now()) on conflict (key) do update set value = excluded.value`, [
        JSON.stringify({ versions: [{ effectiveFrom: '2000-01-01', source: 'test', approval: { monthlyAbove: '1000.00' } }] }),
      ]);
  });
  afterAll(async () => {
    await system?.orm.em.fork().execute(`delete from setting where key = 'benefit.policy'`);
    await system?.close();
  });

  it('files a pension claim, computes it from the history and approves it through two tiers, never the same person twice (§5.1, §8)', async () => {
    const person = await retiree(240);
    const body = { type: 'pension', citizenId: person.citizenId, region: '330102', retirementDate: person.retirementDate };
    const filed = await system.call('POST', '/v1/benefit-claims', { token: person.token, body });
    expect(filed.status).toBe(202);
    expect(filed.body.reference).toMatch(/^BC\d{10}$/);
    const again = await system.call('POST', '/v1/benefit-claims', { token: person.token, body });
    expect(again.body.reference).toBe(filed.body.reference);
    const rival = await system.call('POST', '/v1/benefit-claims', { token: caseworker, body });
    expect(rival.status).toBe(409);
    expect(rival.body).toMatchObject({ code: 'CLAIM_ALREADY_OPEN', detail: expect.stringContaining(filed.body.reference) });

    const preparing = await inStatus(person.token, filed.body.reference, 'preparing');
    expect(preparing.citizenId).toBe(person.citizenId); // the person sees their own number whole
    const agency = preparing.deadlines.find((d: { name: string }) => d.name === 'agencyDecision');
    expect(agency).toMatchObject({ unit: 'working', remainingDays: expect.any(Number) });
    expect(agency.remainingDays).toBeGreaterThan(15);
    expect(agency.remainingDays).toBeLessThanOrEqual(20);
    // Each year's base 9 120 ÷ that year's average (7 600 up to 2025: index 1.2); the account 240 × 729.60 = 175 104.00
    // of contributions plus the interest of each finished year at the default 记账利率 (§5.1 balance with interest).
    const figures = preparing.amounts.figures;
    expect(preparing.amounts.lines.map((l: { benefit: string }) => l.benefit)).toEqual(['basicPension', 'accountPension']);
    const credited = Array.from({ length: 240 }, (_, i) => ({
      month: monthOf(addMonths(`${monthOf(person.retirementDate)}-01`, i - 239)),
      contribution: '729.60',
    }));
    const statement = personalAccountStatement(credited, Number(person.retirementDate.slice(0, 4)));
    expect(Number(statement.interestTotal)).toBeGreaterThan(0);
    expect(figures).toMatchObject({ calculationBase: '8400.00', contributionMonths: 240, accountBalance: statement.balance });
    expect(new Decimal(figures.accountBalance).minus('175104.00').toFixed(2)).toBe(statement.interestTotal);
    expect(figures.accountPension).toBe(new Decimal(statement.balance).dividedBy(figures.divisor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
    expect(Number(figures.averageIndex)).toBeGreaterThan(1.19);
    expect(Number(figures.averageIndex)).toBeLessThanOrEqual(1.2);
    // basic = C × (1 + Z) / 2 × N × 1 % with the Z served, N = 20 years (国发〔2005〕38号)
    expect(figures.basicPension).toBe(
      new Decimal(8400)
        .times(new Decimal(1).plus(figures.averageIndex))
        .dividedBy(2)
        .times(20)
        .times('0.01')
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .toFixed(2),
    );
    expect(preparing.amounts.workings.some((w: string) => w.startsWith('basic pension = C 8400.00'))).toBe(true);
    expect(preparing.approval).toBeNull(); // who prepares and approves is the agency's business

    expect((await decide(caseworker, filed.body.caseId, 'prepare', 'approve')).status).toBe(200);
    const own = await decide(caseworker, filed.body.caseId, 'review', 'approve');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES');
    // A supervisor may review; then another supervisor approves — never the one who reviewed (graded approval).
    const reviewingSupervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sv-bc-2' });
    expect((await decide(reviewingSupervisor, filed.body.caseId, 'review', 'approve')).status).toBe(200);
    const twice = await decide(reviewingSupervisor, filed.body.caseId, 'approval', 'approve');
    expect(twice.status).toBe(403);
    expect(twice.body).toMatchObject({ code: 'SAME_PERSON_AT_TWO_TIERS', detail: expect.stringContaining('separation of duties') });
    const byReviewer = await decide(reviewer, filed.body.caseId, 'approval', 'approve');
    expect(byReviewer.body).toMatchObject({ status: 403, detail: expect.stringContaining('supervise') }); // the step needs a supervisor
    const supervised = await decide(supervisor, filed.body.caseId, 'approval', 'approve');
    expect(supervised.status).toBe(200);

    const granted = await inStatus(person.token, filed.body.reference, 'granted');
    expect(granted.decision).toMatchObject({ outcome: 'granted', reason: null });
    expect(granted.letter).toMatchObject({
      kind: 'benefit_granted',
      reference: filed.body.reference,
      legalBasis: expect.arrayContaining(['国发〔2005〕38号']),
    });
    expect(granted.entitlements.map((e: { benefit: string; kind: string; status: string }) => [e.benefit, e.kind, e.status])).toEqual([
      ['accountPension', 'monthly', 'active'],
      ['basicPension', 'monthly', 'active'],
    ]);
    expect(granted.payments).toEqual([]);
    const staffView = await claimView(supervisor, filed.body.reference);
    expect(staffView.body.approval).toMatchObject({
      proposal: { preparedBy: 'cw-bc-1', tiers: ['review', 'supervisorApproval'] },
      reviewedBy: 'sv-bc-2',
      approvedBy: 'sv-bc-1',
    });
    const notices = await system.orm.em.fork().execute<{ kind: string }[]>(`select kind from notice_outbox where case_id = ?`, [filed.body.caseId]);
    expect(notices.map((n) => n.kind)).toContain('benefit_granted');
  });

  it('refuses a pension claim short of the minimum years with the months missing and the options, in the letter too (社会保险法 art. 16)', async () => {
    const person = await retiree(100);
    const filed = await system.call('POST', '/v1/benefit-claims', {
      token: person.token,
      body: { type: 'pension', citizenId: person.citizenId, region: '330102', retirementDate: person.retirementDate },
    });
    expect(filed.status).toBe(202);
    const refused = await inStatus(person.token, filed.body.reference, 'refused');
    expect(refused.refusals).toEqual([expect.objectContaining({ code: 'SHORT_OF_MINIMUM_YEARS', reason: expect.stringContaining('80 short') })]);
    expect(refused.options).toEqual(['extendContributions', 'lumpSum', 'transferToResidentScheme']);
    expect(refused.letter).toMatchObject({ kind: 'benefit_refused', options: ['extendContributions', 'lumpSum', 'transferToResidentScheme'] });
    // A refused claim may be filed again (after contributing longer): a new case, not the old one.
    const again = await system.call('POST', '/v1/benefit-claims', {
      token: person.token,
      body: { type: 'pension', citizenId: person.citizenId, region: '330102', retirementDate: person.retirementDate },
    });
    expect(again.status).toBe(202);
    expect(again.body.reference).not.toBe(filed.body.reference);
    await inStatus(person.token, again.body.reference, 'refused');
  });

  it('refuses impossible input naming the field, and a person with no record, writing nothing (issue 10 "Bad input and safety")', async () => {
    const person = await retiree(200);
    const before = await writtenRows(system);
    const cases: [unknown, number, string][] = [
      [{ type: 'pension', citizenId: person.citizenId, region: '330102' }, 400, 'retirementDate'],
      [{ type: 'pension', citizenId: person.citizenId, region: '330102', retirementDate: '2026-02-30' }, 400, 'retirementDate'],
      [{ type: 'lottery', citizenId: person.citizenId, region: '330102' }, 400, 'type'],
      [
        { type: 'unemployment', citizenId: person.citizenId, region: '330102', leaveDate: '2099-01-01', employerCreditCode: '91330102MA2H00014Y' },
        400,
        'leaveDate',
      ],
      [{ type: 'pension', citizenId: person.citizenId, region: '999999', retirementDate: person.retirementDate }, 400, 'region'],
      [
        {
          type: 'workInjury',
          citizenId: person.citizenId,
          region: '330102',
          accidentDate: person.retirementDate,
          employerCreditCode: '91330102MA2H00014Y',
          description: 'x',
          clearCut: true,
        },
        400,
        'clearCut',
      ],
      [{ type: 'pension', citizenId: '110101199003074478', region: '330102', retirementDate: person.retirementDate }, 400, 'citizenId'],
    ];
    for (const [body, status, path] of cases) {
      const answer = await system.call('POST', '/v1/benefit-claims', { token: person.token, body });
      expect({ status: answer.status, path }).toEqual({ status, path });
      expect(answer.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    // §5.5: a work-injury survivor claim's dependant needs what the 供养亲属 test reads, and a relation it knows.
    const survivor = {
      type: 'survivor',
      citizenId: person.citizenId,
      region: '330102',
      deathDate: person.retirementDate,
      cause: 'workInjury',
      injuryReference: 'BC2026000001',
    };
    const spouse = { name: '王芳', relation: 'spouse', sex: 'female', birthDate: '1965-01-01' };
    for (const [dependant, path] of [
      [spouse, 'dependants.0.monthlyIncome'],
      [{ ...spouse, monthlyIncome: '800.00', relation: 'other' }, 'dependants.0.relation'],
    ] as const) {
      const answer = await system.call('POST', '/v1/benefit-claims', { token: caseworker, body: { ...survivor, dependants: [dependant] } });
      expect({ status: answer.status, paths: answer.body.errors?.map((e: { path: string }) => e.path) }).toEqual({ status: 400, paths: [path] });
    }
    const nobody = citizenId();
    const staffAnswer = await system.call('POST', '/v1/benefit-claims', {
      token: caseworker,
      body: { type: 'pension', citizenId: nobody, region: '330102', retirementDate: person.retirementDate },
    });
    expect(staffAnswer.status).toBe(422);
    expect(staffAnswer.body).toMatchObject({ code: 'NOT_INSURED', errors: [{ path: 'citizenId' }] });
    const forOther = await system.call('POST', '/v1/benefit-claims', {
      token: person.token,
      body: { type: 'pension', citizenId: nobody, region: '330102', retirementDate: person.retirementDate },
    });
    expect(forOther.status).toBe(403);
    expect(await writtenRows(system)).toEqual(before);
  });

  it('shows a claim to its claimant and the staff of its region, and the same 404 to anyone else (docs/architecture.md Permissions)', async () => {
    const person = await retiree(240);
    const filed = await system.call('POST', '/v1/benefit-claims', {
      token: person.token,
      body: { type: 'pension', citizenId: person.citizenId, region: '330102', retirementDate: person.retirementDate },
    });
    await inStatus(person.token, filed.body.reference, 'preparing');
    const stranger = await system.token({ role: 'citizen', sub: citizenId() });
    const elsewhere = await system.token({ role: 'caseworker', region: '330200', sub: 'cw-nb' });
    expect((await claimView(stranger, filed.body.reference)).status).toBe(404);
    expect((await claimView(elsewhere, filed.body.reference)).status).toBe(404);
    expect((await claimView(stranger, 'BC2099999999')).status).toBe(404);
    const staff = await claimView(await otherCaseworker(), filed.body.reference);
    expect(staff.status).toBe(200);
    expect(staff.body.citizenId).toBe(person.citizenId);
    const asCase = await system.call('GET', `/v1/cases/${filed.body.reference}`, { token: person.token });
    expect(asCase.body).toMatchObject({ type: 'benefit', status: 'preparing', summary: { claimType: 'pension' } });
    // The status moves to 'preparing' as the preparation task opens: look until it shows (other claims of this file
    // wait in the same queue, so ask for the step and a page that holds them all).
    const listed = await system.eventually(async () => {
      const tasks = await system.call('GET', '/v1/tasks?view=available&caseType=benefit&step=prepare&limit=100', { token: caseworker });
      return tasks.body.items.some((t: { caseId: string }) => t.caseId === filed.body.caseId) || undefined;
    });
    expect(listed).toBe(true);
  });

  it('serves the dated benefit figures and configuration, and lets an admin record a new year (modelling principle 1)', async () => {
    const figures = await system.call('GET', '/v1/regions/330102/benefit-parameters?date=2026-06-01', { token: caseworker });
    expect(figures.body).toEqual({
      region: '330102',
      effectiveFrom: '2026-01-01',
      pensionCalculationBase: '8400.00',
      minimumWage: '2490.00',
      subsistenceAllowance: '1350.00',
    });
    const admin = await system.token({ role: 'admin', region: '330106', sub: 'ad-bc' });
    const body = { pensionCalculationBase: '8700.00', minimumWage: '2590.00', subsistenceAllowance: '1400.00' };
    expect((await system.call('PUT', '/v1/regions/330102/benefit-parameters/2099-01-01', { token: admin, body })).status).toBe(403);
    const ownAdmin = await system.token({ role: 'admin', region: '330106', sub: 'ad-bc-2' });
    const put = await system.call('PUT', '/v1/regions/330106/benefit-parameters/2099-01-01', { token: ownAdmin, body });
    expect(put.body).toMatchObject({ region: '330106', effectiveFrom: '2099-01-01', replaced: false, ...body });
    expect(
      (await system.call('PUT', '/v1/regions/330106/benefit-parameters/2099-01-01', { token: ownAdmin, body: { ...body, minimumWage: '25.555' } })).status,
    ).toBe(400);
    const policy = await system.call('GET', '/v1/benefit-policy?date=2026-06-01', { token: caseworker });
    expect(policy.body.policy.approval).toEqual({ oneOffAbove: '50000.00', monthlyAbove: '1000.00' });
    expect(policy.body.policy.pension.divisorTables[0].divisors['60']).toBe(139);
    expect(policy.body.versions).toHaveLength(1);
  });
});
