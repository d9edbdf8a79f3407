import type { EntityManager } from '@mikro-orm/postgresql';
import type { InsuranceType } from '../../domain/contribution/regional-parameters.js';
import { monthsOf } from '../../domain/insurance/insurance-history.js';
import { paidDeclaredMonths, personRecords } from './insurance-record.query.js';

/** One month the person's insurance was paid for, with the base and the employee's contribution of that month. */
export interface PaidMonth {
  month: string;
  employerCreditCode: string | null;
  region: string;
  base: string;
  /** The employee share of the month's line for the insurance (pension: what went to the personal account). */
  employeeContribution: string | null;
  flexible: boolean;
}

/** The latest declaration line of each employer and period for the person (a later declaration replaces an earlier). */
async function declaredLines(
  em: EntityManager,
  citizenId: string,
): Promise<Map<string, { base: string; pensionEmployee: string | null; monthlyWage: string }>> {
  const rows = await em.execute<{ employer: string; period: string; base: string; pension_employee: string | null; monthly_wage: string }[]>(
    `select distinct on (d.employer_credit_code, d.period) d.employer_credit_code as employer, d.period, cl.base::text as base,
            cl.pension_employee::text as pension_employee, cl.monthly_wage::text as monthly_wage
       from contribution_line cl join declaration d on d.id = cl.declaration_id
      where cl.citizen_id = ? order by d.employer_credit_code, d.period, d.declared_at desc`,
    [citizenId],
  );
  return new Map(rows.map((r) => [`${r.employer}:${r.period}`, { base: r.base, pensionEmployee: r.pension_employee, monthlyWage: r.monthly_wage }]));
}

/**
 * The months of `insurance` the person paid up to `lastMonth`, each once (overlapping relationships are not counted
 * twice): an employee's month counts once the employer's bill for it is settled with the person on its declaration;
 * a flexible worker's recorded months count as paid (they pay directly). The base is the declared line's, else the
 * record's; the employee contribution is the declared line's (pension), null for a flexible worker (computed by the
 * caller from the rate in force).
 */
