// A bank return and a payroll chunk on the same overpayment recoveries, interleaved on three connections (docs/payroll.md
// "Recovering an overpayment"): both lock the recoveries in id order, so neither holds one the other waits for and
// PostgreSQL never has a deadlock to break. The return's closing (closeSettledRecoveries, after it booked what the
// paid lines withheld) takes its locks in a statement of its own, `order by id`, before it changes anything. Before it
// did, its single update locked the rows in the scan's order, and the second test ended in PostgreSQL's "deadlock
// detected" for one of the two.
import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRecovery } from '../../../db/queries/overpayment-recovery.query.js';
import { closeSettledRecoveries } from '../../../db/writers/overpayment-recoveries.js';
import { gatherPayrollChunk } from '../../../db/writers/payroll-lines.js';
import { monthOf } from '../../../domain/calendar/local-date.js';
import { systemClock } from '../../../services/business-clock.js';
import { monthlyPension, openRecoveryOf } from '../../api/payroll-fixture.js';
import { openTestDatabase } from '../../support/command-context.js';

const actor = { id: 'sv-603', role: 'supervisor', requestId: null };

describe('a bank return and a payroll chunk lock the recoveries in the same order (no deadlock)', () => {
  let orm: MikroORM;
  let period: string;
  beforeAll(async () => {
    orm = await openTestDatabase();
    period = monthOf(systemClock.today());
  });
  afterAll(async () => orm?.close());

  /**
   * A person paid monthly in `region` with two recoveries the bank return has just settled (their ledgers reached the
   * amount, not yet closed): the later one stored first on disk, so a scan in the table's order would meet it first.
   */
  const personWithSettledRecoveries = async (region: string) => {
    const person = await monthlyPension(orm, region, period);
    const first = await openRecoveryOf(orm, { citizenId: person.citizenId, region, amount: '100.00' });
    const second = await openRecoveryOf(orm, { citizenId: person.citizenId, region, amount: '100.00' });
    const em = orm.em.fork();
    await em.execute(`update overpayment_recovery set method = method where id = ?`, [first]);
    for (const id of [first, second]) {
      await em.execute(
        `insert into overpayment_recovery_entry (recovery_id, kind, amount, source_ref, note, recorded_by, booked_at)
         values (?, 'offset', '100.00', ?, 'withheld from the payroll', 'sv-0', now())`,
        [id, `line:${randomUUID()}:${period}:monthly`],
      );
    }
    return { citizenId: person.citizenId, first, second };
  };

  /** Waits until `n` other connections of this database wait for a lock. */
  const waitingFor = async (n: number) => {
    const monitor = orm.em.fork();
    for (let i = 0; i < 250; i++) {
      const [w] = await monitor.execute<{ n: string }[]>(
        `select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      );
      if (Number(w!.n) >= n) return true;
      await new Promise((r) => setTimeout(r, 20));
    }
    return false;
  };

  /**
   * The return's closing of `ids` under a sequential scan, as the planner may choose over a large table: it visits the
   * rows in the table's order, not in the order of their ids.
   */
  const closeAsAtScale = (ids: number[]) =>
    orm.em.fork().transactional(async (tx) => {
      await tx.execute(`set local enable_indexscan = off`);
      await tx.execute(`set local enable_indexonlyscan = off`);
      await tx.execute(`set local enable_bitmapscan = off`);
      return closeSettledRecoveries(tx, ids, actor, new Date());
    });

  /** Whether another transaction could lock the recovery now (nobody holds it). */
  const free = async (id: number) => {
    try {
      await orm.em.fork().transactional((tx) => tx.execute(`select 1 from overpayment_recovery where id = ? for update nowait`, [id]));
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') return false;
      throw error;
    }
  };

  it('while the return waits for the first recovery it holds none of the later ones', async () => {
    const { first, second } = await personWithSettledRecoveries('330108');
    let closing: Promise<number[]> | undefined;
    await orm.em.fork().transactional(async (tx: EntityManager) => {
      // Someone (a repayment, a chunk) holds the first recovery.
      await findRecovery(tx, first, true);
      closing = closeAsAtScale([second, first]);
      expect(await waitingFor(1)).toBe(true);
      expect(await free(second)).toBe(true);
    });
    expect((await closing!).sort((a, b) => a - b)).toEqual([first, second]);
  });

  it('a chunk of the next payroll and the return closing the same recoveries both finish, whichever waits first', async () => {
    const region = '330108';
    const { first, second } = await personWithSettledRecoveries(region);
    let chunk: Promise<unknown> | undefined;
    let closing: Promise<number[]> | undefined;
    await orm.em.fork().transactional(async (tx: EntityManager) => {
      await findRecovery(tx, first, true);
      // The chunk waits for the first recovery, then the return: were the return to take the second one first, the
      // chunk (given the first) and the return (holding the second) would wait for each other.
      chunk = gatherPayrollChunk(orm.em.fork(), { payrollId: `payroll-lock-${randomUUID()}`, region, period, after: null, limit: 10_000 });
      expect(await waitingFor(1)).toBe(true);
      closing = closeAsAtScale([second, first]);
      expect(await waitingFor(2)).toBe(true);
    });
    await expect(chunk).resolves.toBeDefined();
    expect((await closing!).sort((a, b) => a - b)).toEqual([first, second]);
    const em = orm.em.fork();
    expect((await findRecovery(em, first))!.status).toBe('closed');
    expect((await findRecovery(em, second))!.status).toBe('closed');
  });
});
