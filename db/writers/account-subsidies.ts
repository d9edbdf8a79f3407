import type { EntityManager } from '@mikro-orm/postgresql';
import { subsidyCreditKey, type SubsidyLine } from '../../domain/declarations/account-subsidy-declaration.js';
import { DomainError } from '../../domain/errors.js';
import { appendAudit } from './case-log.js';

/**
 * Writes a 医疗帐户补助金 declaration's lines inside the transaction that writes its case row, each holding its credit
 * (rule × period × person, partial unique index): a credit another open declaration holds — one sent at the same
 * moment included — refuses the whole declaration with ALREADY_CREDITED naming the row, and nothing is written. A
 * retry of the same case finds its lines and writes nothing.
 */
export async function holdSubsidyLines(
  tx: EntityManager,
  hold: { caseId: string; ruleId: string; period: string; lines: readonly SubsidyLine[] },
): Promise<void> {
  const [written] = await tx.execute<{ n: string }[]>('select count(*) as n from account_subsidy_line where case_id = ?', [hold.caseId]);
  if (Number(written?.n ?? 0) > 0) return;
  for (const [i, line] of hold.lines.entries()) {
    const rows = await tx.execute<{ line_no: number }[]>(
      `insert into account_subsidy_line (case_id, line_no, citizen_id, rule_id, period, amount, workings, held) values (?, ?, ?, ?, ?, ?, ?, true)
       on conflict (rule_id, period, citizen_id) where held do nothing returning line_no`,
      [hold.caseId, i, line.citizenId, hold.ruleId, hold.period, line.amount, JSON.stringify(line.workings)],
    );
    if (rows.length === 0)
      throw new DomainError('ALREADY_CREDITED', `persons[${i}] is declared under ${hold.ruleId} for ${hold.period} in another open declaration`, {
        path: `persons[${i}].citizenId`,
      });
  }
}

/** A rejected declaration gives its credits back, so a corrected one can ask for them (the lines stay as declared). Idempotent. */
export async function releaseSubsidyLines(em: EntityManager, caseId: string): Promise<number> {
  const rows = await em.execute<{ line_no: number }[]>('update account_subsidy_line set held = false where case_id = ? and held returning line_no', [caseId]);
  return rows.length;
}

/**
 * Books an approved declaration once: one line per person in the append-only personal medical account ledger, keyed
 * by rule, period and person, with the audit entry, in one transaction. A retry (or another declaration of the same
 * credit) writes nothing twice.
 */
export async function bookAccountSubsidy(
  em: EntityManager,
  booking: { caseId: string; reference: string; region: string; decidedBy: string },
  at: Date,
): Promise<{ booked: number }> {
  return em.transactional(async (tx) => {
    const lines = await tx.execute<{ citizen_id: string; rule_id: string; period: string; amount: string }[]>(
      'select citizen_id, rule_id, period, amount::text as amount from account_subsidy_line where case_id = ? and held order by line_no',
      [booking.caseId],
    );
    let booked = 0;
    for (const line of lines) {
      const rows = await tx.execute<{ id: string }[]>(
        `insert into medical_account_ledger (citizen_id, region, source, rule_id, period, amount, case_id, reference, decided_by, dedupe_key, booked_at)
         values (?, ?, 'subsidy', ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing returning id`,
        [
          line.citizen_id,
          booking.region,
          line.rule_id,
          line.period,
          line.amount,
          booking.caseId,
          booking.reference,
          booking.decidedBy,
          subsidyCreditKey(line.rule_id, line.period, line.citizen_id),
          at,
        ],
      );
      booked += rows.length;
    }
    await appendAudit(tx, {
      at,
      actorId: booking.decidedBy,
      actorRole: 'staff',
      region: booking.region,
      action: 'accountSubsidy.booked',
      objectType: 'Case',
      objectId: booking.caseId,
      detail: { persons: lines.length, booked },
      key: `case:${booking.caseId}:medical-account`,
    });
    return { booked };
  });
}
