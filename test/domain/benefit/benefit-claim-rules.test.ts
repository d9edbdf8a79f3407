import { describe, expect, it } from 'vitest';
import { type BenefitClaimApplication, claimEventKey, impossibleClaimInput } from '../../../domain/benefit/benefit-claim.js';
import { benefitParametersInForce } from '../../../domain/benefit/benefit-parameters.js';
import { benefitPolicyInForce, DEFAULT_BENEFIT_POLICY } from '../../../domain/benefit/benefit-policy.js';
import { decisionAmountsOf, type EntitlementLine, monthAfter, stopLinesFrom } from '../../../domain/benefit/entitlement.js';
import { DomainError } from '../../../domain/errors.js';

const pension = (retirementDate: string): BenefitClaimApplication => ({
  type: 'pension',
  citizenId: '110101196607150013',
  region: '330102',
  retirementDate,
  retirementCategory: null,
  lateRetirementAgreed: false,
  contributionsExtended: false,
  deemedMonths: 0,
});

const line = (overrides: Partial<EntitlementLine>): EntitlementLine => ({
  key: 'x',
  benefit: 'unemploymentBenefit',
  kind: 'monthly',
  payer: 'fund',
  amount: '2070.00',
  startMonth: '2026-01',
  endMonth: '2027-06',
  beneficiary: null,
  ...overrides,
});

describe('benefit claims at the door (docs/api.md "Benefit claims")', () => {
  it('keys one open claim per person, type and event: a retirement, a leave date, a birth date, an accident, a death', () => {
    expect(claimEventKey(pension('2026-12-15'))).toBe('retirement');
    expect(
      claimEventKey({ type: 'unemployment', citizenId: 'x', region: '330102', leaveDate: '2026-10-31', employerCreditCode: 'e', registeredOn: '2026-11-02' }),
    ).toBe('leave:2026-10-31');
    expect(
      claimEventKey({
        type: 'maternity',
        citizenId: 'x',
        region: '330102',
        employerCreditCode: 'e',
        event: { type: 'birth', date: '2026-11-20', difficultBirth: false, babies: 1, pregnancyMonths: null },
      }),
    ).toBe('birth:2026-11-20');
  });

  it('refuses an event after today, a pension claim filed more than 92 days ahead and a registration before the leave, naming the field', () => {
    expect(impossibleClaimInput(pension('2027-04-01'), '2026-12-01', '1966-07-15')).toEqual([expect.objectContaining({ path: 'retirementDate' })]);
    expect(impossibleClaimInput(pension('2027-03-02'), '2026-12-01', '1966-07-15')).toEqual([]);
    const unemployment: BenefitClaimApplication = {
      type: 'unemployment',
      citizenId: 'x',
      region: '330102',
      leaveDate: '2026-12-02',
      employerCreditCode: 'e',
      registeredOn: '2026-11-30',
    };
    expect(impossibleClaimInput(unemployment, '2026-12-01', '1990-01-01').map((i) => i.path)).toEqual(['leaveDate', 'registeredOn']);
  });

  it('refuses a miscarriage without its months and a work-injury death claim without the injury claim (§5.4, §5.5)', () => {
    const miscarriage: BenefitClaimApplication = {
      type: 'maternity',
      citizenId: 'x',
      region: '330102',
      employerCreditCode: 'e',
      event: { type: 'miscarriage', date: '2026-11-01', difficultBirth: false, babies: 1, pregnancyMonths: null },
    };
    expect(impossibleClaimInput(miscarriage, '2026-12-01', '1990-01-01').map((i) => i.path)).toEqual(['event.pregnancyMonths']);
    const survivor: BenefitClaimApplication = {
      type: 'survivor',
      citizenId: 'x',
      region: '330102',
      deathDate: '2026-11-01',
      cause: 'workInjury',
      injuryReference: null,
      dependants: [],
    };
    expect(impossibleClaimInput(survivor, '2026-12-01', '1970-01-01').map((i) => i.path)).toEqual(['injuryReference', 'dependants']);
  });

  it('§5.5 refuses a work-injury survivor claim whose dependant lacks the sex, birth date or income the 供养亲属 test needs, naming the field', () => {
    const dependant = {
      name: '李四',
      relation: 'spouse' as const,
      orphanOrLoneElderly: false,
      sex: 'female' as const,
      birthDate: '1965-01-01',
      fullyDisabled: false,
      monthlyIncome: '0.00',
      closerRelativesGone: false,
    };
    const survivor: BenefitClaimApplication = {
      type: 'survivor',
      citizenId: 'x',
      region: '330102',
      deathDate: '2026-11-01',
      cause: 'workInjury',
      injuryReference: 'BC2026000001',
      dependants: [dependant, { ...dependant, sex: null, monthlyIncome: null }, { ...dependant, birthDate: '2026-12-02' }],
    };
    expect(impossibleClaimInput(survivor, '2026-12-01', '1970-01-01').map((i) => i.path)).toEqual([
      'dependants.1.sex',
      'dependants.1.monthlyIncome',
      'dependants.2.birthDate',
    ]);
    expect(impossibleClaimInput({ ...survivor, cause: 'other', injuryReference: null }, '2026-12-01', '1970-01-01')).toEqual([]);
  });
});

