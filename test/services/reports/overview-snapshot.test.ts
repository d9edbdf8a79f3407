// The supervisor overview's per-region snapshot (services/reports/overview-snapshot.ts): served unchanged while fresh, and once it
// refreshes the figures are exactly what a direct count over the task table gives.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOverviewSnapshots } from '../../../services/reports/overview-snapshot.js';
import { regionOverview } from '../../../db/queries/report.query.js';
import { startSystem, type TestSystem } from '../../support/system.js';

describe('supervisor overview snapshot', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => system?.close());

  const REGION = '330102';
  const STEP = `probe-${randomUUID().slice(0, 8)}`;

  const insertTask = (status: 'open' | 'claimed', dueAt: Date) =>
    system.orm.em.fork().execute(
      `insert into task (id, case_id, case_type, step, permission, region, status, assignee, lease_expires_at, priority, due_at, sla_unit, sla_days,
                         escalated, created_at, version)
       values (?, ?, 'enrollment', ?, 'review', ?, ?, ?, ?, 0, ?, 'working', 10, false, now(), 1)`,
      [
        randomUUID(),
        `probe-case-${randomUUID()}`,
        STEP,
        REGION,
        status,
        status === 'claimed' ? 'cw-probe' : null,
        status === 'claimed' ? new Date(Date.now() + 3_600_000) : null,
        dueAt,
      ],
    );

  /** The figures of one step counted straight from the table, as the overdue worklist defines overdue (docs/architecture.md "Tasks: the human part"). */
  const directCount = async (now: Date) => {
    const [row] = await system.orm.em.fork().execute<{ open: string; overdue: string }[]>(
      `select count(*) filter (where status in ('open', 'claimed', 'waiting')) as open,
              count(*) filter (where status in ('open', 'claimed') and (escalated or due_at < ?)) as overdue
         from task where region = ? and case_type = 'enrollment' and step = ?`,
      [now, REGION, STEP],
    );
    return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0) };
  };

  it('serves one count per TTL and, after a change, matches a direct count once it refreshes (docs/architecture.md "Tasks: the human part": SLA figures)', async () => {
    let now = new Date();
    let counts = 0;
    const snapshots = createOverviewSnapshots({
      ttlMs: 30_000,
      clock: () => now,
      count: (...args) => {
        counts += 1;
        return regionOverview(...args);
      },
    });
    const stepOf = (figures: Awaited<ReturnType<typeof regionOverview>>) => figures.steps.find((row) => row.step === STEP);

    await insertTask('open', new Date(Date.now() + 86_400_000));
    const first = await snapshots.get(system.orm.em.fork(), REGION, 7);
    expect(stepOf(first.figures)).toMatchObject({ open: 1, overdue: 0 });
    expect(first.asOf).toEqual(now);

    // A change inside the TTL: the same snapshot (and its "as of"), no second aggregation.
    await insertTask('open', new Date(Date.now() - 86_400_000));
    await insertTask('claimed', new Date(Date.now() - 86_400_000));
    const countedAt = now;
    now = new Date(now.getTime() + 29_000);
    const cached = await snapshots.get(system.orm.em.fork(), REGION, 7);
    expect(cached).toBe(first);
    expect(counts).toBe(1);

    // Past the TTL: concurrent requests share one refresh, and the figures agree with the table.
    now = new Date(countedAt.getTime() + 31_000);
    const [a, b] = await Promise.all([snapshots.get(system.orm.em.fork(), REGION, 7), snapshots.get(system.orm.em.fork(), REGION, 7)]);
    expect(a).toBe(b);
    expect(counts).toBe(2);
    expect(a.asOf).toEqual(now);
    const direct = await directCount(now);
    expect(direct).toEqual({ open: 3, overdue: 2 });
    expect(stepOf(a.figures)).toMatchObject(direct);
    // And every other step of the region agrees with a fresh count made at the same instant.
    expect(a.figures.steps).toEqual((await regionOverview(system.orm.em.fork(), REGION, now, 7)).steps);
  });

  it('keeps a separate snapshot per region and stale-days setting, and does not cache a failed count', async () => {
    const now = new Date();
    let fail = true;
    const snapshots = createOverviewSnapshots({
      ttlMs: 30_000,
      clock: () => now,
      count: (...args) => (fail ? Promise.reject(new Error('database went away')) : regionOverview(...args)),
    });
    await expect(snapshots.get(system.orm.em.fork(), REGION, 7)).rejects.toThrow('database went away');
    fail = false;
    const seven = await snapshots.get(system.orm.em.fork(), REGION, 7);
    const one = await snapshots.get(system.orm.em.fork(), REGION, 1);
    const other = await snapshots.get(system.orm.em.fork(), '330106', 7);
    expect(one).not.toBe(seven);
    expect(other).not.toBe(seven);
    expect(other.figures.steps.some((row) => row.step === STEP)).toBe(false);
  });
});
