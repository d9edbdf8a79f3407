import type { EntityManager } from '@mikro-orm/postgresql';
import type { LineOutcome } from '../../domain/payroll/bank-return.js';
import { appendAudit, appendTimeline } from './case-log.js';
import { bookPaidWithholdings } from './overpayment-recoveries.js';

/**
 * Applies the outcomes of one bank return file (回盘) in one transaction: the file is recorded by its fingerprint first
 * (a second upload of the same file — even a concurrent one — finds it and applies nothing), each sent line becomes
 * paid or failed with the bank's reason, and each outcome is a `paid` / `failed` entry in the append-only disbursement
 * ledger. A failed line loses its old task link so the payroll opens a new task for it. Returns what was applied, or
 * null when the file had been recorded already.
 */
export async function applyBankReturn(
  em: EntityManager,
  file: {
    payrollId: string;
    region: string;
    fingerprint: string;
    outcomes: readonly LineOutcome[];
    report: Record<string, unknown>;
    uploadedBy: string;
    uploadedRole: string;
    requestId: string | null;
  },
  at: Date,
): Promise<{ applied: number; failed: number } | null> {
  return em.transactional(async (tx) => {
    const [recorded] = await tx.execute<{ id: string }[]>(
      `insert into payroll_bank_return (payroll_id, fingerprint, uploaded_by, outcomes, report, uploaded_at) values (?, ?, ?, ?, ?, ?)
       on conflict (payroll_id, fingerprint) do nothing returning id`,
      [file.payrollId, file.fingerprint, file.uploadedBy, file.outcomes.length, JSON.stringify(file.report), at],
    );
    if (!recorded) return null;
    const records = file.outcomes.map((o) => ({ k: o.lineId, s: o.status, rc: o.reasonCode, rt: o.reasonText?.slice(0, 200) ?? null, br: o.bankReference }));
    const [done] = await tx.execute<{ applied: string; failed: string }[]>(
      `with upd as (
         update payroll_line l set status = x.s, reason_code = x.rc, reason_text = x.rt, bank_reference = x.br,
           task_id = case when x.s = 'failed' then null else l.task_id end
         from json_to_recordset(?::json) as x(k text, s text, rc text, rt text, br text)
         where l.payroll_id = ? and l.line_key = x.k and l.status = 'sent'
         returning l.payroll_id, l.line_key, l.citizen_id, l.amount, l.attempt, l.status, l.bank_reference),
       booked as (insert into disbursement_ledger (payroll_id, line_key, citizen_id, entry, amount, bank_reference, dedupe_key, booked_at)
         select payroll_id, line_key, citizen_id, status, amount, bank_reference, line_key || ':' || attempt || ':' || status, ? from upd
         on conflict (dedupe_key) do nothing returning entry)
       select count(*) as applied, count(*) filter (where entry = 'failed') as failed from booked`,
      [JSON.stringify(records), file.payrollId, at],
    );
    const result = { applied: Number(done!.applied), failed: Number(done!.failed) };
    // A paid line's withholding is now money recovered (社会保险经办条例 art. 46); a failed line withholds nothing yet.
    await bookPaidWithholdings(tx, file.payrollId, { id: file.uploadedBy, role: file.uploadedRole, requestId: file.requestId }, at);
    const key = `${file.payrollId}:bankReturn:${file.fingerprint}`;
    await appendTimeline(tx, {
      caseId: file.payrollId,
      key,
      at,
      actor: file.uploadedBy,
      action: 'payroll.bankReturn',
      detail: { fingerprint: file.fingerprint, ...result },
    });
    await appendAudit(tx, {
      at,
      actorId: file.uploadedBy,
      actorRole: file.uploadedRole,
      region: file.region,
      action: 'payroll.bankReturn',
      objectType: 'Case',
      objectId: file.payrollId,
      requestId: file.requestId,
      detail: { fingerprint: file.fingerprint, ...result },
      key,
    });
    return result;
  });
}
