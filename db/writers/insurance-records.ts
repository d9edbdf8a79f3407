import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ILeaverReport } from '../entities/leaver-report.entity.js';
import { appendAudit } from './case-log.js';

/**
 * A leaver report (减员) written once with the records it stops: each active record with the employer ends with the
 * leave month. A repeat of the same report (employer, person, leave date) finds the first and changes nothing.
 */
export async function recordLeaver(
  em: EntityManager,
  report: Omit<ILeaverReport, 'id'> & { recordIds: readonly string[]; actorRole: string; requestId: string | null },
): Promise<{ id: string; repeated: boolean }> {
  return em.transactional(async (tx) => {
    const id = randomUUID();
    const inserted = await tx.execute<{ id: string }[]>(
      `insert into leaver_report (id, employer_credit_code, citizen_id, region, leave_date, reason, last_month, insurance_types, late_days, reported_by, reported_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (employer_credit_code, citizen_id, leave_date) do nothing returning id`,
      [
        id,
        report.employerCreditCode,
        report.citizenId,
        report.region,
        report.leaveDate,
        report.reason,
        report.lastMonth,
        JSON.stringify(report.insuranceTypes),
        report.lateDays,
        report.reportedBy,
        report.reportedAt,
      ],
    );
    if (inserted.length === 0) {
      const [existing] = await tx.execute<{ id: string }[]>(
        'select id from leaver_report where employer_credit_code = ? and citizen_id = ? and leave_date = ?',
        [report.employerCreditCode, report.citizenId, report.leaveDate],
      );
      return { id: existing!.id, repeated: true };
    }
    if (report.recordIds.length > 0) {
      await tx.execute(`update insurance_record set status = 'terminated', end_month = ?, end_reason = ? where id in (?) and status = 'active'`, [
        report.lastMonth,
        report.reason,
        report.recordIds,
      ]);
    }
    await appendAudit(tx, {
      at: report.reportedAt,
      actorId: report.reportedBy,
      actorRole: report.actorRole,
      region: report.region,
      action: 'insurance.leaver',
      objectType: 'Employer',
      objectId: report.employerCreditCode,
      requestId: report.requestId,
      detail: {
        report: id,
        leaveDate: report.leaveDate,
        reason: report.reason,
        lastMonth: report.lastMonth,
        lateDays: report.lateDays,
        insuranceTypes: report.insuranceTypes,
      },
    });
    return { id, repeated: false };
  });
}

/** Sets the base of records from a month on (a base change, applied): audited with the old and new base. */
export async function applyBase(em: EntityManager, change: { recordIds: readonly string[]; newBase: string }): Promise<void> {
  if (change.recordIds.length === 0) return;
  await em.execute('update insurance_record set contribution_base = ? where id in (?)', [change.newBase, change.recordIds]);
}
