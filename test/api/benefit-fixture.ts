// Insurance histories for the benefit-claim tests, written straight into the tables the claims read (records,
// declarations with their lines), so a claim has years of contributions behind it without years of test time. A
// declared month with no bill owing counts as paid (db/queries/insurance-record.query.ts paidDeclaredMonths).
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { monthOf } from '../../domain/calendar/local-date.js';
import { monthPlus } from '../../domain/benefit/entitlement.js';
import { citizenId, creditCode } from '../support/factories.js';

export type Insurance = 'pension' | 'medical' | 'unemployment' | 'workInjury';

// Shared with the crash drill's pension claimants.
export { recentRetireeBirthDate } from '../../bin/chaos/retirees.js';

export async function insertPerson(orm: MikroORM, person: { citizenId: string; name: string; sex: 'male' | 'female'; birthDate: string }): Promise<void> {
  await orm.em
    .fork()
    .execute(`insert into person (citizen_id, name, sex, birth_date, created_at, updated_at) values (?, ?, ?, ?, now(), now()) on conflict do nothing`, [
      person.citizenId,
      person.name,
      person.sex,
      person.birthDate,
    ]);
}

/** A new active employer of its own, so no other test's bills touch its periods. */
export async function insertEmployer(orm: MikroORM, region = '330102'): Promise<string> {
  const code = creditCode(region);
  await orm.em.fork().execute(
    `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
     values (?, '待遇测试单位', ?, 'active', 'I6510', 1, 'test', now())`,
    [code, region],
  );
  return code;
}

/** A flexible worker's own pension record from `fromMonth` (its months count as paid: they pay directly). */
export async function insertFlexiblePension(orm: MikroORM, who: string, fromMonth: string, toMonth: string | null, base: string): Promise<void> {
  await orm.em.fork().execute(
    `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
       status, contribution_base, opened_by_case, created_at)
     values (?, ?, 'pension', '330102', null, 'flexible', ?, ?, ?, ?, ?, now())`,
    [randomUUID(), who, fromMonth, toMonth, toMonth === null ? 'active' : 'terminated', base, `fixture-${randomUUID()}`],
  );
}

/**
 * Employment with `employer` from `fromMonth`: one active record per insurance and a declaration with the person's
 * line for every month up to `lastMonth` (so the months are paid), each at `base`.
 */
export async function insertEmployment(
  orm: MikroORM,
  e: {
    citizenId: string;
    name: string;
    employer: string;
    fromMonth: string;
    lastMonth: string;
    base: string;
    insurances: readonly Insurance[];
    region?: string;
  },
): Promise<void> {
  const region = e.region ?? '330102';
  const em = orm.em.fork();
  const opened = `fixture-${randomUUID()}`;
  for (const insurance of e.insurances) {
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, status,
         contribution_base, opened_by_case, created_at) values (?, ?, ?, ?, ?, 'employee', ?, 'active', ?, ?, now())`,
      [randomUUID(), e.citizenId, insurance, region, e.employer, e.fromMonth, e.base, opened],
    );
  }
  const has = (i: Insurance) => e.insurances.includes(i);
  const pct = (rate: string) => (Number(e.base) * Number(rate)).toFixed(2);
  for (let month = e.fromMonth; month <= e.lastMonth; month = monthPlus(month, 1)) {
    const id = randomUUID();
    await em.execute(
      `insert into declaration (id, employer_credit_code, region, period, source, idempotency_key, line_count, employer_total, employee_total, total,
         parameters_from, declared_by, declared_at) values (?, ?, ?, ?, 'api', ?, 1, 0, 0, 0, '2025-01-01', 'fixture', now())`,
      [id, e.employer, region, month, `fixture-${id}`],
    );
    await em.execute(
      `insert into contribution_line (declaration_id, line_no, citizen_id, name, monthly_wage, base, pension_employer, pension_employee, medical_employer,
         medical_employee, unemployment_employer, unemployment_employee, work_injury_employer, total)
       values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      [
        id,
        e.citizenId,
        e.name,
        e.base,
        e.base,
        has('pension') ? pct('0.16') : null,
        has('pension') ? pct('0.08') : null,
        has('medical') ? pct('0.095') : null,
        has('medical') ? pct('0.02') : null,
        has('unemployment') ? pct('0.005') : null,
        has('unemployment') ? pct('0.005') : null,
        has('workInjury') ? pct('0.002') : null,
      ],
    );
  }
}

/** A new person of `sex` born on `birthDate`, with a name. */
export function newPerson(birthDate: string, sex: 'male' | 'female' = 'male') {
  return { citizenId: citizenId({ birthDate, sex }), name: sex === 'male' ? '王建国' : '李秀英', sex, birthDate };
}

export { monthOf, monthPlus };
