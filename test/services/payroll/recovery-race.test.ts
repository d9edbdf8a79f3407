// A payroll chunk and a repayment on the same overpayment recovery, interleaved on two connections (社会保险经办条例
// art. 46; docs/payroll.md "Recovering an overpayment"): whatever commits first, what is recovered — the ledger plus what
// unpaid lines withhold — never exceeds the amount overpaid. The chunk locks the person's open recoveries before it reads
// what they may still withhold; a repayment or a write-off locks its recovery before it reads what may be repaid.
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRecovery } from '../../../db/queries/overpayment-recovery.query.js';
import { bookRepayment, closeSettledRecoveries } from '../../../db/writers/overpayment-recoveries.js';
import { gatherPayrollChunk } from '../../../db/writers/payroll-lines.js';
import { monthOf } from '../../../domain/calendar/local-date.js';
import { Money } from '../../../domain/money.js';
import { systemClock } from '../../../services/business-clock.js';
import { recordRecoveryRepayment } from '../../../services/overpayment-recoveries/record-repayment.js';
import { monthlyPension, openRecoveryOf } from '../../api/payroll-fixture.js';
import { contextOn, openTestDatabase } from '../../support/command-context.js';

const actor = { id: 'sv-602', role: 'supervisor', requestId: null };

describe('a payroll chunk and a repayment serialise on the recovery (art. 46: never more recovered than overpaid)', () => {
  let orm: MikroORM;
  let period: string;
  beforeAll(async () => {
    orm = await openTestDatabase();
    period = monthOf(systemClock.today());
  });
  afterAll(async () => orm?.close());

  /** A person paid 5000.00 a month in `region` with an open recovery of 3300.00 (the chunk would withhold 2500.00). */
  const personOwing = async (region: string) => {
    const person = await monthlyPension(orm, region, period);
    return { citizenId: person.citizenId, recoveryId: await openRecoveryOf(orm, { citizenId: person.citizenId, region, amount: '3300.00' }) };
  };

  /** Booked plus withheld by lines not yet paid: all the recovery will have taken once the bank pays. */
  const recovered = async (id: number) => {
    const row = (await findRecovery(orm.em.fork(), id))!;
    return Money.of(row.booked).plus(Money.of(row.pending)).toString();
  };

  /** Resolves when `work` has settled or another connection of this database waits for a lock, whichever comes first. */
  const settledOrWaiting = async (work: Promise<unknown>) => {
    let settled = false;
    void work.then(
      () => (settled = true),
      () => (settled = true),
    );
    const monitor = orm.em.fork();
    for (let i = 0; i < 250 && !settled; i++) {
      const [w] = await monitor.execute<{ n: string }[]>(
        `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      );
      if (Number(w!.n) > 0) return 'waiting';
      await new Promise((r) => setTimeout(r, 20));
    }
    return settled ? 'settled' : 'timeout';
  };

  const gather = (payrollId: string, region: string) => gatherPayrollChunk(orm.em.fork(), { payrollId, region, period, after: null, limit: 10_000 });

  it('art. 46: a chunk that starts while a repayment of the whole balance is uncommitted withholds nothing of it', async () => {
    const region = '330106';
    const { recoveryId } = await personOwing(region);
    let chunk: Promise<unknown> | undefined;
    let order = '';
    await orm.em.fork().transactional(async (tx: EntityManager) => {
      await findRecovery(tx, recoveryId, true);
      await bookRepayment(tx, { recoveryId, amount: '3300.00', sourceRef: 'repayment:sv-602:race-1', note: null, region }, actor, new Date());
      await closeSettledRecoveries(tx, [recoveryId], actor, new Date());
      chunk = gather(`payroll-race-${randomUUID()}`, region);
      order = await settledOrWaiting(chunk);
    });
    await chunk;
    expect(await recovered(recoveryId)).toBe('3300.00');
    expect(order).toBe('waiting');
    expect((await findRecovery(orm.em.fork(), recoveryId))!.status).toBe('closed');
  });

  it('art. 46: a repayment asked while a chunk is uncommitted sees what the chunk withholds and is refused for the excess', async () => {
    const region = '330102';
    const { recoveryId } = await personOwing(region);
    const payrollId = `payroll-race-${randomUUID()}`;
    await orm.em.fork().execute(
      `insert into payroll (case_id, reference, region, period, started_by, entitlements_seen, entitlements_total, lines_gathered, lines_checked,
         lines_held, due_total, held_total, created_at) values (?, ?, ?, ?, 'sv-602', 0, 0, 0, 0, 0, 0, 0, now())`,
      [payrollId, `PR-race-${randomUUID().slice(0, 8)}`, region, period],
    );
    // A third connection holds the payroll row: the chunk has read and withheld, and waits to count its progress.
    const holder = orm.em.fork();
    let chunk: Promise<unknown> | undefined;
    let repayment: Promise<unknown> | undefined;
    let repaidFirst = false;
    await holder.transactional(async (tx: EntityManager) => {
      await tx.execute(`select 1 from payroll where case_id = ? for update`, [payrollId]);
      chunk = gather(payrollId, region);
      expect(await settledOrWaiting(chunk)).toBe('waiting');
      const caseworker = { id: 'cw-race-1', role: 'caseworker' as const, region };
      repayment = recordRecoveryRepayment(contextOn(orm, caseworker), { recoveryId, amount: '3300.00', idempotencyKey: `race-${randomUUID()}` });
      // Serialised, the repayment waits for the recovery the chunk has locked; unserialised it goes through now.
      let settled = false;
      void repayment.then(
        () => (settled = true),
        () => (settled = true),
      );
      await new Promise((r) => setTimeout(r, 500));
      repaidFirst = settled;
    });
    await chunk;
    await repayment!.catch(() => undefined);
    expect(await recovered(recoveryId)).toBe('2500.00');
    await expect(repayment).rejects.toMatchObject({ code: 'INVALID_AMOUNT', path: 'amount' });
    expect(repaidFirst).toBe(false);
  });
});
