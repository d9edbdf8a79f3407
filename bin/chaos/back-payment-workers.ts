// Back-payment applicants for the crash drill (无记录补缴): employees of the drill's employer insured from this month
// on, so the six months before have no record and are what the employer back-pays. Their records are written straight
// into the tables, as the retirees' history is (retirees.ts); the application, review, approval and billing go through
// the API and the workflow like any other case of the drill.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { monthOf } from '../../domain/calendar/local-date.js';
import type { BusinessClock } from '../../services/business-clock.js';
import { citizenIdSequence } from '../bench/citizen-ids.js';

/**
 * `count` employees of `employer` in 330102, insured in three insurances from this month, none before. `addressCode`
 * keeps each group apart from the drill's other people (citizenIdSequence starts each at 1985).
 */
export async function seedBackPaymentWorkers(orm: MikroORM, clock: BusinessClock, employer: string, count: number, addressCode = '330106'): Promise<string[]> {
  const next = citizenIdSequence(addressCode);
  const thisMonth = monthOf(clock.today());
  const em = orm.em.fork();
  const workers = Array.from({ length: count }, () => next());
  for (const citizenId of workers) {
    await em.execute(
      `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at) values (?, '补缴演练', 'male', '1985-01-01', now(), now()) on conflict do nothing`,
      [citizenId],
    );
    const opened = `chaos-employment-${randomUUID()}`;
    for (const insurance of ['pension', 'medical', 'unemployment']) {
      await em.execute(
        `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, status,
           contribution_base, opened_by_case, created_at) values (?, ?, ?, '330102', ?, 'employee', ?, 'active', '8000.00', ?, now())`,
        [randomUUID(), citizenId, insurance, employer, thisMonth, opened],
      );
    }
  }
  return workers;
}

/**
 * Parameters for the years before the seeded ones (a copy of each region's first seeded year), so a back-payment of 36
 * months — the one that needs a supervisor and opens an investigation (rules §8) — has every month's parameters.
 */
export async function seedEarlierParameters(orm: MikroORM, clock: BusinessClock): Promise<void> {
  const firstYear = Number(clock.today().slice(0, 4)) - 4;
  await orm.em.fork().execute(
    `insert into region_parameters
       select (jsonb_populate_record(null::region_parameters, to_jsonb(r) || jsonb_build_object('effective_from', y || '-01-01'))).*
         from region_parameters r, generate_series(?::int, 2024) as y
        where r.effective_from = '2025-01-01'
     on conflict do nothing`,
    [firstYear],
  );
}
