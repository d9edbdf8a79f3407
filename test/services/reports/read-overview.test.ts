import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionOverview } from '../../../db/queries/report.query.js';
import { DomainError } from '../../../domain/errors.js';
import { systemClock } from '../../../services/business-clock.js';
import { createOverviewSnapshots } from '../../../services/reports/overview-snapshot.js';
import { readOverview } from '../../../services/reports/read-overview.js';
import { contextOn, openTestDatabase } from '../../support/command-context.js';
import { filedPetition } from '../petitions/petition-fixture.js';

describe('readOverview (services/reports, real PostgreSQL)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  it('lists a stuck whistle-blowing petition for the region’s supervisors but not for the one it accuses, from the same snapshot (§7 art. 36 para. 3)', async () => {
    const accusing = await filedPetition(orm, { whistleblowing: { accusedStaff: ['sv-666'] } });
    const plain = await filedPetition(orm);
    await orm.em
      .fork()
      .execute(`update case_record set last_progress_at = now() - interval '30 days' where id in (?, ?)`, [accusing.row.caseId, plain.row.caseId]);
    let counts = 0;
    const snapshots = createOverviewSnapshots({
      ttlMs: 30_000,
      clock: () => systemClock.now(),
      count: (...args) => {
        counts += 1;
        return regionOverview(...args);
      },
    });
    const stuck = async (id: string) =>
      (await readOverview(contextOn(orm, { id, role: 'supervisor', region: '330102' }), snapshots, 7)).stuckCases.map((row) => row.caseId);

    const other = await stuck('sv-001');
    expect(other).toEqual(expect.arrayContaining([accusing.row.caseId, plain.row.caseId]));
    const accused = await stuck('sv-666');
    expect(accused).toContain(plain.row.caseId);
    expect(accused).not.toContain(accusing.row.caseId);
    expect(counts).toBe(1);
    const answer = await readOverview(contextOn(orm, { id: 'sv-001', role: 'supervisor', region: '330102' }), snapshots, 7);
    expect(JSON.stringify(answer)).not.toContain('sv-666');
  });

  it('refuses a caseworker with 403 FORBIDDEN (docs/architecture.md "Tasks: the human part": the supervisor’s figures)', async () => {
    const snapshots = createOverviewSnapshots({ ttlMs: 30_000, clock: () => systemClock.now() });
    const error = await readOverview(contextOn(orm, { id: 'cw-1', role: 'caseworker', region: '330102' }), snapshots, 7).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('FORBIDDEN');
  });
});
