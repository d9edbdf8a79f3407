import { describe, expect, it } from 'vitest';
import type { DeathClaim, MaternityClaim, PensionClaim, UnemploymentClaim, WorkInjuryClaim } from '../../../domain/benefit/benefit-claim.js';
import { DEFAULT_BENEFIT_POLICY as policy, benefitPolicyInForce } from '../../../domain/benefit/benefit-policy.js';
import { checkFiledClaim } from '../../../domain/benefit/claim-checks.js';
import { assessDeathClaim, type DeathClaimFacts } from '../../../domain/benefit/death-claim.js';
import { assessMaternityClaim } from '../../../domain/benefit/maternity-claim.js';
import { assessPensionClaim, pensionHistoryFigures, type PensionClaimFacts } from '../../../domain/benefit/pension-claim.js';
import { assessUnemploymentClaim, unemploymentMedicalPremium, type UnemploymentClaimFacts } from '../../../domain/benefit/unemployment-claim.js';
import { GUANGDONG_MONTHS_FORMULA } from '../../../domain/benefit/unemployment-policy.js';
import { assessWorkInjuryBenefits, checkWorkInjuryFiling, type WorkInjuryClaimFacts } from '../../../domain/benefit/work-injury-claim.js';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';

const E6_YEARS = Array.from({ length: 30 }, (_, i) => ({ year: 1996 + i, averageMonthlyBase: '12000.00', regionalAverageWage: '10000.00', months: 12 }));

// A man born May 1970 retires at 61 y 5 m in Oct 2031 (E10); one born 15 Jul 1966 at 60 y 5 m on 15 Dec 2026.
const pensionClaim = (overrides: Partial<PensionClaim> = {}): PensionClaim => ({
  type: 'pension',
  citizenId: '110101196607150013',
  region: '330102',
  retirementDate: '2026-12-15',
  retirementCategory: null,
  lateRetirementAgreed: false,
  contributionsExtended: false,
  deemedMonths: 0,
  ...overrides,
});
const pensionFacts = (overrides: Partial<PensionClaimFacts> = {}): PensionClaimFacts => ({
  birthDate: '1966-07-15',
  sex: 'male',
  contributionMonths: 360,
  years: E6_YEARS,
  accountBalance: '180000.00',
  calculationBase: '10000.00',
  workings: [],
  ...overrides,
});

