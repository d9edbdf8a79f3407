// The share of each later payment withheld for an overpayment (社会保险经办条例 art. 46; docs/payroll.md "Recovering an
// overpayment") is the stored setting payroll.overpayment offsetShare: an administrator changes it with PUT /v1/settings,
// the next payroll withholds by it, and a payroll already started keeps the share it started with.
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherPayrollChunk } from '../../../db/writers/payroll-lines.js';
import { monthOf } from '../../../domain/calendar/local-date.js';
import { addPeriods } from '../../../domain/payroll/payroll-month.js';
import { systemClock } from '../../../services/business-clock.js';
import { startPayroll } from '../../../services/payroll/start-payroll.js';
import { changeSetting } from '../../../services/settings/change-setting.js';
import { type Beneficiary, monthlyPension, openRecoveryOf } from '../../api/payroll-fixture.js';
import { contextOn, openTestDatabase } from '../../support/command-context.js';

// A region without demo entitlements: its payrolls pay only these two people.
const REGION = '330203';

describe('overpayment.offsetShare is the stored setting payroll.overpayment (art. 46)', () => {
  let orm: MikroORM;
  let period: string;
  let people: Beneficiary[];
  const admin = () => contextOn(orm, { id: 'adm-offset', role: 'admin', region: REGION });
  const supervisor = () => contextOn(orm, { id: 'sv-offset', role: 'supervisor', region: REGION });

  beforeAll(async () => {
    orm = await openTestDatabase();
    period = monthOf(systemClock.today());
    people = [];
    for (let i = 0; i < 2; i++) {
      const person = await monthlyPension(orm, REGION, period);
      await openRecoveryOf(orm, { citizenId: person.citizenId, region: REGION, amount: '20000.00' });
      people.push(person);
    }
    // Keyset paging goes by entitlement ID: the first chunk (of one) pays the lower one.
    people.sort((a, b) => (a.entitlementId < b.entitlementId ? -1 : 1));
  });
  afterAll(async () => orm?.close());

  const withheld = async (payrollId: string) =>
    (
      await orm.em.fork().execute<{ citizen_id: string; amount: string }[]>(
        `select l.citizen_id, w.amount::text as amount from payroll_line_withholding w join payroll_line l on l.line_key = w.line_key
           where w.payroll_id = ? order by l.entitlement_id`,
        [payrollId],
      )
    ).map((r) => r.amount);
  const gather = (payrollId: string, month: string, after: string | null) =>
    gatherPayrollChunk(orm.em.fork(), { payrollId, region: REGION, period: month, after, limit: 1 });

  it('art. 46: the next payroll withholds the stored share; one already started keeps the share it started with', async () => {
    await changeSetting(admin(), 'payroll.overpayment', { offsetShare: '0.2' });
    const first = (await startPayroll(supervisor(), { region: REGION, period })).payroll.caseId;
    const chunk = await gather(first, period, null);
    // Changed while the first payroll runs: its second chunk still withholds 0.2, the next payroll 0.8.
    await changeSetting(admin(), 'payroll.overpayment', { offsetShare: '0.8' });
    await gather(first, period, chunk.next);
    expect(await withheld(first)).toEqual(['1000.00', '1000.00']);

    const month = addPeriods(period, 1);
    const second = (await startPayroll(supervisor(), { region: REGION, period: month })).payroll.caseId;
    let after: string | null = null;
    do after = (await gather(second, month, after)).next;
    while (after !== null);
    expect(await withheld(second)).toEqual(['4000.00', '4000.00']);
    const [line] = await orm.em
      .fork()
      .execute<{ amount: string; workings: string[] }[]>(`select amount::text as amount, workings from payroll_line where payroll_id = ? and citizen_id = ?`, [
        second,
        people[0]!.citizenId,
      ]);
    expect(line!.amount).toBe('1000.00');
    expect(line!.workings.join('\n')).toContain('5000.00 × 0.8 = 4000.00');
  });

  it('refuses a share outside (0, 1] or an unknown key, naming the field under value, and writes nothing (PUT /v1/settings, art. 46)', async () => {
    for (const [value, path] of [
      [{ offsetShare: '1.5' }, 'value.offsetShare'],
      [{ offsetShare: '0' }, 'value.offsetShare'],
      [{ offsetShare: 0.5 }, 'value.offsetShare'],
      [{ share: '0.5' }, 'value.share'],
      [{ lastDueMonth: { death: 'nextMonth' } }, 'value.lastDueMonth.death'],
    ] as const) {
      await expect(changeSetting(admin(), 'payroll.overpayment', value)).rejects.toMatchObject({ code: 'VALIDATION_FAILED', path });
    }
    const [row] = await orm.em.fork().execute<{ value: unknown }[]>(`select value from setting where key = 'payroll.overpayment'`);
    expect(row!.value).toEqual({ offsetShare: '0.8' });
  });
});
