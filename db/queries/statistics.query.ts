// The monthly figures of a region (统计, issue 14 point 4), counted in SQL straight from the rows they describe: the
// insurance records, the contribution ledger with its bills, the benefit entitlements and payroll lines, the cases and
// their tasks. Nothing is kept aside, so a figure can never disagree with the ledger it comes from. Every statement
// takes the same region condition, `region LIKE '<prefix>%'` — the SQL form of policies/region-scope.ts (rules §1.3)
// — on the row's own region (a bill's region for its ledger entries), so another region's rows never enter a sum.
import type { EntityManager } from '@mikro-orm/postgresql';
import { addMonths, shanghaiStartOfDay } from '../../domain/calendar/local-date.js';
import { isRegionCode, regionPrefix } from '../../domain/region-code.js';

export interface InsuredRow {
  month: string;
  insuranceType: string;
  insured: number;
  joined: number;
  left: number;
}
export interface ContributionRow {
  month: string;
  billed: string;
  received: string;
  arrears: string;
  lateFees: string;
}
export interface BenefitRow {
  month: string;
  benefit: string;
  granted: number;
  paidLines: number;
  paid: string;
}
export interface CaseRow {
  month: string;
  caseType: string;
  opened: number;
  closed: number;
  decided: number;
  onTime: number;
}

export interface StatisticsRows {
  insured: InsuredRow[];
  contributions: ContributionRow[];
  benefits: BenefitRow[];
  cases: CaseRow[];
}

const SHANGHAI_MONTH = (column: string) => `to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM')`;

/**
 * The figures of `region` and every region below it for `months` (consecutive, 'YYYY-MM'), as of `today` (a bill is in
 * arrears once its due date has passed). Amounts come back as numeric text, never through a float.
 */
