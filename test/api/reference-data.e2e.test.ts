import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCode, SEEDED_EMPLOYER_330102, SEEDED_EMPLOYER_330106 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { auditActions, fieldPathsOf, itemsOf, writtenRows } from './review-fixture.js';

type Parameters = Record<string, unknown> & { region: string; effectiveFrom: string; averageMonthlyWage: string };

describe('reference data over HTTP: regions, dated parameters, employers', () => {
  let system: TestSystem;
  let admin: string;
  let caseworker: string;

  beforeAll(async () => {
    system = await startSystem();
    admin = await system.token({ role: 'admin', region: '330102', sub: 'admin-1' });
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-ref' });
  });
  afterAll(async () => system?.close());

  const parametersOn = (date: string, token = caseworker) => system.call('GET', `/v1/regions/330102/parameters?date=${date}`, { token });

  /** The body of a PUT: the GET shape without the two keys the path carries. */
  const bodyFrom = ({ region: _region, effectiveFrom: _from, ...rest }: Parameters) => rest;

  it('GET /v1/regions lists the regions the system serves', async () => {
    const answer = await system.call('GET', '/v1/regions', { token: caseworker });
    expect(answer.status).toBe(200);
    const regions = itemsOf<{ code: string }>(answer.body);
    const codes = regions.map((r) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['330100', '330102', '330106', '330108']));
    expect(regions.find((r) => r.code === '330102')).toMatchObject({ parentCode: '330100', name: expect.any(String) });
  });

  it('parameters are dated (§3.2): 2025-06-01 answers the 2025 set (avg 7600.00), 2026-06-01 the 2026 set (avg 7950.00), as decimal strings', async () => {
    const y2025 = await parametersOn('2025-06-01');
    const y2026 = await parametersOn('2026-06-01');
    expect(y2025.status).toBe(200);
    expect(y2025.body).toMatchObject({ region: '330102', effectiveFrom: '2025-01-01', averageMonthlyWage: '7600.00' });
    expect(y2026.body).toMatchObject({ region: '330102', effectiveFrom: '2026-01-01', averageMonthlyWage: '7950.00' });
    expect(typeof y2026.body.rates.pension.employer).toBe('string');
    expect(typeof y2026.body.baseFloorRate).toBe('string');
  });

  it('an admin records a set for 2027-01-01: 2027-02-01 answers it, 2026-12-31 still the 2026 set; the audit log has it', async () => {
    const current = (await parametersOn('2026-06-01')).body as Parameters;
    const next = { ...bodyFrom(current), averageMonthlyWage: '8300.00' };

    const put = await system.call('PUT', '/v1/regions/330102/parameters/2027-01-01', { token: admin, body: next });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ region: '330102', effectiveFrom: '2027-01-01', averageMonthlyWage: '8300.00' });

    expect((await parametersOn('2027-02-01')).body).toMatchObject({ effectiveFrom: '2027-01-01', averageMonthlyWage: '8300.00' });
    expect((await parametersOn('2026-12-31')).body).toMatchObject({ effectiveFrom: '2026-01-01', averageMonthlyWage: '7950.00' });
    expect(await auditActions(system, '330102:2027-01-01')).toEqual([{ action: 'parameters.recorded', actor_id: 'admin-1' }]);

    // The same date again replaces the set (the row is loaded and its Decimal amounts assigned: once a 500).
    const again = await system.call('PUT', '/v1/regions/330102/parameters/2027-01-01', { token: admin, body: { ...next, averageMonthlyWage: '8400.00' } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect((await parametersOn('2027-02-01')).body).toMatchObject({ effectiveFrom: '2027-01-01', averageMonthlyWage: '8400.00' });
    expect((await auditActions(system, '330102:2027-01-01')).map((a) => a.action)).toEqual(['parameters.recorded', 'parameters.replaced']);
  });

  it('a non-admin PUT → 403 and nothing is recorded; an admin of another region → 403 too', async () => {
    const current = (await parametersOn('2026-06-01')).body as Parameters;
    const body = { ...bodyFrom(current), averageMonthlyWage: '9999.00' };
    const before = await writtenRows(system);
    const otherAdmin = await system.token({ role: 'admin', region: '330106', sub: 'admin-6' });
    for (const token of [caseworker, await system.token({ role: 'supervisor', region: '330102', sub: 'sv-ref' }), otherAdmin]) {
      const answer = await system.call('PUT', '/v1/regions/330102/parameters/2028-01-01', { token, body });
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('FORBIDDEN');
    }
    expect(await writtenRows(system)).toEqual(before);
    expect((await parametersOn('2028-06-01')).body.effectiveFrom).not.toBe('2028-01-01');
  });

  it('a bad rate → 400 naming the field, and nothing is recorded', async () => {
    const current = (await parametersOn('2026-06-01')).body as Parameters & { rates: { pension: { employer: string; employee: string } } };
    const base = bodyFrom(current) as Record<string, unknown> & { rates?: Record<string, unknown> };
    const before = await writtenRows(system);
    const badPension = { ...base, rates: { ...base.rates, pension: { ...current.rates.pension, employer: '0.16.5' } } };
    const answer = await system.call('PUT', '/v1/regions/330102/parameters/2029-01-01', { token: admin, body: badPension });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldPathsOf(answer.body)).toEqual(['rates.pension.employer']);

    const numberRate = await system.call('PUT', '/v1/regions/330102/parameters/2029-01-01', { token: admin, body: { ...base, baseFloorRate: 0.6 } });
    expect(numberRate.status).toBe(400);
    expect(fieldPathsOf(numberRate.body)).toEqual(['baseFloorRate']);
    expect(await writtenRows(system)).toEqual(before);
    expect((await parametersOn('2029-06-01')).body.effectiveFrom).not.toBe('2029-01-01');
  });

  describe('employers', () => {
    it('a caseworker registers an employer (201, audited); the same credit code again → 409 EMPLOYER_EXISTS (§1.2)', async () => {
      const code = creditCode('330102');
      const body = { creditCode: code, name: '杭州测试科技有限公司', region: '330102', industryCode: 'I6510', workInjuryClass: 1 };
      const created = await system.call('POST', '/v1/employers', { token: caseworker, body });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ creditCode: code, region: '330102', status: 'active', workInjuryClass: 1 });
      expect(await auditActions(system, code)).toEqual([{ action: 'employer.registered', actor_id: 'cw-ref' }]);

      const again = await system.call('POST', '/v1/employers', { token: caseworker, body: { ...body, name: '另一个名字' } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('EMPLOYER_EXISTS');
      expect(await auditActions(system, code)).toHaveLength(1);
    });

    it('a caseworker may not register an employer in another region (403) or as an employer agent (403)', async () => {
      const before = await writtenRows(system);
      const elsewhere = await system.call('POST', '/v1/employers', {
        token: caseworker,
        body: { creditCode: creditCode('330106'), name: '西湖公司', region: '330106' },
      });
      expect(elsewhere.status).toBe(403);
      const agent = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-ref' });
      const byAgent = await system.call('POST', '/v1/employers', {
        token: agent,
        body: { creditCode: creditCode('330102'), name: '代理公司', region: '330102' },
      });
      expect(byAgent.status).toBe(403);
      expect(await writtenRows(system)).toEqual(before);
    });

    it("GET /v1/employers lists only the staff member's own region", async () => {
      const list = await system.call('GET', '/v1/employers?limit=100', { token: caseworker });
      expect(list.status).toBe(200);
      const employers = itemsOf<{ creditCode: string; region: string }>(list.body);
      const codes = employers.map((e) => e.creditCode);
      expect(codes).toContain(SEEDED_EMPLOYER_330102);
      expect(codes).not.toContain(SEEDED_EMPLOYER_330106);
      expect(new Set(employers.map((e) => e.region))).toEqual(new Set(['330102']));
      // Asking for the other region explicitly does not widen the scope.
      const other = await system.call('GET', '/v1/employers?region=330106', { token: caseworker });
      expect(other.body.items).toEqual([]);
    });
  });
});
