// Fund supervision (基金监管, issue 14 point 5, rules §8) through real HTTP on real PostgreSQL and Temporal: the death
// and prison feeds matched against active benefits open one investigation per matter however often the feed comes
// again; the investigation is assigned, the investigator finds fraud with a fine of 2–5 × (社会保险法 art. 88) and a
// second supervisor closes it (four eyes); only the region's supervisors and auditors read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { type Beneficiary, deathFeed, latePension } from './payroll-fixture.js';

// The database is shared by the whole run: this file owns region 330110.
const REGION = '330110';

interface Summary {
  reference: string;
  caseId: string;
  status: string;
  control: string;
}

describe('fund supervision: controls on the exchange feeds open investigations; assign → findings → four-eyes close (real services, HTTP)', () => {
  let system: TestSystem;
  let sv1: string;
  let sv2: string;
  let cw: string;
  let auditor: string;
  let otherSupervisor: string;
  let deceased: Beneficiary;
  let prisoner: Beneficiary;

  const feed = (kind: 'deaths' | 'imprisonments', text: string) =>
    system.call('POST', `/v1/exchange/${kind}`, { token: sv1, body: text, headers: { 'content-type': 'text/csv' } });
  const list = async (token: string): Promise<Summary[]> => (await system.call('GET', '/v1/investigations?limit=100', { token })).body.items;
  const hitsOf = async (citizenId: string) =>
    system.orm.em
      .fork()
      .execute<{ control: string; investigation_case_id: string | null }[]>('select control, investigation_case_id from supervision_hit where citizen_id = ?', [
        citizenId,
      ]);
  const taskOf = (token: string, caseId: string, step: string) =>
    system.eventually(async () => {
      const page = await system.call('GET', '/v1/tasks?view=available&limit=100', { token });
      return (page.body.items as { taskId: string; caseId: string; step: string }[]).find((t) => t.caseId === caseId && t.step === step)?.taskId;
    }, 60_000);
  const decide = async (token: string, taskId: string, outcome: string, comment = '', data: Record<string, unknown> = {}) => {
    const claim = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    const done = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment, data } });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  };
  const statusIs = (reference: string, status: string) =>
    system.eventually(async () => {
      const view = await system.call('GET', `/v1/investigations/${reference}`, { token: sv1 });
      return view.body.status === status ? view.body : undefined;
    }, 60_000);

  beforeAll(async () => {
    system = await startSystem();
    const period = monthOf(system.clock.today());
    sv1 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-1101' });
    sv2 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-1102' });
    cw = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-1101' });
    auditor = await system.token({ role: 'auditor', region: REGION, sub: 'au-1101' });
    otherSupervisor = await system.token({ role: 'supervisor', region: '330106', sub: 'sv-601' });
    deceased = await latePension(system.orm, REGION, period);
    prisoner = await latePension(system.orm, REGION, period);
  });
  afterAll(async () => system?.close());

  let death: Summary;

  it('a death record against an active pension opens one investigation; the same feed again, or another file naming the same death, opens none (rules §8 pattern 1)', async () => {
    const deathDate = addDays(system.clock.today(), -20);
    const first = await feed('deaths', deathFeed([{ citizenId: deceased.citizenId, deathDate }]));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ applied: 1, stopped: 1, investigations: 1 });
    expect((await feed('deaths', deathFeed([{ citizenId: deceased.citizenId, deathDate }]))).body).toMatchObject({ alreadyImported: true, investigations: 0 });
    // Another file (another certificate number) reporting the same death.
    const other = deathFeed([{ citizenId: deceased.citizenId, deathDate }]).replace(/SW-(\d+)-0/, 'SW-$1-9');
    expect((await feed('deaths', other)).body).toMatchObject({ alreadyImported: false, investigations: 0 });

    const hits = await hitsOf(deceased.citizenId);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ control: 'DECEASED_ACTIVE_BENEFIT' });
    const mine = (await list(sv1)).filter((i) => i.caseId === hits[0]!.investigation_case_id);
    expect(mine).toHaveLength(1);
    death = mine[0]!;
    expect(death).toMatchObject({ control: 'DECEASED_ACTIVE_BENEFIT' });
    expect(death.reference).toMatch(/^JC\d{10}$/);
    await statusIs(death.reference, 'assigning');
  });

  it('a prison term running against an active pension opens one investigation; the feed again opens none (rules §8 pattern 2)', async () => {
    const today = system.clock.today();
    const term =
      [
        'citizenId,name,from,to,institution,judgmentNo',
        `${prisoner.citizenId},王五,${addDays(today, -40)},${addDays(today, 300)},浙江省第一监狱,(2026)浙0110刑初1号`,
      ].join('\r\n') + '\r\n';
    const first = await feed('imprisonments', term);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ applied: 1, investigations: 1 });
    expect((await feed('imprisonments', term)).body).toMatchObject({ alreadyImported: true, investigations: 0 });
    const hits = await hitsOf(prisoner.citizenId);
    expect(hits.map((h) => h.control)).toEqual(['IMPRISONED_ACTIVE_BENEFIT']);
    expect((await list(sv1)).filter((i) => i.caseId === hits[0]!.investigation_case_id)).toHaveLength(1);
  });

  it('is assigned, the investigator finds fraud with a fine of 2.5 ×, and a second supervisor closes it — never the investigator (rules §8; 社会保险法 art. 88; four eyes)', async () => {
    await decide(sv1, await taskOf(sv1, death.caseId, 'assign'), 'assign', '', { investigatorId: 'sv-1102' });
    const findings = await taskOf(sv2, death.caseId, 'findings');
    // A multiple outside 2–5 is refused with the reason and changes nothing.
    await system.call('POST', `/v1/tasks/${findings}/claim`, { token: sv2 });
    const outside = await system.call('POST', `/v1/tasks/${findings}/complete`, {
      token: sv2,
      body: { outcome: 'fraudFound', comment: '亲属冒领', data: { amount: '3300.00', multiple: '6' } },
    });
    expect(outside.status).toBe(422);
    await system.call('POST', `/v1/tasks/${findings}/release`, { token: sv2 });
    await decide(sv2, findings, 'fraudFound', '亲属冒领死亡后一个月养老金', { amount: '3300.00', multiple: '2.5' });
    const close = await taskOf(sv1, death.caseId, 'close');
    const own = await system.call('POST', `/v1/tasks/${close}/claim`, { token: sv2 });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES');
    await decide(sv1, close, 'approve');
    const closed = await statusIs(death.reference, 'closed');
    expect(closed).toMatchObject({
      closed: true,
      assignedBy: 'sv-1101',
      investigatorId: 'sv-1102',
      closedBy: 'sv-1101',
      subject: { citizenId: deceased.citizenId },
      findings: { fraud: true, by: 'sv-1102', penalty: { returned: '3300.00', multiple: '2.5', fine: '8250.00', total: '11550.00' } },
    });
  });

  it('only the region’s supervisors and auditors read it: a caseworker, the person concerned and another region get nothing (404, empty lists)', async () => {
    const citizen = await system.token({ role: 'citizen', sub: deceased.citizenId });
    for (const token of [cw, citizen, otherSupervisor]) {
      expect((await system.call('GET', `/v1/investigations/${death.reference}`, { token })).status).toBe(404);
      expect((await system.call('GET', `/v1/cases/${death.reference}`, { token })).status).toBe(404);
      expect((await list(token)).map((i) => i.caseId)).not.toContain(death.caseId);
    }
    const tasks = await system.call('GET', '/v1/tasks?view=available&limit=100', { token: cw });
    expect((tasks.body.items as { caseId: string }[]).map((t) => t.caseId)).not.toContain(death.caseId);
    // The auditor reads it with the ID number masked.
    const audited = await system.call('GET', `/v1/investigations/${death.reference}`, { token: auditor });
    expect(audited.status).toBe(200);
    expect(audited.body.subject.citizenId).toBe(maskCitizenId(deceased.citizenId));
    expect((await list(auditor)).map((i) => i.caseId)).toContain(death.caseId);
  });

  it('the investigations page lists them for the region’s supervisors with the control that found them; a caseworker sees none', async () => {
    const page = async (token: string) => (await fetch(`${system.url}/web/investigations?lang=en`, { headers: { cookie: `si_token=${token}` } })).text();
    const html = await page(sv1);
    expect(html).toContain(`data-reference="${death.reference}"`);
    expect(html).toContain('Benefit after death');
    expect(await page(cw)).not.toContain(death.reference);
  });
});
