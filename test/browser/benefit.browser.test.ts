// A citizen's benefit claim and the staff's decisions in a real browser (issue 10, Tests): the citizen files a
// maternity claim on the workbench and follows it (status, deadlines with days left, the amounts and their workings),
// a caseworker prepares and a reviewer approves it on the case page, and the citizen reads the decision letter and the
// entitlement; a relative files a work-injury survivor claim naming two dependants in the form's rows. Screenshots go
// to test-results/screenshots/.
import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CITIZEN_IDS } from '../../api/web/demo-identities.js';
import { addDays, addMonths, monthOf } from '../../domain/calendar/local-date.js';
import { parseCitizenId } from '../../domain/identity/citizen-id.js';
import { ReferenceCache } from '../../services/reference-cache.js';
import { insertEmployer, insertEmployment, insertPerson, newPerson } from '../api/benefit-fixture.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

/** The form's own submit button (the "add a dependant" button inside the dependants' rows only draws the form again). */
const FILE_BUTTON = '[data-testid="file-benefit"] > button[type="submit"]';

describe('benefit claims on the web workbench (chromium)', () => {
  let workbench: WebWorkbench;
  let system: TestSystem;
  let web: { url: string };
  let signedIn: WebWorkbench['signedIn'];

  beforeAll(async () => {
    workbench = await startWebWorkbench({ width: 1280, height: 900 });
    ({ system, signedIn } = workbench);
    web = { url: workbench.url };
  });
  afterAll(async () => workbench?.close());

  const statusText = (page: Page) => page.locator('[data-testid="case-status"]').innerText();
  /** Reloads the case page until the status reads `status`. */
  const untilStatus = (page: Page, reference: string, status: string) =>
    system.eventually(async () => {
      await page.goto(`${web.url}/web/cases/${reference}`);
      return (await statusText(page)) === status ? true : undefined;
    });
  /** Claims the case's open task on its page and decides `outcome`. */
  async function decideOnPage(page: Page, reference: string, outcome: string): Promise<void> {
    await system.eventually(async () => {
      await page.goto(`${web.url}/web/cases/${reference}`);
      return (await page.locator('form[action$="/claim"] button').count()) > 0 ? true : undefined;
    });
    await page.click('form[action$="/claim"] button');
    await page.waitForURL(new RegExp(`/web/cases/${reference}`));
    await page.click(`[data-testid="decision-form"] button[value="${outcome}"]`);
    await page.waitForURL(/done=decision/);
  }

  it('a citizen claims a maternity allowance and follows it; a caseworker prepares and a reviewer approves it (§5.4, E5; §8)', async () => {
    // The demo citizen 李华, insured through an employer of her own since last January at a base of 9 000.
    const who = DEMO_CITIZEN_IDS[1];
    const person = parseCitizenId(who);
    await insertPerson(system.orm, { citizenId: who, name: '李华', sex: person.sex, birthDate: person.birthDate });
    const employer = await insertEmployer(system.orm);
    const today = system.clock.today();
    const lastYear = String(Number(today.slice(0, 4)) - 1);
    await insertEmployment(system.orm, {
      citizenId: who,
      name: '李华',
      employer,
      fromMonth: `${lastYear}-01`,
      lastMonth: monthOf(addMonths(`${monthOf(today)}-01`, -1)),
      base: '9000.00',
      insurances: ['pension', 'medical'],
    });

    const citizen = await signedIn('citizen2', { width: 390, height: 844 });
    await citizen.goto(`${web.url}/web/file/benefit`);
    expect(await citizen.inputValue('input[name="citizenId"]')).toBe(who);
    await citizen.selectOption('[data-testid="claim-type"]', 'maternity');
    await citizen.fill('input[name="employerCreditCode"]', employer);
    await citizen.fill('input[name="eventDate"]', addDays(today, -10));
    await screenshot(citizen, 'citizen-benefit-claim-form-phone');
    await citizen.click(FILE_BUTTON);
    await citizen.waitForURL(/\/web\/cases\/BC\d{10}/);
    const reference = (await citizen.locator('[data-testid="case-reference"]').innerText()).trim();

    await untilStatus(citizen, reference, '待遇核定中');
    const panel = citizen.locator('[data-testid="benefit-follow-up"]');
    expect(await panel.locator('[data-testid="benefit-deadlines"]').innerText()).toMatch(/经办机构办结时限: \d{4}-\d{2}-\d{2} — 还剩 \d+ 个工作日/);
    expect(await panel.locator('[data-testid="benefit-amounts"] tr[data-benefit="maternityAllowance"]').innerText()).toContain('29400.00');
    expect(await panel.locator('[data-testid="benefit-workings"]').innerText()).toContain('daily rate = 9000.00 ÷ 30');
    await screenshot(citizen, 'citizen-benefit-claim-preparing-phone');

    const caseworker = await signedIn('cw-001');
    await decideOnPage(caseworker, reference, 'approve');
    await untilStatus(caseworker, reference, '复核中');
    // The review is a reviewer's: the preparer is offered no decision and no claim on it.
    await expect(caseworker.locator('[data-testid="decision-form"]').count()).resolves.toBe(0);
    await expect(caseworker.locator('form[action$="/claim"]').count()).resolves.toBe(0);
    await screenshot(caseworker, 'caseworker-benefit-prepared');

    const reviewer = await signedIn('rv-001');
    await decideOnPage(reviewer, reference, 'approve');
    await untilStatus(reviewer, reference, '已核定发放');

    await untilStatus(citizen, reference, '已核定发放');
    const letter = citizen.locator('[data-testid="benefit-letter"]');
    expect(await letter.getAttribute('data-kind')).toBe('benefit_granted');
    expect(await letter.innerText()).toContain('女职工劳动保护特别规定');
    expect(await citizen.locator('[data-testid="benefit-entitlements"]').innerText()).toContain('生育津贴');
    expect(await citizen.locator('[data-testid="timeline"]').innerText()).not.toContain('cw-001'); // staff names stay inside
    await screenshot(citizen, 'citizen-benefit-claim-granted-phone');
  });

  it('a citizen sees why a claim is refused and what to do, in Chinese and in English (every refusal says why)', async () => {
    // 李华 again (the other demo citizen files flexible enrollments in the workbench test): unemployment insurance with
    // a second employer that has not reported any leave.
    const citizen = await signedIn('citizen2');
    const who = DEMO_CITIZEN_IDS[1];
    const person = parseCitizenId(who);
    await insertPerson(system.orm, { citizenId: who, name: '李华', sex: person.sex, birthDate: person.birthDate });
    const employer = await insertEmployer(system.orm);
    const today = system.clock.today();
    await insertEmployment(system.orm, {
      citizenId: who,
      name: '李华',
      employer,
      fromMonth: monthOf(addMonths(`${monthOf(today)}-01`, -6)),
      lastMonth: monthOf(addMonths(`${monthOf(today)}-01`, -1)),
      base: '8000.00',
      insurances: ['unemployment'],
    });
    await citizen.goto(`${web.url}/web/file/benefit`);
    await citizen.selectOption('[data-testid="claim-type"]', 'unemployment');
    await citizen.fill('input[name="employerCreditCode"]', employer);
    await citizen.fill('input[name="leaveDate"]', addDays(today, -3));
    await citizen.click(FILE_BUTTON);
    await citizen.waitForURL(/\/web\/cases\/BC\d{10}/);
    const reference = (await citizen.locator('[data-testid="case-reference"]').innerText()).trim();
    await untilStatus(citizen, reference, '不符合条件');
    const refusals = await citizen.locator('[data-testid="benefit-refusals"]').innerText();
    expect(refusals).toContain('用人单位尚未办理减员');
    expect(refusals).toContain('仍有用人单位为其参保');
    await citizen.click('[data-testid="lang-toggle"]');
    expect(await citizen.locator('[data-testid="benefit-refusals"]').innerText()).toContain('The employer has not reported the leave: employer');
    await screenshot(citizen, 'citizen-benefit-claim-refused-en');
  });

  it('§5.5 a relative files a work-injury survivor claim with two dependants in the form’s rows, a refusal naming the row, and sees both pensions (供养亲属范围规定 art. 3)', async () => {
    // The deceased, insured by an employer for two years at a base of 8 000 until the month before the death; the
    // injury was recognised (the work-injury case the survivor claim names). The year before the death needs its
    // national disposable income for the death grant: a dated benefit.policy version gives every year one.
    const today = system.clock.today();
    const deathDate = addDays(today, -20);
    const deathMonth = `${monthOf(deathDate)}-01`;
    const deceased = newPerson(addDays(today, -45 * 366));
    await insertPerson(system.orm, deceased);
    const employer = await insertEmployer(system.orm);
    await insertEmployment(system.orm, {
      citizenId: deceased.citizenId,
      name: deceased.name,
      employer,
      fromMonth: monthOf(addMonths(deathMonth, -24)),
      lastMonth: monthOf(addMonths(deathMonth, -1)),
      base: '8000.00',
      insurances: ['pension', 'workInjury'],
    });
    const injuryReference = `BC${String(randomInt(1_000_000_000, 9_999_999_999))}`;
    const em = system.orm.em.fork();
    await em.execute(
      `insert into case_record (id, reference, case_type, business_key, status, status_version, region, citizen_id, employer_credit_code,
         applicant_id, opened_at, last_progress_at, deadlines, allowed_events, summary)
       values (?, ?, 'benefit', ?, 'granted', 1, '330102', ?, ?, ?, now(), now(), '[]', '[]', ?)`,
      [
        `survivor-injury-${injuryReference}`,
        injuryReference,
        `survivor-injury-${injuryReference}`,
        deceased.citizenId,
        employer,
        employer,
        JSON.stringify({ claimType: 'workInjury', recognition: { outcome: 'recognized' } }),
      ],
    );
    const incomes = Array.from({ length: 40 }, (_, i) => ({ year: 2020 + i, annualAmount: '54188.00', source: 'test figure' }));
    await em.execute(
      `insert into setting (key, value, updated_at) values ('benefit.policy', ?, now()) on conflict (key) do update set value = excluded.value`,
      [JSON.stringify({ versions: [{ effectiveFrom: '2000-01-01', source: 'test', workInjuryDeath: { nationalDisposableIncome: incomes } }] })],
    );
    ReferenceCache.forgetEverywhere('benefit.policy');

    const relative = await signedIn('citizen');
    await relative.goto(`${web.url}/web/file/benefit`);
    const rows = relative.locator('[data-testid="dependant-row"]');
    expect(await rows.count()).toBe(2);
    await relative.selectOption('[data-testid="claim-type"]', 'survivor');
    await relative.fill('input[name="citizenId"]', deceased.citizenId);
    await relative.fill('input[name="deathDate"]', deathDate);
    await relative.selectOption('select[name="cause"]', 'workInjury');
    await relative.fill('input[name="injuryReference"]', injuryReference);
    // The widow, 56 on the death date, 800.00 a month of her own (below the 低保 limit).
    await relative.fill('input[name="dependants.0.name"]', '王芳');
    await relative.selectOption('select[name="dependants.0.relation"]', 'spouse');
    await relative.selectOption('select[name="dependants.0.sex"]', 'female');
    await relative.fill('input[name="dependants.0.birthDate"]', addDays(deathDate, -56 * 366));
    await relative.fill('input[name="dependants.0.monthlyIncome"]', '800.00');
    // One more row, without JavaScript: the form comes back with three rows and everything typed kept.
    await relative.click('[data-testid="add-dependant"]');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    expect(await relative.inputValue('[data-testid="claim-type"]')).toBe('survivor');
    expect(await relative.inputValue('select[name="cause"]')).toBe('workInjury');
    expect(await relative.inputValue('input[name="dependants.0.name"]')).toBe('王芳');
    // The son, 10, in the third row (the second left blank, so not sent) — his birth date forgotten at first.
    await relative.fill('input[name="dependants.2.name"]', '张小明');
    await relative.selectOption('select[name="dependants.2.relation"]', 'child');
    await relative.selectOption('select[name="dependants.2.sex"]', 'male');
    await relative.fill('input[name="dependants.2.monthlyIncome"]', '0.00');
    await relative.click(FILE_BUTTON);
    // The API was sent two dependants and refused the second's birth date: the page names the form's third row.
    const refusal = relative.locator('[data-testid="notice-error"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('第 3 位供养亲属 出生日期');
    expect(await rows.count()).toBe(3);
    expect(await relative.inputValue('input[name="dependants.2.name"]')).toBe('张小明');
    await screenshot(relative, 'citizen-survivor-claim-dependant-refused');
    await relative.fill('input[name="dependants.2.birthDate"]', addDays(deathDate, -10 * 366));
    await relative.click(FILE_BUTTON);
    await relative.waitForURL(/\/web\/cases\/BC\d{10}/);
    const reference = (await relative.locator('[data-testid="case-reference"]').innerText()).trim();

    await untilStatus(relative, reference, '待遇核定中');
    const panel = relative.locator('[data-testid="benefit-follow-up"]');
    const pensions = panel.locator('[data-testid="benefit-amounts"] tr[data-benefit="dependantPension"]');
    expect(await pensions.count()).toBe(2);
    expect(await pensions.nth(0).innerText()).toContain('王芳');
    expect(await pensions.nth(1).innerText()).toContain('张小明');
    const workings = await panel.locator('[data-testid="benefit-workings"]').innerText();
    expect(workings).toMatch(/王芳: qualifies/);
    expect(workings).toMatch(/张小明: qualifies/);
    await screenshot(relative, 'citizen-survivor-claim-two-dependants');
  });
});
