import { Decimal } from 'decimal.js';
import { compareDates, monthOf } from '../calendar/local-date.js';
import { Money } from '../money.js';
import type { PaidMonth } from './overpayment.js';
import { addPeriods } from './payroll-month.js';
import { adjustPension, recalculate, type PensionAdjustmentRule } from './recalculation.js';

/*
 * Which granted pensions a back-dated change reaches and what each of them is owed or owes (待遇重算, issue 12 point 5;
 * rules §5.1, §8). The rules of one month's difference are in recalculation.ts; this file picks the pensions, finds
 * their new monthly amount and hands the months already paid to `recalculate`. Pure: the recalculation chunk reads the
 * rows and writes what comes out (db/writers/pension-recalculations.ts).
 */

const Exact = Decimal.clone({ precision: 40 });

export type RecalculationCauseKind = 'adjustment' | 'calculationBase';

/**
 * What changed: a yearly adjustment rule (for pensions that began before it, the usual rule of the yearly notices),
 * or a retirement year's calculation base (计发基数 C) recorded after pensions of that year were granted on the base
 * of the year before — the provisional one.
 */
export type RecalculationCause =
  | { kind: 'adjustment'; rule: PensionAdjustmentRule }
  | {
      kind: 'calculationBase';
      effectiveFrom: string;
      /** The day the next year's base takes over, or null: retirements from then on are not this base's. */
      until: string | null;
      provisionalBase: string;
      base: string;
      /** When the base was recorded: a pension granted later was granted on it already. */
      recordedAt: string;
    };

/** One active pension line of the fund, as the recalculation reads it. */
export interface PensionLine {
  entitlementId: string;
  caseId: string;
  citizenId: string;
  benefit: string;
  amount: string;
  startMonth: string;
  /** When the claim's decision wrote the line (ISO instant). */
  createdAt: string;
  /** Every month paid so far (a back-pay line split into its months). */
  paid: PaidMonth[];
}

export interface RecalculatedLine {
  entitlementId: string;
  citizenId: string;
  fromMonth: string;
  oldAmount: string;
  newAmount: string;
  /** The months already paid since `fromMonth`, each settled by the difference. */
  months: number;
  /** 补发 when positive, 补扣 when negative. */
  total: string;
  workings: string[];
}

/** The ID of a run: a second run of the same change is the same run. */
export const recalculationIdOf = (region: string, cause: RecalculationCauseKind, effectiveFrom: string): string => `${region}-${cause}-${effectiveFrom}`;

/** The benefit lines a calculation base enters (basic C × (1 + Z) / 2 × N %; transitional C × Z × years × k). */
const LINEAR_IN_BASE: ReadonlySet<string> = new Set(['basicPension', 'transitionalPension']);

const effectiveFromOf = (cause: RecalculationCause): string => (cause.kind === 'adjustment' ? cause.rule.effectiveFrom : cause.effectiveFrom);

/** Months paid with a back-pay line (its `months` ending the month before the line's payroll) as single months. */
export function paidMonthsOf(lines: readonly { period: string; kind: string; months: number; amount: string }[]): PaidMonth[] {
  const out: PaidMonth[] = [];
  for (const l of lines) {
    if (l.kind !== 'backPay' || l.months <= 1) {
      out.push({ period: l.period, amount: l.amount });
      continue;
    }
    const parts = Money.of(l.amount).allocate(l.months);
    parts.forEach((part, i) => out.push({ period: addPeriods(l.period, i - l.months), amount: part.toString() }));
  }
  return out;
}

/**
 * The new monthly amount of the lines of one pension case under the cause, or nothing for a case the cause does not
 * reach. An adjustment is worked out on the case's whole pension (fixed + share of basic + account + transitional)
 * and paid as part of its basic pension line; a new calculation base scales the lines it enters by new ÷ provisional
 * base, rounded half-up to the fen.
 */
