// What a death makes overpaid (rules §8; 社会保险经办条例 art. 46): the months paid for after the death month, not the
// lines paid after it. A late-start back-pay paid after the death pays partly for months the person was alive: only
// its months after the death are recovered.
import { randomInt } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthOf } from '../../../domain/calendar/local-date.js';
import { openOverpayments } from '../../../db/writers/payroll-line-decisions.js';
import { gatherPayrollChunk } from '../../../db/writers/payroll-lines.js';
import { systemClock } from '../../../services/business-clock.js';
import { latePension } from '../../api/payroll-fixture.js';
import { openTestDatabase } from '../../support/command-context.js';

const REGION = '330106';

describe('an overpayment after a death counts the months paid for, not the month of payment (§8, art. 46)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  const recoveryOf = async (entitlementId: string) => {
    const [row] = await orm.em
      .fork()
      .execute<{ amount: string; months: string[] }[]>(`select amount::text as amount, months from overpayment_recovery where entitlement_id = ?`, [
        entitlementId,
      ]);
    return row;
  };

  it('§8: a death in the second of three back-paid months makes the third and the current month overpaid, nothing before', async () => {
    const period = monthOf(systemClock.today());
    const month = (n: number) => monthOf(addMonths(`${period}-01`, n));
    const pension = await latePension(orm, REGION, period);
    const payrollId = `payroll-months-${randomInt(1_000_000)}`;
    await gatherPayrollChunk(orm.em.fork(), { payrollId, region: REGION, period, after: null, limit: 10_000 });
    const em = orm.em.fork();
    const lines = await em.execute<{ kind: string; amount: string; paid_months: string[] }[]>(
      `select kind, amount::text as amount, paid_months from payroll_line where entitlement_id = ? order by kind`,
      [pension.entitlementId],
    );
    expect(lines).toEqual([
      { kind: 'backPay', amount: expect.any(String) as string, paid_months: [month(-3), month(-2), month(-1)] },
      { kind: 'monthly', amount: expect.any(String) as string, paid_months: [period] },
    ]);
    const monthly = lines.find((l) => l.kind === 'monthly')!.amount;
    await em.execute(`update payroll_line set status = 'paid' where payroll_id = ?`, [payrollId]);

    // Died in the middle of the second back-paid month: that month is still due (the last month due is the death month).
    const importId = randomInt(1_000_000_000);
    await em.execute(
      `insert into death_record (citizen_id, death_date, source, certificate_no, import_id, recorded_at) values (?, ?, 'civil', 'D-test', ?, now())`,
      [pension.citizenId, `${month(-2)}-15`, importId],
    );
    await em.transactional((tx) => openOverpayments(tx, { cause: 'death', stop: { deathsOfImport: importId } }, new Date()));
    const recovery = await recoveryOf(pension.entitlementId);
    expect(recovery).toEqual({ amount: (Number(monthly) * 2).toFixed(2), months: [month(-1), period] });
  });
});
