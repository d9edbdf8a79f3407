import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Demonstration people for trying benefit claims on a fresh system (bin/dev.ts; never the tests): a retiree whose
 * statutory date has passed, with twenty years of flexible-worker pension contributions at a base of 9 120.00, and the
 * 2024 benefit figures his 2024 retirement is computed with. Idempotent: an existing row is left as it is.
 */
export async function seedDemoData(orm: MikroORM, retiree: { citizenId: string; name: string; birthDate: string }): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    await em.execute(
      `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at) values (?, ?, 'male', ?, now(), now()) on conflict do nothing`,
      [retiree.citizenId, retiree.name, retiree.birthDate],
    );
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
         status, contribution_base, opened_by_case, created_at)
       select gen_random_uuid(), ?, 'pension', '330102', null, 'flexible', '2004-07', '2024-06', 'terminated', 9120, 'demo-retiree', now()
        where not exists (select 1 from insurance_record where opened_by_case = 'demo-retiree')`,
      [retiree.citizenId],
    );
    for (const region of ['330100', '330102', '330106', '330108']) {
      await em.execute(
        `insert into benefit_parameters (region, effective_from, pension_calculation_base, minimum_wage, subsistence_allowance, recorded_by, recorded_at)
         values (?, '2024-01-01', 7800.00, 2490.00, 1250.00, 'seed', now()) on conflict do nothing`,
        [region],
      );
    }
  });
}
