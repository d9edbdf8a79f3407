// Employers in arrears for the crash drill (欠费追缴): companies of 330102 registered straight into the employer table
// (as the other seeds are), each of which then declares two past months through the API and pays nothing, so the
// overdue sweep opens an arrears case for it. Their credit codes are numbered from 1, apart from the drill's other
// employers; the declaration lines name people of an address code of their own.
import type { MikroORM } from '@mikro-orm/postgresql';
import { creditCodeCheckChar, organisationCodeCheckChar } from '../../domain/identity/credit-code.js';
import { citizenIdSequence } from '../bench/citizen-ids.js';

export interface ArrearsEmployer {
  creditCode: string;
  /** The one employee each declaration lists (a pension of 2 400.00 a month on a wage of 10 000.00). */
  employee: string;
}

/** `count` active employers of 330102 with one employee each, none of them billed yet. */
export async function seedArrearsEmployers(orm: MikroORM, count: number): Promise<ArrearsEmployer[]> {
  const nextEmployee = citizenIdSequence('330108');
  const employers = Array.from({ length: count }, (_, i) => {
    const org = `7${String(i + 1).padStart(7, '0')}`;
    const body = `91330102${org}${organisationCodeCheckChar(org)}`;
    return { creditCode: body + creditCodeCheckChar(body), employee: nextEmployee() };
  });
  const em = orm.em.fork();
  for (const { creditCode } of employers) {
    await em.execute(
      `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
       values (?, '欠费演练单位', '330102', 'active', 'H6210', 2, 'chaos', now()) on conflict do nothing`,
      [creditCode],
    );
  }
  return employers;
}
