import { Money } from '../money.js';
import { type AgreedOffsetPlan, applyOffset, offsetPlan } from './overpayment.js';
import { type GatheredLine, payrollBenefitOf } from './payroll-gathering.js';
import { DEFAULT_OVERPAYMENT_POLICY, type OverpaymentPolicy } from './payroll-policy.js';

/*
 * How a monthly payroll collects an open overpayment recovery (待遇多发追回, 社会保险经办条例 art. 46) from the person's
 * later payments: every line no control held pays less by what `applyOffset` withholds — the agreed monthly amount under
 * an instalment agreement, else `overpayment.offsetShare` of the line — and its workings name the withholding. What a
 * line withholds is booked against the recovery only when the bank pays the line (db/writers/overpayment-recoveries.ts).
 * Pure.
 */

/** An open recovery of a person the chunk pays, as the gathering reads it. */
export interface OpenRecovery {
  id: number;
  citizenId: string;
  /** Outstanding (amount less its ledger) less what lines not yet paid already withhold for it. */
  available: string;
  /** The instalment agreement, when one was made; null: the offset share. */
  agreement: { monthlyAmount: string; firstMonth: string } | null;
  /** What lines of this payroll month already withhold under the agreement (another chunk, an earlier attempt). */
  takenThisPeriod: string;
}

/** What one line withholds for one recovery. */
export interface Withholding {
  recoveryId: number;
  lineKey: string;
  amount: string;
}

interface State {
  recovery: OpenRecovery;
  available: Money;
  leftThisMonth: Money | null;
}

function domainLine(line: GatheredLine, period: string) {
  return {
    lineId: line.lineKey,
    entitlementId: line.entitlementId,
    citizenId: line.citizenId,
    benefit: payrollBenefitOf(line.benefit, ''),
    kind: line.kind === 'adjust' ? ('backPay' as const) : line.kind,
    period,
    amount: line.amount,
    months: [period],
  };
}

/**
 * Withholds the open recoveries of each line's person from the line (oldest recovery first): each instalment agreement
 * takes its monthly amount (once per month across the person's lines), then the recoveries without one take the offset
 * share of what is left of the line, together, split oldest first. A held line or a line of nothing withholds nothing.
 */
export function withholdRecoveries(
  lines: readonly GatheredLine[],
  open: readonly OpenRecovery[],
  period: string,
  policy: OverpaymentPolicy = DEFAULT_OVERPAYMENT_POLICY,
): { lines: GatheredLine[]; withholdings: Withholding[] } {
  const byPerson = new Map<string, State[]>();
  for (const r of [...open].sort((a, b) => a.id - b.id)) {
    const available = Money.of(r.available);
    if (available.isZero() || available.isNegative()) continue;
    const left = r.agreement === null ? null : Money.of(r.agreement.monthlyAmount).minus(Money.of(r.takenThisPeriod));
    const states = byPerson.get(r.citizenId) ?? [];
    states.push({ recovery: r, available, leftThisMonth: left });
    byPerson.set(r.citizenId, states);
  }
  const withholdings: Withholding[] = [];
  const out = lines.map((original) => {
    const states = byPerson.get(original.citizenId);
    if (!states || original.holds.length > 0 || Money.of(original.amount).isZero()) return original;
    const line = { ...original, workings: [...(original.workings ?? [])] };
    const take = (s: State, amount: string) => {
      s.available = s.available.minus(Money.of(amount));
      if (!Money.of(amount).isZero()) withholdings.push({ recoveryId: s.recovery.id, lineKey: line.lineKey, amount });
    };
    for (const s of states) {
      const agreement = s.recovery.agreement;
      if (agreement === null || s.available.isZero() || s.leftThisMonth === null || !(s.leftThisMonth.compare(Money.zero()) > 0)) continue;
      if (Money.of(line.amount).isZero()) break;
      const plan: AgreedOffsetPlan = {
        method: 'agreement',
        outstanding: s.available.toString(),
        monthlyAmount: agreement.monthlyAmount,
        firstMonth: agreement.firstMonth,
        leftThisMonth: s.leftThisMonth.toString(),
      };
      const applied = applyOffset(plan, domainLine(line, period));
      s.leftThisMonth = Money.of(applied.plan.leftThisMonth ?? '0');
      take(s, applied.recovered);
      line.amount = applied.line.amount;
      line.workings.push(`recovery of overpayment ${s.recovery.id} (追回, 社会保险经办条例 art. 46, instalment agreement):`, ...applied.workings);
    }
    const shared = states.filter((s) => s.recovery.agreement === null && !s.available.isZero());
    const owed = Money.sum(shared.map((s) => s.available));
    if (shared.length > 0 && !owed.isZero() && !Money.of(line.amount).isZero()) {
      const applied = applyOffset(offsetPlan(owed.toString(), policy), domainLine(line, period));
      let rest = Money.of(applied.recovered);
      for (const s of shared) {
        const part = rest.compare(s.available) > 0 ? s.available : rest;
        take(s, part.toString());
        rest = rest.minus(part);
      }
      line.amount = applied.line.amount;
      const ids = shared.map((s) => s.recovery.id).join(', ');
      line.workings.push(`recovery of overpayment ${ids} (追回, 社会保险经办条例 art. 46, overpayment.offsetShare):`, ...applied.workings);
    }
    return line.workings.length === 0 ? { ...line, workings: original.workings } : line;
  });
  return { lines: out, withholdings };
}
