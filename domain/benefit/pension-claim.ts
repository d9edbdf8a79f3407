import { Decimal } from 'decimal.js';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY, type PersonalAccountPolicy, personalAccountStatement } from '../insurance/personal-account.js';
import { Money } from '../money.js';
import type { RetirementCategory } from '../retirement-age.js';
import { Exact } from './benefit-arithmetic.js';
import type { PensionClaim } from './benefit-claim.js';
import type { BenefitPolicy } from './benefit-policy.js';
import { type ClaimAssessment, refusalOf, refusedAssessment } from './claim-assessment.js';
import { averageContributionIndex, type ContributionYearRecord } from './contribution-index.js';
import { type EntitlementLine, monthAfter } from './entitlement.js';
import { pensionEligibility } from './pension-eligibility.js';
import { calculatePension } from './pension.js';

/** One paid month of the person's pension history: the base it was paid on and what went to the personal account. */
export interface PensionMonth {
  month: string;
  base: string;
  accountContribution: string;
}

/** What the insurance history says for a pension claim (gathered by the claim's activity). */
export interface PensionClaimFacts {
  birthDate: string;
  sex: 'male' | 'female';
  /** Paid pension months, overlaps counted once (GET /v1/persons/{id}/insurance-history). */
  contributionMonths: number;
  /** Each year's months, averaged into the index. */
  years: ContributionYearRecord[];
  /**
   * The personal account balance with the yearly interest credited (记账利率, §5.1; the `personal-account.policy`
   * statement of the record); the preparer may still enter the agency's own statement instead.
   */
  accountBalance: string;
  /** C of the retirement year (计发基数), from the region's dated benefit figures; null when none is in force. */
  calculationBase: string | null;
  workings: string[];
}

/**
 * The yearly records of the index (平均缴费指数, 国发〔2005〕38号) and the personal account from the paid months: each
 * year's own average monthly base over its paid months, that year's regional average wage (the dated parameter set
 * in force on 1 January of the year; a year before the first loaded set uses the first set's figure and says so),
 * and the account balance with interest (rules §5.1 "balance (with interest) ÷ divisor"): the employee contributions
 * credited year by year at each finished year's 记账利率 up to `account.currentYear` (the year not over earns nothing
 * yet), the same statement the insurance record shows (domain/insurance/personal-account.ts). `months` end in
 * `account.currentYear` at the latest (the statement stops there). Pure.
 */
export function pensionHistoryFigures(
  months: readonly PensionMonth[],
  averageOfYear: (year: number) => { wage: string; from: string } | null,
  account: { currentYear: number; policy?: PersonalAccountPolicy },
): { years: ContributionYearRecord[]; accountBalance: string; accountInterest: string; workings: string[] } {
  const byYear = new Map<number, PensionMonth[]>();
  for (const m of months) {
    const year = Number(m.month.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), m]);
  }
  const workings: string[] = [];
  const years: ContributionYearRecord[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const list = byYear.get(year)!;
    const average = averageOfYear(year);
    if (average === null) continue;
    const mean = Money.sum(list.map((m) => Money.of(m.base)))
      .toDecimal()
      .dividedBy(list.length)
      .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    years.push({ year, averageMonthlyBase: mean.toFixed(2), regionalAverageWage: average.wage, months: list.length });
    if (!average.from.startsWith(String(year)))
      workings.push(`${year}: no regional average wage loaded for the year; the set of ${average.from} (${average.wage}) is used`);
  }
  const principal = months.reduce((sum, m) => sum.plus(m.accountContribution), new Exact(0));
  const statement = personalAccountStatement(
    months.map((m) => ({ month: m.month, contribution: m.accountContribution })),
    account.currentYear,
    account.policy ?? DEFAULT_PERSONAL_ACCOUNT_POLICY,
  );
  workings.push(
    ...statement.workings.map((w) => `personal account ${w}`),
    `personal account = Σ employee contributions of ${months.length} paid months ${principal.toFixed(2)} + interest ${statement.interestTotal} = ${statement.balance} (社会保险法 art. 14; the preparer may enter the agency's statement instead)`,
  );
  return { years, accountBalance: statement.balance, accountInterest: statement.interestTotal, workings };
}

