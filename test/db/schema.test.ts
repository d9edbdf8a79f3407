import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../db/orm.js';
import { pendingSchemaChanges } from '../../db/migrator.js';
import { servicesForTest } from '../support/services.js';

describe('database schema', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await createOrm((await servicesForTest()).databaseUrl);
  });
  afterAll(async () => orm?.close());

  it('needs no change after the committed migrations: an entity change without a migration fails here', async () => {
    expect(await pendingSchemaChanges(orm)).toBe('');
  });

  it('refuses to update or delete a timeline line or an audit entry (append-only, docs/architecture.md "Tasks: the human part")', async () => {
    const em = orm.em.fork();
    await em.execute(
      `insert into timeline_entry (case_id, at, actor, action, detail, dedupe_key) values ('c-append-only', now(), 'system', 'test', '{}', 'append-only-test')
       on conflict do nothing`,
    );
    await expect(em.execute(`update timeline_entry set action = 'changed' where dedupe_key = 'append-only-test'`)).rejects.toThrow(/append-only/);
    await expect(em.execute(`delete from timeline_entry where dedupe_key = 'append-only-test'`)).rejects.toThrow(/append-only/);
    await em.execute(
      `insert into audit_entry (at, actor_id, actor_role, action, object_type, object_id, detail) values (now(), 'x', 'admin', 'test', 'Test', 'append-only', '{}')`,
    );
    await expect(em.execute(`delete from audit_entry where object_id = 'append-only'`)).rejects.toThrow(/append-only/);
  });

  it('holds at most one active basic pension relationship per person (rules §2)', async () => {
    const em = orm.em.fork();
    const insert = (caseId: string) =>
      em.execute(
        `insert into insurance_record (id, citizen_id, insurance_type, region, personnel_category, start_month, status, contribution_base, opened_by_case, created_at)
         values (gen_random_uuid(), '330102199901010011', 'pension', '330102', 'employee', '2026-01', 'active', '5000.00', ?, now())`,
        [caseId],
      );
    await insert('one-pension-a');
    await expect(insert('one-pension-b')).rejects.toThrow(/insurance_record_one_active_pension/);
  });
});
