import type { MedicalAccountRow } from '../../db/queries/account-subsidy.query.js';
import { maskCitizenId, maskName } from '../../domain/identity/masking.js';
import type { Actor } from '../../policies/abilities.js';
import type { AccountSubsidyRead } from '../../services/account-subsidies/read-account-subsidy.js';
import { isStaffRole, presentDeclarationReview } from './declaration-review.presenter.js';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** GET /v1/account-subsidy-declarations/{reference}: the rule, period, each person's credit with its workings, the review. */
export function presentAccountSubsidy(read: AccountSubsidyRead, actor: Actor) {
  const { row, lines, timeline, unmaskedId, unmaskedName } = read;
  const s = row.summary;
  const staff = isStaffRole(actor.role);
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
    ...presentDeclarationReview(s, actor.role),
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
