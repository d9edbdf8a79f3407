import type { DeclarationReviewContext } from './declaration-review.machine.js';

/** The figures the application's calculation gave (calculateBackPayment), kept on the case for review. */
export interface BackPaymentAssessment {
  months: number;
  totals: { employer: string; employee: string; contribution: string; lateFee: string; total: string };
  workings: string[];
  supervision: { needsSupervisor: boolean; reason: string };
}

/** What the case row shows of a back-payment (无记录补缴) in its current state. Pure. */
export function backPaymentSummary(
  application: { from: string; to: string; appliedOn: string; insuranceTypes: readonly string[]; evidence: readonly { attachmentId: string; kind: string }[] },
  assessment: BackPaymentAssessment,
  ctx: DeclarationReviewContext,
): Record<string, unknown> {
  return {
    firstMonth: application.from,
    lastMonth: application.to,
    appliedOn: application.appliedOn,
    insuranceTypes: [...application.insuranceTypes],
    monthCount: assessment.months,
    totals: assessment.totals,
    workings: assessment.workings,
    supervision: assessment.supervision,
    evidence: application.evidence.map((e) => ({ attachmentId: e.attachmentId, kind: e.kind })),
    review: { reviewedBy: ctx.reviewedBy, approvedBy: ctx.approvedBy, supervisedBy: ctx.supervisedBy, returns: ctx.returns },
    decision: ctx.decision,
  };
}
