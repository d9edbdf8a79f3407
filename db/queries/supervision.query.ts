import type { EntityManager } from '@mikro-orm/postgresql';
import type { BenefitType, EntitlementStatus } from '../../domain/payroll/entitlement.js';
import type { PaidMonth } from '../../domain/payroll/overpayment.js';

/** The facts the supervision controls look at (rules §8), read inside the calling command's transaction. */

/** Each person's death record and the months paid to them after the death month. */
export async function deathsWithPaidMonths(em: EntityManager, citizenIds: readonly string[]): Promise<Map<string, { deathDate: string; paid: PaidMonth[] }>> {
  if (citizenIds.length === 0) return new Map();
  const rows = await em.execute<{ citizen_id: string; death_date: string; paid: PaidMonth[] | null }[]>(
    `select d.citizen_id, to_char(d.death_date, 'YYYY-MM-DD') as death_date,
       (select json_agg(json_build_object('period', l.period, 'amount', l.amount::text) order by l.period)
          from payroll_line l where l.citizen_id = d.citizen_id and l.status = 'paid' and l.period > to_char(d.death_date, 'YYYY-MM')) as paid
     from death_record d where d.citizen_id in (${citizenIds.map(() => '?').join(', ')})`,
    [...citizenIds],
  );
  return new Map(rows.map((r) => [r.citizen_id, { deathDate: r.death_date, paid: r.paid ?? [] }]));
}

export interface TermWithBenefits {
  citizenId: string;
  from: string;
  to: string | null;
  region: string;
  benefits: { entitlementId: string; benefit: BenefitType; status: EntitlementStatus }[];
  paid: PaidMonth[];
}

/** The prison terms a feed import brought, of people with an active periodic benefit, with the months paid to them. */
export async function newTermsWithActiveBenefits(em: EntityManager, importId: number): Promise<TermWithBenefits[]> {
  const rows = await em.execute<
    { citizen_id: string; from_date: string; to_date: string | null; region: string; benefits: TermWithBenefits['benefits']; paid: PaidMonth[] | null }[]
  >(
    `select i.citizen_id, to_char(i.from_date, 'YYYY-MM-DD') as from_date, to_char(i.to_date, 'YYYY-MM-DD') as to_date,
       min(e.region) as region,
       json_agg(json_build_object('entitlementId', e.id, 'benefit', e.benefit, 'status', e.status) order by e.id) as benefits,
       (select json_agg(json_build_object('period', l.period, 'amount', l.amount::text) order by l.period)
          from payroll_line l where l.citizen_id = i.citizen_id and l.status = 'paid') as paid
     from imprisonment_record i join benefit_entitlement e on e.citizen_id = i.citizen_id
     where i.import_id = ? and e.status = 'active' and e.kind <> 'oneOff'
     group by i.citizen_id, i.from_date, i.to_date order by i.citizen_id, i.from_date`,
    [importId],
  );
  return rows.map((r) => ({ citizenId: r.citizen_id, from: r.from_date, to: r.to_date, region: r.region, benefits: r.benefits, paid: r.paid ?? [] }));
}

/** Every person's active pension awards, one per approved claim (two are the duplicate the sweep looks for). */
export async function activePensionAwards(em: EntityManager): Promise<{ citizenId: string; caseId: string; region: string }[]> {
  const rows = await em.execute<{ citizen_id: string; case_id: string; region: string }[]>(
    `select distinct citizen_id, case_id, region from benefit_entitlement
     where claim_type = 'pension' and status = 'active' and kind = 'monthly' and payer = 'fund'
       and citizen_id in (select citizen_id from benefit_entitlement where claim_type = 'pension' and status = 'active' and kind = 'monthly' and payer = 'fund'
                          group by citizen_id having count(distinct case_id) > 1)
     order by citizen_id, case_id`,
  );
  return rows.map((r) => ({ citizenId: r.citizen_id, caseId: r.case_id, region: r.region }));
}

