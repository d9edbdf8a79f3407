// The benefit commands called directly against real PostgreSQL and the run's Temporal (services/benefits/*): who may
// file what, one open claim per person, type and event, the claim view per caller, the dated figures, and the
// entitlement writer's idempotency. Dates derive from the system's clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthPlus } from '../../../domain/benefit/entitlement.js';
import { addDays, addMonths, monthOf } from '../../../domain/calendar/local-date.js';
import { DomainError } from '../../../domain/errors.js';
import { recordEntitlementLines, stopEntitlementLines } from '../../../db/writers/entitlements.js';
import { entitlementsOfCase } from '../../../db/queries/benefit.query.js';
import { readBenefitParameters, recordBenefitParameters } from '../../../services/benefits/benefit-reference.js';
import { fileBenefitClaim } from '../../../services/benefits/file-claim.js';
import { readBenefitClaim } from '../../../services/benefits/read-claim.js';
import { requestReassessment } from '../../../services/benefits/request-reassessment.js';
import { calculateMaternityFigures } from '../../../services/calculations/benefits.js';
import { citizenId } from '../../support/factories.js';
import { contextFor, startSystem, type TestSystem } from '../../support/system.js';
import { insertEmployer, insertEmployment, insertPerson, newPerson } from '../../api/benefit-fixture.js';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('benefit commands (services/benefits, real PostgreSQL)', () => {
  let system: TestSystem;
  const caseworker = { id: 'cw-svc-1', role: 'caseworker' as const, region: '330102' };
  const month = (n: number) => monthOf(addMonths(`${monthOf(system.clock.today())}-01`, n));

  /** A woman insured with a new employer for medical since last January. */
  const mother = async () => {
    const employer = await insertEmployer(system.orm);
    const person = newPerson('1993-06-18', 'female');
    await insertPerson(system.orm, person);
    const lastYear = String(Number(system.clock.today().slice(0, 4)) - 1);
    await insertEmployment(system.orm, {
      ...person,
      employer,
      fromMonth: `${lastYear}-01`,
      lastMonth: month(-1),
      base: '9000.00',
      insurances: ['pension', 'medical', 'workInjury'],
    });
    return { ...person, employer };
  };
  const maternity = (who: { citizenId: string; employer: string }, daysAgo = 5) => ({
    type: 'maternity' as const,
    citizenId: who.citizenId,
    region: '330102',
    employerCreditCode: who.employer,
    event: { type: 'birth' as const, date: addDays(system.clock.today(), -daysAgo) },
  });

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  it('files for the claimant, the employer or a caseworker, and refuses a stranger and another employer with the reason', async () => {
    const who = await mother();
    const self = { id: who.citizenId, role: 'citizen' as const };
    const row = await fileBenefitClaim(contextFor(system, self), maternity(who));
    expect(row).toMatchObject({
      type: 'benefit',
      citizenId: who.citizenId,
      employerCreditCode: who.employer,
      applicantId: who.citizenId,
      summary: { claimType: 'maternity' },
    });
    const stranger = await refusal(fileBenefitClaim(contextFor(system, { id: citizenId(), role: 'citizen' }), maternity(who, 6)));
    expect(stranger).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('owner:') });
    const otherAgent = { id: 'agent-x', role: 'employer' as const, employer: '91330102MA2H00049H' };
    const foreign = await refusal(fileBenefitClaim(contextFor(system, otherAgent), maternity(who, 7)));
    expect(foreign).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('employer:') });
    const agent = { id: 'agent-own', role: 'employer' as const, employer: who.employer };
    expect((await fileBenefitClaim(contextFor(system, agent), maternity(who, 8))).employerCreditCode).toBe(who.employer);
    expect((await fileBenefitClaim(contextFor(system, caseworker), maternity(who, 9))).applicantId).toBe('cw-svc-1');
  });

  it('returns the filer’s open claim on a repeat and refuses another filer’s second claim for the same event (one open claim per event)', async () => {
    const who = await mother();
    const self = { id: who.citizenId, role: 'citizen' as const };
    const first = await fileBenefitClaim(contextFor(system, self), maternity(who));
    const again = await fileBenefitClaim(contextFor(system, self), maternity(who));
    expect(again.caseId).toBe(first.caseId);
    const second = await refusal(fileBenefitClaim(contextFor(system, caseworker), maternity(who)));
    expect(second).toMatchObject({ code: 'CLAIM_ALREADY_OPEN', message: expect.stringContaining(first.reference) });
    // Another event of the same person is another claim.
    expect((await fileBenefitClaim(contextFor(system, self), maternity(who, 40))).caseId).not.toBe(first.caseId);
  });

  it('shows the claim with days left in each deadline’s own unit, and refuses a re-assessment with no conclusion to contest', async () => {
    const who = await mother();
    const self = { id: who.citizenId, role: 'citizen' as const };
    const row = await fileBenefitClaim(contextFor(system, self), maternity(who));
    const read = await system.eventually(async () => {
      const view = await readBenefitClaim(contextFor(system, self), row.reference);
      return view.row.status === 'preparing' ? view : undefined;
    });
    expect(read.deadlines).toEqual([expect.objectContaining({ name: 'agencyDecision', unit: 'working', remainingDays: expect.any(Number) })]);
    expect(read.deadlines[0]!.remainingDays).toBeLessThanOrEqual(10);
    expect(read.unmasked).toBe(true);
    expect(read.allowedActions).toEqual([]);
    const none = await refusal(requestReassessment(contextFor(system, self), row.reference));
    expect(none.code).toBe('NOT_ALLOWED_NOW');
    const notFound = await refusal(readBenefitClaim(contextFor(system, { id: citizenId(), role: 'citizen' }), row.reference));
    expect(notFound.code).toBe('CASE_NOT_FOUND');
  });

  it('records the entitlements of a claim once, and stops its periodic lines once, keeping the rows (ledgers append)', async () => {
    const em = system.orm.em.fork();
    const caseId = `benefit-svc-${Date.now()}`;
    const lines = [
      {
        key: 'unemploymentBenefit',
        benefit: 'unemploymentBenefit' as const,
        kind: 'monthly' as const,
        payer: 'fund' as const,
        amount: '2241.00',
        startMonth: month(0),
        endMonth: monthPlus(month(0), 17),
        beneficiary: null,
      },
      {
        key: 'medicalPremium',
        benefit: 'medicalPremium' as const,
        kind: 'medicalPremium' as const,
        payer: 'fund' as const,
        amount: '548.55',
        startMonth: month(0),
        endMonth: monthPlus(month(0), 17),
        beneficiary: null,
      },
    ];
    const grant = { caseId, citizenId: citizenId(), region: '330102', claimType: 'unemployment', lines, decidedBy: 'rv-1', decidedMonth: month(0), stop: null };
    await recordEntitlementLines(em, grant, new Date());
    await recordEntitlementLines(em, grant, new Date());
    expect(await entitlementsOfCase(em, caseId)).toHaveLength(2);
    const stop = { caseId, region: '330102', stopMonth: monthPlus(month(0), 3), monthsUnused: 15, reason: 're-employed' };
    expect(await stopEntitlementLines(em, stop, new Date())).toBe(2);
    expect(await stopEntitlementLines(em, stop, new Date())).toBe(0);
    expect((await entitlementsOfCase(em, caseId)).map((e) => [e.benefit, e.endMonth, e.status, e.monthsUnused])).toEqual([
      ['medicalPremium', monthPlus(month(0), 2), 'stopped', null],
      ['unemploymentBenefit', monthPlus(month(0), 2), 'stopped', 15],
    ]);
  });

  it('reads and records dated benefit figures only as the region’s administrator, and calculates with today’s configuration', async () => {
    const admin = { id: 'ad-svc', role: 'admin' as const, region: '330108' };
    const set = { region: '330108', effectiveFrom: '2098-01-01', pensionCalculationBase: '9000.00', minimumWage: '2600.00', subsistenceAllowance: '1400.00' };
    expect(await recordBenefitParameters(contextFor(system, admin), set)).toMatchObject({ replaced: false });
    expect(await recordBenefitParameters(contextFor(system, admin), set)).toMatchObject({ replaced: true });
    expect((await refusal(recordBenefitParameters(contextFor(system, caseworker), { ...set, region: '330102' }))).code).toBe('FORBIDDEN');
    expect(await readBenefitParameters(contextFor(system, caseworker), '330108', '2098-06-01')).toEqual(set);
    expect((await refusal(readBenefitParameters(contextFor(system, caseworker), '330108', '1990-01-01'))).code).toBe('PARAMETERS_NOT_FOUND');
    const allowance = await calculateMaternityFigures(contextFor(system, caseworker), { averageMonthlyWage: '9000.00', event: 'birth' });
    expect(allowance.allowance).toBe('29400.00');
  });
});
