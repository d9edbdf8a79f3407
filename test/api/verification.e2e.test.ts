import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { csrfSigner } from '../../api/web/session.js';
import { startSystem, TEST_JWT_SECRET, type TestSystem } from '../support/system.js';
import { type Beneficiary, pensionApprovedMonthsAgo } from './payroll-fixture.js';

// One payroll per region and month, and the database is shared by the whole run: this file owns the payrolls of 330212.
const REGION = '330212';

/** A life-proof feed (format in docs/payroll.md "Data-exchange feeds"). */
const lifeProofs = (rows: { citizenId: string; date: string; reference: string }[], header = 'citizenId,name,date,kind,source,reference') =>
  [header, ...rows.map((r) => `${r.citizenId},王五,${r.date},hospitalVisit,浙江省医保平台,${r.reference}`)].join('\r\n') + '\r\n';

describe('eligibility verification over HTTP (待遇资格认证, rules §8: sweep, life proofs, check-in, back pay)', () => {
  let system: TestSystem;
  let period: string;
  let sv: string;
  let cw: string;
  let cwElsewhere: string;
  /** Approved 14 months ago and never verified since: overdue (12-month cycle + 30 days' grace). */
  let lapsed: Beneficiary;
  /** Approved 14 months ago too; a hospital visit in a feed verifies them. */
  let proven: Beneficiary;
  /** Approved today: the approval counts as the first verification. */
  let recent: Beneficiary;

  const pension = (monthsAgo: number) => pensionApprovedMonthsAgo(system.orm, system.clock, REGION, monthsAgo);
  const runPayroll = async (month: string) => {
    const started = await system.call('POST', '/v1/payrolls', { token: sv, body: { region: REGION, period: month } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const reference: string = started.body.reference;
    await system.eventually(
      async () => ((await system.call('GET', `/v1/payrolls/${reference}`, { token: sv })).body.status === 'approval' ? true : undefined),
      60_000,
    );
    return reference;
  };
  const linesOf = (entitlementId: string, month: string) =>
    system.orm.em
      .fork()
      .execute<{ kind: string; amount: string; months: number; workings: string[] | null }[]>(
        `select kind, amount::text as amount, months, workings from payroll_line where entitlement_id = ? and period = ? order by kind`,
        [entitlementId, month],
      );

  beforeAll(async () => {
    system = await startSystem();
    period = monthOf(system.clock.today());
    sv = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-vf-1' });
    cw = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-vf-1' });
    cwElsewhere = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-vf-2' });
    lapsed = await pension(14);
    proven = await pension(14);
    recent = await pension(0);
  });
  afterAll(async () => system?.close());

  it('suspends every overdue beneficiary in one sweep, each with a notice and an audit entry; a second run suspends nobody (§8)', async () => {
    expect((await system.call('POST', '/v1/verification-sweeps', { token: cw, body: { region: REGION } })).status).toBe(403);
    const swept = await system.call('POST', '/v1/verification-sweeps', { token: sv, body: { region: REGION } });
    expect(swept.status, JSON.stringify(swept.body)).toBe(200);
    expect(swept.body.suspended).toBe(2);
    const em = system.orm.em.fork();
    const suspensions = await em.execute<{ entitlement_id: string; from_month: string; resumed_in: string | null }[]>(
      `select entitlement_id, from_month, resumed_in from benefit_suspension where region = ? order by id`,
      [REGION],
    );
    expect(suspensions.map((s) => s.entitlement_id).sort()).toEqual([lapsed.entitlementId, proven.entitlementId].sort());
    // No payroll of the region has gathered this month yet, so the suspension starts with it.
    expect(suspensions.every((s) => s.from_month === period && s.resumed_in === null)).toBe(true);
    const notices = await em.execute<{ recipient_id: string; payload: { fromMonth: string } }[]>(
      `select recipient_id, payload from notice_outbox where kind = 'benefit_suspended' and recipient_id in (?, ?, ?)`,
      [lapsed.citizenId, proven.citizenId, recent.citizenId],
    );
    expect(notices.map((n) => n.recipient_id).sort()).toEqual([lapsed.citizenId, proven.citizenId].sort());
    expect(notices[0]!.payload.fromMonth).toBe(period);
    const audit = await em.execute<{ object_id: string; region: string }[]>(
      `select object_id, region from audit_entry where action = 'benefit.suspended' and object_id in (?, ?, ?)`,
      [lapsed.entitlementId, proven.entitlementId, recent.entitlementId],
    );
    expect(audit.map((a) => a.object_id).sort()).toEqual([lapsed.entitlementId, proven.entitlementId].sort());
    expect(audit.every((a) => a.region === REGION)).toBe(true);
    const again = await system.call('POST', '/v1/verification-sweeps', { token: sv, body: { region: REGION } });
    expect(again.body.suspended).toBe(0);
    const status = await system.call('GET', `/v1/persons/${lapsed.citizenId}/verification`, { token: cw });
    expect(status.status).toBe(200);
    expect(status.body.status).toBe('overdue');
    expect(status.body.suspensions).toMatchObject([{ benefit: 'basicPension', fromMonth: period, resumedIn: null }]);
  });

  it('applies a life-proof feed once: the same file twice, or the same row in another file, verifies once and resumes the benefit (§8 data matching)', async () => {
    const today = system.clock.today();
    const feed = lifeProofs([{ citizenId: proven.citizenId, date: today, reference: 'MZ-0001' }]);
    const csv = { 'content-type': 'text/csv' };
    const first = await system.call('POST', '/v1/exchange/life-proofs', { token: sv, body: feed, headers: csv });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ feed: 'life-proofs', rows: 1, applied: 1, matched: 1, resumed: 1, alreadyImported: false });
    const twice = await system.call('POST', '/v1/exchange/life-proofs', { token: sv, body: feed, headers: csv });
    expect(twice.body).toMatchObject({ applied: 0, resumed: 0, alreadyImported: true });
    // Another file (Chinese headers, so another fingerprint) carrying the same source row: the row is kept once.
    const other = lifeProofs([{ citizenId: proven.citizenId, date: today, reference: 'MZ-0001' }], '身份证号,姓名,发生日期,类别,来源,记录编号');
    const third = await system.call('POST', '/v1/exchange/life-proofs', { token: sv, body: other, headers: csv });
    expect(third.body).toMatchObject({ rows: 1, applied: 0, resumed: 0, alreadyImported: false });
    const bad = await system.call('POST', '/v1/exchange/life-proofs', {
      token: sv,
      body: lifeProofs([{ citizenId: '123', date: today, reference: 'X' }]),
      headers: csv,
    });
    expect(bad.body.report.issues.map((i: { path: string }) => i.path)).toContain('rows[0].citizenId');
    const evidence = await system.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from verification_evidence where citizen_id = ?`, [proven.citizenId]);
    expect(Number(evidence[0]!.n)).toBe(1);
    const status = await system.call('GET', `/v1/persons/${proven.citizenId}/verification`, { token: cw });
    expect(status.body).toMatchObject({ status: 'verified', lastVerifiedOn: today, lastEvidence: { kind: 'hospitalVisit', verifiedOn: today } });
    expect(status.body.suspensions[0].resumedIn).toBe(period);
  });

  it('lets a citizen check in only for themself; staff of another region cannot see the person (404) (§8 self-service)', async () => {
    const other = await system.token({ role: 'citizen', sub: recent.citizenId });
    expect((await system.call('POST', `/v1/persons/${lapsed.citizenId}/verifications`, { token: other })).status).toBe(404);
    expect((await system.call('GET', `/v1/persons/${lapsed.citizenId}/verification`, { token: other })).status).toBe(404);
    expect((await system.call('GET', `/v1/persons/${lapsed.citizenId}/verification`, { token: cwElsewhere })).status).toBe(404);
    expect((await system.call('POST', `/v1/persons/${lapsed.citizenId}/verifications`, { token: cwElsewhere })).status).toBe(404);
    const own = await system.call('GET', `/v1/persons/${recent.citizenId}/verification`, { token: other });
    expect(own.status).toBe(200);
    // Approved today: the approval is the first verification, due again one cycle later.
    expect(own.body).toMatchObject({ status: 'verified', lastVerifiedOn: system.clock.today(), suspensions: [] });
    expect(own.body.dueOn > own.body.lastVerifiedOn).toBe(true);
    expect(await system.orm.em.fork().execute(`select 1 from verification_evidence where citizen_id = ?`, [lapsed.citizenId])).toEqual([]);
  });

  it('pays nothing while suspended; the check-in resumes it, and the next payroll pays the held month back as one line with its workings (§8, §5)', async () => {
    await runPayroll(period);
    expect(await linesOf(lapsed.entitlementId, period)).toEqual([]);
    expect((await linesOf(recent.entitlementId, period)).map((l) => l.kind)).toEqual(['monthly']);
    expect((await linesOf(proven.entitlementId, period)).map((l) => l.kind)).toEqual(['monthly']);

    const citizen = await system.token({ role: 'citizen', sub: lapsed.citizenId });
    const checkIn = await system.call('POST', `/v1/persons/${lapsed.citizenId}/verifications`, { token: citizen });
    expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(201);
    expect(checkIn.body).toMatchObject({ recorded: true, resumed: 1, status: 'verified', lastVerifiedOn: system.clock.today() });
    // This month's payroll has gathered: the benefit resumes with the next one, which pays this month back.
    const next = addPeriods(period, 1);
    expect(checkIn.body.suspensions[0]).toMatchObject({ fromMonth: period, toMonth: period, resumedIn: next });
    const repeat = await system.call('POST', `/v1/persons/${lapsed.citizenId}/verifications`, { token: citizen });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ recorded: false, resumed: 0 });
    const resumedNotice = await system.orm.em
      .fork()
      .execute(`select 1 from notice_outbox where kind = 'benefit_resumed' and recipient_id = ?`, [lapsed.citizenId]);
    expect(resumedNotice).toHaveLength(1);

    const second = await runPayroll(next);
    const lines = await linesOf(lapsed.entitlementId, next);
    expect(lines.map((l) => [l.kind, l.amount, l.months])).toEqual([
      ['backPay', '3000.00', 1],
      ['monthly', '3000.00', 1],
    ]);
    expect(lines[0]!.workings!.join(' ')).toContain(`payment suspended from ${period}`);
    expect(lines[0]!.workings!.join(' ')).toContain('3000.00 × 1 months = 3000.00');
    // The caseworker sees the back-pay line with its workings on the payroll, the citizen on their payments.
    const detail = await system.call('GET', `/v1/payrolls/${second}`, { token: cw });
    const shown = detail.body.backPay.find((l: { lineKey: string }) => l.lineKey.startsWith(lapsed.entitlementId));
    expect(shown.workings).toEqual(lines[0]!.workings);
    const own = await system.call('GET', '/v1/benefit-payments', { token: citizen });
    const backPay = own.body.items.find((p: { kind: string }) => p.kind === 'backPay');
    expect(backPay).toMatchObject({ period: next, amount: '3000.00', workings: lines[0]!.workings });
  });

  it("shows the citizen's page with the next due day and the check-in button, which verifies them (§8 self-service)", async () => {
    const token = await system.token({ role: 'citizen', sub: proven.citizenId });
    const headers = { cookie: `si_token=${token}`, 'sec-fetch-site': 'same-origin' };
    const page = await fetch(`${system.url}/web/payments`, { headers });
    const html = await page.text();
    expect(page.status).toBe(200);
    const due = (await system.call('GET', `/v1/persons/${proven.citizenId}/verification`, { token })).body.dueOn as string;
    expect(html).toContain('data-testid="check-in"');
    expect(html).toContain(`<dd data-testid="verification-due">${due}</dd>`);
    const form = new URLSearchParams({ _csrf: csrfSigner(TEST_JWT_SECRET)(token) }).toString();
    const posted = await fetch(`${system.url}/web/payments/verification`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain('认证成功');
    const evidence = await system.orm.em
      .fork()
      .execute<{ kind: string }[]>(`select kind from verification_evidence where citizen_id = ? order by id`, [proven.citizenId]);
    expect(evidence.map((e) => e.kind)).toEqual(['hospitalVisit', 'selfService']);
  });
});
