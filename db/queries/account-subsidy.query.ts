import type { EntityManager } from '@mikro-orm/postgresql';
import { ACCOUNT_SUBSIDY_SETTING_KEY, accountSubsidyConfigWith, type AccountSubsidyConfig } from '../../domain/declarations/account-subsidy-config.js';
import type { PersonnelCategory, SubsidyPerson } from '../../domain/declarations/account-subsidy.js';
import { subsidyCreditKey } from '../../domain/declarations/account-subsidy-declaration.js';

/** The subsidy rules and regional bases in force (`accountSubsidy.rules` setting over the defaults). */
export async function loadAccountSubsidyConfig(em: EntityManager): Promise<AccountSubsidyConfig> {
  const [row] = await em.execute<{ value: Partial<AccountSubsidyConfig> }[]>('select value from setting where key = ?', [ACCOUNT_SUBSIDY_SETTING_KEY]);
  return accountSubsidyConfigWith(row?.value);
}

export interface SubsidyPersonFacts extends Omit<SubsidyPerson, 'bases'> {
  /** Whether the person has (or had) a record with the declaring employer. */
  withEmployer: boolean;
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * What the records say of each person with an insurance record in the region: retired when a pension record ended by
 * retirement, else the category of the newest active record (employee → employed, flexible), else resident; their
 * special lists in the region (离休 / 二乙). People without a record in the region are left out.
 */
export async function subsidyPeople(
  em: EntityManager,
  q: { region: string; citizenIds: readonly string[]; employer: string | null },
): Promise<Map<string, SubsidyPersonFacts>> {
  if (q.citizenIds.length === 0) return new Map();
  const rows = await em.execute<
    { citizen_id: string; birth: string | null; retired: boolean; category: string | null; with_employer: boolean; lists: string[] }[]
  >(
    `select r0.citizen_id,
       (select to_char(birth_date, 'YYYY-MM-DD') from person where citizen_id = r0.citizen_id) as birth,
       exists (select 1 from insurance_record r where r.citizen_id = r0.citizen_id and r.insurance_type = 'pension' and r.end_reason = 'retired') as retired,
       (select r.personnel_category from insurance_record r where r.citizen_id = r0.citizen_id and r.status = 'active' order by r.start_month desc limit 1) as category,
       exists (select 1 from insurance_record r where r.citizen_id = r0.citizen_id and r.employer_credit_code = ?) as with_employer,
       array(select e.category from eligibility_entry e where e.region = ? and e.citizen_id = r0.citizen_id order by e.category) as lists
     from (select distinct citizen_id from insurance_record where region = ? and citizen_id in (${placeholders(q.citizenIds.length)})) r0`,
    [q.employer ?? '', q.region, q.region, ...q.citizenIds],
  );
  return new Map(
    rows.map((r) => {
      const personnelCategory: PersonnelCategory = r.retired
        ? 'retired'
        : r.category === 'employee'
          ? 'employed'
          : r.category === 'flexible'
            ? 'flexible'
            : 'resident';
      const facts: SubsidyPersonFacts = { citizenId: r.citizen_id, personnelCategory, categories: r.lists, withEmployer: r.with_employer };
      return [r.citizen_id, r.birth ? { ...facts, birthDate: r.birth } : facts];
    }),
  );
}

/** Which of the people were credited under the rule for the period, or are held by an open declaration other than `caseId`. */
export async function creditedOrHeld(
  em: EntityManager,
  q: { ruleId: string; period: string; citizenIds: readonly string[]; caseId: string },
): Promise<Set<string>> {
  if (q.citizenIds.length === 0) return new Set();
  const keys = q.citizenIds.map((id) => subsidyCreditKey(q.ruleId, q.period, id));
  const rows = await em.execute<{ citizen_id: string }[]>(
    `select citizen_id from medical_account_ledger where dedupe_key in (${placeholders(keys.length)})
     union select citizen_id from account_subsidy_line where held and rule_id = ? and period = ? and case_id <> ? and citizen_id in (${placeholders(q.citizenIds.length)})`,
    [...keys, q.ruleId, q.period, q.caseId, ...q.citizenIds],
  );
  return new Set(rows.map((r) => r.citizen_id));
}

export interface SubsidyLineRow {
  lineNo: number;
  citizenId: string;
  name: string | null;
  amount: string;
  workings: string[];
  held: boolean;
}

/** The persons of a declaration in the order declared. */
export async function subsidyLinesOf(em: EntityManager, caseId: string): Promise<SubsidyLineRow[]> {
  const rows = await em.execute<{ line_no: number; citizen_id: string; name: string | null; amount: string; workings: string[]; held: boolean }[]>(
    `select l.line_no, l.citizen_id, p.name, l.amount::text as amount, l.workings, l.held
       from account_subsidy_line l left join person p on p.citizen_id = l.citizen_id where l.case_id = ? order by l.line_no`,
    [caseId],
  );
  return rows.map((r) => ({ lineNo: r.line_no, citizenId: r.citizen_id, name: r.name, amount: r.amount, workings: r.workings, held: r.held }));
}

export interface MedicalAccountRow {
  id: number;
  citizenId: string;
  region: string;
  source: string;
  ruleId: string;
  period: string;
  amount: string;
  reference: string;
  caseId: string;
  decidedBy: string;
  bookedAt: string;
}

type LedgerSqlRow = {
  id: string;
  citizen_id: string;
  region: string;
  source: string;
  rule_id: string;
  period: string;
  amount: string;
  reference: string;
  case_id: string;
  decided_by: string;
  booked_at: Date;
};

const COLUMNS = 'id, citizen_id, region, source, rule_id, period, amount::text as amount, reference, case_id, decided_by, booked_at';
const rowOf = (r: LedgerSqlRow): MedicalAccountRow => ({
  id: Number(r.id),
  citizenId: r.citizen_id,
  region: r.region,
  source: r.source,
  ruleId: r.rule_id,
  period: r.period,
  amount: r.amount,
  reference: r.reference,
  caseId: r.case_id,
  decidedBy: r.decided_by,
  bookedAt: new Date(r.booked_at).toISOString(),
});

/** A region's personal medical account ledger, newest first (keyset on the id), optionally one person's, with its total. */
export async function readMedicalAccountLedger(
  em: EntityManager,
  q: { region: string; citizenId?: string; beforeId?: number; limit: number },
): Promise<{ entries: MedicalAccountRow[]; total: string; count: number }> {
  const where = ['region = ?'];
  const params: unknown[] = [q.region];
  if (q.citizenId) {
    where.push('citizen_id = ?');
    params.push(q.citizenId);
  }
  const page = q.beforeId === undefined ? '' : 'and id < ?';
  const rows = await em.execute<LedgerSqlRow[]>(`select ${COLUMNS} from medical_account_ledger where ${where.join(' and ')} ${page} order by id desc limit ?`, [
    ...params,
    ...(q.beforeId === undefined ? [] : [q.beforeId]),
    q.limit,
  ]);
  const [sum] = await em.execute<{ total: string; count: string }[]>(
    `select coalesce(sum(amount), 0)::numeric(18,2)::text as total, count(*) as count from medical_account_ledger where ${where.join(' and ')}`,
    params,
  );
  return { entries: rows.map(rowOf), total: sum?.total ?? '0.00', count: Number(sum?.count ?? 0) };
}

/**
 * One person's medical account, oldest first: the credits (医疗帐户补助金) and their sum, the payments made from it
 * (个人账户支付, lines held negative) and their sum as a positive amount, and the balance — the sum of every line.
 */
export async function medicalAccountOf(
  em: EntityManager,
  citizenId: string,
): Promise<{ credits: MedicalAccountRow[]; credited: string; spendings: MedicalAccountRow[]; spent: string; balance: string }> {
  const rows = (await em.execute<LedgerSqlRow[]>(`select ${COLUMNS} from medical_account_ledger where citizen_id = ? order by id`, [citizenId])).map(rowOf);
  const [sum] = await em.execute<{ credited: string; spent: string; balance: string }[]>(
    `select coalesce(sum(amount) filter (where source <> 'spending'), 0)::numeric(18,2)::text as credited,
            coalesce(-sum(amount) filter (where source = 'spending'), 0)::numeric(18,2)::text as spent,
            coalesce(sum(amount), 0)::numeric(18,2)::text as balance
       from medical_account_ledger where citizen_id = ?`,
    [citizenId],
  );
  return {
    credits: rows.filter((r) => r.source !== 'spending'),
    credited: sum?.credited ?? '0.00',
    spendings: rows.filter((r) => r.source === 'spending'),
    spent: sum?.spent ?? '0.00',
    balance: sum?.balance ?? '0.00',
  };
}

/**
 * Where the person's medical account is kept: the region of its newest line, else of the person's medical insurance
 * record (an active one first), else of any insurance record; null for a person the system has no record of.
 */
export async function medicalAccountRegionOf(em: EntityManager, citizenId: string): Promise<string | null> {
  const [row] = await em.execute<{ region: string | null }[]>(
    `select coalesce(
       (select region from medical_account_ledger where citizen_id = ? order by id desc limit 1),
       (select region from insurance_record where citizen_id = ? order by (insurance_type = 'medical') desc, (status = 'active') desc, start_month desc limit 1)
     ) as region`,
    [citizenId, citizenId],
  );
  return row?.region ?? null;
}
