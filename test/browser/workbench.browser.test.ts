// The web workbench in a real browser (issue 5, Tests): pages on the API's own address, driven by chromium through
// playwright-core, on the real system (PostgreSQL, Temporal, worker). Screenshots go to test-results/screenshots/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_IDS } from '../../api/web/demo-identities.js';
import { addDays } from '../../domain/calendar/local-date.js';
import { LATE_HIRE_DATE } from '../api/review-fixture.js';
import { businessDates } from '../support/business-dates.js';
import { citizenId, SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

describe('web workbench in chromium', () => {
  let workbench: WebWorkbench;
  let system: TestSystem;
  let web: { url: string };
  let signedIn: WebWorkbench['signedIn'];

  beforeAll(async () => {
    workbench = await startWebWorkbench({ width: 1280, height: 800 });
    ({ system, signedIn } = workbench);
    web = { url: workbench.url };
  });
  afterAll(async () => workbench?.close());

  const reviewTaskOf = (caseId: string) =>
    system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ id: string }[]>(
          `select t.id from task t join case_record c on c.id = t.case_id where t.case_id = ? and t.status = 'open' and c.status = 'underReview'`,
          [caseId],
        );
      return row?.id;
    });

  const caseIdOf = async (reference: string) => {
    const [row] = await system.orm.em.fork().execute<{ id: string }[]>('select id from case_record where reference = ?', [reference]);
    if (!row) throw new Error(`no case ${reference}`);
    return row.id;
  };

  const statusText = (page: Page) => page.locator('[data-testid="case-status"]').innerText();

  it('a caseworker reviews an enrollment returned for correction and approved after resubmission (§2 late registration, docs/architecture.md "Tasks: the human part")', async () => {
    const employer = await signedIn('employer');
    await employer.goto(`${web.url}/web/file/enrollment`);
    const person = citizenId();
    await employer.fill('input[name="name"]', '赵六');
    await employer.fill('input[name="citizenId"]', person);
    await employer.fill('input[name="hireDate"]', LATE_HIRE_DATE); // more than 30 days ago: late, goes to a person (§2)
    await employer.fill('input[name="monthlyWage"]', '8000.00');
    await screenshot(employer, 'employer-enrollment-form');
    await employer.click('[data-testid="file-enrollment"] button[type="submit"]');
    await employer.waitForURL(/\/web\/cases\/EN\d{10}/);
    const reference = (await employer.locator('[data-testid="case-reference"]').innerText()).trim();
    const caseId = await caseIdOf(reference);
    const taskId = await reviewTaskOf(caseId);

    const caseworker = await signedIn('cw-001');
    expect(caseworker.url()).toContain('/web/tasks?view=available');
    await caseworker.reload();
    const row = caseworker.locator(`tr[data-task-id="${taskId}"]`);
    await expect(row.innerText()).resolves.toContain(reference);
    await screenshot(caseworker, 'caseworker-available-queue');
    await row.locator('button', { hasText: '认领' }).click();
    await caseworker.waitForURL(new RegExp(`/web/cases/${reference}`));
    // Only the actions the API allows are offered: the holder may decide; nobody is offered "resubmit".
    await expect(caseworker.locator('[data-testid="decision-form"] button[value="return"]').count()).resolves.toBe(1);
    await expect(caseworker.locator('[data-testid="correction-form"]').count()).resolves.toBe(0);
    await caseworker.fill('[data-testid="decision-form"] textarea[name="comment"]', '请补充劳动合同');
    await screenshot(caseworker, 'caseworker-case-page');
    await caseworker.click('[data-testid="decision-form"] button[value="return"]');
    await caseworker.waitForURL(/done=decision/);
    expect(await statusText(caseworker)).toBe('待补正');

    // Another caseworker cannot take the held task: the page shows the API's reason.
    const other = await signedIn('cw-002');
    await other.goto(`${web.url}/web/cases/${reference}`);
    await expect(other.locator('[data-testid="decision-form"]').count()).resolves.toBe(0);

    await employer.goto(`${web.url}/web/cases/${reference}`);
    expect(await employer.locator('[data-testid="timeline"]').innerText()).toContain('请补充劳动合同');
    await employer.fill('[data-testid="correction-form"] textarea[name="comment"]', '已补充劳动合同');
    await screenshot(employer, 'employer-correction');
    await employer.click('[data-testid="correction-form"] button[type="submit"]');
    await employer.waitForURL(/done=correction/);

    await system.eventually(async () => {
      await caseworker.goto(`${web.url}/web/cases/${reference}`);
      return (await caseworker.locator('[data-testid="decision-form"] button[value="approve"]').count()) === 1 ? true : undefined;
    });
    await caseworker.click('[data-testid="decision-form"] button[value="approve"]');
    await caseworker.waitForURL(/done=decision/);
    const insured = await system.eventually(async () => {
      await employer.goto(`${web.url}/web/cases/${reference}`);
      const text = await statusText(employer);
      return text === '已参保' ? text : undefined;
    });
    expect(insured).toBe('已参保');
    await screenshot(employer, 'employer-case-insured');
  });

  it('a supervisor bulk-reassigns overdue tasks and sees a result per task (docs/architecture.md "Tasks: the human part": reassign keeps the due date)', async () => {
    const employerToken = await system.token({ role: 'employer', employer: '91330102MA2H00014Y', sub: 'agent-bulk' });
    const taskIds: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const started = await system.call('POST', '/v1/enrollments', {
        token: employerToken,
        body: {
          person: { citizenId: citizenId(), name: `钱${i}` },
          hireDate: LATE_HIRE_DATE,
          insuranceTypes: ['pension'],
          monthlyWage: '8000.00',
          region: '330102',
        },
      });
      expect(started.status).toBe(202);
      taskIds.push(await reviewTaskOf(started.body.caseId as string));
    }
    const due = new Date(Date.now() - 3 * 86_400_000);
    await system.orm.em.fork().execute('update task set due_at = ? where id in (?, ?)', [due, taskIds[0], taskIds[1]]);

    const supervisor = await signedIn('sup-001');
    expect(supervisor.url()).toContain('/web/supervisor');
    for (const id of taskIds) await supervisor.check(`input[name="taskIds"][value="${id}"]`);
    await supervisor.fill('[data-testid="bulk-reassign"] input[name="assignee"]', 'cw-002');
    await supervisor.fill('[data-testid="bulk-reassign"] input[name="reason"]', '均衡工作量');
    await screenshot(supervisor, 'supervisor-overview');
    // The per-step figures are a snapshot (services/reports/overview-snapshot.ts): the page says when they were counted.
    expect(await supervisor.locator('[data-testid="figures-as-of"]').innerText()).toMatch(/统计时间 \d{2}:\d{2}:\d{2}（每 30 秒刷新）/);
    await supervisor.click('[data-testid="bulk-reassign"] button[type="submit"]');
    const results = supervisor.locator('[data-testid="reassign-results"] li');
    await expect(results.count()).resolves.toBe(2);
    for (const id of taskIds)
      expect(await supervisor.locator(`[data-testid="reassign-results"] li[data-task-id="${id}"]`).getAttribute('data-ok')).toBe('true');
    await screenshot(supervisor, 'supervisor-reassign-results');

    const rows = await system.orm.em
      .fork()
      .execute<{ assignee: string; due_at: Date }[]>('select assignee, due_at from task where id in (?, ?)', [taskIds[0], taskIds[1]]);
    expect(rows.map((row) => row.assignee)).toEqual(['cw-002', 'cw-002']);
    expect(rows.map((row) => new Date(row.due_at).getTime())).toEqual([due.getTime(), due.getTime()]);
  });

  it('a citizen cannot open another citizen’s case page by URL (docs/architecture.md "Permissions": 404 like an unknown case)', async () => {
    const owner = await signedIn('citizen', { width: 390, height: 844 });
    await owner.goto(`${web.url}/web/file/enrollment`);
    await owner.fill('input[name="hireDate"]', addDays(system.clock.today(), -5));
    await owner.fill('input[name="monthlyWage"]', '6000.00');
    await owner.click('[data-testid="file-enrollment"] button[type="submit"]');
    await owner.waitForURL(/\/web\/cases\/EN\d{10}/);
    const reference = (await owner.locator('[data-testid="case-reference"]').innerText()).trim();
    await owner.goto(`${web.url}/web/cases`);
    expect(await owner.locator('[data-testid="case-list"]').innerText()).toContain(reference);
    await screenshot(owner, 'citizen-my-cases-phone');

    const stranger = await signedIn('citizen2', { width: 390, height: 844 });
    const response = await stranger.goto(`${web.url}/web/cases/${reference}`);
    expect(response?.status()).toBe(404);
    const body = await stranger.locator('main').innerText();
    expect(body).toContain('没有此案件，或您无权查看');
    expect(body).not.toContain(reference.slice(2));
    expect(body).not.toContain(DEMO_CITIZEN_IDS[0]);
    // The same page in English after the toggle, and the choice sticks.
    await stranger.click('[data-testid="lang-toggle"]');
    expect(await stranger.locator('main').innerText()).toContain('No such case, or you may not see it.');
    await stranger.goto(`${web.url}/web/cases`);
    expect(await stranger.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(stranger, 'citizen-not-found-en');
  });

  it('a citizen files a petition with an attachment, a caseworker accepts and replies, the citizen sees the reply and rates it (§7; 信访工作条例 arts. 21, 32)', async () => {
    const citizen = await signedIn('citizen', { width: 390, height: 844 });
    await citizen.goto(`${web.url}/web/file/petition`);
    await citizen.fill('textarea[name="request"]', '补发失业保险金');
    await citizen.fill('textarea[name="facts"]', '2026年8月起失业保险金停发');
    await citizen.fill('textarea[name="reasons"]', '仍在领取期限内');
    await citizen.setInputFiles('input[name="attachments"]', {
      name: 'letter.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
    });
    await screenshot(citizen, 'citizen-petition-form-phone');
    await citizen.click('[data-testid="file-petition"] button[type="submit"]');
    await citizen.waitForURL(/\/web\/cases\/XF\d{10}/);
    const reference = (await citizen.locator('[data-testid="case-reference"]').innerText()).trim();
    const caseId = await caseIdOf(reference);
    const [attachment] = await system.orm.em.fork().execute<{ case_id: string | null }[]>('select case_id from attachment where case_id = ?', [caseId]);
    expect(attachment?.case_id).toBe(caseId);

    const openTask = (step: string) =>
      system.eventually(async () => {
        const [row] = await system.orm.em
          .fork()
          .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
        return row?.id;
      });
    const caseworker = await signedIn('cw-001');
    const claimAndOpen = async (step: string) => {
      await openTask(step);
      await caseworker.goto(`${web.url}/web/cases/${reference}`);
      await caseworker.click('form[action$="/claim"] button');
      await caseworker.waitForURL(new RegExp(`/web/cases/${reference}`));
    };

    // Acceptance (art. 21): the step's own outcomes are offered, with the route field for not accepting.
    await claimAndOpen('acceptance');
    await expect(caseworker.locator('[data-testid="decision-form"] button[value="accept"]').count()).resolves.toBe(1);
    await expect(caseworker.locator('[data-testid="decision-form-notAccept"] select[name="data.route"]').count()).resolves.toBe(1);
    await expect(caseworker.locator('button[value="approve"]').count()).resolves.toBe(0);
    await screenshot(caseworker, 'caseworker-petition-acceptance');
    await caseworker.click('[data-testid="decision-form"] button[value="accept"]');
    await caseworker.waitForURL(/done=decision/);

    // Handling (art. 32): a written opinion states facts, reasons and legal basis.
    await claimAndOpen('handling');
    const opinion = caseworker.locator('[data-testid="decision-form-support-explain-notSupport"]');
    await opinion.locator('textarea[name="data.facts"]').fill('经核实，申请人2026年8月仍在领取期限内');
    await opinion.locator('textarea[name="data.reasons"]').fill('停发有误');
    await opinion.locator('textarea[name="data.legalBasis"]').fill('《失业保险条例》第十七条');
    await screenshot(caseworker, 'caseworker-petition-reply');
    await opinion.locator('button[value="support"]').click();
    await caseworker.waitForURL(/done=decision/);

    const reply = await system.eventually(async () => {
      await citizen.goto(`${web.url}/web/cases/${reference}`);
      const item = citizen.locator('[data-testid="petition-documents"] li[data-kind="petition_reply"]');
      // The reply letter is written a moment before the case's status moves on: wait for both, then check each.
      return (await item.count()) === 1 && (await statusText(citizen)) === '已出具处理意见' ? item.innerText() : undefined;
    });
    expect(reply).toContain('经核实，申请人2026年8月仍在领取期限内');
    expect(reply).toContain('《失业保险条例》第十七条');
    expect(await statusText(citizen)).toBe('已出具处理意见');
    await expect(citizen.locator('[data-testid="petition-review"] button').count()).resolves.toBe(1);
    await screenshot(citizen, 'citizen-petition-reply-phone');

    await citizen.selectOption('[data-testid="petition-rating"] select[name="score"]', '4');
    await citizen.click('[data-testid="petition-rating"] button[type="submit"]');
    await citizen.waitForURL(/done=rate/);
    await system.eventually(async () => {
      await citizen.goto(`${web.url}/web/cases/${reference}`);
      return (await citizen.locator('[data-testid="petition-rating"]').count()) === 0 ? true : undefined;
    });
  });

  it('an employer agent uploads a roster, sees the bill and the arrears statement, and sees a refused file\u2019s row report (§3.3; §4 late fee, E2 method)', async () => {
    const employer = await signedIn('employer');
    const nav = await employer.locator('header nav').innerText();
    for (const item of ['缴费申报', '账单', '欠费', '通知']) expect(nav).toContain(item);
    await employer.click('header nav a[href="/web/declarations"]');
    const [first, second] = [citizenId(), citizenId({ sex: 'female' })];
    const good = `身份证号,姓名,月工资\n${first},周一,8000.00\n${second},吴二,8000.00\n`;

    // A refused file: every bad row and field is listed with its line in the file (header = line 1), nothing written.
    // Two months ago: its bill is past due whatever day this runs, so the sweep pursues it.
    const d = businessDates(system.clock);
    const period = d.period(-2);
    const due = d.dueDate(period);
    const badId = first.slice(0, 17) + (first.endsWith('0') ? '1' : '0');
    await employer.fill('[data-testid="declare-file"] input[name="period"]', period);
    await employer.setInputFiles('[data-testid="declare-file"] input[name="file"]', {
      name: 'roster-bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`身份证号,姓名,月工资\n${second},吴二,8000.00\n${badId},周一,-5.00\n`),
    });
    await employer.click('[data-testid="declare-file"] button[type="submit"]');
    const report = employer.locator('[data-testid="row-report"]');
    await report.waitFor();
    const idRow = report.locator('tr[data-path="rows[1].citizenId"]');
    const wageRow = report.locator('tr[data-path="rows[1].monthlyWage"]');
    await expect(idRow.count()).resolves.toBe(1);
    await expect(wageRow.count()).resolves.toBe(1);
    expect(await idRow.locator('td').first().innerText()).toBe('3');
    expect(await wageRow.locator('td').nth(1).innerText()).toBe('月工资（元）');
    await screenshot(employer, 'employer-roster-refused');
    const written = await system.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from bill where employer_credit_code = ? and period = ?`, [SEEDED_EMPLOYER_330102, period]);
    expect(Number(written[0]?.n)).toBe(0);

    await employer.fill('[data-testid="declare-file"] input[name="period"]', period);
    await employer.setInputFiles('[data-testid="declare-file"] input[name="file"]', { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await employer.click('[data-testid="declare-file"] button[type="submit"]');
    await employer.locator('[data-testid="declared"]').waitFor();
    // 8 000.00 × 36.7 % (four insurances, both parts; work-injury class 1 at 0.2 %) = 2 936.00 each.
    expect(await employer.locator('[data-testid="declared-total"]').innerText()).toBe('5872.00');
    await screenshot(employer, 'employer-roster-declared');

    await employer.goto(`${web.url}/web/bills?asOf=${due}`);
    const bill = employer.locator(`[data-testid="bills"] tr[data-period="${period}"]`);
    expect(await bill.locator('[data-field="principal"]').innerText()).toBe('5872.00');
    expect(await bill.locator('td').nth(1).innerText()).toBe(due); // the 15th of the next month, rolled over rest days (§9)
    expect(await bill.locator('[data-field="lateFee"]').innerText()).toBe('0.00');
    await screenshot(employer, 'employer-bills');

    // Unpaid past the due date: the sweep opens the employer's arrears case; its statement counts the late days.
    const supervisor = await system.token({ role: 'supervisor', region: '330102', sub: 'sup-browser' });
    expect((await system.call('POST', '/v1/arrears-sweeps', { token: supervisor, body: { asOf: d.today } })).status).toBe(200);
    const statementDay = addDays(due, 10);
    const row = await system.eventually(async () => {
      await employer.goto(`${web.url}/web/arrears?asOf=${statementDay}`);
      const found = employer.locator(`[data-testid="arrears-periods"] tr[data-period="${period}"]`);
      return (await found.count()) === 1 ? found : undefined;
    });
    // Ten days after the due date: 10 days × 5 872.00 × 0.0005 = 29.36 (社会保险法 art. 86).
    expect(await row.locator('[data-field="lateFeeDays"]').innerText()).toBe('10');
    expect(await row.locator('[data-field="lateFee"]').innerText()).toBe('29.36');
    const statement = employer.locator('[data-testid="arrears-case"]').first();
    expect(await statement.locator('dd[data-field="fine"]').innerText()).toBe('0.00');
    await screenshot(employer, 'employer-arrears');
  });

  it('citizens and employer agents read their notices on the 通知 page (issue 5 point 1; docs/api.md GET /v1/notices)', async () => {
    const agentToken = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-notices' });
    const started = await system.call('POST', '/v1/enrollments', {
      token: agentToken,
      body: {
        person: { citizenId: citizenId(), name: '孙七' },
        hireDate: addDays(system.clock.today(), -5),
        insuranceTypes: ['pension'],
        monthlyWage: '8000.00',
        region: '330102',
      },
    });
    expect(started.status).toBe(202);
    const reference = started.body.reference as string;
    const employer = await signedIn('employer');
    await employer.click('header nav a[href="/web/notices"]');
    const card = await system.eventually(async () => {
      await employer.reload();
      const item = employer.locator(`[data-testid="notice-list"] li[data-reference="${reference}"]`).first();
      return (await item.count()) === 1 ? item : undefined;
    });
    expect(await card.innerText()).toContain('参保登记');
    expect(await card.locator('a').getAttribute('href')).toBe(`/web/cases/${reference}`);
    await screenshot(employer, 'employer-notices');

    // Another recipient never sees it: a citizen's page lists only their own.
    const citizen = await signedIn('citizen2', { width: 390, height: 844 });
    await citizen.click('header nav a[href="/web/notices"]');
    expect(await citizen.locator('main').innerText()).not.toContain(reference);
    expect(await citizen.locator('h1').innerText()).toBe('通知');
  });
  it('the employer’s hire form starts with an empty name; a citizen registering themself keeps their own (issue 8)', async () => {
    const employer = await signedIn('employer');
    await employer.goto(`${web.url}/web/file/enrollment`);
    // The agent signed in as 单位经办人 files for a new employee: nothing of the agent's own may prefill the person.
    expect(await employer.inputValue('input[name="name"]')).toBe('');
    expect(await employer.inputValue('input[name="citizenId"]')).toBe('');
    await screenshot(employer, 'employer-hire-form-empty');

    const citizen = await signedIn('citizen', { width: 390, height: 844 });
    await citizen.goto(`${web.url}/web/file/enrollment`);
    expect(await citizen.inputValue('input[name="name"]')).toBe('王小明');
    expect(await citizen.inputValue('input[name="citizenId"]')).toBe(DEMO_CITIZEN_IDS[0]);
  });

  it('an English case page names insurances, status, steps and timeline lines in words, never their machine keys (issue 8)', async () => {
    const agent = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-language' });
    const started = await system.call('POST', '/v1/enrollments', {
      token: agent,
      body: {
        person: { citizenId: citizenId(), name: '郑八' },
        hireDate: LATE_HIRE_DATE,
        insuranceTypes: ['pension', 'medical', 'unemployment', 'workInjury'],
        monthlyWage: '8000.00',
        region: '330102',
      },
    });
    expect(started.status).toBe(202);
    const reference = started.body.reference as string;
    await reviewTaskOf(started.body.caseId as string);

    const caseworker = await signedIn('cw-001');
    await caseworker.goto(`${web.url}/web/cases/${reference}?lang=en`);
    expect(await statusText(caseworker)).toBe('Under review');
    const english = await caseworker.locator('main').innerText();
    expect(english).toContain('Pension; Medical; Unemployment; Work injury');
    expect(english).toMatch(/Registered \d+ days after the 30-day deadline/);
    expect(english).toContain('Review · Open');
    expect(english).toContain('Automatic checks passed');
    for (const key of [
      'pension',
      'medical',
      'unemployment',
      'workInjury',
      'underReview',
      'open',
      'system',
      'checks.passed',
      'task.created',
      'registration',
      'agencyReview',
    ]) {
      expect(english, key).not.toMatch(new RegExp(`\\b${key.replace('.', '\\.')}\\b`));
    }
    // No camelCase or dotted machine name of any kind (references, ID numbers and credit codes are all capitals or digits).
    expect(english.match(/\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+\.[a-z_]+\b/g)).toBeNull();
    await screenshot(caseworker, 'caseworker-case-page-en');

    await caseworker.goto(`${web.url}/web/cases/${reference}?lang=zh`);
    expect(await statusText(caseworker)).toBe('审核中');
    const chinese = await caseworker.locator('main').innerText();
    expect(chinese).toContain('养老保险；医疗保险；失业保险；工伤保险');
    expect(chinese).toMatch(/超过用工之日起 30 日的登记期限 \d+ 天/);
    // Latin letters on a Chinese page are people's ids only (agent-language, cw-001), never words.
    expect(chinese.replaceAll('agent-language', '').match(/[A-Za-z]{3,}/g)).toBeNull();
  });

  it('a refusal reads in Chinese on a Chinese page and in the API’s own words on an English one (issue 8; docs/architecture.md "Tasks: the human part": one claim wins)', async () => {
    const agent = await system.token({ role: 'employer', employer: SEEDED_EMPLOYER_330102, sub: 'agent-refusal' });
    const taskIds: string[] = [];
    for (const name of ['冯九', '陈十']) {
      const started = await system.call('POST', '/v1/enrollments', {
        token: agent,
        body: { person: { citizenId: citizenId(), name }, hireDate: LATE_HIRE_DATE, insuranceTypes: ['pension'], monthlyWage: '8000.00', region: '330102' },
      });
      expect(started.status).toBe(202);
      taskIds.push(await reviewTaskOf(started.body.caseId as string));
    }
    const [first = '', second = ''] = taskIds;
    const late = await signedIn('cw-002');
    await late.goto(`${web.url}/web/tasks?view=available&lang=zh`);
    await late.locator(`tr[data-task-id="${first}"]`).waitFor();
    // cw-001 claims first, through the API, while cw-002 still has the list open.
    const winner = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-001' });
    expect((await system.call('POST', `/v1/tasks/${first}/claim`, { token: winner })).status).toBe(200);
    await late.locator(`tr[data-task-id="${first}"] button`, { hasText: '认领' }).click();
    const notice = late.locator('[data-testid="notice-error"]');
    await notice.waitFor();
    expect(await notice.getAttribute('data-code')).toBe('TASK_ALREADY_CLAIMED');
    expect(await notice.innerText()).toBe('系统拒绝了此操作: 该任务已被认领，不能再认领。');
    await screenshot(late, 'caseworker-refusal-zh');

    await late.goto(`${web.url}/web/tasks?view=available&lang=en`);
    await late.locator(`tr[data-task-id="${second}"]`).waitFor();
    expect((await system.call('POST', `/v1/tasks/${second}/claim`, { token: winner })).status).toBe(200);
    const loser = await system.token({ role: 'caseworker', region: '330102', sub: 'cw-002' });
    const refused = await system.call('POST', `/v1/tasks/${second}/claim`, { token: loser });
    expect(refused.status).toBe(409);
    await late.locator(`tr[data-task-id="${second}"] button`, { hasText: 'Claim' }).click();
    await notice.waitFor();
    expect(await notice.innerText()).toBe(`The system refused this: ${refused.body.detail as string}`);
  });
});