describe('dated benefit configuration (modelling principle 1)', () => {
  it('applies every version started by the date in date order, keeping what a later one leaves out', () => {
    const versions = [
      { effectiveFrom: '2027-01-01', unemployment: { benefitRate: '0.85' } },
      { effectiveFrom: '2026-07-01', approval: { oneOffAbove: '30000.00' }, unemployment: { benefitRate: '0.80' } },
    ];
    const mid = benefitPolicyInForce(versions, '2026-12-31');
    expect(mid.unemployment.benefitRate).toBe('0.80');
    expect(mid.approval).toEqual({ oneOffAbove: '30000.00', monthlyAbove: '10000.00' });
    const later = benefitPolicyInForce(versions, '2027-01-01');
    expect(later.unemployment.benefitRate).toBe('0.85');
    expect(later.approval.oneOffAbove).toBe('30000.00');
    expect(later.unemployment.nationalCaps).toEqual(DEFAULT_BENEFIT_POLICY.unemployment.nationalCaps);
    expect(benefitPolicyInForce(versions, '2026-06-30')).toEqual(DEFAULT_BENEFIT_POLICY);
  });

  it('replaces a divisor table list whole in a version, so a new national table is a dated change (§5.1)', () => {
    const table = { effectiveFrom: '2030-01-01', source: 'new table', divisors: { 60: 150 } };
    const policy = benefitPolicyInForce(
      [{ effectiveFrom: '2030-01-01', pension: { divisorTables: [...DEFAULT_BENEFIT_POLICY.pension.divisorTables, table] } }],
      '2030-06-01',
    );
    expect(policy.pension.divisorTables).toHaveLength(2);
    expect(policy.pension.fractionalAgeRule).toEqual(DEFAULT_BENEFIT_POLICY.pension.fractionalAgeRule);
  });

  it('refuses a version naming a section the code does not know, rather than silently keeping the default', () => {
    expect(() => benefitPolicyInForce([{ effectiveFrom: '2026-01-01', unemploymnet: {} } as never], '2026-06-01')).toThrow(DomainError);
  });

  it('gives the region’s benefit figures in force on a date, or none before the first (§5.1 C, §5.3 minimum wage and 低保)', () => {
    const sets = [
      { region: '330102', effectiveFrom: '2025-01-01', pensionCalculationBase: '8100.00', minimumWage: '2490.00', subsistenceAllowance: '1314.00' },
      { region: '330102', effectiveFrom: '2026-01-01', pensionCalculationBase: '8400.00', minimumWage: '2490.00', subsistenceAllowance: '1350.00' },
    ];
    expect(benefitParametersInForce(sets, '2025-12-31')?.pensionCalculationBase).toBe('8100.00');
    expect(benefitParametersInForce(sets, '2026-01-01')?.pensionCalculationBase).toBe('8400.00');
    expect(benefitParametersInForce(sets, '2024-12-31')).toBeNull();
  });
});

describe('entitlements (待遇核定 → 待遇拨付)', () => {
  it('counts the fund’s one-off and monthly lines for the approval tiers, medical premiums included, never the employer’s (§8)', () => {
    const lines = [
      line({ key: 'a', benefit: 'disabilitySubsidy', kind: 'oneOff', amount: '540000.00' }),
      line({ key: 'b', benefit: 'disabilityAllowance', kind: 'monthly', payer: 'employer', amount: '21000.00' }),
      line({ key: 'c', benefit: 'medicalPremium', kind: 'medicalPremium', amount: '548.55' }),
    ];
    expect(decisionAmountsOf(lines)).toEqual({ oneOff: ['540000.00'], monthly: ['548.55'] });
  });

  it('ends periodic lines the month before the stop and leaves one-off lines alone (社会保险法 art. 51)', () => {
    const stopped = stopLinesFrom(
      [line({ key: 'a' }), line({ key: 'b', kind: 'oneOff', benefit: 'maternityAllowance', endMonth: '2026-01' }), line({ key: 'c', endMonth: '2026-03' })],
      '2026-05',
    );
    expect(stopped.map((l) => l.endMonth)).toEqual(['2026-04', '2026-01', '2026-03']);
  });

  it('pays a pension from the month after the retirement date (次月, local practice)', () => {
    expect(monthAfter('2026-12-15')).toBe('2027-01');
    expect(monthAfter('2031-10-01')).toBe('2031-11');
  });
});
