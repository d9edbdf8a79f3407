import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenId, creditCode } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('GET /v1/notices (real PostgreSQL, HTTP)', () => {
  let system: TestSystem;
  const citizenA = citizenId();
  const citizenB = citizenId();
  // An employer of its own: the seeded ones receive notices from every other test file that runs on the shared database.
  const employer = creditCode();

  const insert = async (kind: 'citizen' | 'employer', recipient: string, notice: string, minutesAgo: number) => {
    const id = randomUUID();
    await system.orm.em.fork().execute(
      `insert into notice_outbox (id, case_id, recipient_kind, recipient_id, channel, kind, payload, created_at, dedupe_key)
       values (?, ?, ?, ?, 'sms', ?, ?, now() - make_interval(mins => ?), ?)`,
      [id, `case-${recipient}`, kind, recipient, notice, JSON.stringify({ reference: 'XF2026000001' }), minutesAgo, `test:${id}`],
    );
    return id;
  };

  beforeAll(async () => {
    system = await startSystem();
    for (let i = 0; i < 3; i += 1) await insert('citizen', citizenA, `a_${i}`, 10 - i);
    await insert('citizen', citizenB, 'b_0', 1);
    await insert('employer', employer, 'employer_0', 1);
  });
  afterAll(async () => system?.close());

  it('a citizen sees only the notices sent to their own ID number, newest first, page by page (docs/architecture.md "Permissions")', async () => {
    const token = await system.token({ role: 'citizen', sub: citizenA });
    const first = await system.call('GET', '/v1/notices?limit=2', { token });
    expect(first.status).toBe(200);
    expect(first.body.items.map((n: { kind: string }) => n.kind)).toEqual(['a_2', 'a_1']);
    const second = await system.call('GET', `/v1/notices?limit=2&cursor=${first.body.nextCursor}`, { token });
    expect(second.body.items.map((n: { kind: string }) => n.kind)).toEqual(['a_0']);
    expect(second.body.nextCursor).toBeNull();

    const other = await system.call('GET', '/v1/notices', { token: await system.token({ role: 'citizen', sub: citizenB }) });
    expect(other.body.items.map((n: { kind: string }) => n.kind)).toEqual(['b_0']);
  });

  it('an employer agent sees their employer’s notices; staff are refused with 403 (docs/architecture.md "Permissions")', async () => {
    const agent = await system.token({ role: 'employer', employer, sub: 'agent-n' });
    const page = await system.call('GET', '/v1/notices', { token: agent });
    expect(page.body.items.map((n: { kind: string }) => n.kind)).toEqual(['employer_0']);
    const staff = await system.call('GET', '/v1/notices', { token: await system.token({ role: 'caseworker', sub: 'cw-n', region: '330102' }) });
    expect(staff.status).toBe(403);
  });

  it('a forged cursor is a 400 naming cursor, not a way into someone else’s notices (docs/api.md pagination)', async () => {
    const token = await system.token({ role: 'citizen', sub: citizenA });
    const bad = await system.call('GET', '/v1/notices?cursor=not*a*cursor', { token });
    expect(bad.status).toBe(400);
  });
});
