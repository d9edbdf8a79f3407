import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods, firstDayOf, periodRange } from '../../domain/payroll/payroll-month.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { addEntitlement, type Beneficiary } from './payroll-fixture.js';

// A database of its own (and a Temporal namespace): a recalculation, its adjustments and base sets and the payrolls
// are per region and month, and the statistics test uses region 330203 on the shared database too.
const REGION = '330203';

/** Months already paid, written as the payroll leaves them after the bank's return (status paid). */
async function paidHistory(orm: MikroORM, b: Beneficiary, benefit: string, amount: string, months: string[]): Promise<void> {
  for (const m of months) {
    await orm.em.fork().execute(
      `insert into payroll_line (line_key, payroll_id, entitlement_id, citizen_id, region, benefit, kind, period, months, amount, status, attempt)
       values (?, 'payroll-history-330203', ?, ?, ?, ?, 'monthly', ?, 1, ?, 'paid', 1)`,
      [`${b.entitlementId}:${m}:monthly`, b.entitlementId, b.citizenId, REGION, benefit, m, amount],
    );
  }
}

/** A second line of the same pension case (the account pension beside the basic pension). */
async function addCaseLine(orm: MikroORM, b: Beneficiary, benefit: string, amount: string, startMonth: string): Promise<Beneficiary> {
  const [row] = await orm.em.fork().execute<{ id: string }[]>(
    `insert into benefit_entitlement (id, case_id, line_key, citizen_id, region, claim_type, benefit, kind, payer, amount, start_month, end_month,
       first_payroll_month, beneficiary, status, stop_reason, months_unused, decided_by, created_at, stopped_at)
     values (gen_random_uuid(), ?, ?, ?, ?, 'pension', ?, 'monthly', 'fund', ?, ?, null, ?, null, 'active', null, null, 'sv-0', now(), null) returning id`,
    [b.caseId, benefit, b.citizenId, REGION, benefit, amount, startMonth, startMonth],
  );
  return { ...b, entitlementId: row!.id };
}

interface OwnLine {
  period: string;
  kind: string;
  benefit: string;
  amount: string;
  workings: string[];
}

