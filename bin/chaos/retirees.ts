// Pension claimants for the crash drill: men whose statutory retirement date has just passed, each with twenty years
// of flexible workers' pension contributions. The history is written straight into the record table, as a migration
// from the old system brings it in; nothing the drill checks depends on how it got there.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { addDays, addMonths, compareDates, monthOf } from '../../domain/calendar/local-date.js';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { statutoryRetirement } from '../../domain/retirement-age.js';
import type { BusinessClock } from '../../services/business-clock.js';

export interface Retiree {
  citizenId: string;
  retirementDate: string;
}

/** A birth date whose statutory retirement (2025 reform, male) fell within the last two months before `today`. */
export function recentRetireeBirthDate(today: string): string {
  for (let birth = addDays(today, -(61 * 365)); compareDates(birth, addDays(today, -(59 * 365))) < 0; birth = addDays(birth, 1)) {
    const due = statutoryRetirement(birth, 'male').retirementDate;
    if (compareDates(due, today) <= 0 && compareDates(due, addDays(today, -60)) >= 0) return birth;
  }
  throw new Error(`no birth date retires in the two months before ${today}`);
}

/** `count` (at most 50: they share one birth date) recent retirees in `region`, each with 240 months of pension contributions up to retirement. */
export async function seedRetirees(orm: MikroORM, clock: BusinessClock, count: number, region = '330102'): Promise<Retiree[]> {
  if (count > 50) throw new RangeError('at most 50 retirees share one birth date');
  const birthDate = recentRetireeBirthDate(clock.today());
  const retirementDate = statutoryRetirement(birthDate, 'male').retirementDate;
  const lastMonth = monthOf(retirementDate);
  const firstMonth = monthOf(addMonths(`${lastMonth}-01`, -239));
  // Odd sequence numbers are men's (GB 11643); 9xx keeps them apart from the drill's other people.
  const retirees = Array.from({ length: count }, (_, i) => {
    const body = `${region}${birthDate.replaceAll('-', '')}${String(901 + i * 2).padStart(3, '0')}`;
    return { citizenId: body + citizenIdCheckChar(body), retirementDate };
  });
  const em = orm.em.fork();
  for (const retiree of retirees) {
    await em.execute(
      `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at) values (?, '退休演练', 'male', ?, now(), now()) on conflict do nothing`,
      [retiree.citizenId, birthDate],
    );
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
         status, contribution_base, opened_by_case, created_at)
       values (?, ?, 'pension', ?, null, 'flexible', ?, ?, 'terminated', '9120.00', ?, now())`,
      [randomUUID(), retiree.citizenId, region, firstMonth, lastMonth, `chaos-history-${randomUUID()}`],
    );
  }
  return retirees;
}
