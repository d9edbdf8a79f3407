import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../db/writers/case-log.js';
import { readAuditEntries } from '../../../services/audit/read-audit-entries.js';
import { systemClock } from '../../../services/business-clock.js';
import { contextOn, openTestDatabase } from '../../support/command-context.js';
import { filedPetition } from '../petitions/petition-fixture.js';

describe('readAuditEntries (services/audit, real PostgreSQL)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  it('shows the region’s entries to its auditor and supervisor, but leaves out those about a whistle-blowing petition and its tasks for the staff member it accuses (§7 art. 36 para. 3)', async () => {
    const { row } = await filedPetition(orm, { whistleblowing: { accusedStaff: ['sv-666'] } });
    const taskId = crypto.randomUUID();
    await orm.em.fork().execute(
      `insert into task (id, case_id, case_type, step, permission, region, status, priority, due_at, sla_unit, sla_days, escalated, created_at, version, accused_staff)
       values (?, ?, 'petition', 'acceptance', 'approve', '330102', 'open', 1, now() + interval '15 days', 'calendar', 15, false, now(), 1, '{sv-666}')`,
      [taskId, row.caseId],
    );
    await appendAudit(orm.em.fork(), {
      at: systemClock.now(),
      actorId: 'system',
      actorRole: 'system',
      region: '330102',
      action: 'task.created',
      objectType: 'Task',
      objectId: taskId,
    });

    const seen = async (actor: Parameters<typeof contextOn>[1], objectId: string) =>
      (await readAuditEntries(contextOn(orm, actor), { objectId, limit: 100 })).items.map((item) => item.action);
    for (const viewer of [
      { id: 'au-001', role: 'auditor', region: '330102' },
      { id: 'sv-001', role: 'supervisor', region: '330102' },
    ] as const) {
      expect(await seen(viewer, row.caseId), viewer.id).toContain('petition.submitted');
      expect(await seen(viewer, taskId), viewer.id).toEqual(['task.created']);
    }
    const accused = { id: 'sv-666', role: 'supervisor', region: '330102' } as const;
    expect(await seen(accused, row.caseId)).toEqual([]);
    expect(await seen(accused, taskId)).toEqual([]);
    // Everything else of the region stays in the accused supervisor's log.
    const other = await filedPetition(orm);
    expect(await seen(accused, other.row.caseId)).toContain('petition.submitted');
  });

  it('counts from and to as whole Shanghai days, and shows nothing to a citizen or another region', async () => {
    const { row } = await filedPetition(orm);
    const today = systemClock.today();
    const auditor = contextOn(orm, { id: 'au-001', role: 'auditor', region: '330102' });
    expect((await readAuditEntries(auditor, { objectId: row.caseId, from: today, to: today, limit: 10 })).items).toHaveLength(1);
    expect((await readAuditEntries(auditor, { objectId: row.caseId, to: '2000-01-01', limit: 10 })).items).toEqual([]);
    expect((await readAuditEntries(contextOn(orm, { id: 'au-106', role: 'auditor', region: '330106' }), { objectId: row.caseId, limit: 10 })).items).toEqual(
      [],
    );
  });
});
