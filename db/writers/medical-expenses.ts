import type { EntityManager } from '@mikro-orm/postgresql';
import type { MedicalCategory } from '../../domain/declarations/eligibility-list.js';
import { DomainError } from '../../domain/errors.js';
import { appendAudit } from './case-log.js';
import { recordEntitlementLines } from './entitlements.js';

/** The entitlement benefit each ledger's reimbursement is paid as (domain/benefit/entitlement.ts). */
const BENEFIT_OF: Record<MedicalCategory, 'lixiuMedical' | 'erYiMedical'> = { lixiu: 'lixiuMedical', erYi: 'erYiMedical' };

/**
 * Holds a declaration's invoice numbers (rules §5.6), inside the transaction that writes its case row: a number
 * another declaration holds — one sent at the same moment included — refuses the whole declaration with
 * DUPLICATE_INVOICE naming the field, and nothing is written.
 */
export async function holdInvoices(
  tx: EntityManager,
  hold: { caseId: string; reference: string; category: MedicalCategory; region: string; invoiceKeys: readonly string[] },
  at: Date,
): Promise<void> {
  for (const [i, key] of hold.invoiceKeys.entries()) {
    const rows = await tx.execute<{ invoice_key: string }[]>(
      `insert into medical_invoice (invoice_key, case_id, reference, category, region, registered_at) values (?, ?, ?, ?, ?, ?)
       on conflict (invoice_key) do nothing returning invoice_key`,
      [key, hold.caseId, hold.reference, hold.category, hold.region, at],
    );
    if (rows.length === 0) {
      const [holder] = await tx.execute<{ case_id: string; reference: string }[]>('select case_id, reference from medical_invoice where invoice_key = ?', [
        key,
      ]);
      if (holder?.case_id === hold.caseId) continue;
      throw new DomainError('DUPLICATE_INVOICE', `invoice ${key} was already declared in ${holder?.reference ?? 'another declaration'}`, {
        path: `invoices[${i}].invoiceNo`,
      });
    }
  }
}

/** A rejected declaration gives its invoice numbers back (the timeline keeps the release). Idempotent. */
export async function releaseInvoices(em: EntityManager, caseId: string): Promise<number> {
  const rows = await em.execute<{ invoice_key: string }[]>('delete from medical_invoice where case_id = ? returning invoice_key', [caseId]);
  return rows.length;
}

/**
 * Books an approved declaration once: a line in the category's own ledger and a one-off entitlement line (payer the
 * fund) that the payroll reimburses, with the audit entry, in one transaction. A retry writes nothing twice (the
 * ledger's dedupe key, the entitlement's case and line key).
 */
export async function bookMedicalExpense(
  em: EntityManager,
  booking: {
    caseId: string;
    reference: string;
    region: string;
    citizenId: string;
    category: MedicalCategory;
    amount: string;
    decidedBy: string;
    decidedMonth: string;
  },
  at: Date,
): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.execute(
      `insert into medical_ledger (category, case_id, reference, citizen_id, region, amount, decided_by, dedupe_key, booked_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing`,
      [
        booking.category,
        booking.caseId,
        booking.reference,
        booking.citizenId,
        booking.region,
        booking.amount,
        booking.decidedBy,
        `${booking.caseId}:approved`,
        at,
      ],
    );
    await recordEntitlementLines(
      tx,
      {
        caseId: booking.caseId,
        citizenId: booking.citizenId,
        region: booking.region,
        claimType: 'medicalExpense',
        lines: [
          {
            key: 'reimbursement',
            benefit: BENEFIT_OF[booking.category],
            kind: 'oneOff',
            payer: 'fund',
            amount: booking.amount,
            startMonth: booking.decidedMonth,
            endMonth: booking.decidedMonth,
            beneficiary: null,
          },
        ],
        decidedBy: booking.decidedBy,
        decidedMonth: booking.decidedMonth,
        stop: null,
      },
      at,
    );
    await appendAudit(tx, {
      at,
      actorId: booking.decidedBy,
      actorRole: 'staff',
      region: booking.region,
      action: 'medicalExpense.booked',
      objectType: 'Case',
      objectId: booking.caseId,
      detail: { ledger: booking.category, amount: booking.amount },
      key: `case:${booking.caseId}:medical-ledger`,
    });
  });
}

/** Files the uploads given as evidence with the declaration's case (the caller's own, not filed elsewhere). */
export async function fileDeclarationAttachments(tx: EntityManager, caseId: string, attachmentIds: readonly string[]): Promise<void> {
  if (attachmentIds.length === 0) return;
  await tx.execute(`update attachment set case_id = ? where id in (${attachmentIds.map(() => '?').join(', ')}) and case_id is null`, [
    caseId,
    ...attachmentIds,
  ]);
}