export async function paidMonthsOf(em: EntityManager, citizenId: string, insurance: InsuranceType, lastMonth: string): Promise<PaidMonth[]> {
  const [records, paid, lines] = await Promise.all([personRecords(em, citizenId), paidDeclaredMonths(em, citizenId), declaredLines(em, citizenId)]);
  const seen = new Map<string, PaidMonth>();
  for (const record of records.filter((r) => r.insuranceType === insurance)) {
    const flexible = record.personnelCategory === 'flexible' || record.employerCreditCode === null;
    for (const month of monthsOf(record, lastMonth)) {
      if (seen.has(month)) continue;
      const key = `${record.employerCreditCode ?? ''}:${month}`;
      if (!flexible && !(paid.get(key)?.has(insurance) ?? false)) continue;
      const line = flexible ? undefined : lines.get(key);
      seen.set(month, {
        month,
        employerCreditCode: record.employerCreditCode,
        region: record.region,
        base: line?.base ?? record.contributionBase,
        employeeContribution: insurance === 'pension' ? (line?.pensionEmployee ?? null) : null,
        flexible,
      });
    }
  }
  return [...seen.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** A record of `insurance` with the employer that covers `month` (start on or before it, not ended before it). */
export async function insuredWith(
  em: EntityManager,
  citizenId: string,
  employer: string,
  insurance: InsuranceType,
  month: string,
): Promise<{ base: string } | null> {
  const [row] = await em.execute<{ base: string }[]>(
    `select contribution_base::text as base from insurance_record
      where citizen_id = ? and employer_credit_code = ? and insurance_type = ? and start_month <= ? and (end_month is null or end_month >= ?)
      order by start_month desc limit 1`,
    [citizenId, employer, insurance, month, month],
  );
  return row ?? null;
}

/** An open record with any employer today: the person is employed. */
export async function currentEmployment(em: EntityManager, citizenId: string): Promise<{ employerCreditCode: string; sinceMonth: string } | null> {
  const [row] = await em.execute<{ employer: string; since: string }[]>(
    `select employer_credit_code as employer, min(start_month) as since from insurance_record
      where citizen_id = ? and status = 'active' and employer_credit_code is not null group by employer_credit_code order by since limit 1`,
    [citizenId],
  );
  return row ? { employerCreditCode: row.employer, sinceMonth: row.since } : null;
}

/** Whether the person draws a basic pension: an active pension entitlement from a granted claim. */
export async function drawsPension(em: EntityManager, citizenId: string): Promise<boolean> {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from benefit_entitlement where citizen_id = ? and benefit = 'basicPension' and status = 'active'`,
    [citizenId],
  );
  return Number(row?.n ?? 0) > 0;
}

/**
 * Months granted but not paid in the person's last unemployment spell that a stop cut short (失业保险条例 art. 17):
 * they are added to a new spell, once — a spell that already carried them over is the newer one.
 */
export async function unusedUnemploymentMonths(em: EntityManager, citizenId: string, exceptCase: string): Promise<number> {
  const [row] = await em.execute<{ unused: number | null }[]>(
    `select months_unused as unused from benefit_entitlement
      where citizen_id = ? and benefit = 'unemploymentBenefit' and case_id <> ? order by created_at desc limit 1`,
    [citizenId, exceptCase],
  );
  return row?.unused ?? 0;
}

/** The employer's average contribution base over the periods of `year` (its declared lines), or null when none. */
export async function employerAverageBase(em: EntityManager, employer: string, year: number): Promise<{ average: string; lines: number } | null> {
  const [row] = await em.execute<{ average: string | null; lines: string }[]>(
    `select round(avg(cl.base), 2)::text as average, count(*) as lines
       from contribution_line cl join declaration d on d.id = cl.declaration_id
      where d.employer_credit_code = ? and d.period between ? and ?`,
    [employer, `${year}-01`, `${year}-12`],
  );
  return row?.average ? { average: row.average, lines: Number(row.lines) } : null;
}

/** The average contribution base of the employer's open medical records, when it has declared nothing yet. */
export async function employerRecordsAverageBase(em: EntityManager, employer: string): Promise<{ average: string; records: number } | null> {
  const [row] = await em.execute<{ average: string | null; records: string }[]>(
    `select round(avg(contribution_base), 2)::text as average, count(*) as records from insurance_record
      where employer_credit_code = ? and insurance_type = 'medical' and status = 'active'`,
    [employer],
  );
  return row?.average ? { average: row.average, records: Number(row.records) } : null;
}

/**
 * 本人工资 (工伤保险条例 art. 64): the person's average declared monthly contribution base over the 12 months before
 * `month`, or the base of their most recent record when nothing was declared.
 */
export async function ownWageBefore(
  em: EntityManager,
  citizenId: string,
  fromMonth: string,
  beforeMonth: string,
): Promise<{ wage: string; basis: string } | null> {
  const [row] = await em.execute<{ average: string | null; months: string }[]>(
    `select round(avg(cl.base), 2)::text as average, count(distinct d.period) as months
       from contribution_line cl join declaration d on d.id = cl.declaration_id
      where cl.citizen_id = ? and d.period >= ? and d.period < ?`,
    [citizenId, fromMonth, beforeMonth],
  );
  if (row?.average) return { wage: row.average, basis: `average declared base of ${row.months} months ${fromMonth} – before ${beforeMonth}` };
  const [record] = await em.execute<{ base: string; start: string }[]>(
    `select contribution_base::text as base, start_month as start from insurance_record where citizen_id = ? order by start_month desc limit 1`,
    [citizenId],
  );
  return record ? { wage: record.base, basis: `no declared months before ${beforeMonth}: the base of the record from ${record.start}` } : null;
}

/** A benefit case by reference with what a death claim needs of it: whose it is, its type and recognition outcome. */
export async function injuryClaim(
  em: EntityManager,
  reference: string,
): Promise<{ citizenId: string | null; claimType: string | null; recognition: string | null } | null> {
  const [row] = await em.execute<{ citizen_id: string | null; claim_type: string | null; recognition: string | null }[]>(
    `select citizen_id, summary->>'claimType' as claim_type, summary->'recognition'->>'outcome' as recognition
       from case_record where case_type = 'benefit' and reference = ?`,
    [reference],
  );
  return row ? { citizenId: row.citizen_id, claimType: row.claim_type, recognition: row.recognition } : null;
}