/**
 * Employers with at least `threshold` people insured since before `from`, and how many wage declarations they filed
 * for the periods `from`–`to` (YYYY-MM).
 */
export async function employersByEnrollees(
  em: EntityManager,
  threshold: number,
  from: string,
  to: string,
): Promise<{ creditCode: string; region: string; enrollees: number; wageRecords: number }[]> {
  const rows = await em.execute<{ credit_code: string; region: string; enrollees: string; wage_records: string }[]>(
    `select e.credit_code, e.region, count(distinct r.citizen_id) as enrollees,
       (select count(*) from declaration d where d.employer_credit_code = e.credit_code and d.period between ? and ?) as wage_records
     from employer e join insurance_record r on r.employer_credit_code = e.credit_code
     where r.status = 'active' and r.start_month <= ?
     group by e.credit_code, e.region having count(distinct r.citizen_id) >= ? order by e.credit_code`,
    [from, to, from, threshold],
  );
  return rows.map((r) => ({ creditCode: r.credit_code, region: r.region, enrollees: Number(r.enrollees), wageRecords: Number(r.wage_records) }));
}

export interface HitView {
  control: string;
  citizenId: string | null;
  employerCreditCode: string | null;
  amount: string | null;
  reason: string;
  sourceCaseId: string | null;
  /** The source case's reference, for the link (null when there is none). */
  sourceReference: string | null;
  foundAt: string;
}

/** The hit that opened an investigation case, with its source case's reference. */
export async function hitOfInvestigation(em: EntityManager, caseId: string): Promise<HitView | null> {
  const [r] = await em.execute<
    {
      control: string;
      citizen_id: string | null;
      employer_credit_code: string | null;
      amount: string | null;
      reason: string;
      source_case_id: string | null;
      source_reference: string | null;
      found_at: Date;
    }[]
  >(
    `select h.control, h.citizen_id, h.employer_credit_code, h.amount::text as amount, h.reason, h.source_case_id, c.reference as source_reference, h.found_at
     from supervision_hit h left join case_record c on c.id = h.source_case_id where h.investigation_case_id = ?`,
    [caseId],
  );
  return r
    ? {
        control: r.control,
        citizenId: r.citizen_id,
        employerCreditCode: r.employer_credit_code,
        amount: r.amount,
        reason: r.reason,
        sourceCaseId: r.source_case_id,
        sourceReference: r.source_reference,
        foundAt: new Date(r.found_at).toISOString(),
      }
    : null;
}

/** The people whose records a staff account is linked to: their own, a relative's (the self-dealing control). */
export async function recordLinksOf(em: EntityManager, staffId: string): Promise<{ staffId: string; citizenId: string; relation: 'self' | 'relative' }[]> {
  const rows = await em.execute<{ citizen_id: string; relation: 'self' | 'relative' }[]>(
    'select citizen_id, relation from staff_record_link where staff_id = ? order by citizen_id',
    [staffId],
  );
  return rows.map((r) => ({ staffId, citizenId: r.citizen_id, relation: r.relation }));
}

/** The staff record links, by staff account then person, optionally of one staff account. */
export async function listStaffRecordLinks(
  em: EntityManager,
  staffId: string | null,
): Promise<{ staffId: string; citizenId: string; relation: 'self' | 'relative'; recordedBy: string; recordedAt: string }[]> {
  const rows = await em.execute<{ staff_id: string; citizen_id: string; relation: 'self' | 'relative'; recorded_by: string; recorded_at: Date }[]>(
    `select staff_id, citizen_id, relation, recorded_by, recorded_at from staff_record_link ${staffId === null ? '' : 'where staff_id = ?'}
      order by staff_id, citizen_id limit 1000`,
    staffId === null ? [] : [staffId],
  );
  return rows.map((r) => ({
    staffId: r.staff_id,
    citizenId: r.citizen_id,
    relation: r.relation,
    recordedBy: r.recorded_by,
    recordedAt: new Date(r.recorded_at).toISOString(),
  }));
}
