import type { Decimal } from 'decimal.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import { Exact, amountInput, rateInput, shown, toFen } from './benefit-arithmetic.js';
import { type ContributionYearsCounting, DEFAULT_CONTRIBUTION_YEARS_COUNTING, contributionYears } from './contribution-index.js';
import {
  type AgeAtRetirement,
  DEFAULT_FRACTIONAL_AGE_RULE,
  DEFAULT_PENSION_DIVISOR_TABLES,
  type FractionalAgeRule,
  type PensionDivisorTable,
  divisorTableInForce,
  pensionDivisor,
} from './pension-divisor.js';

/** The configurable parts of the monthly pension (rules §5.1). */
export interface PensionPolicy {
  /** Dated 计发月数 tables (国发〔2005〕38号 annex; ◐). */
  divisorTables: readonly PensionDivisorTable[];
  /** Divisor for ages with months (open item 4; default floorToWholeYears, unverified). */
  fractionalAgeRule: FractionalAgeRule;
  /** N counted to the month (default) or in whole years (§5.1: confirm locally). */
  contributionYearsCounting: ContributionYearsCounting;
  /** Basic pension per contribution year: 1 % — 国发〔2005〕38号 (◐). */
  basicRatePerYear: string;
  /**
   * Transitional-pension coefficient when the input gives none: provincial, typically 1.0 %–1.4 % (§5.1). "0.013" is
   * a suggested default (seen for several provinces); unverified — set the province's value.
   */
  transitionalCoefficient: string;
}

export const DEFAULT_PENSION_POLICY: PensionPolicy = {
  divisorTables: DEFAULT_PENSION_DIVISOR_TABLES,
  fractionalAgeRule: DEFAULT_FRACTIONAL_AGE_RULE,
  contributionYearsCounting: DEFAULT_CONTRIBUTION_YEARS_COUNTING,
  basicRatePerYear: '0.01',
  transitionalCoefficient: '0.013',
};

/** Body of POST /v1/calculations/pension (docs/api.md "Benefit calculators"). */
export interface PensionInput {
  /** C, the province's 计发基数 for the year of retirement. */
  calculationBase: string;
  /** Z, the average contribution index (see averageContributionIndex). */
  averageIndex: string;
  /** All months counted for N: actual and deemed (视同缴费) months together. */
  contributionMonths: number;
  accountBalance: string;
  retirementAge: AgeAtRetirement;
  /** Picks the divisor table in force; without it the newest table is used. */
  retirementDate?: string;
  /** Pre-account deemed years (过渡性养老金): used only for the transitional pension, not added to N again. */
  transitional?: { deemedMonths: number; averageIndex: string; coefficient?: string };
}

export interface PensionResult {
  basicPension: string;
  accountPension: string;
  transitionalPension: string;
  total: string;
  divisor: string;
  /** N as used, to at most 4 decimals for display. */
  contributionYears: string;
  workings: string[];
}

/**
 * The monthly basic pension at retirement (社会保险法 art. 15; 国发〔2005〕38号; rules §5.1, E6):
 * basic = C × (1 + Z) / 2 × N × 1 %; account = balance ÷ divisor; transitional = C × Z(pre) × deemed years ×
 * coefficient. Each component is rounded half-up to the fen and the total adds the rounded parts
 * (E6: 3 300.00 + 1 294.96 = 4 594.96). Pure.
 * @throws DomainError INVALID_AMOUNT (with `path`) for malformed inputs or an age outside the divisor table;
 * PARAMETERS_NOT_FOUND when no divisor table is in force on `retirementDate`.
 */
export function calculatePension(input: PensionInput, policy: PensionPolicy = DEFAULT_PENSION_POLICY): PensionResult {
  const c = amountInput(input.calculationBase, 'calculationBase').toDecimal();
  const z = rateInput(input.averageIndex, 'averageIndex');
  const balance = amountInput(input.accountBalance, 'accountBalance').toDecimal();
  const rate = rateInput(policy.basicRatePerYear, 'pension.basicRatePerYear');
  const n = contributionYears(input.contributionMonths, policy.contributionYearsCounting);
  const workings = [n.working];

  const basicExact = new Exact(c).times(z.plus(1)).dividedBy(2).times(n.years).times(rate);
  const basic = toFen(basicExact);
  workings.push(
    `basic pension = C ${c.toFixed(2)} × (1 + Z ${z.toFixed()}) / 2 × N ${shown(n.years)} years × ${rate.toFixed()} ` +
      `= ${shown(basicExact, 6)} → ${basic.toString()} (国发〔2005〕38号)`,
  );

  const table = divisorTableInForce(policy.divisorTables, input.retirementDate);
  const lookup = pensionDivisor(input.retirementAge, table, policy.fractionalAgeRule);
  if (!lookup.ok) throw new DomainError('INVALID_AMOUNT', lookup.refusal.reason, { path: 'retirementAge' });
  workings.push(...lookup.workings);
  const accountExact = new Exact(balance).dividedBy(lookup.divisor);
  const account = toFen(accountExact);
  workings.push(
    `account pension = balance ${balance.toFixed(2)} ÷ divisor ${lookup.divisor} = ${shown(accountExact, 6)} → ${account.toString()} (国发〔2005〕38号)`,
  );

  const transitional = transitionalPension(c, input.transitional, policy, workings);
  const total = Money.sum([basic, account, transitional]);
  workings.push(`total = ${basic.toString()} + ${account.toString()} + ${transitional.toString()} = ${total.toString()} (rounded parts added)`);
  return {
    basicPension: basic.toString(),
    accountPension: account.toString(),
    transitionalPension: transitional.toString(),
    total: total.toString(),
    divisor: lookup.divisor,
    contributionYears: shown(n.years),
    workings,
  };
}

function transitionalPension(c: Decimal, input: PensionInput['transitional'], policy: PensionPolicy, workings: string[]): Money {
  if (input === undefined) {
    workings.push('transitional pension = 0.00 (no pre-account deemed years given)');
    return Money.zero();
  }
  const zPre = rateInput(input.averageIndex, 'transitional.averageIndex');
  const given = input.coefficient !== undefined;
  const coefficient = rateInput(input.coefficient ?? policy.transitionalCoefficient, given ? 'transitional.coefficient' : 'pension.transitionalCoefficient');
  const deemed = contributionYears(input.deemedMonths, policy.contributionYearsCounting, 'transitional.deemedMonths', 'deemed years');
  workings.push(deemed.working);
  const exact = new Exact(c).times(zPre).times(deemed.years).times(coefficient);
  const amount = toFen(exact);
  const source = given ? 'coefficient from the input' : 'configuration pension.transitionalCoefficient';
  workings.push(
    `transitional pension = C ${c.toFixed(2)} × Z(pre) ${zPre.toFixed()} × ${shown(deemed.years)} deemed years × ${coefficient.toFixed()} ` +
      `= ${shown(exact, 6)} → ${amount.toString()} (provincial formula; ${source})`,
  );
  return amount;
}
