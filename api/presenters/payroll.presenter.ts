import type { HeldLine, PayrollRow } from '../../db/queries/payroll.query.js';
import { maskBankAccount, maskCitizenId } from '../../domain/identity/masking.js';
import type { PayrollDetail } from '../../services/payroll/read-payroll.js';
import type { AppAbility } from '../../policies/abilities.js';
import { subject } from '@casl/ability';

/** Progress as the page's chart draws it: entitlements looked at, lines gathered / checked / held, totals as strings. */
export function presentPayrollSummary(p: PayrollRow) {
  return {
    caseId: p.caseId,
    reference: p.reference,
    region: p.region,
    period: p.period,
    status: p.status,
    startedBy: p.startedBy,
    approvedBy: p.approvedBy,
    progress: {
      entitlementsSeen: p.entitlementsSeen,
      entitlementsTotal: p.entitlementsTotal,
      linesGathered: p.linesGathered,
      linesChecked: p.linesChecked,
      linesHeld: p.linesHeld,
    },
    totals: { due: p.dueTotal, held: p.heldTotal },
    createdAt: p.createdAt instanceof Date ? p.createdAt.toISOString() : String(p.createdAt),
  };
}

/** The citizen ID in full only for staff who may read the person unmasked (their region's, with the role for it). */
export function citizenIdFor(ability: AppAbility, citizenId: string, region: string): string {
  return ability.can('readUnmasked', subject('Person', { citizenId, region })) ? citizenId : maskCitizenId(citizenId);
}

/** Held and failed lines, the citizen ID masked as `citizenIdFor` says. */
function presentLine(line: HeldLine, region: string, ability: AppAbility) {
  return {
    lineKey: line.lineKey,
    citizenId: citizenIdFor(ability, line.citizenId, region),
    benefit: line.benefit,
    kind: line.kind,
    amount: line.amount,
    status: line.status,
    reasons: line.reasons,
    taskId: line.taskId,
    decidedBy: line.decidedBy,
    bankReason: line.reasonCode === null ? null : { code: line.reasonCode, text: line.reasonText },
    workings: line.workings,
  };
}

export function presentPayroll(d: PayrollDetail, ability: AppAbility) {
  return {
    ...presentPayrollSummary(d.payroll),
    lines: d.totals,
    banks: d.banks,
    held: d.exceptions
      .filter((l) => l.reasons.length > 0)
      .map((l) => ({ reference: l.lineKey, reason: l.reasons.map((r) => r.reason).join('; '), ...presentLine(l, d.payroll.region, ability) })),
    failed: d.exceptions.filter((l) => l.status === 'failed').map((l) => presentLine(l, d.payroll.region, ability)),
    // Months held back by a suspension (待遇资格认证) or a late approval, paid as one line: its workings say why.
    backPay: d.exceptions.filter((l) => l.kind === 'backPay').map((l) => presentLine(l, d.payroll.region, ability)),
  };
}

/** A citizen's own payment line: the account masked (the citizen knows it; a shoulder-surfer need not). */
export function presentOwnPayment(
  l: HeldLine & { period: string; reference: string; bankCode: string | null; bankAccount: string | null; workings: string[] | null },
) {
  return {
    period: l.period,
    payroll: l.reference,
    benefit: l.benefit,
    kind: l.kind,
    amount: l.amount,
    status: l.status,
    holds: l.reasons.map((r) => ({ code: r.code, reason: r.reason })),
    bankCode: l.bankCode,
    bankAccount: l.bankAccount === null ? null : maskBankAccount(l.bankAccount),
    bankReason: l.reasonCode === null ? null : { code: l.reasonCode, text: l.reasonText },
    workings: l.workings ?? [],
  };
}
