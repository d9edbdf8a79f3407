import type { EntityManager } from '@mikro-orm/postgresql';
import type { InsuranceType } from '../../domain/contribution/regional-parameters.js';
import type { HistoryRecord } from '../../domain/insurance/insurance-history.js';

export interface ActiveRecord {
  id: string;
  insuranceType: InsuranceType;
  region: string;
  startMonth: string;
  contributionBase: string;
}

/** The person's records that are still open with this employer (or as a flexible worker when `employer` is null). */
export async function activeRecordsWith(em: EntityManager, citizenId: string, employer: string | null): Promise<ActiveRecord[]> {
  const rows = await em.execute<{ id: string; insurance_type: InsuranceType; region: string; start_month: string; contribution_base: string }[]>(
    `select id, insurance_type, region, start_month, contribution_base::text as contribution_base from insurance_record
      where citizen_id = ? and status = 'active' and employer_credit_code is not distinct from ? order by insurance_type`,
    [citizenId, employer],
  );
  return rows.map((r) => ({ id: r.id, insuranceType: r.insurance_type, region: r.region, startMonth: r.start_month, contributionBase: r.contribution_base }));
}

/** Every insurance record of the person, as the history shows them. */
export async function personRecords(em: EntityManager, citizenId: string): Promise<HistoryRecord[]> {
  const rows = await em.execute<
    {
      insurance_type: InsuranceType;
      region: string;
      employer_credit_code: string | null;
      personnel_category: string;
      status: string;
      start_month: string;
      end_month: string | null;
      end_reason: string | null;
      contribution_base: string;
    }[]
  >(
    `select insurance_type, region, employer_credit_code, personnel_category, status, start_month, end_month, end_reason,
            contribution_base::text as contribution_base
       from insurance_record where citizen_id = ? order by start_month, insurance_type`,
    [citizenId],
  );
  return rows.map((r) => ({
    insuranceType: r.insurance_type,
    region: r.region,
    employerCreditCode: r.employer_credit_code,
    personnelCategory: r.personnel_category,
    status: r.status,
    startMonth: r.start_month,
    endMonth: r.end_month,
    endReason: r.end_reason,
    contributionBase: r.contribution_base,
  }));
}

/**
 * The months an employer declared the person for and has paid in full, with the insurances declared: `employer:month`
 * → insurances. A month counts as contributed only once the period's bill owes no principal.
 */
export async function paidDeclaredMonths(em: EntityManager, citizenId: string): Promise<Map<string, Set<InsuranceType>>> {
  const rows = await em.execute<{ employer: string; period: string; pension: boolean; medical: boolean; unemployment: boolean; work_injury: boolean }[]>(
    `select d.employer_credit_code as employer, d.period,
            bool_or(cl.pension_employer is not null) as pension, bool_or(cl.medical_employer is not null) as medical,
            bool_or(cl.unemployment_employer is not null) as unemployment, bool_or(cl.work_injury_employer is not null) as work_injury
       from contribution_line cl join declaration d on d.id = cl.declaration_id
      where cl.citizen_id = ?
        and (select coalesce(sum(l.amount), 0) from ledger_entry l
              where l.employer_credit_code = d.employer_credit_code and l.period = d.period
                and l.entry_type in ('charge', 'provisional_charge', 'adjustment', 'back_payment', 'principal_paid')) <= 0
      group by 1, 2`,
    [citizenId],
  );
  const paid = new Map<string, Set<InsuranceType>>();
  for (const r of rows) {
    const types = new Set<InsuranceType>();
    if (r.pension) types.add('pension');
    if (r.medical) types.add('medical');
    if (r.unemployment) types.add('unemployment');
    if (r.work_injury) types.add('workInjury');
    paid.set(`${r.employer}:${r.period}`, types);
  }
  return paid;
}

/** The regions the person has records in (whose staff may read the person). */
export async function regionsOfPerson(em: EntityManager, citizenId: string): Promise<string[]> {
  const rows = await em.execute<{ region: string }[]>('select distinct region from insurance_record where citizen_id = ? order by region', [citizenId]);
  return rows.map((r) => r.region);
}

/** A leaver report already made for this employer, person and leave date (a repeated request finds it). */
export async function findLeaverReport(
  em: EntityManager,
  employer: string,
  citizenId: string,
  leaveDate: string,
): Promise<{ id: string; reason: string; lastMonth: string; insuranceTypes: string[]; lateDays: number | null } | null> {
  const [row] = await em.execute<{ id: string; reason: string; last_month: string; insurance_types: string[]; late_days: number | null }[]>(
    'select id, reason, last_month, insurance_types, late_days from leaver_report where employer_credit_code = ? and citizen_id = ? and leave_date = ?',
    [employer, citizenId, leaveDate],
  );
  return row ? { id: row.id, reason: row.reason, lastMonth: row.last_month, insuranceTypes: row.insurance_types, lateDays: row.late_days } : null;
}
