// The review part every grass-roots declaration's view shows (离休 / 二乙 medical expenses, account subsidy): who
// reviewed and approved it — to staff only — and the decision, from the summary the workflow projects.

const STAFF_ROLES = new Set(['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin']);

/** Whether the role is agency staff (sees who decided, by id). */
export const isStaffRole = (role: string) => STAFF_ROLES.has(role);

/** A JSON object from a summary field, or null. */
export const summaryRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

export function presentDeclarationReview(summary: Record<string, unknown>, role: string) {
  const review = summaryRecord(summary.review);
  const decision = summaryRecord(summary.decision);
  return {
    review:
      isStaffRole(role) && review
        ? { reviewedBy: review.reviewedBy ?? null, approvedBy: review.approvedBy ?? null, returns: Number(review.returns ?? 0) }
        : null,
    decision: decision ? { outcome: String(decision.outcome), on: String(decision.on), reason: (decision.reason as string | null) ?? null } : null,
  };
}
