import type { EntityManager } from '@mikro-orm/postgresql';

/** A benefit granted to the person (an entitlement line of a decided claim), as their record lists it. */
export interface GrantedBenefit {
  reference: string;
  benefit: string;
  kind: string;
  amount: string;
  startMonth: string;
  endMonth: string | null;
  status: string;
}

/** The benefits granted to the person, oldest first (payroll, issue 12, will add what was actually paid out). */
export async function benefitsGrantedTo(em: EntityManager, citizenId: string): Promise<GrantedBenefit[]> {
  return em.execute<GrantedBenefit[]>(
    `select coalesce(c.reference, e.case_id) as reference, e.benefit, e.kind, e.amount::text as amount, e.start_month as "startMonth",
            e.end_month as "endMonth", e.status
       from benefit_entitlement e left join case_record c on c.id = e.case_id
      where e.citizen_id = ? and e.payer = 'fund' order by e.start_month, e.benefit`,
    [citizenId],
  );
}
