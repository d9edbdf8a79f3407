// Retirees for the crash drill's account-subsidy declarations (医疗帐户补助金): people whose pension record ended by
// retirement and who are in the medical insurance of the drill's employer, so the employer may declare them and the
// default rule (retirees credited 2 % of the local average pension) covers them. Written straight into the tables,
// as the other seeds are; the declaration, review, approval and booking go through the API and the workflow.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { monthOf } from '../../domain/calendar/local-date.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { citizenIdSequence } from '../bench/citizen-ids.js';

/** `count` retirees of 330102 (pension ended by retirement in 2020) insured for medical care by `employer` this month. */
export async function seedSubsidyRetirees(orm: MikroORM, clock: BusinessClock, employer: string, count: number): Promise<string[]> {
  // An address code of their own keeps them apart from the drill's other people.
  const next = citizenIdSequence('330109');
  const thisMonth = monthOf(clock.today());
  const em = orm.em.fork();
  const retirees = Array.from({ length: count }, () => next());
  for (const citizenId of retirees) {
    await em.execute(
      `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at) values (?, '补助演练', 'male', ?, now(), now()) on conflict do nothing`,
      [citizenId, `${citizenId.slice(6, 10)}-${citizenId.slice(10, 12)}-${citizenId.slice(12, 14)}`],
    );
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month, end_reason,
         status, contribution_base, opened_by_case, created_at)
       values (?, ?, 'pension', '330102', ?, 'employee', '1990-01', '2020-12', 'retired', 'terminated', '5000.00', ?, now())`,
      [randomUUID(), citizenId, employer, `chaos-retired-${randomUUID()}`],
    );
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, status,
         contribution_base, opened_by_case, created_at) values (?, ?, 'medical', '330102', ?, 'employee', ?, 'active', '5000.00', ?, now())`,
      [randomUUID(), citizenId, employer, thisMonth, `chaos-medical-${randomUUID()}`],
    );
  }
  return retirees;
}