/** The category of the 2025 reform that applies: a man is 'male'; a woman's claim says, else the configured default. */
export function retirementCategoryOf(sex: 'male' | 'female', claimed: RetirementCategory | null, policy: BenefitPolicy): RetirementCategory {
  if (sex === 'male') return 'male';
  return claimed === null || claimed === 'male' ? policy.claims.defaultFemaleCategory : claimed;
}

/**
 * 养老金申领 (社会保险法 arts. 15–16; 2025 办法 arts. 1–2; 国发〔2005〕38号; rules §5.1, §5.2, E6, E10): the
 * statutory age and flexible window, the minimum years of the retirement year (short of them: refused with the months
 * missing and the options), then the basic, account and transitional pensions from the calculation base, the index
 * and the months (actual and deemed), paid monthly from the month after the retirement date. `accountBalance`
 * replaces the computed account (the preparer's account statement). Pure.
 */
export function assessPensionClaim(claim: PensionClaim, facts: PensionClaimFacts, policy: BenefitPolicy, accountBalance?: string): ClaimAssessment {
  const category = retirementCategoryOf(facts.sex, claim.retirementCategory, policy);
  const months = facts.contributionMonths + claim.deemedMonths;
  const eligibility = pensionEligibility(
    {
      birthDate: facts.birthDate,
      category,
      retirementDate: claim.retirementDate,
      contributionMonths: months,
      lateRetirementAgreed: claim.lateRetirementAgreed,
      contributionsExtended: claim.contributionsExtended,
    },
    policy.retirement,
  );
  const workings = [
    ...facts.workings,
    `contribution months = ${facts.contributionMonths} paid + ${claim.deemedMonths} deemed = ${months} (category ${category})`,
    ...eligibility.workings,
  ];
  if (!eligibility.eligible) return refusedAssessment(eligibility.refusals, workings, eligibility.options);
  if (facts.calculationBase === null) {
    return refusedAssessment(
      [{ code: 'NO_PARAMETERS', reason: `no pension calculation base (计发基数) is in force for region ${claim.region} on ${claim.retirementDate}` }],
      workings,
    );
  }
  if (facts.years.length === 0)
    return refusedAssessment([{ code: 'NO_CONTRIBUTION_YEARS', reason: 'the insurance history has no paid pension year to index' }], workings);
  const index = refusalOf(() => averageContributionIndex(facts.years, policy.contributionIndex));
  if (!index.ok) return refusedAssessment([index.refusal], workings);
  workings.push(...index.value.workings);
  const balance = accountBalance ?? facts.accountBalance;
  if (accountBalance !== undefined) workings.push(`account balance ${accountBalance} from the account statement entered by the preparer`);
  const pension = refusalOf(() =>
    calculatePension(
      {
        calculationBase: facts.calculationBase!,
        averageIndex: index.value.averageIndex,
        contributionMonths: months,
        accountBalance: balance,
        retirementAge: eligibility.retirementAge,
        retirementDate: claim.retirementDate,
        ...(claim.deemedMonths > 0 ? { transitional: { deemedMonths: claim.deemedMonths, averageIndex: index.value.averageIndex } } : {}),
      },
      policy.pension,
    ),
  );
  if (!pension.ok) return refusedAssessment([pension.refusal], workings);
  const p = pension.value;
  workings.push(...p.workings);
  const start = monthAfter(claim.retirementDate);
  const line = (benefit: EntitlementLine['benefit'], amount: string): EntitlementLine => ({
    key: benefit,
    benefit,
    kind: 'monthly',
    payer: 'fund',
    amount,
    startMonth: start,
    endMonth: null,
    beneficiary: null,
  });
  const lines = [line('basicPension', p.basicPension), line('accountPension', p.accountPension)];
  if (p.transitionalPension !== '0.00') lines.push(line('transitionalPension', p.transitionalPension));
  workings.push(`paid monthly from ${start}, the month after the retirement date ${claim.retirementDate} (local practice)`);
  return {
    refusals: [],
    options: [],
    lines,
    figures: {
      retirementAge: `${eligibility.retirementAge.years} y ${eligibility.retirementAge.months} m`,
      contributionMonths: months,
      calculationBase: facts.calculationBase,
      averageIndex: index.value.averageIndex,
      accountBalance: balance,
      divisor: p.divisor,
      basicPension: p.basicPension,
      accountPension: p.accountPension,
      transitionalPension: p.transitionalPension,
      monthlyTotal: p.total,
    },
    workings,
  };
}
