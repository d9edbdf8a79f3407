import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { type Beneficiary, pensionApprovedMonthsAgo } from './payroll-fixture.js';

// The verification sweep of 330212 (the region test/api/verification.e2e.test.ts pays); this file runs no payroll.
const REGION = '330212';

describe('the verification cycle is the setting payroll.verification (待遇资格认证, rules §8; PUT /v1/settings)', () => {
  let system: TestSystem;
  let admin: string;
  let sv: string;
  let cw: string;
  /** Approved seven months ago: verified under the 12-month default, overdue under a 6-month cycle without grace. */
  let sevenMonths: Beneficiary;
  /** Approved three months ago: verified under both. */
  let threeMonths: Beneficiary;

  const pensionApproved = (monthsAgo: number) => pensionApprovedMonthsAgo(system.orm, system.clock, REGION, monthsAgo);
  const statusOf = async (b: Beneficiary) => {
    const res = await system.call('GET', `/v1/persons/${b.citizenId}/verification`, { token: cw });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { status: string; dueOn: string };
  };
  const stored = async () =>
    (await system.orm.em.fork().execute<{ value: unknown }[]>(`select value from setting where key = 'payroll.verification'`)).map((r) => r.value);

  beforeAll(async () => {
    system = await startSystem();
    admin = await system.token({ role: 'admin', region: REGION, sub: 'ad-vfs-1' });
    sv = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-vfs-1' });
    cw = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-vfs-1' });
    sevenMonths = await pensionApproved(7);
    threeMonths = await pensionApproved(3);
  });
  afterAll(async () => {
    // The database is shared by the run: leave the defaults for the files after this one.
    if (admin) await system.call('PUT', '/v1/settings/payroll.verification', { token: admin, body: { value: { versions: [] } } });
    await system?.close();
  });

  it('refuses a value that does not fit, naming the field, and a caller who is not an administrator; nothing is stored', async () => {
    const before = await stored();
    const bad = await system.call('PUT', '/v1/settings/payroll.verification', {
      token: admin,
      body: { value: { versions: [{ effectiveFrom: system.clock.today(), cycleMonths: 0, graceDays: 'thirty', acceptedEvidence: ['officeVisit'] }] } },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      'value.versions.0.cycleMonths',
      'value.versions.0.graceDays',
      'value.versions.0.acceptedEvidence',
    ]);
    const flat = await system.call('PUT', '/v1/settings/payroll.verification', { token: admin, body: { value: { cycleMonths: 6 } } });
    expect(flat.status).toBe(400);
    expect((flat.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['value.versions']);
    const bySupervisor = await system.call('PUT', '/v1/settings/payroll.verification', {
      token: sv,
      body: { value: { versions: [{ effectiveFrom: system.clock.today(), cycleMonths: 6 }] } },
    });
    expect(bySupervisor.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('a 6-month cycle in force from today makes the person approved seven months ago overdue, and the sweep suspends them alone (§8)', async () => {
    expect((await statusOf(sevenMonths)).status).toBe('verified');
    expect((await statusOf(threeMonths)).status).toBe('verified');

    const today = system.clock.today();
    const value = {
      versions: [
        { effectiveFrom: today, source: '测试: 认证周期六个月', cycleMonths: 6, graceDays: 0 },
        // Not yet in force: a 2-month cycle from tomorrow changes nobody's status today.
        { effectiveFrom: addDays(today, 1), cycleMonths: 2 },
      ],
    };
    const put = await system.call('PUT', '/v1/settings/payroll.verification', { token: admin, body: { value } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ key: 'payroll.verification', value });
    const [audit] = await system.orm.em
      .fork()
      .execute<{ actor_id: string; detail: { after: unknown } }[]>(
        `select actor_id, detail from audit_entry where object_type = 'Setting' and object_id = 'payroll.verification' order by id desc limit 1`,
      );
    expect(audit).toMatchObject({ actor_id: 'ad-vfs-1', detail: { after: value } });

    const overdue = await statusOf(sevenMonths);
    expect(overdue.status).toBe('overdue');
    const current = await statusOf(threeMonths);
    expect(current.status).toBe('verified');
    // Due one 6-month cycle after the approval day.
    expect(current.dueOn.slice(0, 7)).toBe(addPeriods(monthOf(today), 3));

    const swept = await system.call('POST', '/v1/verification-sweeps', { token: sv, body: { region: REGION } });
    expect(swept.status, JSON.stringify(swept.body)).toBe(200);
    const suspended = await system.orm.em
      .fork()
      .execute<{ entitlement_id: string }[]>(`select entitlement_id from benefit_suspension where entitlement_id in (?, ?) and resumed_in is null`, [
        sevenMonths.entitlementId,
        threeMonths.entitlementId,
      ]);
    expect(suspended.map((s) => s.entitlement_id)).toEqual([sevenMonths.entitlementId]);

    // Back to the default 12 months: the seven-month-old approval is current again (its suspension waits for evidence).
    const reset = await system.call('PUT', '/v1/settings/payroll.verification', { token: admin, body: { value: { versions: [] } } });
    expect(reset.status).toBe(200);
    expect((await statusOf(sevenMonths)).status).toBe('verified');
  });
});