function newAmountsOf(lines: readonly PensionLine[], cause: RecalculationCause): Map<string, { amount: string; workings: string[] }> {
  const out = new Map<string, { amount: string; workings: string[] }>();
  if (cause.kind === 'adjustment') {
    const fromMonth = monthOf(cause.rule.effectiveFrom);
    // Retired before the rule's date: the first month paid is at the latest the rule's month.
    if (lines.length === 0 || lines.some((l) => l.startMonth > fromMonth)) return out;
    const total = Money.sum(lines.map((l) => Money.of(l.amount)));
    const adjusted = adjustPension(total.toString(), cause.rule);
    const target = lines.find((l) => l.benefit === 'basicPension') ?? lines[0]!;
    const amount = Money.of(target.amount).plus(Money.of(adjusted.increase)).toString();
    out.set(target.entitlementId, {
      amount,
      workings: [...adjusted.workings, `the increase is paid with the ${target.benefit} line: ${target.amount} + ${adjusted.increase} = ${amount}`],
    });
    return out;
  }
  const from = monthOf(cause.effectiveFrom);
  const until = cause.until === null ? null : monthOf(cause.until);
  for (const l of lines) {
    if (!LINEAR_IN_BASE.has(l.benefit)) continue;
    const retirementMonth = addPeriods(l.startMonth, -1);
    if (retirementMonth < from || (until !== null && retirementMonth >= until)) continue;
    if (compareInstants(l.createdAt, cause.recordedAt) >= 0) continue; // granted on this base already
    const exact = new Exact(l.amount).times(cause.base).dividedBy(cause.provisionalBase);
    const amount = exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    out.set(l.entitlementId, {
      amount,
      workings: [
        `${l.benefit} granted on the provisional calculation base ${cause.provisionalBase}; the base of ${cause.effectiveFrom} is ${cause.base}: ` +
          `${l.amount} × ${cause.base} ÷ ${cause.provisionalBase} = ${exact.toSignificantDigits(12).toFixed()} → ${amount} (rules §5.1)`,
      ],
    });
  }
  return out;
}

const compareInstants = (a: string, b: string): number => Date.parse(a) - Date.parse(b);

/**
 * Recalculates the pension lines of some whole cases: for every line the cause changes, its new monthly amount from
 * the effective month and one difference for the months already paid since — months × (new − paid), 补发 or 补扣 —
 * settled from `nextPayroll` on. A line whose amount does not change and owes nothing is left out. Pure.
 */
export function recalculatePensions(lines: readonly PensionLine[], cause: RecalculationCause, nextPayroll: string): RecalculatedLine[] {
  const byCase = new Map<string, PensionLine[]>();
  for (const l of lines) byCase.set(l.caseId, [...(byCase.get(l.caseId) ?? []), l]);
  const effectiveFrom = effectiveFromOf(cause);
  const out: RecalculatedLine[] = [];
  for (const caseLines of byCase.values()) {
    const amounts = newAmountsOf(caseLines, cause);
    for (const l of caseLines) {
      const changed = amounts.get(l.entitlementId);
      if (!changed) continue;
      const basis = cause.kind === 'adjustment' ? cause.rule.basis : `calculation base ${cause.base} of ${cause.effectiveFrom}`;
      const r = recalculate({
        effectiveDate: compareDates(effectiveFrom, `${l.startMonth}-01`) > 0 ? effectiveFrom : `${l.startMonth}-01`,
        paid: l.paid,
        recalculated: { kind: 'amount', monthlyAmount: changed.amount, basis },
        nextPayroll,
      });
      if (changed.amount === l.amount && r.direction === 'none') continue;
      out.push({
        entitlementId: l.entitlementId,
        citizenId: l.citizenId,
        fromMonth: monthOf(effectiveFrom) > l.startMonth ? monthOf(effectiveFrom) : l.startMonth,
        oldAmount: l.amount,
        newAmount: changed.amount,
        months: r.months.length,
        total: r.total,
        workings: [...changed.workings, ...r.workings],
      });
    }
  }
  return out;
}
