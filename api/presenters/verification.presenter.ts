import type { VerificationView } from '../../services/verification/read-verification.js';

/** A person's verification (待遇资格认证): the schedule flattened to the days a page shows. */
export function presentVerification(v: VerificationView) {
  return {
    status: v.status,
    lastVerifiedOn: v.schedule?.lastVerifiedOn ?? null,
    dueOn: v.schedule?.dueOn ?? null,
    remindFrom: v.schedule?.remindFrom ?? null,
    suspendFrom: v.schedule?.suspendFrom ?? null,
    lastEvidence: v.lastEvidence,
    suspensions: v.suspensions.map((s) => ({ benefit: s.benefit, fromMonth: s.fromMonth, toMonth: s.toMonth, resumedIn: s.resumedIn, reason: s.reason })),
  };
}
