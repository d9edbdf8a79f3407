// 办事指南 over real HTTP (issue 14 point 1): public without a token, searchable in Chinese, and it reads the very
// configuration the commands load — an administrator changes a setting through the API and the guide changes with it.
// The settings this file changes are put back afterwards (other files share the database).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnrollmentPolicy } from '../../db/queries/settings.query.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('GET /v1/guide and PUT /v1/settings/{key} (real PostgreSQL, HTTP)', () => {
  let system: TestSystem;
  let admin: string;
  let saved: { key: string; value: unknown }[] = [];

  beforeAll(async () => {
    system = await startSystem();
    admin = await system.token({ role: 'admin', region: '330102', sub: 'adm-guide' });
    saved = await system.orm.em
      .fork()
      .execute<{ key: string; value: unknown }[]>("select key, value from setting where key in ('enrollment.policy', 'contribution.policy')");
  });
  afterAll(async () => {
    if (!system) return;
    const em = system.orm.em.fork();
    await em.execute("delete from setting where key in ('enrollment.policy', 'contribution.policy')");
    for (const row of saved) await em.execute('insert into setting (key, value, updated_at) values (?, ?, now())', [row.key, JSON.stringify(row.value)]);
    await system.close();
  });

  const procedure = (body: { procedures: { id: string }[] }, id: string) =>
    body.procedures.find((p) => p.id === id) as { id: string; steps: string[]; deadlines: { setting: string; value: unknown; unit: string }[] } | undefined;

  it('answers every procedure without a token, with the figures the enrollment command loads (rules §2)', async () => {
    const answer = await system.call('GET', '/v1/guide');
    expect(answer.status).toBe(200);
    expect(answer.body.asOf).toBe(system.clock.today());
    expect(answer.body.procedures.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['enrollment', 'leaver', 'declaration', 'payment', 'arrears', 'petition', 'transfer', 'benefit-pension']),
    );
    const policy = await loadEnrollmentPolicy(system.orm.em.fork());
    const enrollment = procedure(answer.body, 'enrollment');
    expect(enrollment?.deadlines.find((d) => d.setting === 'enrollment.policy#reviewWorkingDays')?.value).toBe(policy.reviewWorkingDays);
    expect(enrollment?.deadlines.find((d) => d.setting === 'enrollment.policy#correctionDays')?.value).toBe(policy.correctionDays);
  });

  it('changes with a setting an administrator changes through the API, and the change is audited', async () => {
    const current = await loadEnrollmentPolicy(system.orm.em.fork());
    const correctionDays = current.correctionDays + 7;
    const put = await system.call('PUT', '/v1/settings/enrollment.policy', { token: admin, body: { value: { reviewSampleRate: '0', correctionDays } } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ key: 'enrollment.policy', value: { correctionDays } });

    const after = await system.call('GET', '/v1/guide');
    const enrollment = procedure(after.body, 'enrollment');
    expect(enrollment?.deadlines.find((d) => d.setting === 'enrollment.policy#correctionDays')?.value).toBe(correctionDays);
    expect(enrollment?.steps.join('')).toContain(`${correctionDays}日内补正`);
    // What a new enrollment case is given is what the guide now says.
    expect((await loadEnrollmentPolicy(system.orm.em.fork())).correctionDays).toBe(correctionDays);

    const [latest] = await system.orm.em
      .fork()
      .execute<{ action: string; actor_id: string; detail: { after: { correctionDays: number } } }[]>(
        "select action, actor_id, detail from audit_entry where object_type = 'Setting' and object_id = 'enrollment.policy' order by id desc limit 1",
      );
    expect(latest).toMatchObject({ actor_id: 'adm-guide', detail: { after: { correctionDays } } });
  });

  it('a late-fee rate changed through the API shows in the payment and arrears procedures (rules §4)', async () => {
    const put = await system.call('PUT', '/v1/settings/contribution.policy', {
      token: admin,
      body: { value: { lateFee: { dailyRate: '0.0004' }, orderToPayDays: 8 } },
    });
    expect(put.status).toBe(200);
    const guide = await system.call('GET', '/v1/guide?q=' + encodeURIComponent('滞纳金'));
    expect(procedure(guide.body, 'payment')?.deadlines[0]).toMatchObject({ value: '0.04', unit: 'percentPerDay' });
    expect(procedure(guide.body, 'arrears')?.steps.join('')).toContain('限期8个工作日内缴纳');
  });

  it('finds procedures by Chinese terms (?q=)', async () => {
    const found = await system.call('GET', `/v1/guide?q=${encodeURIComponent('信访 复查')}`);
    expect(found.status).toBe(200);
    expect(found.body.query).toBe('信访 复查');
    expect(found.body.procedures.map((p: { id: string }) => p.id)).toEqual(['petition']);
    const none = await system.call('GET', `/v1/guide?q=${encodeURIComponent('火星移民')}`);
    expect(none.body.procedures).toEqual([]);
    const long = await system.call('GET', `/v1/guide?q=${'长'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.errors[0].path).toBe('q');
  });

  it('refuses a setting from anyone but an administrator (403), a bad value naming the field and an unknown key (400), changing nothing', async () => {
    const before = await loadEnrollmentPolicy(system.orm.em.fork());
    const supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sup-guide' });
    const refused = await system.call('PUT', '/v1/settings/enrollment.policy', { token: supervisor, body: { value: { correctionDays: 1 } } });
    expect(refused.status).toBe(403);
    const anonymous = await system.call('PUT', '/v1/settings/enrollment.policy', { body: { value: { correctionDays: 1 } } });
    expect(anonymous.status).toBe(401);

    const bad = await system.call('PUT', '/v1/settings/enrollment.policy', {
      token: admin,
      body: { value: { correctionDays: 'fifteen', reviewSampleRate: '0' } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['value.correctionDays']);
    const unknown = await system.call('PUT', '/v1/settings/payroll.secret', { token: admin, body: { value: {} } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].path).toBe('key');
    expect(await loadEnrollmentPolicy(system.orm.em.fork())).toEqual(before);
  });

  it('declares the public route without security in the OpenAPI document', async () => {
    const doc = await system.call('GET', '/openapi.json');
    expect(doc.body.paths['/v1/guide'].get.security).toEqual([]);
    expect(doc.body.paths['/v1/settings/{key}'].put.responses).toHaveProperty('403');
  });
});
