// The insured figures of the statistics (docs/statistics.md "GET /v1/statistics/monthly", issue 14 point 4) are
// counted in one grouped pass (db/queries/statistics.query.ts); this checks them against the definition counted
// month by month — covered when start_month ≤ month and no end_month before it; joined in its start month, left in its
// end month — over records that began before, inside and after the months, ended inside, before and after them, and
// one whose end is before its start, in a county of its own.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../db/orm.js';
import { monthlyStatisticsRows } from '../../db/queries/statistics.query.js';
import { servicesForTest } from '../support/services.js';

const REGION = '330182';
const MONTHS = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
const STARTS = ['2019-05', '2025-11', '2025-12', '2026-02', '2026-03', '2026-04'];
const ENDS = [null, '2024-01', '2025-11', '2025-12', '2026-01', '2026-03', '2026-07'];

describe('statistics: insured, joined and left per month (real PostgreSQL)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await createOrm((await servicesForTest()).databaseUrl);
    const em = orm.em.fork();
    let n = 0;
    for (const insurance of ['pension', 'medical']) {
      for (const start of STARTS) {
        for (const end of ENDS) {
          // Some combinations twice, so the counts are not all 1.
          for (let copy = 0; copy < 1 + (n % 3 === 0 ? 1 : 0); copy += 1) {
            n += 1;
            await em.execute(
              `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
                 status, contribution_base, opened_by_case, created_at)
               values (?, ?, ?, ?, null, 'employee', ?, ?, ?, 8000, ?, now())`,
              [
                randomUUID(),
                `33018219900101${String(n).padStart(3, '0')}X`,
                insurance,
                REGION,
                start,
                end,
                end ? 'ended' : 'active',
                `stat-insured-${randomUUID()}`,
              ],
            );
          }
        }
      }
    }
  });
  afterAll(async () => orm?.close());

  it('issue 14 point 4: the grouped count equals the month-by-month definition for every month and insurance', async () => {
    const em = orm.em.fork();
    const rows = await monthlyStatisticsRows(em, REGION, MONTHS, '2026-03-31');
    const expected = await em.execute<{ month: string; insurance_type: string; insured: string; joined: string; left_: string }[]>(
      `select m.month, r.insurance_type, count(*) as insured,
              count(*) filter (where r.start_month = m.month) as joined,
              count(*) filter (where r.end_month = m.month) as left_
         from unnest(?::text[]) as m(month)
         join insurance_record r on r.start_month <= m.month and (r.end_month is null or r.end_month >= m.month)
        where r.region like ?
        group by 1, 2`,
      [`{${MONTHS.join(',')}}`, `${REGION}%`],
    );
    const key = (r: { month: string; insuranceType: string }) => `${r.month} ${r.insuranceType}`;
    const actual = new Map(rows.insured.filter((r) => r.insured + r.joined + r.left > 0).map((r) => [key(r), r]));
    expect(actual.size).toBe(expected.length);
    for (const row of expected) {
      expect(actual.get(key({ month: row.month, insuranceType: row.insurance_type })), `${row.month} ${row.insurance_type}`).toEqual({
        month: row.month,
        insuranceType: row.insurance_type,
        insured: Number(row.insured),
        joined: Number(row.joined),
        left: Number(row.left_),
      });
    }
  });
});
