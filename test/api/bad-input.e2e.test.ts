import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../api/auth/tokens.js';
import { addDays } from '../../domain/calendar/local-date.js';
import { citizenId, enrollmentBody, SEEDED_EMPLOYER_330102, SEEDED_EMPLOYER_330106 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { fieldPathsOf, itemsOf, lateHireInReview, writtenRows } from './review-fixture.js';

/** Swaps the check character of a valid ID for a different one, so only the GB 11643 check fails (§1.1, E7). */
function withWrongCheckDigit(id: string): string {
  const check = id.slice(-1);
  return id.slice(0, 17) + (check === '0' ? '1' : '0');
}

describe('bad input, authentication and masking over HTTP: the right 4xx problem+json, and nothing written', () => {
  let system: TestSystem;
  let employer: string;

  beforeAll(async () => {
    system = await startSystem();
    employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-bad' });
  });
  afterAll(async () => system?.close());

  /** Sends the request and checks that case_record, audit_entry, timeline_entry and task did not change. */
  async function refused(method: string, path: string, options: Parameters<TestSystem['call']>[2]) {
    const before = await writtenRows(system);
    const answer = await system.call(method, path, options);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ status: answer.status, code: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    expect(await writtenRows(system)).toEqual(before);
    return answer;
  }
  /**
   * A POST on a connection of its own: the server answers 413 without reading the body and may then close the
   * socket, which must not break the next request of the shared fetch pool.
   */
  function postOnOwnConnection(path: string, token: string, body: string): Promise<{ status: number; contentType: string; text: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${system.url}${path}`,
        {
          method: 'POST',
          agent: false,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']), text }));
        },
      );
      // The server may hang up while the body is still going out; the answer has usually arrived by then.
      request.on('error', reject);
      request.end(body);
    });
  }
  const fieldPaths = fieldPathsOf;

  it('a citizen ID with a wrong check digit → 400 naming person.citizenId (§1.1, E7)', async () => {
    const answer = await refused('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ citizenId: withWrongCheckDigit(citizenId()) }) });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(fieldPaths(answer.body)).toEqual(['person.citizenId']);
  });

  it('an impossible date (hireDate 2026-02-30) → 400 naming hireDate (rules principle 3)', async () => {
    const answer = await refused('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ hireDate: '2026-02-30' }) });
    expect(answer.status).toBe(400);
    expect(fieldPaths(answer.body)).toEqual(['hireDate']);
  });

  it('input no case could accept → 400 naming the field, nothing written and no workflow started: a birth date in the future, a hire before birth, a region not served (issue "Right on any day" point 3)', async () => {
    const today = system.clock.today();
    const startedAt = new Date().toISOString();
    const unborn = citizenId({ birthDate: addDays(today, 30) });
    const future = await refused('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ citizenId: unborn }) });
    expect(future.status).toBe(400);
    expect(fieldPaths(future.body)).toEqual(['person.citizenId']);

    const baby = citizenId({ birthDate: addDays(today, -30) });
    const beforeBirth = await refused('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ citizenId: baby, hireDate: addDays(today, -40) }) });
    expect(beforeBirth.status).toBe(400);
    expect(beforeBirth.body.errors).toEqual([{ path: 'hireDate', message: 'is before the birth date in the ID number' }]);

    const unknownRegion = await refused('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ region: '330109' }) });
    expect(unknownRegion.status).toBe(400);
    expect(fieldPaths(unknownRegion.body)).toEqual(['region']);

    const declaration = await refused('POST', '/v1/declarations', {
      token: employer,
      body: { period: today.slice(0, 7), lines: [{ citizenId: unborn, name: '未出生', monthlyWage: '8000.00', insuranceTypes: ['pension'] }] },
    });
    expect(declaration.status).toBe(400);
    expect(fieldPaths(declaration.body)).toEqual(['lines[0].citizenId']);
    // The case row comes before the workflow (docs/architecture.md "Case = workflow"): with no row written, nothing was started.
    let started = 0;
    for await (const _execution of system.temporal.workflow.list({ query: `TaskQueue = '${system.taskQueue}' AND StartTime > '${startedAt}'` })) started += 1;
    expect(started).toBe(0);
  });

  it('a wage with three decimals → 400 naming monthlyWage (§3.4, money has two places)', async () => {
    const answer = await refused('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ monthlyWage: '8000.005' }) });
    expect(answer.status).toBe(400);
    expect(fieldPaths(answer.body)).toEqual(['monthlyWage']);
    // A JSON number is refused too: amounts never travel as binary floats.
    const asNumber = await refused('POST', '/v1/enrollments', { token: employer, body: { ...enrollmentBody(), monthlyWage: 8000 } });
    expect(asNumber.status).toBe(400);
    expect(fieldPaths(asNumber.body)).toEqual(['monthlyWage']);
  });

  it('an unknown insurance type → 400 naming insuranceTypes.0 (§3.1)', async () => {
    const answer = await refused('POST', '/v1/enrollments', { token: employer, body: enrollmentBody({ insuranceTypes: ['longTermCare', 'pension'] }) });
    expect(answer.status).toBe(400);
    expect(fieldPaths(answer.body)).toEqual(['insuranceTypes.0']);
  });

  it('a 2 MiB body → 413 PAYLOAD_TOO_LARGE before anything reads it', async () => {
    const huge = JSON.stringify({ ...enrollmentBody(), padding: 'x'.repeat(2 * 1024 * 1024) });
    const before = await writtenRows(system);
    const answer = await postOnOwnConnection('/v1/enrollments', employer, huge);
    expect(answer.status).toBe(413);
    expect(answer.contentType).toContain('application/problem+json');
    expect(JSON.parse(answer.text)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await writtenRows(system)).toEqual(before);
  });

  it('no token → 401, a token signed with another secret → 401, and neither files anything', async () => {
    const none = await refused('POST', '/v1/enrollments', { body: enrollmentBody() });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const forged = await signToken('a-secret-the-server-does-not-know-0123456789', { role: 'admin', region: '330102', sub: 'mallory' });
    const answer = await refused('POST', '/v1/enrollments', { token: forged, body: enrollmentBody() });
    expect(answer.status).toBe(401);
    expect((await refused('GET', '/v1/cases', { token: forged })).status).toBe(401);
    expect((await refused('GET', '/v1/cases', { token: 'not.a.jwt' })).status).toBe(401);
  });

  it('a flexible worker asking for unemployment insurance → 422 ENROLLMENT_REFUSED naming insuranceTypes (§2 flexible employment)', async () => {
    const id = citizenId();
    const citizen = await system.token({ role: 'citizen', sub: id });
    const answer = await refused('POST', '/v1/enrollments', {
      token: citizen,
      body: enrollmentBody({ citizenId: id, employerCreditCode: undefined, insuranceTypes: ['pension', 'medical', 'unemployment'] }),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('ENROLLMENT_REFUSED');
    expect(fieldPaths(answer.body)).toEqual(['insuranceTypes']);
  });

  it('an employer agent filing for another employer → 403 with the reason (docs/architecture.md "Permissions")', async () => {
    const answer = await refused('POST', '/v1/enrollments', {
      token: employer,
      body: enrollmentBody({ employerCreditCode: SEEDED_EMPLOYER_330106, region: '330106' }),
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN');
    expect(answer.body.detail.length).toBeGreaterThan(0);
  });

  it('a malformed cursor → 400 naming cursor, on cases and tasks (docs/api.md "General")', async () => {
    const caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-bad' });
    for (const path of ['/v1/cases?cursor=not-a-cursor', '/v1/tasks?view=available&cursor=%25%25%25', '/v1/cases?cursor=eyJhIjoxfQ']) {
      const answer = await refused('GET', path, { token: caseworker });
      expect(answer.status).toBe(400);
      expect(fieldPaths(answer.body)).toEqual(['cursor']);
    }
  });

  it('a valid request from the same caller is accepted (control: the refusals above are about the input, not the caller)', async () => {
    const answer = await system.call('POST', '/v1/enrollments', { token: employer, body: enrollmentBody() });
    expect(answer.status).toBe(202);
  });

  describe('masking (docs/architecture.md "Data": ID numbers masked unless the role needs them)', () => {
    it('the employer and an auditor see 110105********002X-style IDs; caseworkers and the supervisor of the region see them whole', async () => {
      const { caseId, citizenId: id } = await lateHireInReview(system, employer);
      const masked = `${id.slice(0, 6)}********${id.slice(14)}`;
      const seen = async (token: string) => (await system.call('GET', `/v1/cases/${caseId}`, { token })).body.subject.citizenId as string;

      expect(await seen(employer)).toBe(masked);
      expect(await seen(await system.token({ role: 'auditor', region: '330102', sub: 'au-1' }))).toBe(masked);
      expect(await seen(await system.token({ role: 'caseworker', region: '330102', sub: 'cw-m' }))).toBe(id);
      expect(await seen(await system.token({ role: 'supervisor', region: '330102', sub: 'sv-m' }))).toBe(id);

      // Lists follow the same rule.
      const list = await system.call('GET', '/v1/cases?limit=100', { token: employer });
      const listed = itemsOf<{ caseId: string; subject: { citizenId: string } }>(list.body).find((c) => c.caseId === caseId);
      expect(listed?.subject.citizenId).toBe(masked);
      expect(JSON.stringify(list.body)).not.toContain(id);
    });
  });

  describe('citizen self-service (§2 flexible employment)', () => {
    it('a citizen registers as a flexible worker (pension + medical), sees only their own cases, unmasked; another citizen gets 404', async () => {
      const id = citizenId({ birthDate: '1988-05-12' });
      const citizen = await system.token({ role: 'citizen', sub: id });
      // Someone else's case exists in the same region, so "only their own" is a real filter.
      await system.call('POST', '/v1/enrollments', { token: employer, body: enrollmentBody() });

      const started = await system.call('POST', '/v1/enrollments', {
        token: citizen,
        body: enrollmentBody({ citizenId: id, employerCreditCode: undefined, insuranceTypes: ['pension', 'medical'] }),
      });
      expect(started.status).toBe(202);
      const { caseId, reference } = started.body;
      // Let the case finish first: its own timeline lines must not land inside the "nothing written" window below.
      await system.eventually(async () => {
        const view = await system.call('GET', `/v1/cases/${reference}`, { token: citizen });
        return view.body.closedAt ? true : undefined;
      });

      const mine = await system.call('GET', '/v1/cases?limit=100', { token: citizen });
      expect(mine.status).toBe(200);
      expect(itemsOf<{ caseId: string }>(mine.body).map((c) => c.caseId)).toEqual([caseId]);
      const own = await system.call('GET', `/v1/cases/${reference}`, { token: citizen });
      expect(own.status).toBe(200);
      expect(own.body.subject).toMatchObject({ citizenId: id, employerCreditCode: null });

      const stranger = await system.token({ role: 'citizen', sub: citizenId() });
      for (const key of [caseId, reference]) {
        const answer = await system.call('GET', `/v1/cases/${key}`, { token: stranger });
        expect(answer.status).toBe(404);
        expect(answer.body.code).toBe('CASE_NOT_FOUND');
      }
      expect((await system.call('GET', '/v1/cases?limit=100', { token: stranger })).body.items).toEqual([]);

      // A citizen files only for themself.
      const forOther = await refused('POST', '/v1/enrollments', {
        token: stranger,
        body: enrollmentBody({ citizenId: id, employerCreditCode: undefined, insuranceTypes: ['pension'] }),
      });
      expect(forOther.status).toBe(403);
    });
  });
});
