// A 离休 cadre's medical expenses declared on the employer's workbench page and taken to approval by a caseworker and
// a reviewer on the case page (issue 13, Tests; rules §5.6). Screenshots go to test-results/screenshots/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { insertEmployment, insertPerson } from '../api/benefit-fixture.js';
import { citizenId } from '../support/factories.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

/** The demo employer agent's employer (api/web/demo-identities.ts, the seeded reference data). */
const DEMO_EMPLOYER = '91330102MA2H00014Y';

describe('medical expense declarations on the web workbench (chromium)', () => {
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

  const untilStatus = (page: Page, reference: string, status: string) =>
    system.eventually(async () => {
      await page.goto(`${web.url}/web/cases/${reference}`);
      return (await page.locator('[data-testid="case-status"]').innerText()) === status ? true : undefined;
    });
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

  it('the employer declares on its page; a caseworker reviews and a reviewer approves; the amount reaches the 离休 ledger (rules §5.6)', async () => {
    const today = system.clock.today();
    const cadre = { citizenId: citizenId({ birthDate: '1929-10-01' }), name: '孙立' };
    await insertPerson(system.orm, { ...cadre, sex: 'male', birthDate: '1929-10-01' });
    await insertEmployment(system.orm, {
      ...cadre,
      employer: DEMO_EMPLOYER,
      fromMonth: monthOf(today),
      lastMonth: monthOf(today),
      base: '5000.00',
      insurances: ['medical'],
    });
    const admin = await system.token({ role: 'admin', region: '330102', sub: 'adm-001' });
    const imported = await system.call('POST', '/v1/eligibility-lists/imports', {
      token: admin,
      body: `citizenId,name,category,sourceDocument\n${cadre.citizenId},孙立,离休,浙组干〔1983〕4号\n`,
      headers: { 'content-type': 'text/csv' },
    });
    expect(imported.body).toMatchObject({ applied: 1 });

    const employer = await signedIn('employer');
    await employer.goto(`${web.url}/web/file/medicalExpense`);
    await employer.selectOption('[data-testid="category"]', 'lixiu');
    await employer.fill('input[name="citizenId"]', cadre.citizenId);
    await employer.fill('input[name="hospitalCode"]', 'H330102001');
    await employer.fill('input[name="hospitalName"]', '浙江省人民医院');
    await employer.fill('input[name="serviceFrom"]', addDays(today, -3));
    await employer.fill('input[name="serviceTo"]', addDays(today, -1));
    await employer.fill('input[name="invoice0.no"]', `ZJB${Date.now()}`);
    await employer.fill('input[name="invoice0.issuedOn"]', addDays(today, -1));
    await employer.fill('input[name="invoice0.item0.description"]', '住院费');
    await employer.fill('input[name="invoice0.item0.amount"]', '1200.00');
    await employer.fill('input[name="invoice0.item1.description"]', '药品费');
    await employer.fill('input[name="invoice0.item1.amount"]', '86.35');
    await screenshot(employer, 'employer-medical-expense-form');
    await employer.click('[data-testid="file-medicalExpense"] button[type="submit"]');
    await employer.waitForURL(/\/web\/cases\/YL\d{10}/);
    const reference = (await employer.locator('[data-testid="case-reference"]').innerText()).trim();
    await untilStatus(employer, reference, '审核中');

    const caseworker = await signedIn('cw-001');
    await decideOnPage(caseworker, reference, 'approve');
    await untilStatus(caseworker, reference, '复核中');
    await expect(caseworker.locator('[data-testid="decision-form"]').count()).resolves.toBe(0);

    const reviewer = await signedIn('rv-001');
    await decideOnPage(reviewer, reference, 'approve');
    await untilStatus(reviewer, reference, '已核准，待支付');
    await screenshot(reviewer, 'reviewer-medical-expense-approved');

    // The auditor reads the 离休 ledger on its own page: the line and the total, the ID number masked.
    const auditor = await signedIn('aud-001');
    await auditor.goto(`${web.url}/web/medical-ledgers?category=lixiu`);
    const line = auditor.locator('[data-testid="medical-ledger"] tr', { hasText: reference });
    expect(await line.innerText()).toContain('1286.35');
    expect(await line.innerText()).not.toContain(cadre.citizenId);
    await screenshot(auditor, 'auditor-medical-ledger');

    const view = await system.call('GET', `/v1/medical-expense-declarations/${reference}`, { token: admin });
    expect(view.body).toMatchObject({
      status: 'approved',
      total: '1286.35',
      entitlements: [expect.objectContaining({ benefit: 'lixiuMedical', amount: '1286.35' })],
    });
  });
});