export async function monthlyStatisticsRows(em: EntityManager, region: string, months: readonly string[], today: string): Promise<StatisticsRows> {
  const within = `${isRegionCode(region) ? regionPrefix(region) : region}%`;
  const first = months[0]!;
  const last = months.at(-1)!;
  // Instants bounding the months in Asia/Shanghai, so the range conditions can use the indexes on the timestamps.
  const start = new Date(shanghaiStartOfDay(`${first}-01`));
  const end = new Date(shanghaiStartOfDay(addMonths(`${last}-01`, 1)));
  const monthList = `{${months.join(',')}}`;
  const [insured, contributions, granted, paid, opened, closed, decided] = await Promise.all([
    // Covered in a month: began in it or before, and not ended before it (end_month is the last month covered). One
    // pass over the region's records, grouped to at most (insurance × 13 × 2 × 13) rows before any month is looked
    // at: a record arrives in its start month (or the first month, if it began before), is counted until its last
    // month and leaves after it. insured(m) = arrivals up to m − leavers up to the month before m. Records whose
    // coverage ends before it starts, or outside the months, count nowhere, as in the per-month definition.
    em.execute<{ month: string; insurance_type: string; insured: string; joined: string; left_: string }[]>(
      `with grouped as (
         select insurance_type, greatest(start_month, ?) as arrives, start_month >= ? as joined_in,
                case when end_month <= ? then end_month end as leaves, count(*) as n
           from insurance_record
          where region like ? and start_month <= ? and (end_month is null or (end_month >= ? and end_month >= start_month))
          group by 1, 2, 3, 4),
       per_month as (
         select m.month, t.insurance_type,
                coalesce(sum(g.n) filter (where g.arrives = m.month), 0) as arrived,
                coalesce(sum(g.n) filter (where g.arrives = m.month and g.joined_in), 0) as joined,
                coalesce(sum(g.n) filter (where g.leaves = m.month), 0) as left_
           from unnest(?::text[]) as m(month)
          cross join (select distinct insurance_type from grouped) as t
           left join grouped g on g.insurance_type = t.insurance_type and (g.arrives = m.month or g.leaves = m.month)
          group by 1, 2)
       select month, insurance_type, joined, left_,
              sum(arrived) over running - sum(left_) over running + left_ as insured
         from per_month
       window running as (partition by insurance_type order by month)`,
      [first, first, last, within, last, first, monthList],
    ),
    // Per bill first: an overpaid bill must not hide another one's arrears.
    em.execute<{ month: string; billed: string; received: string; arrears: string; late_fees: string }[]>(
      `with per_bill as (
         select b.period, b.due_date,
                coalesce(sum(l.amount) filter (where l.entry_type in ('charge', 'provisional_charge', 'adjustment', 'back_payment')), 0) as billed,
                coalesce(-sum(l.amount) filter (where l.entry_type = 'principal_paid'), 0) as received,
                coalesce(-sum(l.amount) filter (where l.entry_type = 'late_fee_paid'), 0) as late_fees
           from bill b
           left join ledger_entry l on l.employer_credit_code = b.employer_credit_code and l.period = b.period
          where b.region like ? and b.period = any(?::text[])
          group by b.id, b.period, b.due_date)
       select period as month, sum(billed)::text as billed, sum(received)::text as received,
              sum(case when due_date < ?::date then greatest(billed - received, 0) else 0 end)::text as arrears,
              sum(late_fees)::text as late_fees
         from per_bill group by period`,
      [within, monthList, today],
    ),
    em.execute<{ month: string; benefit: string; n: string }[]>(
      `select ${SHANGHAI_MONTH('created_at')} as month, benefit, count(*) as n
         from benefit_entitlement
        where region like ? and created_at >= ? and created_at < ?
        group by 1, 2`,
      [within, start, end],
    ),
    em.execute<{ month: string; benefit: string; n: string; paid: string }[]>(
      `select period as month, benefit, count(*) as n, sum(amount)::text as paid
         from payroll_line
        where region like ? and status = 'paid' and period = any(?::text[])
        group by 1, 2`,
      [within, monthList],
    ),
    em.execute<{ month: string; case_type: string; n: string }[]>(
      `select ${SHANGHAI_MONTH('opened_at')} as month, case_type, count(*) as n
         from case_record where region like ? and opened_at >= ? and opened_at < ? group by 1, 2`,
      [within, start, end],
    ),
    em.execute<{ month: string; case_type: string; n: string }[]>(
      `select ${SHANGHAI_MONTH('closed_at')} as month, case_type, count(*) as n
         from case_record where region like ? and closed_at >= ? and closed_at < ? group by 1, 2`,
      [within, start, end],
    ),
    // On time: decided by the SLA due time the task carried (paused days while waiting on the applicant included).
    em.execute<{ month: string; case_type: string; n: string; on_time: string }[]>(
      `select ${SHANGHAI_MONTH('completed_at')} as month, case_type, count(*) as n,
              count(*) filter (where completed_at <= due_at) as on_time
         from task where region like ? and status = 'completed' and completed_at >= ? and completed_at < ? group by 1, 2`,
      [within, start, end],
    ),
  ]);

  const caseRows = new Map<string, CaseRow>();
  const caseRow = (month: string, caseType: string) => {
    const key = `${month}|${caseType}`;
    let row = caseRows.get(key);
    if (!row) caseRows.set(key, (row = { month, caseType, opened: 0, closed: 0, decided: 0, onTime: 0 }));
    return row;
  };
  for (const r of opened) caseRow(r.month, r.case_type).opened = Number(r.n);
  for (const r of closed) caseRow(r.month, r.case_type).closed = Number(r.n);
  for (const r of decided) Object.assign(caseRow(r.month, r.case_type), { decided: Number(r.n), onTime: Number(r.on_time) });

  const benefitRows = new Map<string, BenefitRow>();
  const benefitRow = (month: string, benefit: string) => {
    const key = `${month}|${benefit}`;
    let row = benefitRows.get(key);
    if (!row) benefitRows.set(key, (row = { month, benefit, granted: 0, paidLines: 0, paid: '0.00' }));
    return row;
  };
  for (const r of granted) benefitRow(r.month, r.benefit).granted = Number(r.n);
  for (const r of paid) Object.assign(benefitRow(r.month, r.benefit), { paidLines: Number(r.n), paid: r.paid });

  return {
    insured: insured.map((r) => ({
      month: r.month,
      insuranceType: r.insurance_type,
      insured: Number(r.insured),
      joined: Number(r.joined),
      left: Number(r.left_),
    })),
    contributions: contributions.map((r) => ({ month: r.month, billed: r.billed, received: r.received, arrears: r.arrears, lateFees: r.late_fees })),
    benefits: [...benefitRows.values()],
    cases: [...caseRows.values()],
  };
}
