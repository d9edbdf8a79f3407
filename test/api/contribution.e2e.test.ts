/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP bodies are asserted field by field */
// Contributions, payments and arrears through the API. Every date the system derives from its clock is derived here
// from the same clock at run time (test/support/business-dates.ts); the declaration and payment scenarios also run on
// fixed business clocks at the turn of the year and inside the Spring Festival blocks, so they hold on any day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArrearsActivities } from '../../activities/arrears.activities.js';
import { addDays } from '../../domain/calendar/local-date.js';
import { Money } from '../../domain/money.js';
import { fixedClock, systemClock, type BusinessClock } from '../../services/business-clock.js';
import { businessDates, type BusinessDates } from '../support/business-dates.js';
import { citizenId, creditCode } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

const ALL = ['pension', 'medical', 'unemployment', 'workInjury'];
const pensionOf = (name: string) => [{ citizenId: citizenId(), name, monthlyWage: '10000.00', insuranceTypes: ['pension'] }]; // 2 400.00

/** The calls every scenario makes, on one running system. */
function harness(system: () => TestSystem) {
  const newEmployer = async () => {
    const code = creditCode('330102');
    await system()
      .orm.em.fork()
      .execute(
        `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
       values (?, '测试用人单位', '330102', 'active', 'H6210', 2, 'test', now())`,
        [code],
      );
    return { code, token: await system().token({ role: 'employer', employer: code, sub: `agent-${code.slice(-6)}` }) };
  };
  const count = async (table: string, employer: string) => {
    const [row] = await system().orm.em.fork().execute<{ n: string }[]>(`select count(*)::text as n from ${table} where employer_credit_code = ?`, [employer]);
    return Number(row!.n);
  };
  const upload = async (path: string, token: string, fields: Record<string, string>, file: Uint8Array) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set('file', new Blob([file], { type: 'text/csv' }), 'upload.csv');
    const res = await fetch(`${system().url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    return { status: res.status, body: (await res.json()) as any };
  };
  const declare = (token: string, period: string, lines: unknown[]) => system().call('POST', '/v1/declarations', { token, body: { period, lines } });
  const ledger = (code: string, periods: string[]) =>
    system()
      .orm.em.fork()
      .execute<{ period: string | null; entry_type: string; amount: string }[]>(
        `select period, entry_type, amount::text as amount from ledger_entry
        where employer_credit_code = ? and (period = any(?) or period is null) order by id`,
        [code, `{${periods.join(',')}}`],
      );
  return { newEmployer, count, upload, declare, ledger };
}

describe('contributions, payments and arrears (real PostgreSQL, Temporal dev server, worker, HTTP)', () => {
  let system: TestSystem;
  let caseworker: string;

  beforeAll(async () => {
    system = await startSystem();
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-ar-1' });
  });
  afterAll(async () => system?.close());

  describe('calculators', () => {
    it('computes a month with the parameters in force and shows the workings (§3.1–3.2, E1 method)', async () => {
      const res = await system.call('POST', '/v1/calculations/contributions', {
        token: caseworker,
        body: { region: '330102', date: '2026-03-01', monthlyWage: '12000.00', insuranceTypes: ALL, workInjuryClass: '2', workInjuryTier: '1' },
      });
      expect(res.status).toBe(200);
      expect(res.body.parametersFrom).toBe('2026-01-01');
      expect(res.body).toMatchObject({ base: '12000.00', employerTotal: '3168.00', employeeTotal: '1260.00', total: '4428.00' });
      expect(res.body.workings.join('\n')).toContain('12000.00 × 0.16 = 1920.00');
    });

    it('uses the older parameter set for an earlier date (issue 3, modelling principle 1)', async () => {
      const res = await system.call('POST', '/v1/calculations/contributions', {
        token: caseworker,
        body: { region: '330102', date: '2025-06-01', monthlyWage: '1000.00', insuranceTypes: ['pension'] },
      });
      expect(res.body).toMatchObject({ parametersFrom: '2025-01-01', base: '4560.00' }); // 7 600 × 60 %
    });

    it('answers E2: 8 000.00 due 2025-03-15 paid 2025-04-29 → 45 days, 180.00 (§4, E2)', async () => {
      const res = await system.call('POST', '/v1/calculations/late-fee', {
        token: caseworker,
        body: { principal: '8000.00', dueDate: '2025-03-15', paidDate: '2025-04-29' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ days: 45, dailyRate: '0.0005', lateFee: '180.00' });
    });

    it('refuses money as a JSON number or with three decimals (principle 2)', async () => {
      const res = await system.call('POST', '/v1/calculations/late-fee', {
        token: caseworker,
        body: { principal: 8000, dueDate: '2025-03-15', paidDate: '2025-04-29' },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].path).toBe('principal');
    });

    it('counts working and calendar deadlines over National Day 2025 (§9, E11), and a year without its calendar provisionally', async () => {
      const working = await system.call('GET', '/v1/calendar/deadline?from=2025-09-26&days=15&unit=working', { token: caseworker });
      expect(working.body).toEqual({ from: '2025-09-26', days: 15, unit: 'working', due: '2025-10-23', provisional: false });
      const calendar = await system.call('GET', '/v1/calendar/deadline?from=2025-09-20&days=15&unit=calendar', { token: caseworker });
      expect(calendar.body.due).toBe('2025-10-09');
      const unloaded = await system.call('GET', '/v1/calendar/deadline?from=2030-02-01&days=10&unit=working', { token: caseworker });
      expect(unloaded.status).toBe(200);
      expect(unloaded.body).toMatchObject({ due: '2030-02-15', provisional: true });
    });
  });

  describe('arrears recovery', () => {
    it('opens one case per employer for overdue bills, shows the late fee as of a date, settles on payment, and blocks closure meanwhile (§4, E2)', async () => {
      const { newEmployer, declare } = harness(() => system);
      const d = businessDates(system.clock);
      const supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sv-ar-1' });
      const [p3, p2, p1] = [d.period(-3), d.period(-2), d.period(-1)];
      const { code, token } = await newEmployer();
      await declare(token, p3, pensionOf('s'));
      await declare(token, p2, pensionOf('s'));
      const sweep = await system.call('POST', '/v1/arrears-sweeps', { token: supervisor, body: { asOf: d.today } });
      // Other tests of this file leave overdue bills too: pick this employer's case, not any with the same periods.
      const [own] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(`select id from case_record where case_type = 'arrears' and employer_credit_code = ?`, [code]);
      const mine = sweep.body.cases.find((c: { caseId: string }) => c.caseId === own?.id);
      expect(mine).toBeDefined();
      // Last month is not declared: once its due date has passed it is billed provisionally at 110 % (art. 62).
      const lastMonthOverdue = d.today > d.dueDate(p1);
      expect(mine.periods).toEqual(lastMonthOverdue ? [p3, p2, p1] : [p3, p2]);
      const again = await system.call('POST', '/v1/arrears-sweeps', { token: supervisor, body: { asOf: d.today } });
      expect(again.body.cases.find((c: { caseId: string }) => c.caseId === mine.caseId)).toBeUndefined();

      // As of 15 days after the second period fell due: the first has run longer (E2 method, 2 400.00 × 0.05 % a day).
      const statementDay = addDays(d.dueDate(p2), 15);
      const asOf = await system.call('GET', `/v1/arrears-cases/${mine.reference}?asOf=${statementDay}`, { token });
      expect(asOf.status).toBe(200);
      const expected = [p3, p2].map((p) => [p, d.lateDays(d.dueDate(p), statementDay), d.lateFee('2400.00', d.dueDate(p), statementDay)]);
      if (lastMonthOverdue) expected.push([p1, 0, '0.00']); // due a month later than the statement day
      expect(asOf.body.periods.map((p: { period: string; lateFeeDays: number; lateFee: string }) => [p.period, p.lateFeeDays, p.lateFee])).toEqual(expected);
      const principal = Money.of(lastMonthOverdue ? '7440.00' : '4800.00');
      const fees = Money.sum(expected.map((row) => Money.of(String(row[2]))));
      expect(asOf.body).toMatchObject({ principal: principal.toString(), lateFee: fees.toString(), fine: '0.00', total: principal.plus(fees).toString() });

      const ordered = await system.eventually(async () => {
        const view = await system.call('GET', `/v1/cases/${mine.caseId}`, { token });
        return view.body.status === 'ordered' ? view.body : undefined;
      });
      expect(ordered.deadlines.map((x: { name: string }) => x.name)).toContain('orderToPay');
      const stranger = await newEmployer();
      expect((await system.call('GET', `/v1/arrears-cases/${mine.caseId}`, { token: stranger.token })).status).toBe(404);
      const admin = await system.token({ role: 'admin', region: '330102', sub: 'adm-ar-1' });
      expect((await system.call('POST', `/v1/employers/${code}/closure`, { token: admin })).status).toBe(409);

      const now = await system.call('GET', `/v1/arrears-cases/${mine.caseId}`, { token });
      expect(now.body.asOf).toBe(d.today);
      const pay = await system.call('POST', '/v1/payments', {
        token: caseworker,
        body: { employerCreditCode: code, amount: now.body.total, paidOn: now.body.asOf },
        headers: { 'idempotency-key': `full-${code}` },
      });
      expect(pay.status).toBe(201);
      expect(pay.body.allocation.credit).toBe('0.00');
      await system.eventually(async () => {
        const view = await system.call('GET', `/v1/cases/${mine.caseId}`, { token });
        return view.body.status === 'settled' ? view.body : undefined;
      });
      expect((await system.call('POST', `/v1/employers/${code}/closure`, { token: admin })).status).toBe(200);
    });

    it('collects an unpaid fine after the periods, keeps the case open and the closure refused until it is paid (§4, 社会保险法 art. 86, issue 8)', async () => {
      const { newEmployer, declare } = harness(() => system);
      const d = businessDates(system.clock);
      const supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sv-ar-1' });
      const admin = await system.token({ role: 'admin', region: '330102', sub: 'adm-ar-1' });
      const { code, token } = await newEmployer();
      await declare(token, d.period(-3), pensionOf('f'));
      await declare(token, d.period(-2), pensionOf('f'));
      const sweep = await system.call('POST', '/v1/arrears-sweeps', { token: supervisor, body: { asOf: d.today } });
      const [own] = await system.orm.em
        .fork()
        .execute<{ id: string; reference: string }[]>(`select id, reference from case_record where case_type = 'arrears' and employer_credit_code = ?`, [code]);
      expect(sweep.body.cases.map((c: { caseId: string }) => c.caseId)).toContain(own!.id);
      const caseView = () => system.call('GET', `/v1/cases/${own!.id}`, { token });
      await system.eventually(async () => ((await caseView()).body.status === 'ordered' ? true : undefined));
      // The fine as the approved-fine step books it (the four-eyes steps before it are the workflow tests' business).
      await createArrearsActivities({ orm: system.orm, clock: system.clock, notices: system.notices }).recordFine({
        caseId: own!.id,
        employer: code,
        amount: '2400.00',
        multiple: '1',
        approvedBy: 'rv-ar-1',
        key: `${own!.id}:fine:e2e`,
        on: d.today,
      });

      const owed = await system.call('GET', `/v1/arrears-cases/${own!.reference}`, { token });
      expect(owed.body.fine).toBe('2400.00');
      const periods = Money.of(owed.body.principal).plus(Money.of(owed.body.lateFee));
      expect(owed.body.total).toBe(periods.plus(Money.of('2400.00')).toString());
      const pay = (key: string, amount: string) =>
        system.call('POST', '/v1/payments', {
          token: caseworker,
          body: { employerCreditCode: code, amount, paidOn: d.today },
          headers: { 'idempotency-key': `${key}-${code}` },
        });

      const first = await pay('periods', periods.toString());
      expect(first.status).toBe(201);
      expect(first.body.allocation.lines.map((l: { component: string }) => l.component)).not.toContain('fine');
      const open = await system.eventually(async () => {
        const view = await caseView();
        return view.body.summary.balance?.principal === '0.00' ? view.body : undefined;
      });
      expect(open.status).toBe('ordered');
      expect(open.summary.balance).toMatchObject({ lateFee: '0.00', fine: '2400.00', settled: false });
      const bills = await system.call('GET', '/v1/bills', { token });
      expect(bills.body).toMatchObject({ total: '0.00', fine: '2400.00' });
      const refused = await system.call('POST', `/v1/employers/${code}/closure`, { token: admin });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'NOT_ALLOWED_NOW' });
      expect(refused.body.detail).toContain(`arrears case ${own!.reference} is open; a fine of 2400.00 is unpaid`);

      const second = await pay('fine', '2400.00');
      expect(second.body.allocation).toMatchObject({ lines: [{ period: null, component: 'fine', amount: '2400.00', caseId: own!.id }], credit: '0.00' });
      await system.eventually(async () => ((await caseView()).body.status === 'settled' ? true : undefined));
      expect((await system.call('POST', `/v1/employers/${code}/closure`, { token: admin })).body).toEqual({ creditCode: code, status: 'closed' });
    });

    it('refuses to close an employer with a bill past its due date unpaid before any sweep has reached it (社会保险经办条例 art. 10, issue 8)', async () => {
      const { newEmployer, declare } = harness(() => system);
      const d = businessDates(system.clock);
      const admin = await system.token({ role: 'admin', region: '330102', sub: 'adm-ar-1' });
      const { code, token } = await newEmployer();
      const p3 = d.period(-3);
      await declare(token, p3, pensionOf('g'));
      const refused = await system.call('POST', `/v1/employers/${code}/closure`, { token: admin });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('NOT_ALLOWED_NOW');
      expect(refused.body.detail).toContain(
        `bill ${p3} (due ${d.dueDate(p3)}) is unpaid: 2400.00 principal, ${d.lateFee('2400.00', d.dueDate(p3), d.today)} late fee`,
      );
      const employer = await system.orm.em.fork().execute<{ status: string }[]>('select status from employer where credit_code = ?', [code]);
      expect(employer[0]!.status).toBe('active');
    });
  });
});

/**
 * The business days the declaration and payment scenarios are also tried on: the last minutes of a year and the first
 * of the next (periods and due dates cross the year), inside Spring Festival 2026 (an official calendar) and inside the
 * 2027 block, whose State Council notice is not loaded (due dates counted provisionally).
 */
const BUSINESS_DAYS: [string, BusinessClock][] = [
  ['today', systemClock],
  ['New Year’s Eve, 23:30', fixedClock('2026-12-31T23:30:00+08:00')],
  ['New Year’s Day, 00:30', fixedClock('2027-01-01T00:30:00+08:00')],
  ['inside Spring Festival 2026', fixedClock('2026-02-18T10:00:00+08:00')],
  ['inside Spring Festival 2027 (calendar not loaded)', fixedClock('2027-02-09T10:00:00+08:00')],
];

describe.each(BUSINESS_DAYS)('declarations, bills and payments on a business day: %s', (_label, clock) => {
  let system: TestSystem;
  let caseworker: string;
  let d: BusinessDates;
  const { newEmployer, count, upload, declare, ledger } = harness(() => system);

  beforeAll(async () => {
    system = await startSystem({ clock });
    d = businessDates(system.clock);
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-ar-1' });
  });
  afterAll(async () => system?.close());

  it('declares one employee, bills the period due on the 15th of the next month (rolled over rest days) and shows the employer its own bill only (§3.3, §9)', async () => {
    const { code, token } = await newEmployer();
    const period = d.period(-1);
    const res = await declare(token, period, [{ citizenId: citizenId(), name: '王五', monthlyWage: '12000.00', insuranceTypes: ALL }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period, dueDate: d.dueDate(period), totals: { total: '4428.00' } }); // 12 000 × 0.369
    expect(res.body.lines[0].workings.length).toBeGreaterThan(3);
    const bills = await system.call('GET', `/v1/bills?asOf=${d.dueDate(period)}`, { token });
    expect(bills.body.items).toEqual([expect.objectContaining({ period, principal: '4428.00', lateFee: '0.00', provisional: false })]);
    const other = await newEmployer();
    expect((await system.call('GET', `/v1/bills?employerCreditCode=${code}`, { token: other.token })).status).toBe(404);
  });

  it('refuses a declaration with bad rows as a whole, naming each row and field, and a future month, writing nothing (issue 3)', async () => {
    const { code, token } = await newEmployer();
    const id = citizenId();
    const res = await declare(token, d.period(-1), [
      { citizenId: id, name: 'a', monthlyWage: '8000.00', insuranceTypes: ALL },
      { citizenId: `${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'}`, name: 'b', monthlyWage: '8000.00', insuranceTypes: ALL },
      { citizenId: id, name: 'c', monthlyWage: '8000.00', insuranceTypes: ALL },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['lines[1].citizenId', 'lines[2].citizenId']);
    const future = await declare(token, d.period(1), [{ citizenId: citizenId(), name: 'd', monthlyWage: '8000.00', insuranceTypes: ALL }]);
    expect(future.status).toBe(400);
    expect(future.body.errors[0]).toMatchObject({ path: 'period' });
    expect(await count('declaration', code)).toBe(0);
    expect(await count('bill', code)).toBe(0);
    expect(await count('ledger_entry', code)).toBe(0);
  });

  it('takes a GBK roster file and refuses bad files with a report, writing nothing (issue 3)', async () => {
    const { code, token } = await newEmployer();
    const gbk = (text: string) => {
      // 身份证号,姓名,月工资,险种 header and 张三/养老/医疗 in GBK, the rest ASCII.
      const map: Record<string, number[]> = {
        身: [0xc9, 0xed],
        份: [0xb7, 0xdd],
        证: [0xd6, 0xa4],
        号: [0xba, 0xc5],
        姓: [0xd0, 0xd5],
        名: [0xc3, 0xfb],
        月: [0xd4, 0xc2],
        工: [0xb9, 0xa4],
        资: [0xd7, 0xca],
        险: [0xcf, 0xd5],
        种: [0xd6, 0xd6],
        张: [0xd5, 0xc5],
        三: [0xc8, 0xfd],
        养: [0xd1, 0xf8],
        老: [0xc0, 0xcf],
        医: [0xd2, 0xbd],
        疗: [0xc1, 0xc6],
      };
      return new Uint8Array([...text].flatMap((ch) => map[ch] ?? [ch.charCodeAt(0)]));
    };
    const ok = await upload(
      '/v1/declarations/files',
      token,
      { period: d.period(-1) },
      gbk(`身份证号,姓名,月工资,险种\n${citizenId()},张三,9000.00,养老;医疗\n`),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.lines[0]).toMatchObject({ name: '张三', base: '9000.00' });
    expect(ok.body.totals.total).toBe('3195.00'); // 9 000 × (0.16 + 0.08 + 0.095 + 0.02)

    const bad = await upload(
      '/v1/declarations/files',
      token,
      { period: d.period(-2) },
      new TextEncoder().encode(`citizenId,name,monthlyWage\n${citizenId()},x,-5.00\n${citizenId()},y,100.123\n`),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { path: 'rows[0].monthlyWage', message: 'must not be negative' },
      { path: 'rows[1].monthlyWage', message: expect.stringContaining('more than 2 decimal') },
    ]);
    const columns = await upload('/v1/declarations/files', token, { period: d.period(-2) }, new TextEncoder().encode('id,wage\n1,2\n'));
    expect(columns.body.errors.map((e: { path: string }) => e.path)).toContain('columns');
    const encoding = await upload('/v1/declarations/files', token, { period: d.period(-2) }, new Uint8Array([0x41, 0xff, 0xfe, 0xff]));
    expect(encoding.body.errors).toEqual([{ path: 'file', message: 'the file is neither UTF-8 nor GBK text' }]);
    expect(await count('bill', code)).toBe(1); // only the good file's period
  });

  it('settles a provisional bill of 110 % when the employer declares (§3.3, 社会保险法 art. 62)', async () => {
    const { code, token } = await newEmployer();
    const supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sv-ar-1' });
    const [p3, p2] = [d.period(-3), d.period(-2)];
    await declare(token, p3, pensionOf('p'));
    const sweep = await system.call('POST', '/v1/arrears-sweeps', { token: supervisor, body: { asOf: d.today } });
    expect(sweep.status).toBe(200);
    const before = await system.call('GET', `/v1/bills?asOf=${d.dueDate(p2)}`, { token });
    expect(before.body.items.find((b: { period: string }) => b.period === p2)).toMatchObject({ principal: '2640.00', provisional: true });
    const declared = await declare(token, p2, pensionOf('p'));
    expect(declared.body.adjustment).toBe('-240.00');
    const after = await system.call('GET', `/v1/bills?asOf=${d.dueDate(p2)}`, { token });
    expect(after.body.items.find((b: { period: string }) => b.period === p2).principal).toBe('2400.00');
    const entries = (await ledger(code, [p2])).filter((e) => e.period === p2);
    expect(entries.map(({ entry_type, amount }) => ({ entry_type, amount }))).toEqual([
      { entry_type: 'provisional_charge', amount: '2640.00' },
      { entry_type: 'adjustment', amount: '-240.00' },
    ]);
  });

  it('counts a payment sent twice with the same idempotency key once, and keeps an overpayment as credit (issue 3)', async () => {
    const { code, token } = await newEmployer();
    await declare(token, d.period(0), pensionOf('q')); // this month: due next month, so paying today is on time
    const body = { employerCreditCode: code, amount: '2500.00', paidOn: d.today };
    const first = await system.call('POST', '/v1/payments', { token: caseworker, body, headers: { 'idempotency-key': `pay-${code}` } });
    expect(first.status).toBe(201);
    expect(first.body.allocation).toMatchObject({ lines: [{ period: d.period(0), component: 'principal', amount: '2400.00' }], credit: '100.00' });
    const again = await system.call('POST', '/v1/payments', { token: caseworker, body, headers: { 'idempotency-key': `pay-${code}` } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ duplicate: true, paymentId: first.body.paymentId });
    expect(await count('payment', code)).toBe(1);
    const bills = await system.call('GET', `/v1/bills?asOf=${d.today}`, { token });
    expect(bills.body).toMatchObject({ principal: '0.00', credit: '100.00' });
    expect((await system.call('POST', '/v1/payments', { token, body, headers: { 'idempotency-key': 'employer-try' } })).status).toBe(403);
    // The longest key the document allows (100 characters) is kept whole, with its `api:` prefix (found by the contract run).
    const longKey = `${code}-`.padEnd(100, 'k');
    const longest = await system.call('POST', '/v1/payments', {
      token: caseworker,
      body: { ...body, amount: '1.00' },
      headers: { 'idempotency-key': longKey },
    });
    expect(longest.status).toBe(201);
    expect(longest.body.idempotencyKey).toBe(`api:${longKey}`);
    // The same key with another amount is a second payment, not a retry: refused, and nothing booked.
    const reused = await system.call('POST', '/v1/payments', { token: caseworker, body: { ...body, amount: '2.00' }, headers: { 'idempotency-key': longKey } });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', errors: [{ path: 'idempotency-key' }] });
    expect(await count('payment', code)).toBe(2);
    const tomorrow = await system.call('POST', '/v1/payments', {
      token: caseworker,
      body: { ...body, paidOn: d.day(1) },
      headers: { 'idempotency-key': `pay-later-${code}` },
    });
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.errors[0].path).toBe('paidOn');
  });

  it('spends a credit on the next bill when it is declared and with the next payment, as append-only entries (§4, issue 3)', async () => {
    const { code, token } = await newEmployer();
    const pay = (key: string, amount: string) =>
      system.call('POST', '/v1/payments', {
        token: caseworker,
        body: { employerCreditCode: code, amount, paidOn: d.today },
        headers: { 'idempotency-key': `${key}-${code}` },
      });
    const [p0, p1] = [d.period(0), d.period(-1)];
    await declare(token, p0, pensionOf('s'));
    expect((await pay('over', '2500.00')).body.allocation.credit).toBe('100.00');
    // The next bill is booked: the credit pays 100.00 of it at once.
    expect((await declare(token, p1, pensionOf('s'))).status).toBe(201);
    const bills = await system.call('GET', `/v1/bills?asOf=${d.today}`, { token });
    expect(bills.body.items.find((b: { period: string }) => b.period === p1)).toMatchObject({ principal: '2300.00' });
    expect(bills.body).toMatchObject({ principal: '2300.00', credit: '0.00' });
    // The next payment covers the rest and the late fee since last month's due date (if it has passed); the change is
    // the new credit.
    const fee = d.lateFee('2400.00', d.dueDate(p1), d.today);
    const second = await pay('rest', '2350.00');
    expect(second.body.allocation.lines).toEqual([
      { period: p1, component: 'principal', amount: '2300.00' },
      ...(fee === '0.00' ? [] : [{ period: p1, component: 'lateFee', amount: fee }]),
    ]);
    expect(second.body.allocation.credit).toBe(Money.of('50.00').minus(Money.of(fee)).toString());
    const entries = (await ledger(code, [p1])).filter((e) => e.entry_type !== 'late_fee_paid');
    expect(entries).toEqual([
      { period: null, entry_type: 'credit', amount: '100.00' },
      { period: p1, entry_type: 'charge', amount: '2400.00' },
      { period: p1, entry_type: 'principal_paid', amount: '-100.00' },
      { period: null, entry_type: 'credit', amount: '-100.00' },
      { period: p1, entry_type: 'principal_paid', amount: '-2300.00' },
      { period: null, entry_type: 'credit', amount: Money.of('50.00').minus(Money.of(fee)).toString() },
    ]);
  });

  it('keeps a payment made before any bill as credit and spends it on the bill declared later (§4 "Partial payments", issue 3)', async () => {
    const { token, code } = await newEmployer();
    const pay = (key: string, amount: string) =>
      system.call('POST', '/v1/payments', {
        token: caseworker,
        body: { employerCreditCode: code, amount, paidOn: d.today },
        headers: { 'idempotency-key': `${key}-${code}` },
      });
    // Paid before anything was billed: all of it is credit.
    expect((await pay('advance', '500.00')).body.allocation).toMatchObject({ lines: [], credit: '500.00' });
    // Declared late (two months ago, long past its due date): the credit is spent on the day the bill is booked.
    const p2 = d.period(-2);
    await declare(token, p2, pensionOf('t'));
    const bills = await system.call('GET', `/v1/bills?asOf=${d.today}`, { token });
    expect(bills.body.items.find((b: { period: string }) => b.period === p2)).toMatchObject({ principal: '1900.00' });
    expect(bills.body.credit).toBe('0.00');
  });

  it('imports a bank file once however often it is imported, allocating principal before late fee (§4)', async () => {
    const { code, token } = await newEmployer();
    const p3 = d.period(-3);
    await declare(token, p3, pensionOf('r'));
    // Paid 10 days late (well before today): 2 400 × 0.0005 × 10 = 12.00 late fee.
    const paidOn = addDays(d.dueDate(p3), 10);
    const file = new TextEncoder().encode(`交易流水号,付款单位信用代码,金额,交易日期\nB${code.slice(-8)},${code},2412.00,${paidOn.replaceAll('-', '')}\n`);
    const first = await upload('/v1/payments/files', caseworker, { source: 'bank' }, file);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ booked: 1, duplicates: 0 });
    expect(first.body.payments[0].allocation.lines).toEqual([
      { period: p3, component: 'principal', amount: '2400.00' },
      { period: p3, component: 'lateFee', amount: '12.00' },
    ]);
    const second = await upload('/v1/payments/files', caseworker, { source: 'bank' }, file);
    expect(second.body).toMatchObject({ booked: 0, duplicates: 1 });
    expect(await count('payment', code)).toBe(1);
    const bad = await upload(
      '/v1/payments/files',
      caseworker,
      { source: 'bank' },
      new TextEncoder().encode(`交易流水号,付款单位信用代码,金额,交易日期\nX1,${code},-3.00,${paidOn.replaceAll('-', '')}\n`),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'rows[0].amount', message: expect.any(String) }]);
  });
});
