import { addMonths, monthOf } from '../calendar/local-date.js';
import type { DecisionAmounts } from './approval-tiers.js';

/** What an approved claim pays: each benefit of rules §5 that becomes a line the payroll pays. */
export type EntitlementBenefit =
  | 'basicPension'
  | 'accountPension'
  | 'transitionalPension'
  | 'unemploymentBenefit'
  | 'medicalPremium'
  | 'maternityAllowance'
  | 'disabilitySubsidy'
  | 'disabilityAllowance'
  | 'funeralGrant'
  | 'dependantPension'
  | 'deathGrant'
  | 'survivorLumpSum'
  | 'accountInheritance'
  // Approved 离休 / 二乙 medical expenses, reimbursed by the payroll from the category's own ledger (§5.6).
  | 'lixiuMedical'
  | 'erYiMedical';

/**
 * monthly: paid every month from `startMonth` to `endMonth` (open-ended when null); oneOff: paid once, from
 * `startMonth`; medicalPremium: the unemployment fund pays the person's medical premium every month of the benefit
 * period (社会保险法 art. 48) — a line of its own so the payroll books it to the medical fund, not to the person.
 */
export type EntitlementKind = 'monthly' | 'oneOff' | 'medicalPremium';

/** Who pays: the fund, or the employer where the law puts it on the employer (工伤保险条例 art. 36; a late application). */
export type EntitlementPayer = 'fund' | 'employer';

/** One line of an approved benefit, as the `benefit_entitlement` table holds it (amounts as decimal strings). */
export interface EntitlementLine {
  /** Unique within the claim (`dependantPension:2`): the idempotency key of the row. */
  key: string;
  benefit: EntitlementBenefit;
  kind: EntitlementKind;
  payer: EntitlementPayer;
  amount: string;
  /** 'YYYY-MM': the first month paid (a one-off line is payable from it). */
  startMonth: string;
  /** 'YYYY-MM': the last month paid; null while it runs on (a pension). One-off lines end in their start month. */
  endMonth: string | null;
  /** A dependant's pension names its dependant; otherwise null (the claimant or the deceased's family). */
  beneficiary: string | null;
}

/** 'YYYY-MM' `n` months after `month`. */
export function monthPlus(month: string, n: number): string {
  return monthOf(addMonths(`${month}-01`, n));
}

/** The month after the one `date` falls in: pensions are paid from the month after retirement (次月, local practice). */
export const monthAfter = (date: string): string => monthPlus(monthOf(date), 1);

/**
 * The amounts a decision grants, for the approval tiers (approval-tiers.ts): the fund's one-off lines and its monthly
 * lines (medical premiums included — they are the fund's money too). What the employer pays is not the fund's and
 * does not count towards the supervisor threshold.
 */
export function decisionAmountsOf(lines: readonly EntitlementLine[]): DecisionAmounts {
  const fund = lines.filter((line) => line.payer === 'fund');
  return {
    oneOff: fund.filter((line) => line.kind === 'oneOff').map((line) => line.amount),
    monthly: fund.filter((line) => line.kind !== 'oneOff').map((line) => line.amount),
  };
}

/**
 * The lines after a stop from `stopMonth` (re-employment): a periodic line that would run into or past it ends the
 * month before; one that has not started yet ends before it starts (nothing paid); one-off lines are untouched. Pure.
 */
export function stopLinesFrom(lines: readonly EntitlementLine[], stopMonth: string): EntitlementLine[] {
  return lines.map((line) => {
    if (line.kind === 'oneOff') return line;
    if (line.endMonth !== null && line.endMonth < stopMonth) return line;
    return { ...line, endMonth: monthPlus(stopMonth, -1) };
  });
}
