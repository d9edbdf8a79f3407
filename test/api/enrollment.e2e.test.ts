import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '../../domain/money.js';
import { citizenId, enrollmentBody, SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

describe('POST /v1/enrollments (real PostgreSQL, Temporal dev server, worker, HTTP)', () => {
  let system: TestSystem;
  let employer: string;

  beforeAll(async () => {
    system = await startSystem();
    employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-1' });
  });
  afterAll(async () => system?.close());

  it('insures a clean hire automatically and opens a record per insurance with the base clamped to the floor (§3.2)', async () => {
    const id = citizenId();
    const started = await system.call('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ citizenId: id, monthlyWage: '3000.00' }) });
    expect(started.status).toBe(202);
    expect(started.body.reference).toMatch(new RegExp(`^EN${system.clock.today().slice(0, 4)}\\d{6}$`));

    const insured = await system.eventually(async () => {
      const view = await system.call('GET', `/v1/cases/${started.body.reference}`, { token: employer });
      return view.body.status === 'insured' ? view.body : undefined;
    });
    expect(insured.subject.citizenId).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
    expect(insured.timeline.map((line: { action: string }) => line.action)).toEqual(
      expect.arrayContaining(['case.submitted', 'checks.passed', 'status.insured']),
    );
    const records = await system.orm.em
      .fork()
      .execute<{ insurance_type: string; contribution_base: string; start_month: string }[]>(
        'select insurance_type, contribution_base, start_month from insurance_record where citizen_id = ? order by insurance_type',
        [id],
      );
    // The floor of the parameter set in force on the hire date (60 % of its average wage); coverage from the hire month.
    const hireDate = enrollmentBody().hireDate;
    const set = (await system.call('GET', `/v1/regions/330102/parameters?date=${hireDate}`, { token: employer })).body;
    const floor = Money.of(set.averageMonthlyWage).applyRate(set.baseFloorRate, 'HALF_UP_FEN').toString();
    expect(records).toEqual(
      ['medical', 'pension', 'unemployment', 'workInjury'].map((insurance_type) => ({
        insurance_type,
        contribution_base: floor,
        start_month: hireDate.slice(0, 7),
      })),
    );
  });

  it('returns the same case when the same registration is sent twice', async () => {
    const body = enrollmentBody();
    const first = await system.call('POST', '/v1/enrollments', { token: employer, body });
    const second = await system.call('POST', '/v1/enrollments', { token: employer, body });
    expect(second.status).toBe(202);
    expect(second.body.caseId).toBe(first.body.caseId);
    const rows = await system.orm.em.fork().execute<{ count: string }[]>('select count(*) from case_record where citizen_id = ?', [body.person.citizenId]);
    expect(Number(rows[0]?.count)).toBe(1);
  });
});
