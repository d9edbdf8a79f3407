import type { EntitlementLine } from '../../domain/benefit/entitlement.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import type { Actor } from '../../policies/abilities.js';
import type { BenefitClaimRead } from '../../services/benefits/read-claim.js';

const STAFF_ROLES = new Set(['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin']);

type Summary = Record<string, unknown>;
const record = (value: unknown): Summary | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Summary) : null);
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * A benefit claim as the caller may see it (GET /v1/benefit-claims/{reference}): the ID number masked unless the
 * caller may read it whole; who prepared, reviewed and approved it only for staff (the public sees "the agency").
 */
export function presentBenefitClaim(read: BenefitClaimRead, actor: Actor) {
  const { row, deadlines, entitlements, timeline, allowedActions, unmasked } = read;
  const s = row.summary;
  const staff = STAFF_ROLES.has(actor.role);
  const decision = record(s.decision);
  const amounts = record(s.amounts);
  const recognition = record(s.recognition);
  const disability = record(s.disability);
  const letter = record(s.letter);
  const proposal = record(s.proposal);
  const actorName = (id: string) => (staff || id === actor.id || id === 'system' ? id : 'agency');
  return {
    reference: row.reference,
    caseId: row.caseId,
    type: typeof s.claimType === 'string' ? s.claimType : 'unknown',
    status: row.status,
    citizenId: row.citizenId === null ? null : unmasked ? row.citizenId : maskCitizenId(row.citizenId),
    name: row.subjectName,
    filedOn: typeof s.filedOn === 'string' ? s.filedOn : null,
    closed: row.closedAt !== null,
    deadlines,
    amounts: amounts
      ? {
          lines: list<EntitlementLine>(amounts.lines).map(({ key: _key, ...line }) => line),
          figures: (record(amounts.figures) ?? {}) as Record<string, string | number | null>,
          workings: list<string>(amounts.workings),
        }
      : null,
    refusals: list<{ code: string; reason: string }>(s.refusals),
    options: list<string>(s.options),
    decision: decision
      ? { outcome: String(decision.outcome), reason: (decision.reason as string | null) ?? null, decidedOn: String(decision.decidedOn), letter }
      : null,
    letter,
    workInjury:
      recognition || disability
        ? {
            recognition: recognition && { ...recognition, decidedBy: staff ? recognition.decidedBy : null },
            disability,
            employerLiability: s.employerLiability ?? null,
          }
        : null,
    approval: staff && proposal ? { proposal, reviewedBy: s.reviewedBy ?? null, approvedBy: s.approvedBy ?? null, returns: s.returns ?? 0 } : null,
    entitlements: entitlements.map(({ lineKey: _key, ...line }) => line),
    payments: [],
    timeline: timeline.map((item) => ({ at: item.at, actor: actorName(item.actor), action: item.action, detail: item.detail })),
    allowedActions,
  };
}