describe('pension claim (养老金申领, §5.1, §5.2)', () => {
  it('grants E6 at the statutory age: 3 300.00 basic + 1 294.96 account a month, paid from the next month (§5.1, E6)', () => {
    const a = assessPensionClaim(pensionClaim(), pensionFacts(), policy);
    expect(a.refusals).toEqual([]);
    expect(a.lines.map((l) => [l.benefit, l.amount, l.startMonth, l.endMonth])).toEqual([
      ['basicPension', '3300.00', '2027-01', null],
      ['accountPension', '1294.96', '2027-01', null],
    ]);
    expect(a.figures).toMatchObject({ averageIndex: '1.2', divisor: '139', monthlyTotal: '4594.96', retirementAge: '60 y 5 m' });
    expect(a.workings.some((w) => w.includes('basic pension = C 10000.00'))).toBe(true);
  });

  it('refuses a claim short of the minimum with the months missing and the three options (社会保险法 art. 16, E10)', () => {
    const a = assessPensionClaim(pensionClaim(), pensionFacts({ contributionMonths: 170 }), policy);
    expect(a.refusals).toEqual([expect.objectContaining({ code: 'SHORT_OF_MINIMUM_YEARS' })]);
    expect(a.refusals[0]!.reason).toContain('10 short');
    expect(a.options).toEqual(['extendContributions', 'lumpSum', 'transferToResidentScheme']);
    expect(a.lines).toEqual([]);
  });

  it('counts declared deemed months towards the minimum and N, and pays them a transitional pension (§5.1)', () => {
    const a = assessPensionClaim(pensionClaim({ deemedMonths: 60 }), pensionFacts({ contributionMonths: 150 }), policy);
    expect(a.refusals).toEqual([]);
    expect(a.figures.contributionMonths).toBe(210);
    // 10 000 × 1.2 × 5 years × 0.013 = 780.00
    expect(a.lines.find((l) => l.benefit === 'transitionalPension')?.amount).toBe('780.00');
  });

  it('refuses a retirement date before the earliest flexible date, and names a missing calculation base (§5.2; modelling principle 1)', () => {
    expect(assessPensionClaim(pensionClaim({ retirementDate: '2026-07-14' }), pensionFacts(), policy).refusals[0]?.code).toBe('BEFORE_EARLIEST_DATE');
    expect(assessPensionClaim(pensionClaim(), pensionFacts({ calculationBase: null }), policy).refusals[0]?.code).toBe('NO_PARAMETERS');
  });

  it('uses the account statement the preparer enters instead of the computed account', () => {
    expect(assessPensionClaim(pensionClaim(), pensionFacts(), policy, '182345.60').figures.accountPension).toBe('1311.84');
  });

  it('indexes each year by its own paid months and credits the account with the yearly interest (国发〔2005〕38号; §5.1 balance with interest)', () => {
    const months = [
      { month: '2024-11', base: '6000.00', accountContribution: '480.00' },
      { month: '2024-12', base: '8000.00', accountContribution: '640.00' },
      { month: '2025-01', base: '9120.00', accountContribution: '729.60' },
    ];
    const figures = pensionHistoryFigures(
      months,
      (year) => (year === 2025 ? { wage: '7600.00', from: '2025-01-01' } : { wage: '7600.00', from: '2025-01-01' }),
      { currentYear: 2025 },
    );
    expect(figures.years).toEqual([
      { year: 2024, averageMonthlyBase: '7000.00', regionalAverageWage: '7600.00', months: 2 },
      { year: 2025, averageMonthlyBase: '9120.00', regionalAverageWage: '7600.00', months: 1 },
    ]);
    // 2024 (over, 记账利率 2.62 %): 1 120.00 credited in the year × 0.0262 × 0.5415 = 15.89; 2025 not over: no interest yet.
    expect(figures).toMatchObject({ accountBalance: '1865.49', accountInterest: '15.89' });
    expect(figures.workings[0]).toContain('2024: no regional average wage loaded for the year');
    expect(figures.workings).toContain(
      "personal account = Σ employee contributions of 3 paid months 1849.60 + interest 15.89 = 1865.49 (社会保险法 art. 14; the preparer may enter the agency's statement instead)",
    );
  });

  it('§5.1 pays the account pension from the balance with interest: a year’s opening balance earns the full rate, a configured rate is used', () => {
    const months = ['2023-01', '2024-01'].map((month) => ({ month, base: '10000.00', accountContribution: '800.00' }));
    const average = () => ({ wage: '7600.00', from: '2023-01-01' });
    // 2023: 800 × 0.0397 × 0.5415 = 17.20 → 817.20; 2024: 817.20 × 0.0262 + 800 × 0.0262 × 0.5415 = 21.41 + 11.35 = 32.76.
    expect(pensionHistoryFigures(months, average, { currentYear: 2025 }).accountBalance).toBe('1649.96');
    const higher = { rates: { '2023': '0.10', '2024': '0.10' }, currentYearFactor: '0.5' };
    // 2023: 800 × 0.10 × 0.5 = 40 → 840; 2024: 840 × 0.10 + 800 × 0.10 × 0.5 = 124 → 1 764.00.
    expect(pensionHistoryFigures(months, average, { currentYear: 2025, policy: higher }).accountBalance).toBe('1764.00');
    // Before any year is over the balance is the contributions alone.
    expect(pensionHistoryFigures(months.slice(0, 1), average, { currentYear: 2023 }).accountBalance).toBe('800.00');
  });
});

const unemploymentClaim: UnemploymentClaim = {
  type: 'unemployment',
  citizenId: '110101199003074477',
  region: '330102',
  leaveDate: '2026-10-31',
  employerCreditCode: 'E',
  registeredOn: '2026-11-05',
};
const unemploymentFacts = (overrides: Partial<UnemploymentClaimFacts> = {}): UnemploymentClaimFacts => ({
  contributionMonths: 84,
  leaver: { reason: 'dismissed', leaveDate: '2026-10-31', lastMonth: '2026-10' },
  employment: null,
  drawingPension: false,
  unusedMonths: 0,
  minimumWage: '2300.00',
  subsistenceAllowance: '1000.00',
  medical: { averageWage: '7950.00', rate: '0.115' },
  ...overrides,
});

