import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { addEntitlement, bankReturn, type Beneficiary, deathFeed } from './payroll-fixture.js';

// This file's database is its own; the region has no demo entitlements, so its payrolls hold only these people.
const REGION = '330203';

interface RecoveryBody {
  id: string;
  citizenId: string;
  amount: string;
  status: string;
  method: string;
  recovered: string;
  outstanding: string;
  withheldNotYetPaid: string;
  repayable: string;
  closedAt: string | null;
  instalmentPlan: { monthlyAmount: string; firstMonth: string } | null;
  entries: { kind: string; amount: string; source: string }[];
}

describe('collecting an overpayment recovery over HTTP (追回, 社会保险经办条例 art. 46: offset, instalments, repayment, closing)', () => {
  let system: TestSystem;
  let period: string;
  let next: string;
  let sv1: string;
  let sv2: string;
  let cw: string;
  let cwElsewhere: string;
  let auditor: string;
  /** Offset at the share, then repays the rest: the recovery closes. */
  let offset: Beneficiary;
  /** Agrees instalments of 1000.00 a month. */
  let agreed: Beneficiary;
  /** Their later line fails at the bank: nothing is booked. */
  let failing: Beneficiary;
  const recoveryOf: Record<string, string> = {};

  const tasksOf = async (token: string, caseId: string, step: string) => {
    const list = await system.call('GET', `/v1/tasks?view=available&limit=100`, { token });
    return (list.body.items as { taskId: string; caseId: string; step: string }[]).filter((t) => t.caseId === caseId && t.step === step);
  };
  const statusIs = (reference: string, status: string) =>
    system.eventually(async () => ((await system.call('GET', `/v1/payrolls/${reference}`, { token: sv1 })).body.status === status ? true : undefined), 60_000);
  /** Runs, approves (another supervisor: four eyes) and sends the payroll of `month`; answers its reference and bank file rows. */
  const runAndSend = async (month: string) => {
    const started = await system.call('POST', '/v1/payrolls', { token: sv1, body: { region: REGION, period: month } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const { reference, caseId } = started.body as { reference: string; caseId: string };
    await statusIs(reference, 'approval');
    const [approval] = await system.eventually(async () => {
      const t = await tasksOf(sv2, caseId, 'payrollApproval');
      return t.length > 0 ? t : undefined;
    });
    expect((await system.call('POST', `/v1/tasks/${approval!.taskId}/claim`, { token: sv2 })).status).toBe(200);
    const approved = await system.call('POST', `/v1/tasks/${approval!.taskId}/complete`, { token: sv2, body: { outcome: 'approve', comment: '', data: {} } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await statusIs(reference, 'paying');
    const file = await system.call('GET', `/v1/payrolls/${reference}/bank-file?bank=ICBC`, { token: sv1 });
    expect(file.status).toBe(200);
    const rows = (file.body as string)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    return { reference, rows };
  };
  const returned = (reference: string, rows: string[][], failed: (row: string[]) => boolean = () => false) =>
    system.call('POST', `/v1/payrolls/${reference}/bank-returns`, {
      token: sv1,
      headers: { 'content-type': 'text/csv' },
      body: bankReturn(
        `${reference}-ICBC`,
        rows.map((r) => ({ lineKey: r[1]!, account: r[5]!, amount: r[6]!, status: failed(r) ? ('FAILED' as const) : ('PAID' as const), reason: 'R02' })),
      ),
    });
  const recovery = async (who: Beneficiary, token = cw): Promise<RecoveryBody> => {
    const got = await system.call('GET', `/v1/overpayment-recoveries/${recoveryOf[who.citizenId]}`, { token });
    expect(got.status, JSON.stringify(got.body)).toBe(200);
    return got.body as RecoveryBody;
  };
  const repay = (who: Beneficiary, amount: unknown, key: string | null, token = cw) =>
    system.call('POST', `/v1/overpayment-recoveries/${recoveryOf[who.citizenId]}/repayments`, {
      token,
      body: { amount, note: '银行转账退还' },
      headers: key === null ? {} : { 'idempotency-key': key },
    });
  const pension = (account: string) =>
    addEntitlement(system.orm, {
      region: REGION,
      claimType: 'pension',
      benefit: 'basicPension',
      kind: 'monthly',
      amount: '3300.00',
      startMonth: period,
      firstPayrollMonth: period,
      account: { bank: 'ICBC', account },
    });
  const funeralGrant = (who: Beneficiary) =>
    addEntitlement(system.orm, {
      region: REGION,
      citizenId: who.citizenId,
      claimType: 'funeral',
      benefit: 'funeralGrant',
      kind: 'oneOff',
      amount: '5000.00',
      startMonth: next,
      firstPayrollMonth: next,
    });

  beforeAll(async () => {
    system = await startSystem();
    period = monthOf(system.clock.today());
    next = addPeriods(period, 1);
    sv1 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-231' });
    sv2 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-232' });
    cw = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-231' });
    cwElsewhere = await system.token({ role: 'caseworker', region: '330212', sub: 'cw-212' });
    auditor = await system.token({ role: 'auditor', region: REGION, sub: 'au-231' });
    offset = await pension('6222021234567800001');
    agreed = await pension('6222021234567800002');
    failing = await pension('6222021234567800003');
  });
  afterAll(async () => system?.close());

  it('a death reported after the payroll paid opens one recovery per person, each visible to them and their region only (§8, art. 46)', async () => {
    const { reference, rows } = await runAndSend(period);
    expect(rows).toHaveLength(3);
    expect((await returned(reference, rows)).body.applied).toBe(3);
    const feed = deathFeed([offset, agreed, failing].map((b) => ({ citizenId: b.citizenId, deathDate: `${addPeriods(period, -1)}-10` })));
    const imported = await system.call('POST', '/v1/exchange/deaths', { token: sv1, body: feed, headers: { 'content-type': 'text/csv' } });
    expect(imported.body).toMatchObject({ applied: 3, stopped: 3, recoveries: 3 });

    const list = await system.call('GET', '/v1/overpayment-recoveries?status=open&limit=100', { token: cw });
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const items = list.body.items as RecoveryBody[];
    for (const b of [offset, agreed, failing]) {
      const mine = items.find((r) => r.citizenId === b.citizenId);
      expect(mine, b.citizenId).toMatchObject({ amount: '3300.00', status: 'open', method: 'offset', outstanding: '3300.00', entries: [] });
      recoveryOf[b.citizenId] = mine!.id;
    }
    // Paged like every list: one at a time, the cursor gives the next.
    const first = await system.call('GET', '/v1/overpayment-recoveries?limit=1', { token: cw });
    const second = await system.call('GET', `/v1/overpayment-recoveries?limit=1&cursor=${first.body.nextCursor}`, { token: cw });
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    // The person sees their own and nobody else's; staff of another region see none of them (404 like an unknown one).
    const citizen = await system.token({ role: 'citizen', sub: offset.citizenId });
    const own = await system.call('GET', '/v1/overpayment-recoveries', { token: citizen });
    expect((own.body.items as RecoveryBody[]).map((r) => r.id)).toEqual([recoveryOf[offset.citizenId]]);
    expect((await system.call('GET', `/v1/overpayment-recoveries/${recoveryOf[agreed.citizenId]}`, { token: citizen })).status).toBe(404);
    expect((await system.call('GET', '/v1/overpayment-recoveries', { token: cwElsewhere })).body.items).toEqual([]);
    const hidden = await system.call('GET', `/v1/overpayment-recoveries/${recoveryOf[offset.citizenId]}`, { token: cwElsewhere });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('RECOVERY_NOT_FOUND');
    expect((await system.call('GET', '/v1/overpayment-recoveries/999999999', { token: cw })).status).toBe(404);
    expect((await system.call('GET', '/v1/overpayment-recoveries/abc', { token: cw })).status).toBe(400);
  });

  it('refuses a bad repayment or instalment plan naming the field, and books nothing (400, 403, 404, 422)', async () => {
    expect((await repay(offset, '100.00', null)).status).toBe(400);
    const malformed = await repay(offset, '1.005', 'key-malformed-1');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { path: string }) => e.path)).toEqual(['amount']);
    expect((await repay(offset, 100, 'key-number-01')).status).toBe(400);
    for (const amount of ['0.00', '3300.01']) {
      const refused = await repay(offset, amount, `key-refused-${amount}`);
      expect(refused.status, amount).toBe(422);
      expect(refused.body.code).toBe('INVALID_AMOUNT');
      expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['amount']);
    }
    const citizen = await system.token({ role: 'citizen', sub: offset.citizenId });
    expect((await repay(offset, '100.00', 'key-citizen-01', citizen)).status).toBe(403);
    expect((await repay(offset, '100.00', 'key-auditor-01', auditor)).status).toBe(403);
    expect((await repay(offset, '100.00', 'key-elsewhere1', cwElsewhere)).status).toBe(404);

    const plan = (body: Record<string, unknown>, token = cw) =>
      system.call('POST', `/v1/overpayment-recoveries/${recoveryOf[agreed.citizenId]}/instalment-plan`, { token, body });
    const none = await plan({ monthlyAmount: '0.00', firstMonth: next });
    expect(none.status).toBe(422);
    expect(none.body.errors.map((e: { path: string }) => e.path)).toEqual(['monthlyAmount']);
    expect((await plan({ monthlyAmount: '3300.01', firstMonth: next })).body.errors[0].path).toBe('monthlyAmount');
    const past = await plan({ monthlyAmount: '1000.00', firstMonth: addPeriods(period, -1) });
    expect(past.status).toBe(422);
    expect(past.body.errors.map((e: { path: string }) => e.path)).toEqual(['firstMonth']);
    expect((await plan({ monthlyAmount: '1000.00', firstMonth: '2026-13' })).status).toBe(400);
    expect((await plan({ monthlyAmount: '1000.00', firstMonth: next }, auditor)).status).toBe(403);
    // Nothing was booked or agreed by any of them.
    expect(await recovery(offset)).toMatchObject({ outstanding: '3300.00', entries: [] });
    expect((await recovery(agreed)).instalmentPlan).toBeNull();
    const audit = await system.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from audit_entry where object_type = 'OverpaymentRecovery'`);
    expect(audit[0]!.n).toBe('0');

    // The instalment agreement (art. 46): 1000.00 a month from next month — 3300.00 in 4 instalments, the last 300.00.
    const ok = await plan({ monthlyAmount: '1000.00', firstMonth: next });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.agreement).toMatchObject({ instalments: 4, lastInstalment: '300.00', lastMonth: addPeriods(next, 3) });
    expect(ok.body.recovery).toMatchObject({ method: 'instalments', instalmentPlan: { monthlyAmount: '1000.00', firstMonth: next } });
  });

  it('the next payroll withholds the share (or the agreed amount) and books it only when the bank pays the line (art. 46)', async () => {
    for (const b of [offset, agreed, failing]) await funeralGrant(b);
    const { reference, rows } = await runAndSend(next);
    const amountOf = (b: Beneficiary) => rows.find((r) => r[2] === b.citizenId)?.[6];
    // 5000.00 × overpayment.offsetShare 0.5 = 2500.00 withheld; under the agreement 1000.00 instead.
    expect([amountOf(offset), amountOf(agreed), amountOf(failing)]).toEqual(['2500.00', '4000.00', '2500.00']);
    const [line] = await system.orm.em
      .fork()
      .execute<{ workings: string[] }[]>(`select workings from payroll_line where citizen_id = ? and period = ?`, [offset.citizenId, next]);
    expect(line!.workings).toEqual([
      `recovery of overpayment ${recoveryOf[offset.citizenId]} (追回, 社会保险经办条例 art. 46, overpayment.offsetShare):`,
      'withheld = min(5000.00 × 0.5 = 2500.00, outstanding 3300.00) = 2500.00',
      'net 5000.00 − 2500.00 = 2500.00; still outstanding 800.00',
    ]);
    // Sent is not paid: nothing is booked yet, and a repayment may only cover what the line does not withhold.
    expect(await recovery(offset)).toMatchObject({ outstanding: '3300.00', withheldNotYetPaid: '2500.00', repayable: '800.00', entries: [] });
    expect((await repay(offset, '800.01', 'key-too-much-1')).body.errors[0].path).toBe('amount');

    const answer = await returned(reference, rows, (r) => r[2] === failing.citizenId);
    expect(answer.body).toMatchObject({ failed: 1, issues: [] });
    expect(await recovery(offset)).toMatchObject({
      recovered: '2500.00',
      outstanding: '800.00',
      withheldNotYetPaid: '0.00',
      status: 'open',
      entries: [{ kind: 'offset', amount: '2500.00' }],
    });
    expect((await recovery(offset)).entries[0]!.source).toMatch(/^line:.+:oneOff$/);
    expect(await recovery(agreed)).toMatchObject({ outstanding: '2300.00', entries: [{ kind: 'offset', amount: '1000.00' }] });
    // A failed bank line withholds nothing: still owed in full.
    expect(await recovery(failing)).toMatchObject({ outstanding: '3300.00', entries: [] });
    // The same return file again books nothing twice.
    const twice = await returned(reference, rows, (r) => r[2] === failing.citizenId);
    expect(twice.body.issues[0].code).toBe('FILE_ALREADY_APPLIED');
    expect((await recovery(offset)).entries).toHaveLength(1);
  });

  it('a repayment of the rest closes the recovery with a notice and an audit entry; the same key again books once (art. 46)', async () => {
    const paid = await repay(offset, '800.00', 'receipt-2026-0001');
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body).toMatchObject({ status: 'closed', outstanding: '0.00', recovered: '3300.00' });
    expect(paid.body.closedAt).not.toBeNull();
    expect(paid.body.entries.map((e: { kind: string; amount: string }) => `${e.kind} ${e.amount}`)).toEqual(['offset 2500.00', 'repayment 800.00']);
    const again = await repay(offset, '800.00', 'receipt-2026-0001');
    expect(again.status).toBe(200);
    expect(again.body.entries).toHaveLength(2);
    const reused = await repay(offset, '700.00', 'receipt-2026-0001');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const closed = await repay(offset, '1.00', 'receipt-2026-0002');
    expect(closed.status).toBe(409);

    const em = system.orm.em.fork();
    const notices = await em.execute<{ kind: string; payload: { amount: string } }[]>(
      `select kind, payload from notice_outbox where recipient_id = ? and kind = 'overpayment_recovered'`,
      [offset.citizenId],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]!.payload.amount).toBe('3300.00');
    const audit = await em.execute<{ action: string }[]>(
      `select action from audit_entry where object_type = 'OverpaymentRecovery' and object_id = ? order by id`,
      [recoveryOf[offset.citizenId]],
    );
    expect(audit.map((a) => a.action)).toEqual(['overpaymentRecovery.repayment', 'overpaymentRecovery.closed']);
    // The ledger is append-only.
    await expect(em.execute(`update overpayment_recovery_entry set amount = 0 where recovery_id = ?`, [recoveryOf[offset.citizenId]])).rejects.toThrow(
      /append-only/,
    );
    const closedList = await system.call('GET', '/v1/overpayment-recoveries?status=closed', { token: cw });
    expect((closedList.body.items as RecoveryBody[]).map((r) => r.id)).toEqual([recoveryOf[offset.citizenId]]);
    // The person reads the closed recovery and its ledger.
    const citizen = await system.token({ role: 'citizen', sub: offset.citizenId });
    expect(await recovery(offset, citizen)).toMatchObject({ status: 'closed', citizenId: offset.citizenId });
  });

  it('a supervisor of the region writes off what cannot be recovered (核销): one waiver entry, waived, notice and audit; the counter may not', async () => {
    const waive = (who: Beneficiary, body: Record<string, unknown>, token = sv1) =>
      system.call('POST', `/v1/overpayment-recoveries/${recoveryOf[who.citizenId]}/waiver`, { token, body });
    const basis = { reason: '本人已故，遗产不足以清偿', legalBasis: '社会保险经办条例第四十六条' };
    expect((await waive(agreed, basis, cw)).status).toBe(403);
    expect((await waive(agreed, basis, auditor)).status).toBe(403);
    const citizen = await system.token({ role: 'citizen', sub: agreed.citizenId });
    expect((await waive(agreed, basis, citizen)).status).toBe(403);
    expect((await waive(agreed, basis, cwElsewhere)).status).toBe(404);
    const noBasis = await waive(agreed, { reason: basis.reason });
    expect(noBasis.status).toBe(400);
    expect(noBasis.body.errors.map((e: { path: string }) => e.path)).toEqual(['legalBasis']);
    const blank = await waive(agreed, { ...basis, reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors.map((e: { path: string }) => e.path)).toEqual(['reason']);
    const stale = await waive(agreed, { ...basis, amount: '1.00' });
    expect(stale.status).toBe(422);
    expect(stale.body.code).toBe('INVALID_AMOUNT');
    expect(stale.body.errors.map((e: { path: string }) => e.path)).toEqual(['amount']);
    // Repaid in full: nothing to write off. A line the bank failed still withholds (it may be paid next month): not yet.
    expect((await waive(offset, basis)).status).toBe(409);
    expect((await recovery(failing)).withheldNotYetPaid).toBe('2500.00');
    const pending = await waive(failing, basis);
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('NOT_ALLOWED_NOW');
    expect(await recovery(agreed)).toMatchObject({ status: 'open', outstanding: '2300.00', waiver: null });

    const done = await waive(agreed, { ...basis, amount: '2300.00' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'waived', outstanding: '0.00', recovered: '3300.00', waiver: { by: 'sv-231', ...basis } });
    expect(done.body.closedAt).not.toBeNull();
    expect(
      done.body.entries.map((e: { kind: string; amount: string; source: string }) => `${e.kind} ${e.amount} ${e.kind === 'waiver' ? e.source : ''}`),
    ).toEqual(['offset 1000.00 ', 'waiver 2300.00 waiver']);
    expect((await waive(agreed, basis)).status).toBe(409);

    const em = system.orm.em.fork();
    const audit = await em.execute<{ action: string; detail: { amount: string; legalBasis: string } }[]>(
      `select action, detail from audit_entry where object_type = 'OverpaymentRecovery' and object_id = ? and action = 'overpaymentRecovery.waived'`,
      [recoveryOf[agreed.citizenId]],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ amount: '2300.00', legalBasis: basis.legalBasis });
    const notices = await em.execute<{ payload: { amount: string } }[]>(
      `select payload from notice_outbox where recipient_id = ? and kind = 'overpayment_waived'`,
      [agreed.citizenId],
    );
    expect(notices.map((n) => n.payload.amount)).toEqual(['2300.00']);
    // One write-off per recovery, whatever writes it; the ledger stays append-only.
    await expect(
      em.execute(
        `insert into overpayment_recovery_entry (recovery_id, kind, amount, source_ref, note, recorded_by, booked_at) values (?, 'waiver', 1, 'waiver-2', null, 'x', now())`,
        [recoveryOf[agreed.citizenId]],
      ),
    ).rejects.toThrow(/overpayment_recovery_entry_one_waiver/);
    const waived = await system.call('GET', '/v1/overpayment-recoveries?status=waived', { token: cw });
    expect((waived.body.items as RecoveryBody[]).map((r) => r.id)).toEqual([recoveryOf[agreed.citizenId]]);
    const closed = await system.call('GET', '/v1/overpayment-recoveries?status=closed', { token: cw });
    expect((closed.body.items as RecoveryBody[]).map((r) => r.id).sort()).toEqual([recoveryOf[agreed.citizenId], recoveryOf[offset.citizenId]].sort());
  });
});
