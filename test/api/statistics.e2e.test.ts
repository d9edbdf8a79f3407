/* eslint-disable @typescript-eslint/no-explicit-any -- HTTP bodies are asserted field by field */
// 统计 (issue 14 point 4) through the API: the figures move by exactly what the existing commands wrote — enrollments
// (insured persons), a declaration and a payment (contributions), a reviewed late registration (SLA) — and another
// region's rows never enter them. The run's database is shared with other test files, so every figure is compared
// as the difference between a reading before and one after; the regions used (Ningbo's 海曙 330203 and 鄞州 330212)
// are ones almost no other file writes to. Dates come from the business clock at run time (test/support/business-dates.ts).
import { readSheet } from 'read-excel-file/node';
import { XLSX_TYPE } from '../../api/presenters/statistics-workbook.js';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { businessDates, type BusinessDates } from '../support/business-dates.js';
import { addEntitlement, bankReturn } from './payroll-fixture.js';
import { citizenId, creditCode, enrollmentBody } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';

const HOME = '330203';
const OTHER = '330212';
const CITY = '330200';

type Report = { months: any[]; region: string; drillDown: any };

describe('statistics over HTTP (real PostgreSQL, Temporal, worker)', () => {
  let system: TestSystem;
  let d: BusinessDates;
  let supervisor: string;
  let otherSupervisor: string;
  let cityAuditor: string;
  let from: string;
  let to: string;

  const newEmployer = async (region: string) => {
    const code = creditCode(region);
    await system.orm.em.fork().execute(
      `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
         values (?, '统计测试单位', ?, 'active', 'H6210', 2, 'test', now())`,
      [code, region],
    );
    return { code, token: await system.token({ role: 'employer', employer: code, sub: `agent-${code.slice(-6)}` }) };
  };
  const report = async (token: string, region?: string): Promise<Report> => {
    const res = await system.call('GET', `/v1/statistics/monthly?from=${from}&to=${to}${region ? `&region=${region}` : ''}`, { token });
    expect(res.status).toBe(200);
    return res.body as Report;
  };
  const month = (r: Report, m: string) => r.months.find((x) => x.month === m)!;
  const insured = (r: Report, m: string, type: string) => month(r, m).insured.find((i: any) => i.insuranceType === type);
  const cases = (r: Report, m: string, type: string) => month(r, m).cases.find((c: any) => c.caseType === type);
  const moneyDelta = (after: string, before: string) => new Decimal(after).minus(before).toFixed(2);
  const waitForStatus = (caseId: string, token: string, status: string) =>
    system.eventually(async () => ((await system.call('GET', `/v1/cases/${caseId}`, { token })).body.status === status ? true : undefined));

  beforeAll(async () => {
    system = await startSystem();
    d = businessDates(system.clock);
    // The late registration below is hired 60 days ago: its coverage begins two or three months back.
    from = d.period(-3);
    to = d.period(0);
    supervisor = await system.token({ role: 'supervisor', region: HOME, sub: 'sv-stat-1' });
    otherSupervisor = await system.token({ role: 'supervisor', region: OTHER, sub: 'sv-stat-2' });
    cityAuditor = await system.token({ role: 'auditor', region: CITY, sub: 'au-stat-1' });
  });
  afterAll(async () => system?.close());

  it('moves each figure by what the commands wrote, in the region and its city only (issue 14 point 4)', async () => {
    const [homeBefore, otherBefore, cityBefore] = await Promise.all([report(supervisor), report(otherSupervisor), report(cityAuditor)]);
    const home = await newEmployer(HOME);
    const other = await newEmployer(OTHER);
    const caseworker = await system.token({ role: 'caseworker', region: HOME, sub: 'cw-stat-1' });

    // A timely hire in each region: insured at once in the four insurances from the hire month.
    const timelyHire = addDays(d.today, -5);
    const enrol = async (employer: { code: string; token: string }, region: string, hireDate: string) => {
      const res = await system.call('POST', '/v1/enrollments', {
        token: employer.token,
        body: enrollmentBody({ citizenId: citizenId({ region }), employerCreditCode: employer.code, region, hireDate }),
      });
      expect(res.status).toBe(202);
      return res.body.caseId as string;
    };
    await waitForStatus(await enrol(home, HOME, timelyHire), home.token, 'insured');
    await waitForStatus(await enrol(other, OTHER, timelyHire), other.token, 'insured');

    // A late one (60 days) goes to review; the caseworker approves it well within its SLA.
    const lateHire = addDays(d.today, -60);
    const lateCase = await enrol(home, HOME, lateHire);
    const taskId = await system.eventually(async () => {
      const [row] = await system.orm.em.fork().execute<{ id: string }[]>(`select id from task where case_id = ? and status = 'open'`, [lateCase]);
      return row?.id;
    });
    expect((await system.call('POST', `/v1/tasks/${taskId}/claim`, { token: caseworker })).status).toBe(200);
    expect((await system.call('POST', `/v1/tasks/${taskId}/complete`, { token: caseworker, body: { outcome: 'approve', comment: '合同已核' } })).status).toBe(
      200,
    );
    await waitForStatus(lateCase, home.token, 'insured');

    // Last month's wages declared in both regions (pension only: 24 % of the base), and a part payment at home.
    const lastMonth = d.period(-1);
    const declare = async (employer: { token: string }, wage: string) => {
      const res = await system.call('POST', '/v1/declarations', {
        token: employer.token,
        body: { period: lastMonth, lines: [{ citizenId: citizenId(), name: '统计', monthlyWage: wage, insuranceTypes: ['pension'] }] },
      });
      expect(res.status).toBeLessThan(300);
    };
    await declare(home, '10000.00'); // 2 400.00
    await declare(other, '5000.00'); // 1 200.00 at the other region's base floor or above
    const pay = await system.call('POST', '/v1/payments', {
      token: caseworker,
      body: { employerCreditCode: home.code, amount: '1000.00', paidOn: d.today },
      headers: { 'idempotency-key': `stat-${home.code}` },
    });
    expect(pay.status).toBe(201);

    const [homeAfter, otherAfter, cityAfter] = await Promise.all([report(supervisor), report(otherSupervisor), report(cityAuditor)]);
    const hireMonth = monthOf(timelyHire);
    const lateMonth = monthOf(lateHire);
    const thisMonth = d.period(0);

    // Insured persons: two at home this month (both hires), one in the other region; the city counts all three.
    for (const type of ['pension', 'medical', 'unemployment', 'workInjury']) {
      expect(insured(homeAfter, thisMonth, type).insured - insured(homeBefore, thisMonth, type).insured).toBe(2);
      expect(insured(otherAfter, thisMonth, type).insured - insured(otherBefore, thisMonth, type).insured).toBe(1);
      expect(insured(cityAfter, thisMonth, type).insured - insured(cityBefore, thisMonth, type).insured).toBe(3);
    }
    expect(insured(homeAfter, lateMonth, 'pension').joined - insured(homeBefore, lateMonth, 'pension').joined).toBe(lateMonth === hireMonth ? 2 : 1);
    expect(insured(homeAfter, hireMonth, 'pension').joined - insured(homeBefore, hireMonth, 'pension').joined).toBe(lateMonth === hireMonth ? 2 : 1);

    // Contributions of last month: billed 2 400.00 at home; what the 1 000.00 paid went to principal or late fee (the
    // allocation's business), the two together are 1 000.00, and the rest is in arrears once the bill is due.
    const c = (r: Report) => month(r, lastMonth).contributions;
    expect(moneyDelta(c(homeAfter).billed, c(homeBefore).billed)).toBe('2400.00');
    const received = moneyDelta(c(homeAfter).received, c(homeBefore).received);
    const lateFees = moneyDelta(c(homeAfter).lateFees, c(homeBefore).lateFees);
    expect(new Decimal(received).plus(lateFees).toFixed(2)).toBe('1000.00');
    const due = d.dueDate(lastMonth) < d.today;
    expect(moneyDelta(c(homeAfter).arrears, c(homeBefore).arrears)).toBe(due ? new Decimal('2400.00').minus(received).toFixed(2) : '0.00');
    expect(moneyDelta(month(homeAfter, lastMonth).fund.income, month(homeBefore, lastMonth).fund.income)).toBe('1000.00');
    // Money is a decimal string everywhere.
    for (const value of Object.values(c(homeAfter))) expect(value).toMatch(/^\d+\.\d{2}$/);

    // The other region's declaration is in its own and the city's figures, never in ours.
    const otherBilled = moneyDelta(c(otherAfter).billed, c(otherBefore).billed);
    expect(new Decimal(otherBilled).gte('1200.00')).toBe(true);
    expect(moneyDelta(c(otherAfter).received, c(otherBefore).received)).toBe('0.00');
    expect(moneyDelta(c(cityAfter).billed, c(cityBefore).billed)).toBe(new Decimal('2400.00').plus(otherBilled).toFixed(2));

    // SLA: the reviewed registration's task was decided this month, on time; two enrollments opened at home, one there.
    expect(cases(homeAfter, thisMonth, 'enrollment').decided - cases(homeBefore, thisMonth, 'enrollment').decided).toBe(1);
    expect(cases(homeAfter, thisMonth, 'enrollment').onTime - cases(homeBefore, thisMonth, 'enrollment').onTime).toBe(1);
    expect(cases(homeAfter, thisMonth, 'enrollment').opened - cases(homeBefore, thisMonth, 'enrollment').opened).toBe(2);
    expect(cases(otherAfter, thisMonth, 'enrollment').decided - cases(otherBefore, thisMonth, 'enrollment').decided).toBe(0);
    expect(cases(otherAfter, thisMonth, 'enrollment').opened - cases(otherBefore, thisMonth, 'enrollment').opened).toBe(1);

    // The drill-down opens the list behind a figure, on the existing list route, in the report's region only.
    expect(homeAfter.drillDown.cases.enrollment).toBe(`/v1/cases?type=enrollment&region=${HOME}`);
    const list = await system.call('GET', homeAfter.drillDown.cases.enrollment, { token: supervisor });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.caseId)).toContain(lateCase);
    expect(list.body.items.every((i: any) => i.region === HOME)).toBe(true);
  });

  it('counts a benefit granted, and paid once the bank returns its payroll line as paid; the fund spends it (待遇拨付)', async () => {
    const thisMonth = d.period(0);
    const before = await report(supervisor);
    const otherBefore = await report(otherSupervisor);
    // An approved pension entitlement written as an approved claim writes it (test/api/payroll-fixture.ts), first paid now.
    await addEntitlement(system.orm, {
      region: HOME,
      claimType: 'pension',
      benefit: 'basicPension',
      kind: 'monthly',
      amount: '3300.00',
      startMonth: thisMonth,
      firstPayrollMonth: thisMonth,
      account: { bank: 'ICBC', account: '6222021234567890777' },
    });
    const runner = supervisor;
    const approver = await system.token({ role: 'supervisor', region: HOME, sub: 'sv-stat-3' });
    const started = await system.call('POST', '/v1/payrolls', { token: runner, body: { region: HOME, period: thisMonth } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const { reference, caseId } = started.body;
    const statusIs = (status: string) =>
      system.eventually(
        async () => ((await system.call('GET', `/v1/payrolls/${reference}`, { token: runner })).body.status === status ? true : undefined),
        60_000,
      );
    await statusIs('approval');
    const task = await system.eventually(async () => {
      const list = await system.call('GET', '/v1/tasks?view=available&limit=100', { token: approver });
      return (list.body.items as { taskId: string; caseId: string; step: string }[]).find((t) => t.caseId === caseId && t.step === 'payrollApproval');
    });
    expect((await system.call('POST', `/v1/tasks/${task.taskId}/claim`, { token: approver })).status).toBe(200);
    expect((await system.call('POST', `/v1/tasks/${task.taskId}/complete`, { token: approver, body: { outcome: 'approve', comment: '' } })).status).toBe(200);
    await statusIs('paying');
    const file = await system.call('GET', `/v1/payrolls/${reference}/bank-file?bank=ICBC`, { token: runner });
    expect(file.status).toBe(200);
    const lines = (file.body as string)
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const paidTotal = lines.reduce((sum, r) => sum.plus(r[6]!), new Decimal(0)).toFixed(2);
    expect(new Decimal(paidTotal).gte('3300.00')).toBe(true);
    const returned = await system.call('POST', `/v1/payrolls/${reference}/bank-returns`, {
      token: runner,
      body: bankReturn(
        `${reference}-ICBC`,
        lines.map((r) => ({ lineKey: r[1]!, account: r[5]!, amount: r[6]!, status: 'PAID' as const })),
      ),
      headers: { 'content-type': 'text/csv' },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);

    const after = await report(supervisor);
    const pension = (r: Report) => month(r, thisMonth).benefits.find((b: any) => b.benefit === 'basicPension') ?? { granted: 0, paidLines: 0, paid: '0.00' };
    expect(pension(after).granted - pension(before).granted).toBe(1);
    expect(pension(after).paidLines - pension(before).paidLines).toBe(lines.length);
    expect(moneyDelta(pension(after).paid, pension(before).paid)).toBe(paidTotal);
    expect(moneyDelta(month(after, thisMonth).fund.expenditure, month(before, thisMonth).fund.expenditure)).toBe(paidTotal);
    // Not in the other region's figures.
    const otherAfter = await report(otherSupervisor);
    expect(moneyDelta(month(otherAfter, thisMonth).fund.expenditure, month(otherBefore, thisMonth).fund.expenditure)).toBe('0.00');
  });

  it('answers only staff of the region or above it: another region is 403, and so are a caseworker and a citizen', async () => {
    expect((await system.call('GET', `/v1/statistics/monthly?region=${OTHER}`, { token: supervisor })).status).toBe(403);
    expect((await system.call('GET', `/v1/statistics/monthly?region=${CITY}`, { token: supervisor })).status).toBe(403);
    expect((await system.call('GET', `/v1/statistics/monthly?region=${HOME}`, { token: cityAuditor })).status).toBe(200);
    expect((await system.call('GET', '/v1/statistics/monthly?region=330102', { token: cityAuditor })).status).toBe(403);
    const caseworker = await system.token({ role: 'caseworker', region: HOME, sub: 'cw-stat-2' });
    expect((await system.call('GET', '/v1/statistics/monthly', { token: caseworker })).status).toBe(403);
    const citizen = await system.token({ role: 'citizen', sub: citizenId() });
    expect((await system.call('GET', '/v1/statistics/monthly', { token: citizen })).status).toBe(403);
    expect((await system.call('GET', '/v1/statistics/monthly')).status).toBe(401);
  });

  it('refuses a bad period naming the field, and defaults to the twelve months up to this one', async () => {
    const bad = await system.call('GET', '/v1/statistics/monthly?from=2026-13', { token: supervisor });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('from');
    const reversed = await system.call('GET', '/v1/statistics/monthly?from=2026-05&to=2026-01', { token: supervisor });
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors?.[0]?.path ?? reversed.body.path).toBe('from');
    const long = await system.call('GET', '/v1/statistics/monthly?from=2020-01&to=2026-01', { token: supervisor });
    expect(long.status).toBe(400);
    const standard = await system.call('GET', '/v1/statistics/monthly', { token: supervisor });
    expect(standard.status).toBe(200);
    expect(standard.body.months).toHaveLength(12);
    expect(standard.body.to).toBe(d.period(0));
    expect(standard.body.from).toBe(d.period(-11));
  });

  it('answers CSV, one figure a row, the same figures as JSON (format=csv or Accept: text/csv)', async () => {
    const json = await report(supervisor);
    const res = await fetch(`${system.url}/v1/statistics/monthly?from=${from}&to=${to}&format=csv`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`statistics-${HOME}-${from}-${to}.csv`);
    const text = await res.text();
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('month,section,item,measure,value');
    const lastMonth = d.period(-1);
    expect(lines).toContain(`${lastMonth},contributions,all,billed,${month(json, lastMonth).contributions.billed}`);
    expect(lines).toContain(`${to},insured,pension,insured,${insured(json, to, 'pension').insured}`);
    expect(lines.slice(1).every((line) => line.split(',').length === 5)).toBe(true);
    const accepted = await fetch(`${system.url}/v1/statistics/monthly?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${supervisor}`, accept: 'text/csv' },
    });
    expect(accepted.headers.get('content-type')).toContain('text/csv');
    expect(await accepted.text()).toBe(text);
    // The OpenAPI document declares both answers and the refusals.
    const doc = (await system.call('GET', '/openapi.json')).body;
    const operation = doc.paths['/v1/statistics/monthly'].get;
    expect(Object.keys(operation.responses['200'].content).sort()).toEqual(['application/json', XLSX_TYPE, 'text/csv'].sort());
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['400', '401', '403']));
  });

  it('answers XLSX, one sheet with the CSV’s rows and the values as number cells (format=xlsx or its Accept type; issue 14 point 4)', async () => {
    const headers = { authorization: `Bearer ${supervisor}` };
    const csv = await (await fetch(`${system.url}/v1/statistics/monthly?from=${from}&to=${to}&format=csv`, { headers })).text();
    const res = await fetch(`${system.url}/v1/statistics/monthly?from=${from}&to=${to}&format=xlsx`, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('content-disposition')).toContain(`statistics-${HOME}-${from}-${to}.xlsx`);
    const sheet = await readSheet(Buffer.from(await res.arrayBuffer()));
    const [header, ...rows] = csv
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(sheet[0]).toEqual(header);
    expect(sheet.slice(1)).toEqual(rows.map(([month, section, item, measure, value]) => [month, section, item, measure, Number(value)]));
    expect(rows.length).toBeGreaterThan(0);
    const accepted = await fetch(`${system.url}/v1/statistics/monthly?from=${from}&to=${to}`, { headers: { ...headers, accept: XLSX_TYPE } });
    expect(accepted.headers.get('content-type')).toBe(XLSX_TYPE);
    // Region scope holds for the spreadsheet as for JSON.
    const elsewhere = await system.token({ role: 'supervisor', region: '330106', sub: 'sv-stat-xlsx' });
    expect((await fetch(`${system.url}/v1/statistics/monthly?region=${HOME}&format=xlsx`, { headers: { authorization: `Bearer ${elsewhere}` } })).status).toBe(
      403,
    );
  });
});
