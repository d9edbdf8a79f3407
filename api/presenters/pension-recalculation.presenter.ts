import type { DifferenceRow, RecalculationRow } from '../../db/queries/pension-recalculation.query.js';
import type { AppAbility } from '../../policies/abilities.js';
import { citizenIdFor } from './payroll.presenter.js';

const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** A run with its progress (pension cases looked at of the region's total) and its totals as decimal strings. */
export function presentRecalculation(r: RecalculationRow) {
  return {
    id: r.id,
    region: r.region,
    cause: r.cause,
    effectiveFrom: r.effectiveFrom,
    status: r.status,
    progress: { pensionsSeen: r.pensionsSeen, pensionsTotal: r.pensionsTotal },
    changed: r.changed,
    totals: { backPay: r.backPayTotal, deduction: r.deductionTotal },
    startedBy: r.startedBy,
    startedAt: iso(r.startedAt)!,
    finishedAt: iso(r.finishedAt),
  };
}

/** One entitlement's difference: the citizen ID in full only for staff who may read the person unmasked. */
export function presentDifference(d: DifferenceRow, region: string, ability: AppAbility) {
  return {
    entitlementId: d.entitlementId,
    citizenId: citizenIdFor(ability, d.citizenId, region),
    fromMonth: d.fromMonth,
    oldAmount: d.oldAmount,
    newAmount: d.newAmount,
    months: d.months,
    total: d.total,
    outstanding: d.outstanding,
    workings: d.workings,
  };
}
