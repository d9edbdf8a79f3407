import { compareDates, isIsoDate, monthOf } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { Money, isRate } from '../money.js';
import type { PaidMonth } from './overpayment.js';
import { assertPeriod } from './payroll-month.js';

/**
 * A yearly pension adjustment (养老金调整): a fixed amount for everyone (定额调整) plus a share of the pension being
 * paid (挂钩调整), optionally plus an amount per contribution year. The national notice sets an overall level and each
 * province splits it into these parts, so every figure here is provincial configuration, dated by effectiveFrom.
 */
export interface PensionAdjustmentRule {
  effectiveFrom: string;
  fixedAmount: string;
  share: string;
  perContributionYear?: string;
  /** The notice it comes from, quoted in the workings. */
  basis: string;
}

/**
 * Illustrative rules only: the nationally reported overall levels (3 % for 2024, 2 % for 2025) applied as a plain
 * share. Not in the rules (docs/rules) — unverified; load the province's own fixed / linked / per-year split.
 */
export const DEFAULT_PENSION_ADJUSTMENT_RULES: readonly PensionAdjustmentRule[] = [
  {
    effectiveFrom: '2024-01-01',
    fixedAmount: '0.00',
    share: '0.03',
    basis: '2024 overall level 3 % (illustrative, unverified)',
  },
  {
    effectiveFrom: '2025-01-01',
    fixedAmount: '0.00',
    share: '0.02',
    basis: '2025 overall level 2 % (illustrative, unverified)',
  },
];

/** The rule in force on `date`: the latest effectiveFrom on or before it, or null. */
export function adjustmentRuleInForce(rules: readonly PensionAdjustmentRule[], date: string): PensionAdjustmentRule | null {
  let found: PensionAdjustmentRule | null = null;
  for (const r of rules) {
    if (compareDates(r.effectiveFrom, date) > 0) continue;
    if (found === null || compareDates(r.effectiveFrom, found.effectiveFrom) >= 0) found = r;
  }
  return found;
}

/**
 * The adjusted monthly pension: pension + fixed + pension × share (+ years × per-year amount), each part rounded
 * half-up to the fen and the total adding the rounded parts. Pure.
 * @throws DomainError INVALID_AMOUNT for a malformed rule or a malformed number of years.
 */
export function adjustPension(
  monthly: string,
  rule: PensionAdjustmentRule,
  contributionYears = '0',
): { increase: string; adjusted: string; workings: string[] } {
  if (!isRate(rule.share)) throw new DomainError('INVALID_AMOUNT', `adjustment share "${rule.share}" is not a rate`, { path: 'rule.share' });
  if (!isRate(contributionYears))
    throw new DomainError('INVALID_AMOUNT', `"${contributionYears}" is not a number of years`, {
      path: 'contributionYears',
    });
  const pension = Money.of(monthly);
  const fixed = Money.of(rule.fixedAmount);
  const linked = pension.applyRate(rule.share, 'HALF_UP_FEN');
  const perYear = rule.perContributionYear === undefined ? Money.zero() : Money.of(rule.perContributionYear).applyRate(contributionYears, 'HALF_UP_FEN');
  const increase = fixed.plus(linked).plus(perYear);
  const adjusted = pension.plus(increase);
  const parts = [`fixed ${fixed.toString()}`, `${pension.toString()} × ${rule.share} = ${linked.toString()}`];
  if (rule.perContributionYear !== undefined) parts.push(`${rule.perContributionYear} × ${contributionYears} years = ${perYear.toString()}`);
  const workings = [
    `adjustment from ${rule.effectiveFrom}: ${parts.join(' + ')} = ${increase.toString()}; ${pension.toString()} → ${adjusted.toString()} (${rule.basis})`,
  ];
  return { increase: increase.toString(), adjusted: adjusted.toString(), workings };
}

export type DifferenceDirection = 'backPay' | 'deduction' | 'none';

export interface MonthDifference {
  period: string;
  paid: string;
  due: string;
  /** due − paid: positive is 补发 (paid back), negative is 补扣 (deducted). */
  difference: string;
  direction: DifferenceDirection;
}

export interface RecalculationInput {
  /** The day the recalculated amount applies from; it counts from that day's month. */
  effectiveDate: string;
  /** What was paid provisionally, month by month. */
  paid: readonly PaidMonth[];
  recalculated: { kind: 'amount'; monthlyAmount: string; basis: string } | { kind: 'adjustment'; rule: PensionAdjustmentRule; contributionYears?: string };
  nextPayroll: string;
}

export interface Recalculation {
  months: MonthDifference[];
  total: string;
  direction: DifferenceDirection;
  nextPayroll: string;
  workings: string[];
}

function direction(d: Money): DifferenceDirection {
  return d.isZero() ? 'none' : d.isNegative() ? 'deduction' : 'backPay';
}

/**
 * Settles a back-dated change (待遇重算): a yearly adjustment, or a pension recomputed on a new calculation base
 * published after payments began. For every month paid since the effective date the difference between what is due
 * now and what was paid — 补发 when positive, 补扣 when negative — and their sum, settled in the next payroll.
 * Several payments in one month are added first. Pure.
 * @throws DomainError INVALID_DATE / INVALID_AMOUNT for malformed input.
 */
export function recalculate(input: RecalculationInput): Recalculation {
  if (!isIsoDate(input.effectiveDate)) throw new DomainError('INVALID_DATE', `"${input.effectiveDate}" is not a date`, { path: 'effectiveDate' });
  assertPeriod(input.nextPayroll, 'nextPayroll');
  const from = monthOf(input.effectiveDate);
  const byMonth = new Map<string, Money>();
  input.paid.forEach((p, i) => {
    assertPeriod(p.period, `paid[${i}].period`);
    if (p.period >= from) byMonth.set(p.period, (byMonth.get(p.period) ?? Money.zero()).plus(Money.of(p.amount)));
  });
  const r = input.recalculated;
  const workings = [
    r.kind === 'amount'
      ? `recalculated monthly amount ${Money.of(r.monthlyAmount).toString()} from ${from} (${r.basis})`
      : `adjustment rule of ${r.rule.effectiveFrom} applied from ${from} to each month's amount paid (${r.rule.basis})`,
  ];
  const months: MonthDifference[] = [];
  let total = Money.zero();
  for (const period of [...byMonth.keys()].sort()) {
    const paid = byMonth.get(period)!;
    const due = r.kind === 'amount' ? Money.of(r.monthlyAmount) : Money.of(adjustPension(paid.toString(), r.rule, r.contributionYears).adjusted);
    const difference = due.minus(paid);
    total = total.plus(difference);
    months.push({
      period,
      paid: paid.toString(),
      due: due.toString(),
      difference: difference.toString(),
      direction: direction(difference),
    });
    const label = difference.isZero() ? '' : difference.isNegative() ? ' (补扣)' : ' (补发)';
    workings.push(`${period}: due ${due.toString()} − paid ${paid.toString()} = ${difference.toString()}${label}`);
  }
  workings.push(`total for payroll ${input.nextPayroll}: ${total.toString()} ${total.isZero() ? '' : total.isNegative() ? '补扣' : '补发'}`.trimEnd());
  return { months, total: total.toString(), direction: direction(total), nextPayroll: input.nextPayroll, workings };
}