describe('unemployment claim (失业保险金, §5.3)', () => {
  it('grants E4 nationally: 18 months of 2 070.00 from the registration month, with the medical premium for the same months', () => {
    const a = assessUnemploymentClaim(unemploymentClaim, unemploymentFacts(), policy);
    expect(a.lines.map((l) => [l.benefit, l.kind, l.amount, l.startMonth, l.endMonth])).toEqual([
      ['unemploymentBenefit', 'monthly', '2070.00', '2026-11', '2028-04'],
      ['medicalPremium', 'medicalPremium', '548.55', '2026-11', '2028-04'],
    ]);
    expect(a.figures).toMatchObject({ months: 18, total: '37260.00' });
  });

  it('grants 10 months under a configured Guangdong formula and adds 4 unused months of an earlier spell (E4; 失业保险条例 art. 17)', () => {
    const guangdong = benefitPolicyInForce([{ effectiveFrom: '2020-01-01', unemployment: { monthsFormula: GUANGDONG_MONTHS_FORMULA } }], '2026-11-05');
    expect(assessUnemploymentClaim(unemploymentClaim, unemploymentFacts(), guangdong).figures.months).toBe(10);
    expect(assessUnemploymentClaim(unemploymentClaim, unemploymentFacts({ unusedMonths: 4 }), guangdong).figures.months).toBe(14);
  });

  it('refuses without the employer’s leaver report, while employed, and for a resignation, each with its reason (社会保险法 arts. 45, 50)', () => {
    expect(assessUnemploymentClaim(unemploymentClaim, unemploymentFacts({ leaver: null }), policy).refusals.map((r) => r.code)).toEqual([
      'LEAVER_NOT_REPORTED',
    ]);
    expect(
      assessUnemploymentClaim(unemploymentClaim, unemploymentFacts({ employment: { employerCreditCode: 'F', sinceMonth: '2026-11' } }), policy).refusals.map(
        (r) => r.code,
      ),
    ).toEqual(['CURRENTLY_EMPLOYED']);
    const resigned = assessUnemploymentClaim(
      unemploymentClaim,
      unemploymentFacts({ leaver: { reason: 'resigned', leaveDate: '2026-10-31', lastMonth: '2026-10' } }),
      policy,
    );
    expect(resigned.refusals.map((r) => r.code)).toEqual(['VOLUNTARY_LEAVE']);
  });

  it('computes the medical premium from the average wage × the configured base share × the medical rate (社会保险法 art. 48)', () => {
    expect(unemploymentMedicalPremium({ averageWage: '7950.00', rate: '0.115' }, policy).premium).toBe('548.55');
    const full = benefitPolicyInForce([{ effectiveFrom: '2026-01-01', claims: { medicalPremiumBaseRate: '1' } }], '2026-06-01');
    expect(unemploymentMedicalPremium({ averageWage: '7950.00', rate: '0.115' }, full).premium).toBe('914.25');
  });
});

describe('maternity claim (生育津贴, §5.4)', () => {
  const claim = (event: Partial<MaternityClaim['event']>): MaternityClaim => ({
    type: 'maternity',
    citizenId: '110101199003078039',
    region: '330102',
    employerCreditCode: 'E',
    event: { type: 'birth', date: '2026-11-20', difficultBirth: false, babies: 1, pregnancyMonths: null, ...event },
  });
  const facts = { insuredWithEmployer: true, employerAverageBase: '9000.00', averageBasis: 'average declared base of 2025' };

  it('pays E5 once: 98 days × 300.00 = 29 400.00, and 128 days = 38 400.00 for difficult twins (§5.4, E5)', () => {
    expect(assessMaternityClaim(claim({}), facts, policy, '2026-12').lines).toEqual([
      {
        key: 'maternityAllowance',
        benefit: 'maternityAllowance',
        kind: 'oneOff',
        payer: 'fund',
        amount: '29400.00',
        startMonth: '2026-12',
        endMonth: '2026-12',
        beneficiary: null,
      },
    ]);
    expect(assessMaternityClaim(claim({ difficultBirth: true, babies: 2 }), facts, policy, '2026-12').figures).toMatchObject({
      days: 128,
      allowance: '38400.00',
    });
  });

  it('refuses a claimant not insured with the employer at the event (社会保险法 art. 54)', () => {
    expect(assessMaternityClaim(claim({}), { ...facts, insuredWithEmployer: false }, policy, '2026-12').refusals[0]?.code).toBe('NOT_INSURED_WITH_EMPLOYER');
  });
});