describe('back-dated pension recalculation in the payroll over HTTP (待遇重算, 补发 / 补扣: issue 12 point 5, rules §5.1, §8)', () => {
  let system: TestSystem;
  let period: string;
  let admin: string;
  let sv1: string;
  let cw: string;
  let adjusted: Beneficiary; // retired before the adjustment: basic 3000 + account 1000
  let rebased: Beneficiary; // retired in the year of the new base, granted on the provisional one: basic 3300
  let adjustmentFrom: string;
  let provisionalFrom: string;
  let baseFrom: string;

  const ownLines = async (b: Beneficiary): Promise<OwnLine[]> => {
    const token = await system.token({ role: 'citizen', sub: b.citizenId });
    const answer = await system.call('GET', '/v1/benefit-payments', { token });
    expect(answer.status).toBe(200);
    return answer.body.items as OwnLine[];
  };
  const recalculate = (cause: string, effectiveFrom: string) =>
    system.call('POST', '/v1/pension-recalculations', { token: sv1, body: { region: REGION, cause, effectiveFrom } });
  const runDone = (id: string) =>
    system.eventually(async () => {
      const run = await system.call('GET', `/v1/pension-recalculations/${id}`, { token: sv1 });
      return run.body.status === 'done' ? run.body : undefined;
    }, 60_000);
  const gathered = (reference: string) =>
    system.eventually(async () => {
      const p = await system.call('GET', `/v1/payrolls/${reference}`, { token: sv1 });
      return p.body.status === 'approval' ? p.body : undefined;
    }, 60_000);

  beforeAll(async () => {
    system = await startSystem({ ownDatabase: true });
    period = monthOf(system.clock.today());
    admin = await system.token({ role: 'admin', region: REGION, sub: 'ad-2031' });
    sv1 = await system.token({ role: 'supervisor', region: REGION, sub: 'sv-2031' });
    cw = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-2031' });
    const account = { bank: 'ICBC', account: '6222021234567802031' };
    const adjustedStart = addPeriods(period, -10);
    adjusted = await addEntitlement(system.orm, {
      region: REGION,
      claimType: 'pension',
      benefit: 'basicPension',
      kind: 'monthly',
      amount: '3000.00',
      startMonth: adjustedStart,
      firstPayrollMonth: adjustedStart,
      account,
    });
    const accountLine = await addCaseLine(system.orm, adjusted, 'accountPension', '1000.00', adjustedStart);
    await paidHistory(system.orm, adjusted, 'basicPension', '3000.00', periodRange(adjustedStart, addPeriods(period, -1)));
    await paidHistory(system.orm, accountLine, 'accountPension', '1000.00', periodRange(adjustedStart, addPeriods(period, -1)));
    const rebasedStart = addPeriods(period, -4);
    rebased = await addEntitlement(system.orm, {
      region: REGION,
      claimType: 'pension',
      benefit: 'basicPension',
      kind: 'monthly',
      amount: '3300.00',
      startMonth: rebasedStart,
      firstPayrollMonth: rebasedStart,
      account: { bank: 'ICBC', account: '6222021234567802032' },
    });
    await paidHistory(system.orm, rebased, 'basicPension', '3300.00', periodRange(rebasedStart, addPeriods(period, -1)));
    adjustmentFrom = firstDayOf(addPeriods(period, -6));
    // Adjacent months, so no other set of the region lies between the provisional base and the new one.
    provisionalFrom = firstDayOf(addPeriods(rebasedStart, -2));
    baseFrom = firstDayOf(addPeriods(rebasedStart, -1));
  });
  afterAll(async () => system?.close());

  it('records the adjustment rule and the base as dated data, admin only, refusing bad input by field (400, 403)', async () => {
    const rule = { fixedAmount: '50.00', share: '0.02', basis: 'adjustment notice (test)' };
    const bad = await system.call('PUT', `/v1/regions/${REGION}/pension-adjustments/${adjustmentFrom}`, {
      token: admin,
      body: { ...rule, share: 'two per cent' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['share']);
    const whole = await system.call('PUT', `/v1/regions/${REGION}/pension-adjustments/${adjustmentFrom}`, { token: admin, body: { ...rule, share: '1.5' } });
    expect(whole.status).toBe(400);
    expect(whole.body.errors.map((e: { path: string }) => e.path)).toEqual(['share']);
    const bySupervisor = await system.call('PUT', `/v1/regions/${REGION}/pension-adjustments/${adjustmentFrom}`, { token: sv1, body: rule });
    expect(bySupervisor.status).toBe(403);
    const recorded = await system.call('PUT', `/v1/regions/${REGION}/pension-adjustments/${adjustmentFrom}`, { token: admin, body: rule });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ region: REGION, effectiveFrom: adjustmentFrom, fixedAmount: '50.00', share: '0.02', replaced: false });
    const audit = await system.orm.em
      .fork()
      .execute<{ action: string }[]>(`select action from audit_entry where object_id = ? order by id`, [`${REGION}:${adjustmentFrom}:pensionAdjustment`]);
    expect(audit.map((a) => a.action)).toEqual(['pensionAdjustment.recorded']);

    const figures = { minimumWage: '2490.00', subsistenceAllowance: '1290.00' };
    const provisional = await system.call('PUT', `/v1/regions/${REGION}/benefit-parameters/${provisionalFrom}`, {
      token: admin,
      body: { pensionCalculationBase: '8000.00', ...figures },
    });
    expect(provisional.status).toBe(200);
    // Published after the pension was granted on the provisional base: a lower one, so the months paid were too much.
    const base = await system.call('PUT', `/v1/regions/${REGION}/benefit-parameters/${baseFrom}`, {
      token: admin,
      body: { pensionCalculationBase: '5000.00', ...figures },
    });
    expect(base.status).toBe(200);
  });

  it('refuses a recalculation by field, by role and without data, changing nothing (400, 403, 404)', async () => {
    const future = await recalculate('adjustment', addDays(system.clock.today(), 1));
    expect(future.status).toBe(400);
    expect(future.body.errors.map((e: { path: string }) => e.path)).toEqual(['effectiveFrom']);
    const badCause = await recalculate('mood', adjustmentFrom);
    expect(badCause.status).toBe(400);
    expect(badCause.body.errors.map((e: { path: string }) => e.path)).toEqual(['cause']);
    const byCaseworker = await system.call('POST', '/v1/pension-recalculations', {
      token: cw,
      body: { region: REGION, cause: 'adjustment', effectiveFrom: adjustmentFrom },
    });
    expect(byCaseworker.status).toBe(403);
    const noRule = await recalculate('adjustment', addDays(adjustmentFrom, 1));
    expect(noRule.status).toBe(404);
    expect(noRule.body.code).toBe('PARAMETERS_NOT_FOUND');
    const [amount] = await system.orm.em
      .fork()
      .execute<{ amount: string }[]>(`select amount::text from benefit_entitlement where id = ?`, [adjusted.entitlementId]);
    expect(amount!.amount).toBe('3000.00');
  });

  it('recalculates every affected pension from its effective date: new monthly amount and one difference with its workings; a rerun changes nothing', async () => {
    const started = await recalculate('adjustment', adjustmentFrom);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const run = await runDone(started.body.id);
    expect(run.progress.pensionsSeen).toBe(run.progress.pensionsTotal);
    // 50 + (3000 + 1000) × 2 % = 130 more a month, paid with the basic pension; 6 months already paid since → 780.00 补发.
    const adjustedDiff = run.differences.find((d: { entitlementId: string }) => d.entitlementId === adjusted.entitlementId);
    expect(adjustedDiff).toMatchObject({ fromMonth: monthOf(adjustmentFrom), oldAmount: '3000.00', newAmount: '3130.00', months: 6, total: '780.00' });
    expect(adjustedDiff.workings.join('\n')).toContain('4000.00 × 0.02 = 80.00');
    expect(run.differences.map((d: { entitlementId: string }) => d.entitlementId)).not.toContain(rebased.entitlementId); // retired after the rule's date
    expect(run.totals.backPay).toBe('780.00');

    const rebasing = await recalculate('calculationBase', baseFrom);
    expect(rebasing.status).toBe(202);
    const rebasedRun = await runDone(rebasing.body.id);
    // 3300 × 5000 ÷ 8000 = 2062.50; 4 months paid at 3300.00 → 4 × −1237.50 = −4950.00 补扣.
    expect(rebasedRun.differences).toEqual([
      expect.objectContaining({
        entitlementId: rebased.entitlementId,
        oldAmount: '3300.00',
        newAmount: '2062.50',
        months: 4,
        total: '-4950.00',
        outstanding: '-4950.00',
      }),
    ]);
    expect(rebasedRun.totals).toEqual({ backPay: '0.00', deduction: '4950.00' });

    // The same changes again: the same runs, nothing changed twice.
    const again = await recalculate('adjustment', adjustmentFrom);
    expect(again.status).toBe(200);
    const rerun = await runDone(again.body.id);
    expect(rerun).toMatchObject({ changed: run.changed, totals: run.totals });
    expect(rerun.differences).toEqual(run.differences);
    await runDone((await recalculate('calculationBase', baseFrom)).body.id);
    const amounts = await system.orm.em
      .fork()
      .execute<{ id: string; amount: string }[]>(`select id, amount::text from benefit_entitlement where id in (?, ?)`, [
        adjusted.entitlementId,
        rebased.entitlementId,
      ]);
    expect(Object.fromEntries(amounts.map((a) => [a.id, a.amount]))).toEqual({ [adjusted.entitlementId]: '3130.00', [rebased.entitlementId]: '2062.50' });
  });

  it('pays the 补发 as its own line with its workings, and withholds the 补扣 within the offset share, carrying the rest (§8, 经办条例 art. 46)', async () => {
    // While a recalculation of the region runs, a payroll would find some pensions old and some new: it waits.
    const em = system.orm.em.fork();
    await em.execute(
      `insert into pension_recalculation (id, region, cause, effective_from, status, pensions_total, pensions_seen, changed, back_pay_total,
         deduction_total, started_by, started_at) values ('330203-test-running', ?, 'adjustment', ?, 'running', 1, 0, 0, 0, 0, 'sv-2031', now())`,
      [REGION, adjustmentFrom],
    );
    const waiting = await system.call('POST', '/v1/payrolls', { token: sv1, body: { region: REGION, period } });
    expect(waiting.status).toBe(409);
    expect(waiting.body.code).toBe('NOT_ALLOWED_NOW');
    await em.execute(`delete from pension_recalculation where id = '330203-test-running'`);

    const started = await system.call('POST', '/v1/payrolls', { token: sv1, body: { region: REGION, period } });
    expect(started.status).toBe(202);
    await gathered(started.body.reference);

    const adjustedLines = (await ownLines(adjusted)).filter((l) => l.period === period);
    expect(adjustedLines.map((l) => [l.benefit, l.kind, l.amount]).sort()).toEqual([
      ['accountPension', 'monthly', '1000.00'],
      ['basicPension', 'adjust', '780.00'],
      ['basicPension', 'monthly', '3130.00'],
    ]);
    const backPay = adjustedLines.find((l) => l.kind === 'adjust')!;
    expect(backPay.workings.join('\n')).toMatch(/due 3130\.00 − paid 3000\.00 = 130\.00 \(补发\)/);
    expect(backPay.workings.at(-1)).toContain(`payroll of ${period}`);

    // 2062.50 due; half of it withheld (overpayment.offsetShare 0.5) = 1031.25 of the 4950.00 owed.
    const rebasedLine = (await ownLines(rebased)).find((l) => l.period === period)!;
    expect(rebasedLine).toMatchObject({ kind: 'monthly', amount: '1031.25' });
    expect(rebasedLine.workings.join('\n')).toContain('withheld = min(2062.50 × 0.5 = 1031.25, outstanding 4950.00) = 1031.25');
    const owed = async () =>
      (await system.call('GET', `/v1/pension-recalculations/${REGION}-calculationBase-${baseFrom}`, { token: sv1 })).body.differences[0].outstanding;
    expect(await owed()).toBe('-3918.75');

    // While that payroll's lines are not sent, a recalculation would price months it already priced: refused.
    const meanwhile = await recalculate('adjustment', adjustmentFrom);
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body.code).toBe('NOT_ALLOWED_NOW');

    // The next month's payroll: the 补发 is not paid again; the 补扣 goes on.
    const next = await system.call('POST', '/v1/payrolls', { token: sv1, body: { region: REGION, period: addPeriods(period, 1) } });
    expect(next.status).toBe(202);
    await gathered(next.body.reference);
    const following = (await ownLines(adjusted)).filter((l) => l.period === addPeriods(period, 1));
    expect(following.map((l) => [l.kind, l.amount]).sort()).toEqual([
      ['monthly', '1000.00'],
      ['monthly', '3130.00'],
    ]);
    expect((await ownLines(rebased)).find((l) => l.period === addPeriods(period, 1))).toMatchObject({ amount: '1031.25' });
    expect(await owed()).toBe('-2887.50');
  });
});
