// Calendars never block (issue "Right on any day" point 2): a year without its State Council notice counts as plain
// weeks and says "provisional"; loading it through the API counts again what was counted provisionally — open tasks'
// due dates (with a timeline line) and bills' due dates. The years this file unloads or loads are restored afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import { businessDates } from '../support/business-dates.js';
import { citizenId, creditCode, enrollmentBody, SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { LATE_HIRE_DATE, writtenRows } from './review-fixture.js';

describe('holiday calendars through the API (real PostgreSQL, Temporal dev server, worker, HTTP)', () => {
  let system: TestSystem;
  let admin: string;
  let caseworker: string;
  /** What the years this file touches looked like before, to put back. */
  const saved: { year: number; rows: { date: string; kind: string }[]; meta: { notice: string } | null }[] = [];

  const rowsOf = async (year: number) => {
    const em = system.orm.em.fork();
    const rows = await em.execute<{ date: string; kind: string }[]>("select to_char(date, 'YYYY-MM-DD') as date, kind from calendar_day where year = ?", [
      year,
    ]);
    const [meta] = await em.execute<{ notice: string }[]>('select notice from calendar_year where year = ?', [year]);
    return { year, rows, meta: meta ?? null };
  };
  const unload = async (year: number) => {
    const em = system.orm.em.fork();
    await em.execute('delete from calendar_day where year = ?', [year]);
    await em.execute('delete from calendar_year where year = ?', [year]);
  };

  beforeAll(async () => {
    system = await startSystem();
    admin = await system.token({ role: 'admin', region: '330102', sub: 'adm-cal' });
    caseworker = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-cal' });
  });
  afterAll(async () => {
    if (system) {
      const em = system.orm.em.fork();
      for (const year of saved) {
        await unload(year.year);
        for (const row of year.rows) await em.execute('insert into calendar_day (date, year, kind) values (?, ?, ?)', [row.date, year.year, row.kind]);
        if (year.meta)
          await em.execute("insert into calendar_year (year, notice, loaded_by, loaded_at) values (?, ?, 'seed', now())", [year.year, year.meta.notice]);
      }
    }
    await system?.close();
  });

  it('shows a loaded year as official and a year without its notice as provisional (GET /v1/calendars/{year})', async () => {
    const loaded = await system.call('GET', '/v1/calendars/2026', { token: caseworker });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ year: 2026, status: 'official' });
    expect(loaded.body.holidays).toContain('2026-10-01');
    expect(loaded.body.workdays).toContain('2026-10-10');
    expect((await system.call('GET', '/v1/calendars/2099', { token: caseworker })).body).toEqual({
      year: 2099,
      status: 'provisional',
      notice: null,
      loadedAt: null,
      holidays: [],
      workdays: [],
    });
  });

  it('refuses a calendar with impossible days (naming the field) and anyone but an administrator, writing nothing', async () => {
    const before = await writtenRows(system);
    const weekdayMakeup = await system.call('PUT', '/v1/calendars/2099', {
      token: admin,
      body: { notice: 'test', holidays: ['2099-01-01'], workdays: ['2099-01-05'] },
    });
    expect(weekdayMakeup.status).toBe(400);
    expect(weekdayMakeup.body.errors[0]).toMatchObject({ path: 'holidays', message: expect.stringMatching(/not a weekend day/) });
    const otherYear = await system.call('PUT', '/v1/calendars/2099', { token: admin, body: { notice: 'test', holidays: ['2098-12-31'] } });
    expect(otherYear.status).toBe(400);
    expect((await system.call('PUT', '/v1/calendars/2099', { token: caseworker, body: { notice: 'test', holidays: ['2099-01-01'] } })).status).toBe(403);
    expect(await writtenRows(system)).toEqual(before);
    expect((await system.call('GET', '/v1/calendars/2099', { token: caseworker })).body.status).toBe('provisional');
  });

  it('counts deadlines across a year without its calendar provisionally, and again when an admin loads the year: tasks and bills follow (§9)', async () => {
    const d = businessDates(system.clock);
    const year = Number(d.today.slice(0, 4));
    // This year and the next, as they are now; then unloaded, so what the case counts next is provisional.
    for (const y of [year, year + 1]) saved.push(await rowsOf(y));
    for (const y of [year, year + 1]) await unload(y);

    const employer = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-cal' });
    const started = await system.call('POST', '/v1/enrollments', {
      token: employer,
      body: enrollmentBody({ citizenId: citizenId(), hireDate: LATE_HIRE_DATE }),
    });
    expect(started.status).toBe(202);
    const task = await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string; due_provisional: boolean }[]>("select id, due_provisional from task where case_id = ? and status = 'open'", [
          started.body.caseId,
        ]);
      return row;
    });
    expect(task.due_provisional).toBe(true);
    const view = await system.eventually(async () => {
      const body = (await system.call('GET', `/v1/cases/${started.body.caseId}`, { token: caseworker })).body;
      return body.deadlines?.some((x: { name: string }) => x.name === 'agencyReview') ? body : undefined;
    });
    expect(view.deadlines.find((x: { name: string }) => x.name === 'agencyReview').provisional).toBe(true);

    // A bill due next month, counted provisionally too.
    const code = creditCode('330102');
    await system.orm.em
      .fork()
      .execute(
        `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at) values (?, '日历单位', '330102', 'active', 'I6510', 1, 'test', now())`,
        [code],
      );
    const agent = await system.token({ role: 'employer', employer: code, sub: 'agent-cal-2' });
    const declared = await system.call('POST', '/v1/declarations', {
      token: agent,
      body: { period: d.period(0), lines: [{ citizenId: citizenId(), name: '李四', monthlyWage: '8000.00', insuranceTypes: ['pension'] }] },
    });
    expect(declared.status).toBe(201);
    const [bill] = await system.orm.em
      .fork()
      .execute<{ due_date_provisional: boolean }[]>('select due_date_provisional from bill where employer_credit_code = ?', [code]);
    expect(bill?.due_date_provisional).toBe(true);

    // The notices arrive: the years as the State Council published them (or, for a year this code does not ship, a
    // New Year's Day holiday, which is in every year's notice).
    const arrangement = (y: number): CalendarYear => CN_CALENDAR_YEARS.find((c) => c.year === y) ?? { year: y, holidays: [`${y}-01-01`], makeupWorkdays: [] };
    let told = 0;
    for (const y of [year, year + 1]) {
      const loaded = await system.call('PUT', `/v1/calendars/${y}`, {
        token: admin,
        body: { notice: `国务院办公厅关于${y}年部分节假日安排的通知`, holidays: arrangement(y).holidays, workdays: arrangement(y).makeupWorkdays },
      });
      expect(loaded.status).toBe(200);
      expect(loaded.body).toMatchObject({ year: y, status: 'official', replaced: false });
      told += loaded.body.casesTold;
    }
    expect(told).toBeGreaterThan(0);
    const [recounted] = await system.orm.em
      .fork()
      .execute<{ due_date_provisional: boolean }[]>('select due_date_provisional from bill where employer_credit_code = ?', [code]);
    expect(recounted?.due_date_provisional).toBe(false);
    await system.eventually(async () => {
      const [row] = await system.orm.em.fork().execute<{ due_provisional: boolean }[]>('select due_provisional from task where id = ?', [task.id]);
      return row?.due_provisional === false ? row : undefined;
    });
    // The task row is retimed with a line on the timeline; the case's read model follows right after.
    await system.eventually(async () => {
      const body = (await system.call('GET', `/v1/cases/${started.body.caseId}`, { token: caseworker })).body;
      const retimed = body.timeline.some((line: { action: string }) => line.action === 'task.retimed.1');
      const review = body.deadlines.find((x: { name: string }) => x.name === 'agencyReview');
      return retimed && review && review.provisional === undefined ? body : undefined;
    });
    const audit = await system.orm.em
      .fork()
      .execute<{ action: string }[]>("select action from audit_entry where object_type = 'Calendar' and object_id in (?, ?)", [String(year), String(year + 1)]);
    expect(audit.map((a) => a.action)).toEqual(['calendar.loaded', 'calendar.loaded']);
  });
});
