import type { MedicalAccountRow } from '../../db/queries/account-subsidy.query.js';
import { maskCitizenId, maskName } from '../../domain/identity/masking.js';
import type { Actor } from '../../policies/abilities.js';
import type { AccountSubsidyRead } from '../../services/account-subsidies/read-account-subsidy.js';

const STAFF_ROLES = new Set(['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin']);
const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** GET /v1/account-subsidy-declarations/{reference}: the rule, period, each person's credit with its workings, the review. */
export function presentAccountSubsidy(read: AccountSubsidyRead, actor: Actor) {
  const { row, lines, timeline, unmaskedId, unmaskedName } = read;
  const s = row.summary;
  const staff = STAFF_ROLES.has(actor.role);
  const review = record(s.review);
  const decision = record(s.decision);
  return {
    reference: row.reference,
    caseId: row.caseId,
    status: row.status,
    closed: row.closedAt !== null,
    region: row.region,
    employerCreditCode: row.employerCreditCode,
    ruleId: text(s.ruleId) ?? '',
    period: text(s.period) ?? '',
    basis: text(s.basis),
    declaredOn: text(s.declaredOn),
    total: text(s.total),
    persons: lines.map((l) => ({
      citizenId: unmaskedId ? l.citizenId : maskCitizenId(l.citizenId),
      name: l.name === null ? null : unmaskedName ? l.name : maskName(l.name),
      amount: l.amount,
      workings: l.workings,
    })),
    review: staff && review ? { reviewedBy: review.reviewedBy ?? null, approvedBy: review.approvedBy ?? null, returns: Number(review.returns ?? 0) } : null,
    decision: decision ? { outcome: String(decision.outcome), on: String(decision.on), reason: text(decision.reason) } : null,
    deadlines: row.deadlines,
    timeline: timeline.map((item) => ({
      at: item.at,
      actor: staff || item.actor === actor.id || item.actor === 'system' ? item.actor : 'agency',
      action: item.action,
      detail: item.detail,
    })),
  };
}

/** A personal medical account ledger line, the ID number masked unless the caller may read persons unmasked. */
export const presentMedicalAccountEntry = (entry: MedicalAccountRow, unmasked: boolean) => ({
  ...entry,
  citizenId: unmasked ? entry.citizenId : maskCitizenId(entry.citizenId),
});
