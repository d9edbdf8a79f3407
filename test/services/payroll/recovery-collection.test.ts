// Collecting an overpayment recovery in the payroll's own writes (社会保险经办条例 art. 46): a gathering chunk run twice
// withholds once, a return imported twice books once, and the recovery closes once with one notice.
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookPaidWithholdings, bookRepayment, closeSettledRecoveries } from '../../../db/writers/overpayment-recoveries.js';
import { gatherPayrollChunk } from '../../../db/writers/payroll-lines.js';
import { findRecovery } from '../../../db/queries/overpayment-recovery.query.js';
import { monthOf } from '../../../domain/calendar/local-date.js';
import { systemClock } from '../../../services/business-clock.js';
import { type Beneficiary, monthlyPension, openRecoveryOf } from '../../api/payroll-fixture.js';
import { openTestDatabase } from '../../support/command-context.js';

const REGION = '330106';
const actor = { id: 'sv-601', role: 'supervisor', requestId: null };

describe('the payroll collects a recovery once, however often it is retried (art. 46)', () => {
  let orm: MikroORM;
  let period: string;
  let person: Beneficiary;
  let first: number;
  const payrollId = `payroll-test-${randomUUID()}`;

  const openRecovery = (amount: string) => openRecoveryOf(orm, { citizenId: person.citizenId, region: REGION, amount });
  const withholdings = () =>
    orm.em.fork().execute<{ recovery_id: string; amount: string }[]>(
      `select w.recovery_id, w.amount::text as amount from payroll_line_withholding w join payroll_line l on l.line_key = w.line_key
         where l.citizen_id = ? order by w.recovery_id`,
      [person.citizenId],
    );
  const gather = () => gatherPayrollChunk(orm.em.fork(), { payrollId, region: REGION, period, after: null, limit: 10_000 });

  beforeAll(async () => {
    orm = await openTestDatabase();
    period = monthOf(systemClock.today());
    // A monthly line: a retried chunk reads it again (a one-off already written is not read again at all).
    person = await monthlyPension(orm, REGION, period);
    first = await openRecovery('3300.00');
  });
  afterAll(async () => orm?.close());

  it('art. 46: a retried chunk writes no second withholding, even when a newer recovery could now take part', async () => {
    await gather();
    expect(await withholdings()).toEqual([{ recovery_id: String(first), amount: '2500.00' }]);
    // A newer recovery of the same person: the first attempt's line stands as written, so the retry withholds nothing new.
    await openRecovery('1000.00');
    await gather();
    expect(await withholdings()).toEqual([{ recovery_id: String(first), amount: '2500.00' }]);
    const [line] = await orm.em
      .fork()
      .execute<{ amount: string }[]>(`select amount::text as amount from payroll_line where citizen_id = ?`, [person.citizenId]);
    expect(line!.amount).toBe('2500.00');
  });

  it('art. 46: books the withholding once the line is paid, once however often; closes once with one notice', async () => {
    const em = orm.em.fork();
    expect(await bookPaidWithholdings(em, payrollId, actor, new Date())).toEqual([]);
    expect((await findRecovery(em, first))!.entries).toEqual([]);
    await em.execute(`update payroll_line set status = 'paid' where payroll_id = ? and citizen_id = ?`, [payrollId, person.citizenId]);
    await bookPaidWithholdings(em, payrollId, actor, new Date());
    await bookPaidWithholdings(em, payrollId, actor, new Date());
    const booked = (await findRecovery(em, first))!;
    expect(booked.entries.map((e) => `${e.kind} ${e.amount}`)).toEqual(['offset 2500.00']);
    expect(booked).toMatchObject({ booked: '2500.00', pending: '0.00', status: 'open' });

    await bookRepayment(em, { recoveryId: first, amount: '800.00', sourceRef: 'repayment:sv-601:k-1', note: null, region: REGION }, actor, new Date());
    expect(await closeSettledRecoveries(em, [first], actor, new Date())).toEqual([first]);
    expect(await closeSettledRecoveries(em, [first], actor, new Date())).toEqual([]);
    expect((await findRecovery(em, first))!.status).toBe('closed');
    const notices = await em.execute<{ n: string }[]>(`select count(*) as n from notice_outbox where recipient_id = ? and kind = 'overpayment_recovered'`, [
      person.citizenId,
    ]);
    expect(notices[0]!.n).toBe('1');
  });
});
