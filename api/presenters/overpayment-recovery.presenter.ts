import type { AppAbility } from '../../policies/abilities.js';
import type { RecoveryView } from '../../services/overpayment-recoveries/read-overpayment-recovery.js';
import { citizenIdFor } from './payroll.presenter.js';

/**
 * An overpayment recovery as the API answers it: money as strings, the ID number in full only for the person and for
 * staff who may read the person unmasked; the ledger with each entry's source.
 */
export function presentRecovery(r: RecoveryView, ability: AppAbility) {
  return {
    id: String(r.id),
    citizenId: citizenIdFor(ability, r.citizenId, r.region),
    region: r.region,
    cause: r.cause,
    amount: r.amount,
    months: r.months,
    status: r.status,
    method: r.method ?? 'offset',
    instalmentPlan:
      r.plan === null
        ? null
        : {
            monthlyAmount: r.plan.monthlyAmount,
            firstMonth: r.plan.firstMonth,
            total: r.plan.total,
            collected: r.plan.collected,
            instalments: r.followUp?.instalments ?? [],
            missed: r.followUp?.missed ?? [],
            chase: r.followUp?.chase ?? null,
            workings: r.followUp?.workings ?? [],
          },
    legalAction: r.legalAction === null ? null : { at: r.legalAction.at.toISOString(), by: r.legalAction.by, note: r.legalAction.note },
    chases: r.chases.map((c) => ({
      id: String(c.id),
      missedMonth: c.missedMonth,
      status: c.status,
      taskId: c.taskId,
      openedAt: c.openedAt.toISOString(),
      note: c.note,
      decidedBy: c.decidedBy,
      decidedAt: c.decidedAt === null ? null : c.decidedAt.toISOString(),
    })),
    recovered: r.booked,
    outstanding: r.outstanding,
    withheldNotYetPaid: r.pending,
    repayable: r.repayable,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt === null ? null : r.closedAt.toISOString(),
    waiver: r.waiver,
    entries: r.entries.map((e) => ({ kind: e.kind, amount: e.amount, source: e.sourceRef, note: e.note, bookedAt: e.bookedAt.toISOString() })),
    writeOffs: r.writeOffs.map((w) => ({
      id: String(w.id),
      amount: w.amount,
      reason: w.reason,
      legalBasis: w.legalBasis,
      status: w.status,
      proposedBy: w.proposedBy,
      proposedAt: w.proposedAt.toISOString(),
      decidedBy: w.decidedBy,
      decidedAt: w.decidedAt === null ? null : w.decidedAt.toISOString(),
      comment: w.decisionComment,
    })),
  };
}