const injury: WorkInjuryClaim = {
  type: 'workInjury',
  citizenId: '110101198805200015',
  region: '330102',
  accidentDate: '2025-02-25',
  employerCreditCode: 'E',
  description: 'hand injured',
  applicant: 'employer',
  clearCut: false,
  approvedExtensionDays: 0,
};
const injuryFacts = (overrides: Partial<WorkInjuryClaimFacts> = {}): WorkInjuryClaimFacts => ({
  insuredForWorkInjury: true,
  ownWage: '8000.00',
  ownWageBasis: 'x',
  regionalAverageWage: '10000.00',
  minimumWage: null,
  ...overrides,
});

describe('work-injury claim (工伤, §5.5)', () => {
  it('pays E9 by grade: 104 000.00 for grade 7; 540 000.00 and 21 000.00 a month from the employer for grade 5 at 40 000 (arts. 35–37, 64)', () => {
    expect(assessWorkInjuryBenefits(injury, injuryFacts(), 7, '2025-06', policy).lines.map((l) => [l.benefit, l.payer, l.amount])).toEqual([
      ['disabilitySubsidy', 'fund', '104000.00'],
    ]);
    const grade5 = assessWorkInjuryBenefits(injury, injuryFacts({ ownWage: '40000.00' }), 5, '2025-06', policy);
    expect(grade5.lines.map((l) => [l.benefit, l.kind, l.payer, l.amount, l.startMonth])).toEqual([
      ['disabilitySubsidy', 'oneOff', 'fund', '540000.00', '2025-06'],
      ['disabilityAllowance', 'monthly', 'employer', '21000.00', '2025-07'],
    ]);
    expect(assessWorkInjuryBenefits(injury, injuryFacts({ ownWage: '40000.00' }), 5, '2025-06', policy, true).lines).toHaveLength(1);
  });

  it('accepts the employer’s application in time, holds a late employer liable and refuses an uninsured worker (art. 17; 社会保险法 art. 41)', () => {
    expect(checkWorkInjuryFiling(injury, injuryFacts(), CN_CALENDAR_YEARS, '2025-03-20', policy)).toMatchObject({ refusals: [], employerLiability: null });
    const late = checkWorkInjuryFiling(injury, injuryFacts(), CN_CALENDAR_YEARS, '2025-04-10', policy);
    expect(late.refusals).toEqual([]);
    expect(late.employerLiability).toMatchObject({ to: '2025-04-10' });
    expect(checkWorkInjuryFiling(injury, injuryFacts({ insuredForWorkInjury: false }), CN_CALENDAR_YEARS, '2025-03-20', policy).refusals[0]?.code).toBe(
      'NOT_INSURED_FOR_WORK_INJURY',
    );
  });

  it('sends a work-injury claim to recognition, accepted on the filing day, and any other claim straight to its amounts', () => {
    const filed = checkFiledClaim(injury, { type: 'workInjury', workInjury: injuryFacts() }, policy, CN_CALENDAR_YEARS, '2025-03-20');
    expect(filed).toMatchObject({ passed: true, assessment: null, recognition: { acceptedOn: '2025-03-20', clearCut: false, suspensions: [] } });
    const pension = checkFiledClaim(pensionClaim(), { type: 'pension', pension: pensionFacts() }, policy, CN_CALENDAR_YEARS, '2026-12-01');
    expect(pension.passed && pension.assessment?.lines).toHaveLength(2);
  });
});

