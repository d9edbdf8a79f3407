// A back-payment for months without a record (无记录补缴) applied for on the employer's workbench page with a labour
// contract's scan, and taken to approval by a caseworker and a reviewer on the case page (issue 13 point 4; rules §3,
// §4, §6.1). Screenshots go to test-results/screenshots/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { insertEmployment, insertPerson } from '../api/benefit-fixture.js';
import { citizenId } from '../support/factories.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

/** The demo employer agent's employer (api/web/demo-identities.ts, the seeded reference data). */
const DEMO_EMPLOYER = '91330102MA2H00014Y';

describe('back-payments on the web workbench (chromium)', () => {
  let workbench: WebWorkbench;
  let system: TestSystem;
  let url: string;
  let signedIn: WebWorkbench['signedIn'];

  beforeAll(async () => {
    workbench = await startWebWorkbench({ width: 1280, height: 900 });
    ({ system, signedIn } = workbench);
    url = workbench.url;
  });
  afterAll(async () => workbench?.close());

  const untilStatus = (page: Page, reference: string, status: string) =>
    system.eventually(async () => {
      await page.goto(`${url}/web/cases/${reference}`);
      return (await page.locator('[data-testid="case-status"]').innerText()) === status ? true : undefined;
    });
  async function decideOnPage(page: Page, reference: string, outcome: string): Promise<void> {
    await system.eventually(async () => {
      await page.goto(`${url}/web/cases/${reference}`);
      return (await page.locator('form[action$="/claim"] button').count()) > 0 ? true : undefined;
    });
    await page.click('form[action$="/claim"] button');
    await page.waitForURL(new RegExp(`/web/cases/${reference}`));
    await page.click(`[data-testid="decision-form"] button[value="${outcome}"]`);
    await page.waitForURL(/done=decision/);
  }

  it('the employer applies on its page with the contract; a caseworker reviews, a reviewer approves, and the months are billed (rules §6.1)', async () => {
    const thisMonth = monthOf(system.clock.today());
    const worker = { citizenId: citizenId({ birthDate: '1991-08-15' }), name: '周明' };
    await insertPerson(system.orm, { ...worker, sex: 'male', birthDate: '1991-08-15' });
    await insertEmployment(system.orm, {
      ...worker,
      employer: DEMO_EMPLOYER,
      fromMonth: thisMonth,
      lastMonth: thisMonth,
      base: '7000.00',
      insurances: ['pension', 'medical', 'unemployment'],
    });
    const from = addPeriods(thisMonth, -6);
    const to = addPeriods(thisMonth, -4);

    const employer = await signedIn('employer');
    await employer.goto(`${url}/web/file/backPayment`);
    await employer.fill('input[name="citizenId"]', worker.citizenId);
    await employer.fill('input[name="from"]', from);
    await employer.fill('input[name="to"]', to);
    await employer.fill('input[name="monthlyWage"]', '7000.00');
    await employer.selectOption('[data-testid="evidence0.kind"]', 'contract');
    await employer.setInputFiles('[data-testid="evidence0.file"]', {
      name: 'contract.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await screenshot(employer, 'employer-back-payment-form');
    await employer.click('[data-testid="file-backPayment"] button[type="submit"]');
    await employer.waitForURL(/\/web\/cases\/BJ\d{10}/);
    const reference = (await employer.locator('[data-testid="case-reference"]').innerText()).trim();
    await untilStatus(employer, reference, '审核中');

    const caseworker = await signedIn('cw-001');
    await decideOnPage(caseworker, reference, 'approve');
    await untilStatus(caseworker, reference, '复核中');
    await expect(caseworker.locator('[data-testid="decision-form"]').count()).resolves.toBe(0);

    const reviewer = await signedIn('rv-001');
    await decideOnPage(reviewer, reference, 'approve');
    await untilStatus(reviewer, reference, '已核准，待缴费');
    await screenshot(reviewer, 'reviewer-back-payment-approved');

    const admin = await system.token({ role: 'admin', region: '330102', sub: 'adm-001' });
    const view = await system.call('GET', `/v1/back-payments/${reference}`, { token: admin });
    expect(view.body).toMatchObject({ status: 'approved', billing: 'billed', from, to, evidence: [{ kind: 'contract' }] });
    expect(view.body.months).toHaveLength(3);

    // The bill's own due date, wherever the bill is shown: the case page and the employer's bills (rules §9).
    expect(view.body.paymentDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await employer.goto(`${url}/web/cases/${reference}`);
    await expect(employer.locator('[data-testid="back-payment-due"]').innerText()).resolves.toBe(view.body.paymentDueOn);
    await expect(employer.locator('[data-testid="back-payment-billing"]').innerText()).resolves.toBe('已开单，待缴费');
    await employer.goto(`${url}/web/bills`);
    await expect(employer.locator(`[data-testid="payment-due-${from}"]`).innerText()).resolves.toContain(view.body.paymentDueOn);
    await screenshot(employer, 'employer-back-payment-bills');
  });
});
