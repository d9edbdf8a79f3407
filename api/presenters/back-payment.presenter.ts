import { maskCitizenId } from '../../domain/identity/masking.js';
import type { Actor } from '../../policies/abilities.js';
import type { BackPaymentRead } from '../../services/back-payments/read-back-payment.js';

const STAFF_ROLES = new Set(['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin']);

type Summary = Record<string, unknown>;
const record = (value: unknown): Summary | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Summary) : null);

/**
 * GET /v1/back-payments/{reference}: the months with their parameters, late fees and workings, the review, where the
 * bill stands and the fund-supervision flag; the ID number and the evidence only for those who read it unmasked.
 */
export function presentBackPayment(read: BackPaymentRead, actor: Actor) {
  const { row, backPayment: bp, timeline, unmasked, unmaskedId } = read;
  const staff = STAFF_ROLES.has(actor.role);
  const review = record(row.summary.review);
  const decision = record(row.summary.decision);
  const supervision = record(row.summary.supervision);
  const actorName = (id: string) => (staff || id === actor.id || id === 'system' ? id : 'agency');
  return {
    reference: row.reference,
    caseId: row.caseId,
    status: row.status,
    closed: row.closedAt !== null,
    billing: bp.status,
    citizenId: unmaskedId ? bp.citizenId : maskCitizenId(bp.citizenId),
    name: row.subjectName,
    employerCreditCode: bp.employerCreditCode,
    region: bp.region,
    from: bp.from,
    to: bp.to,
    appliedOn: bp.appliedOn,
    insuranceTypes: bp.insuranceTypes,
    months: bp.months.map(({ insurances: _lines, ...m }) => m),
    totals: bp.totals,
    workings: bp.workings,
    needsSupervisor: supervision?.needsSupervisor === true,
    supervisionHit: staff ? bp.supervisionHit : null,
    evidence: unmasked ? bp.evidence : bp.evidence.map((e) => ({ kind: e.kind })),
    review:
      staff && review
        ? {
            reviewedBy: review.reviewedBy ?? null,
            approvedBy: review.approvedBy ?? null,
            supervisedBy: review.supervisedBy ?? null,
            returns: Number(review.returns ?? 0),
          }
        : null,
    decision: decision ? { outcome: String(decision.outcome), on: String(decision.on), reason: (decision.reason as string | null) ?? null } : null,
    billedAt: bp.billedAt,
    paymentDueOn: bp.paymentDueOn,
    chargeLateFee: bp.billedAt === null ? null : bp.chargeLateFee,
    paidAt: bp.paidAt,
    deadlines: row.deadlines,
    timeline: timeline.map((item) => ({ at: item.at, actor: actorName(item.actor), action: item.action, detail: item.detail })),
  };
}