describe('death claims (§5.1 survivors, §5.5 art. 39)', () => {
  const dependant = { orphanOrLoneElderly: false, fullyDisabled: false, monthlyIncome: '0.00', closerRelativesGone: false } as const;
  const death = (type: 'funeral' | 'survivor', cause: 'workInjury' | 'other'): DeathClaim => ({
    type,
    citizenId: '110101197001010011',
    region: '330102',
    deathDate: '2025-03-01',
    cause,
    injuryReference: cause === 'workInjury' ? 'BC2025000001' : null,
    dependants: [
      { ...dependant, name: '李四', relation: 'spouse', sex: 'female', birthDate: '1968-05-01' },
      { ...dependant, name: '李小', relation: 'child', sex: 'male', birthDate: '2012-06-01' },
    ],
  });
  const facts: DeathClaimFacts = {
    injury: { reference: 'BC2025000001', recognised: true },
    ownWage: '8000.00',
    regionalAverageWage: '10000.00',
    accountBalance: '52000.00',
  };

  it('pays a work-injury death: funeral grant 60 000.00; dependants 3 200.00 + 2 400.00 a month and the death grant (art. 39)', () => {
    expect(assessDeathClaim(death('funeral', 'workInjury'), facts, policy, '2025-03').lines.map((l) => [l.benefit, l.amount])).toEqual([
      ['funeralGrant', '60000.00'],
    ]);
    const survivor = assessDeathClaim(death('survivor', 'workInjury'), facts, policy, '2025-03');
    expect(survivor.lines.map((l) => [l.benefit, l.kind, l.amount, l.beneficiary])).toEqual([
      ['dependantPension', 'monthly', '3200.00', '李四'],
      ['dependantPension', 'monthly', '2400.00', '李小'],
      ['deathGrant', 'oneOff', '1083760.00', null], // 20 × 54 188 (2024, the year before the death)
    ]);
  });

  it('§5.5 pays only the dependants who pass the 供养亲属 test: the spouse over the 低保 limit gets nothing, the child is paid to 18, and the workings say why', () => {
    const claim = death('survivor', 'workInjury');
    const incomeOver = { ...claim, dependants: [{ ...claim.dependants[0]!, monthlyIncome: '2000.00' }, claim.dependants[1]!] };
    const r = assessDeathClaim(incomeOver, facts, policy, '2025-03');
    expect(r.lines.map((l) => [l.key, l.amount, l.beneficiary, l.endMonth])).toEqual([
      ['dependantPension:2', '2400.00', '李小', '2030-06'],
      ['deathGrant', '1083760.00', null, '2025-03'],
    ]);
    expect(r.figures).toMatchObject({ dependantPensionTotal: '2400.00', dependantsQualified: '1 of 2' });
    expect(r.workings).toContainEqual(
      expect.stringMatching(/^李四: no dependant’s pension — spouse \(配偶\): own income 2000\.00 a month is not below the limit 1314\.00/),
    );
    expect(r.workings).toContainEqual(expect.stringMatching(/^李小: qualifies, 2400\.00 a month — child \(子女\), 12 on the death date: under 18/));
  });

  it('§5.5 keeps a claim filed before the 供养亲属 test as it was: dependants without its facts are paid as before', () => {
    const legacy = {
      ...death('survivor', 'workInjury'),
      dependants: [{ name: '李四', relation: 'spouse', orphanOrLoneElderly: false }],
    } as unknown as DeathClaim;
    const r = assessDeathClaim(legacy, facts, policy, '2025-03');
    expect(r.lines.map((l) => [l.benefit, l.amount])).toEqual([
      ['dependantPension', '3200.00'],
      ['deathGrant', '1083760.00'],
    ]);
    expect(r.workings).toContain('李四: qualifies, 3200.00 a month — circumstances not given: taken as qualifying');
  });

  it('pays the funeral grant without the disposable-income figure the death grant needs (art. 39)', () => {
    const noIncome = benefitPolicyInForce([{ effectiveFrom: '2000-01-01', workInjuryDeath: { nationalDisposableIncome: [] } }], '2025-03-01');
    expect(assessDeathClaim(death('funeral', 'workInjury'), facts, noIncome, '2025-03').lines.map((l) => l.amount)).toEqual(['60000.00']);
    expect(assessDeathClaim(death('survivor', 'workInjury'), facts, noIncome, '2025-03').refusals[0]?.code).toBe('NO_PARAMETERS');
  });

  it('refuses a work-injury death claim whose injury was not recognised (工伤保险条例 art. 17)', () => {
    expect(
      assessDeathClaim(death('funeral', 'workInjury'), { ...facts, injury: { reference: 'BC2025000001', recognised: false } }, policy, '2025-03').refusals[0]
        ?.code,
    ).toBe('INJURY_NOT_RECOGNISED');
  });

  it('pays a non-work death from the pension fund: configured months of the average and the personal account to the heirs (社会保险法 arts. 14, 17)', () => {
    expect(assessDeathClaim(death('funeral', 'other'), facts, policy, '2025-03').lines.map((l) => l.amount)).toEqual(['20000.00']);
    expect(assessDeathClaim(death('survivor', 'other'), facts, policy, '2025-03').lines.map((l) => [l.benefit, l.amount])).toEqual([
      ['survivorLumpSum', '60000.00'],
      ['accountInheritance', '52000.00'],
    ]);
  });
});
