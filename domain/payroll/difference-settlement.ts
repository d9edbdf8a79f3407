import { Money } from '../money.js';
import { applyOffset, offsetPlan } from './overpayment.js';
import type { GatheredLine } from './payroll-gathering.js';
import { DEFAULT_OVERPAYMENT_POLICY, type OverpaymentPolicy } from './payroll-policy.js';

/*
 * How a payroll settles the differences of a recalculation (补发 / 补扣, domain/payroll/pension-recalculation.ts):
 * a positive one is paid as a line of its own, with its workings; a negative one is withheld from the person's
 * monthly line of the same entitlement at most at the overpayment policy's share of that line (社会保险经办条例 art. 46),
 * never below zero, the rest carried to the next payroll. Only a line no control held settles anything: a held line may
 * yet be stopped, and what it would have paid or withheld then stays open. Pure.
 */

/** A difference not yet fully paid or withheld. `outstanding` has the difference's sign. */
export interface OpenDifference {
  id: number;
  entitlementId: string;
  months: number;
  outstanding: string;
  workings: string[];
}

/** What one line settled of one difference, with the difference's sign. */
export interface Settlement {
  differenceId: number;
  lineKey: string;
  amount: string;
}

/** The line that pays a positive difference: unique across every payroll, so it is paid once. */
export const differenceLineKeyOf = (d: OpenDifference): string => `${d.entitlementId}:adjust:${d.id}`;

export function settleDifferences(
  lines: readonly GatheredLine[],
  open: readonly OpenDifference[],
  period: string,
  policy: OverpaymentPolicy = DEFAULT_OVERPAYMENT_POLICY,
): { lines: GatheredLine[]; settlements: Settlement[] } {
  const out = lines.map((l) => ({ ...l }));
  const added: GatheredLine[] = [];
  const settlements: Settlement[] = [];
  const payable = (entitlementId: string) => out.find((l) => l.entitlementId === entitlementId && l.kind === 'monthly' && l.holds.length === 0);
  for (const d of [...open].sort((a, b) => a.id - b.id)) {
    const line = payable(d.entitlementId);
    const outstanding = Money.of(d.outstanding);
    if (!line || outstanding.isZero()) continue;
    if (!outstanding.isNegative()) {
      const lineKey = differenceLineKeyOf(d);
      added.push({
        ...line,
        lineKey,
        kind: 'adjust',
        months: Math.max(1, d.months),
        amount: outstanding.toString(),
        holds: [],
        workings: [...d.workings, `paid as back pay (补发) in the payroll of ${period}`],
      });
      settlements.push({ differenceId: d.id, lineKey, amount: outstanding.toString() });
      continue;
    }
    const owed = Money.zero().minus(outstanding);
    if (Money.of(line.amount).isZero()) continue;
    const offset = applyOffset(offsetPlan(owed.toString(), policy), {
      lineId: line.lineKey,
      entitlementId: line.entitlementId,
      citizenId: line.citizenId,
      benefit: 'pension',
      kind: 'monthly',
      period,
      amount: line.amount,
      months: [period],
    });
    line.amount = offset.line.amount;
    line.workings = [
      ...(line.workings ?? []),
      `deduction (补扣) of ${owed.toString()} owed after a recalculation: ${d.workings.at(-1) ?? ''}`.trimEnd(),
      ...offset.workings,
    ];
    settlements.push({ differenceId: d.id, lineKey: line.lineKey, amount: Money.zero().minus(Money.of(offset.recovered)).toString() });
  }
  return { lines: [...out, ...added], settlements };
}
