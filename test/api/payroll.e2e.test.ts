import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { addEntitlement, bankReturn, type Beneficiary, deathFeed, latePension } from './payroll-fixture.js';

// One payroll per region and month, and the database is shared by the whole run: this file owns region 330108.
const REGION = '330108';

describe('monthly payroll over HTTP (待遇拨付: controls, holds, four-eyes approval, bank file and returns, feeds)', () => {
  let system: TestSystem;
  let period: string;
  let sv1: string;
  let sv2: string;
  let cw: string;
  let cwOther: string;
  let clean: Beneficiary;
  let dead: Beneficiary;
  let noAccount: Beneficiary;
  let oneOff: Beneficiary;
  let reference: string;
  let caseId: string;

  const payroll = async () => (await system.call('GET', `/v1/payrolls/${reference}`, { token: sv1 })).body;
  const statusIs = (status: string) => system.eventually(async () => ((await payroll()).status === status ? true : undefined), 60_000);
  const tasksOf = async (token: string, step: string) => {
    // Narrowed to the payroll's tasks, as a supervisor's queue full of other cases would need.
    const list = await system.call('GET', `/v1/tasks?view=available&caseType=payroll&limit=100`, { token });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    return (list.body.items as { taskId: string; caseId: string; step: string }[]).filter((t) => t.caseId === caseId && t.step === step);
  };
  const decide = async (token: string, taskId: string, outcome: string, comment = '', data: Record<string, unknown> = {}) => {
    const claim = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    return system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment, data } });
  };

  beforeAll(async () => {
    system = await startSystem();
    period = monthOf(system.clock.today());
    sv1 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-801' });
    sv2 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-802' });
    cw = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-801' });
    cwOther = await system.token({ role: 'caseworker', region: '330106', sub: 'cw-601' });
    clean = await latePension(system.orm, REGION, period, { bank: 'ICBC', account: '6222021234567890123' });
    dead = await latePension(system.orm, REGION, period, { bank: 'ICBC', account: '6222021234567890999' });
    noAccount = await latePension(system.orm, REGION, period, null);
    oneOff = await addEntitlement(system.orm, {
      region: REGION,
      claimType: 'medical',
      benefit: 'medicalReimbursement',
      kind: 'oneOff',
      amount: '1234.56',
      startMonth: period,
      firstPayrollMonth: period,
      account: { bank: 'CCB', account: '6227001234567890' },
    });
  });
  afterAll(async () => system?.close());

  it('refuses bad input naming the field and writes nothing; a caseworker may not run a payroll (400, 403)', async () => {
    const bad = await system.call('POST', '/v1/payrolls', { token: sv1, body: { region: REGION, period: `${period.slice(0, 4)}-13` } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['period']);
    const future = await system.call('POST', '/v1/payrolls', { token: sv1, body: { region: REGION, period: addPeriods(period, 2) } });
    expect(future.status).toBe(400);
    const region = await system.call('POST', '/v1/payrolls', { token: sv1, body: { region: '999999', period } });
    expect(region.status).toBe(400);
    expect(region.body.errors.map((e: { path: string }) => e.path)).toContain('region');
    const byCaseworker = await system.call('POST', '/v1/payrolls', { token: cw, body: { region: REGION, period } });
    expect(byCaseworker.status).toBe(403);
    expect((await system.call('GET', '/v1/payrolls?limit=100', { token: sv1 })).body.items.filter((p: { region: string }) => p.region === REGION)).toEqual([]);
    // A death feed before the run: the dead pensioner died last month, so this month is not due (§8 pattern 1).
    const feed = deathFeed([{ citizenId: dead.citizenId, deathDate: `${addPeriods(period, -1)}-10` }]);
    const imported = await system.call('POST', '/v1/exchange/deaths', { token: sv1, body: feed, headers: { 'content-type': 'text/csv' } });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: 1, applied: 1, matched: 1, alreadyImported: false });
    // The same file again, this time as a multipart upload (curl -F file=@deaths.csv): applied once.
    const form = new FormData();
    form.set('file', new Blob([feed], { type: 'text/csv' }), 'deaths.csv');
    const again = await fetch(`${system.url}/v1/exchange/deaths`, { method: 'POST', headers: { authorization: `Bearer ${sv1}` }, body: form });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ rows: 1, applied: 0, alreadyImported: true });
    const badFeed = await system.call('POST', '/v1/exchange/deaths', {
      token: sv1,
      body: 'citizenId,name,deathDate,source,certificateNo\r\n123,王五,2020-01-01,公安,X\r\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(badFeed.body.report.issues.map((i: { path: string }) => i.path)).toEqual(['rows[0].citizenId']);
    expect((await system.call('POST', '/v1/exchange/deaths', { token: cw, body: feed, headers: { 'content-type': 'text/csv' } })).status).toBe(403);
  });

  it('runs one payroll per region and month: the repeat answers the same one (202, then 200)', async () => {
    const first = await system.call('POST', '/v1/payrolls', { token: sv1, body: { region: REGION, period } });
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    reference = first.body.reference;
    caseId = first.body.caseId;
    expect(reference).toMatch(/^PR\d{10}$/);
    const repeat = await system.call('POST', '/v1/payrolls', { token: sv2, body: { region: REGION, period } });
    expect(repeat.status).toBe(200);
    expect(repeat.body.reference).toBe(reference);
    await statusIs('approval');
    const view = await payroll();
    expect(view.progress.entitlementsSeen).toBeGreaterThanOrEqual(3);
    // The dead pensioner's entitlement was stopped by the feed, so only the other two pensions and the one-off are due.
    const held = view.held as { citizenId: string; reasons: { code: string }[]; taskId: string }[];
    expect(held.flatMap((h) => h.reasons.map((r) => r.code)).sort()).toEqual(['NO_ACCOUNT', 'NO_ACCOUNT']);
    expect(view.totals.held).toBe('13200.00'); // 3300.00 this month + 3 × 3300.00 back pay of the pensioner without an account
    expect(typeof view.totals.due).toBe('string');
    expect((await system.call('GET', `/v1/payrolls/${reference}`, { token: cwOther })).status).toBe(404);
    const list = await system.call('GET', '/v1/payrolls?limit=100', { token: cw });
    expect(list.body.items.map((p: { reference: string }) => p.reference)).toContain(reference);
    expect((await system.call('GET', '/v1/payrolls?limit=100', { token: cwOther })).body.items.map((p: { reference: string }) => p.reference)).not.toContain(
      reference,
    );
    // The operators' /metrics shows the latest payroll's totals by line status (issue 15 point 8).
    const metrics = await (await fetch(`${system.url}/metrics`)).text();
    expect(metrics).toContain(`sis_payroll_lines{region="${REGION}",period="${period}",status="held"} 2`);
    expect(metrics).toContain(`sis_payroll_amount_yuan{region="${REGION}",period="${period}",status="held"} 13200`);
    void dead;
    void noAccount;
  });

  it('held lines are tasks a caseworker decides; the supervisor who ran it may not approve it (four eyes), another does', async () => {
    const holds = await tasksOf(cw, 'payrollHold');
    expect(holds).toHaveLength(2);
    const noReason = await decide(cw, holds[0]!.taskId, 'stop');
    expect(noReason.status).toBe(422);
    for (const [i, h] of holds.entries()) {
      if (i > 0) expect((await system.call('POST', `/v1/tasks/${h.taskId}/claim`, { token: cw })).status).toBe(200);
      const done = await system.call('POST', `/v1/tasks/${h.taskId}/complete`, {
        token: cw,
        body: { outcome: 'stop', comment: '无发放账户，待补登', data: {} },
      });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    }
    const [approval] = await tasksOf(sv2, 'payrollApproval');
    expect(approval).toBeDefined();
    const own = await system.call('POST', `/v1/tasks/${approval!.taskId}/claim`, { token: sv1 });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('FOUR_EYES');
    const approved = await decide(sv2, approval!.taskId, 'approve');
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await statusIs('paying');
  });

  it('writes a bank file per bank; the return marks lines paid or failed, a repeat or a wrong file changes nothing', async () => {
    const which = await system.call('GET', `/v1/payrolls/${reference}/bank-file`, { token: sv1 });
    expect(which.status).toBe(400);
    expect(which.body.errors[0].path).toBe('bank');
    expect((await system.call('GET', `/v1/payrolls/${reference}/bank-file?bank=ICBC`, { token: cw })).status).toBe(403);
    const file = await system.call('GET', `/v1/payrolls/${reference}/bank-file?bank=ICBC`, { token: sv1 });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = (file.body as string)
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(rows[0]).toEqual(['batchId', 'lineId', 'citizenId', 'name', 'bankCode', 'bankAccount', 'amount', 'currency', 'period', 'benefit']);
    const mine = rows.slice(1).filter((r) => r[2] === clean.citizenId);
    expect(mine.map((r) => r[6]).sort()).toEqual(['3300.00', '9900.00']);
    const batchId = `${reference}-ICBC`;
    const [monthly, backPay] = [mine.find((r) => r[6] === '3300.00')!, mine.find((r) => r[6] === '9900.00')!];

    const wrong = bankReturn(batchId, [
      { lineKey: 'no-such-line', account: '6222021234567890123', amount: '1.00', status: 'PAID' },
      { lineKey: monthly[1]!, account: '6222021234567890123', amount: '3300.01', status: 'PAID' },
    ]);
    const refused = await system.call('POST', `/v1/payrolls/${reference}/bank-returns`, { token: sv1, body: wrong, headers: { 'content-type': 'text/csv' } });
    expect(refused.status).toBe(200);
    expect(refused.body.applied).toBe(0);
    expect(refused.body.issues.map((i: { code: string }) => i.code)).toEqual(['UNKNOWN_LINE', 'AMOUNT_DIFFERS']);

    const answer = bankReturn(batchId, [
      ...rows
        .slice(1)
        .filter((r) => r !== backPay)
        .map((r) => ({ lineKey: r[1]!, account: r[5]!, amount: r[6]!, status: 'PAID' as const })),
      { lineKey: backPay[1]!, account: backPay[5]!, amount: backPay[6]!, status: 'FAILED', reason: 'R02' },
    ]);
    const applied = await system.call('POST', `/v1/payrolls/${reference}/bank-returns`, { token: sv1, body: answer, headers: { 'content-type': 'text/csv' } });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.failed).toBe(1);
    expect(applied.body.totals.reconciled).toBe(true);
    expect(applied.body.issues).toEqual([]);
    const twice = await system.call('POST', `/v1/payrolls/${reference}/bank-returns`, { token: sv1, body: answer, headers: { 'content-type': 'text/csv' } });
    expect(twice.body.applied).toBe(0);
    expect(twice.body.issues[0].code).toBe('FILE_ALREADY_APPLIED');

    // The ledger is append-only: every line once as sent, and once as paid or failed.
    const em = system.orm.em.fork();
    const ledger = await em.execute<{ entry: string; amount: string }[]>(
      `select entry, amount::text as amount from disbursement_ledger where payroll_id = ? and citizen_id = ? order by id`,
      [caseId, clean.citizenId],
    );
    expect(ledger.map((l) => `${l.entry} ${l.amount}`).sort()).toEqual(['failed 9900.00', 'paid 3300.00', 'sent 3300.00', 'sent 9900.00']);
    await expect(em.execute(`update disbursement_ledger set amount = 0 where payroll_id = ?`, [caseId])).rejects.toThrow(/append-only/);

    // The failed line is a task: corrected, it goes into the next payroll of the region.
    const [failed] = await system.eventually(async () => {
      const t = await tasksOf(cw, 'payrollFailed');
      return t.length > 0 ? t : undefined;
    });
    const retried = await decide(cw, failed!.taskId, 'retry', '已更正账号', { bankAccount: '6222 0212 3456 7890 777' });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    const [line] = await em.execute<{ status: string; bank_account: string }[]>(`select status, bank_account from payroll_line where line_key = ?`, [
      backPay[1],
    ]);
    expect(line).toEqual({ status: 'carried', bank_account: '6222021234567890777' });

    const ccb = await system.call('GET', `/v1/payrolls/${reference}/bank-file?bank=CCB`, { token: sv1 });
    const ccbRows = (ccb.body as string)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(ccbRows.find((r) => r[2] === oneOff.citizenId)?.[6]).toBe('1234.56');
    const ccbAnswer = bankReturn(
      `${reference}-CCB`,
      ccbRows.map((r) => ({ lineKey: r[1]!, account: r[5]!, amount: r[6]!, status: 'PAID' as const })),
    );
    expect(
      (await system.call('POST', `/v1/payrolls/${reference}/bank-returns`, { token: sv1, body: ccbAnswer, headers: { 'content-type': 'text/csv' } })).body
        .outstanding,
    ).toBe(0);
    await statusIs('paid');
  });

  it('a citizen reads only their own payments, accounts masked; staff are refused (GET /v1/benefit-payments)', async () => {
    const own = await system.call('GET', '/v1/benefit-payments', { token: await system.token({ role: 'citizen', sub: clean.citizenId }) });
    expect(own.status).toBe(200);
    const items = own.body.items as { period: string; amount: string; status: string; bankAccount: string; kind: string }[];
    expect(items.map((i) => `${i.kind} ${i.amount} ${i.status}`).sort()).toEqual(['backPay 9900.00 carried', 'monthly 3300.00 paid']);
    // The failed back pay was retried with a corrected account: each line shows the account it goes to, last four only.
    expect(items.map((i) => `${i.kind} ${i.bankAccount.slice(-4)}`).sort()).toEqual(['backPay 0777', 'monthly 0123']);
    expect(items.every((i) => i.period === period && !i.bankAccount.includes('622202'))).toBe(true);
    const other = await system.call('GET', '/v1/benefit-payments', { token: await system.token({ role: 'citizen', sub: noAccount.citizenId }) });
    const holds = (other.body.items as { holds: { code: string }[]; citizenId?: string }[]).flatMap((i) => i.holds.map((h) => h.code));
    expect(holds).toEqual(['NO_ACCOUNT', 'NO_ACCOUNT']);
    expect(JSON.stringify(other.body)).not.toContain(clean.citizenId);
    expect((await system.call('GET', '/v1/benefit-payments', { token: sv1 })).status).toBe(403);
    expect((await system.call('GET', '/v1/benefit-payments', {})).status).toBe(401);
  });

  it('a death reported after payment stops the pension and opens a recovery of the months paid after it (§8, 经办条例 art. 46)', async () => {
    const feed = deathFeed([{ citizenId: clean.citizenId, deathDate: addDays(`${addPeriods(period, -1)}-01`, 3) }]);
    const imported = await system.call('POST', '/v1/exchange/deaths', { token: sv1, body: feed, headers: { 'content-type': 'text/csv' } });
    expect(imported.body).toMatchObject({ applied: 1, matched: 1, stopped: 1, recoveries: 1 });
    const [recovery] = await system.orm.em
      .fork()
      .execute<{ amount: string; months: string[]; status: string }[]>(
        `select amount::text as amount, months, status from overpayment_recovery where citizen_id = ?`,
        [clean.citizenId],
      );
    expect(recovery).toEqual({ amount: '3300.00', months: [period], status: 'open' });
  });
});
