import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { readNotices } from '../../../services/notices/read-notices.js';
import { contextOn, openTestDatabase } from '../../support/command-context.js';
import { aCitizen } from '../petitions/petition-fixture.js';

describe('readNotices (services/notices, real PostgreSQL)', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openTestDatabase();
  });
  afterAll(async () => orm?.close());

  const notice = (recipientId: string, kind: string) =>
    orm.em.fork().execute(
      `insert into notice_outbox (id, case_id, dedupe_key, recipient_kind, recipient_id, kind, channel, payload, created_at)
       values (?, 'case-x', ?, 'citizen', ?, ?, 'letter', '{}', now())`,
      [crypto.randomUUID(), crypto.randomUUID(), recipientId, kind],
    );

  it('gives a citizen their own notices only, newest first, and refuses staff with 403 (docs/architecture.md "Permissions")', async () => {
    const [alice, bob] = [aCitizen(), aCitizen()];
    await notice(alice.id, 'petition_registered');
    await notice(bob.id, 'petition_accepted');
    const page = await readNotices(contextOn(orm, alice), { limit: 20 });
    expect(page.items.map((item) => item.kind)).toEqual(['petition_registered']);
    const error = await readNotices(contextOn(orm, { id: 'cw-1', role: 'caseworker', region: '330102' }), { limit: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('FORBIDDEN');
  });
});
