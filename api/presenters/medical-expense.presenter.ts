import { maskCitizenId } from '../../domain/identity/masking.js';
import type { CaseRow } from '../../db/queries/case.query.js';
import type { MedicalLedgerRow } from '../../db/queries/medical-expense.query.js';
import type { Actor } from '../../policies/abilities.js';
import type { MedicalExpenseRead } from '../../services/medical-expenses/read-medical-expense.js';
import { isStaffRole, presentDeclarationReview, summaryRecord as record } from './declaration-review.presenter.js';

type Summary = Record<string, unknown>;
const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/**
 * A case's summary as the generic case view shows it: a medical expense declaration's medical details (hospital,
 * dates, items) stay out unless the caller may read the case unmasked (docs/architecture.md "Data"). Other types unchanged.
 */
export function summaryFor(row: CaseRow, unmasked: boolean): Summary {
  if (row.type !== 'medicalExpense' || unmasked) return row.summary;
  const { medical: _medical, ...rest } = row.summary;
  return rest;
}

/** GET /v1/medical-expense-declarations/{reference}: amounts and workings for all who see it, details when unmasked. */
export function presentMedicalExpense(read: MedicalExpenseRead, actor: Actor) {
  const { row, entitlements, timeline, unmasked, unmaskedId } = read;
  const s = row.summary;
  const staff = isStaffRole(actor.role);
  const actorName = (id: string) => (staff || id === actor.id || id === 'system' ? id : 'agency');
  return {
    reference: row.reference,
    caseId: row.caseId,
    status: row.status,
    closed: row.closedAt !== null,
    category: typeof s.category === 'string' ? s.category : '',
    citizenId: row.citizenId === null ? null : unmaskedId ? row.citizenId : maskCitizenId(row.citizenId),
    name: row.subjectName,
    employerCreditCode: row.employerCreditCode,
    declaredOn: typeof s.declaredOn === 'string' ? s.declaredOn : null,
    total: typeof s.total === 'string' ? s.total : null,
    reimbursable: typeof s.reimbursable === 'string' ? s.reimbursable : null,
    invoices: list<{ invoiceNo: string; total: string }>(s.invoices),
    workings: list<string>(s.workings),
    medical: unmasked ? (record(s.medical) ?? null) : null,
    attachmentIds: unmasked ? list<string>(s.attachmentIds) : [],
    ...presentDeclarationReview(s, actor.role),
    deadlines: row.deadlines,
    entitlements: entitlements.map(({ lineKey: _key, ...line }) => line),
    timeline: timeline.map((item) => ({ at: item.at, actor: actorName(item.actor), action: item.action, detail: item.detail })),
  };
}

/** A ledger line, the ID number masked unless the caller may read persons unmasked. */
export const presentLedgerEntry = (entry: MedicalLedgerRow, unmasked: boolean) => ({
  ...entry,
  citizenId: unmasked ? entry.citizenId : maskCitizenId(entry.citizenId),
});
