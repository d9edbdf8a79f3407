// 个人账户支付 on the web workbench (issue 13 follow-up; rules §5.6): a caseworker of the region pays an outpatient
// amount from a person's medical account at the counter, and the person pays a pharmacy sale from their own, through
// the page's form over POST /v1/medical-account-spendings; an amount above the balance is refused with the API's reason
// and books nothing. Screenshots go to test-results/screenshots/.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { insertEmployer, insertEmployment, insertPerson } from '../api/benefit-fixture.js';
import { citizenId } from '../support/factories.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

const REGION = '330102';

describe('payments from the personal medical account on the web workbench (chromium)', () => {
  let workbench: WebWorkbench;
  let system: TestSystem;
  let url: string;
  let person: { citizenId: string; name: string };

  const lines = async () =>
    (
      await system.orm.em
        .fork()
        .execute<{ amount: string }[]>(`select amount::text as amount from medical_account_ledger where citizen_id = ? and source = 'spending' order by id`, [
          person.citizenId,
        ])
    ).map((r) => r.amount);

  const payOnPage = async (page: Page, fields: { citizenId?: string; kind: string; amount: string; receiptNo: string }) => {
    await page.goto(`${url}/web/medical-account-spendings`);
    if (fields.citizenId) await page.fill('[data-testid="citizenId"]', fields.citizenId);
    await page.selectOption('[data-testid="kind"]', fields.kind);
    await page.fill('[data-testid="amount"]', fields.amount);
    await page.fill('[data-testid="receiptNo"]', fields.receiptNo);
    await page.click('[data-testid="spending-form"] button[type="submit"]');
    await page.waitForLoadState('domcontentloaded');
  };

  beforeAll(async () => {
    workbench = await startWebWorkbench({ width: 1280, height: 900 });
    ({ system } = workbench);
    url = workbench.url;
    const employerCode = await insertEmployer(system.orm);
    person = { citizenId: citizenId({ birthDate: '1955-06-18' }), name: '韩国庆' };
    const month = monthOf(system.clock.today());
    await insertPerson(system.orm, { ...person, sex: 'male', birthDate: '1955-06-18' });
    await insertEmployment(system.orm, { ...person, employer: employerCode, fromMonth: month, lastMonth: month, base: '6000.00', insurances: ['medical'] });
    // A 医疗帐户补助金 credit of 70.00, as an approved declaration books it.
    await system.orm.em.fork().execute(
      `insert into medical_account_ledger (citizen_id, region, source, rule_id, period, amount, case_id, reference, decided_by, dedupe_key, booked_at)
       values (?, ?, 'subsidy', 'retiree-account-credit', ?, '70.00', ?, 'BZ2026000001', 'rv-1', ?, now())`,
      [person.citizenId, REGION, month, `fixture-${randomUUID()}`, `subsidy:retiree-account-credit:${month}:${person.citizenId}`],
    );
  });
  afterAll(async () => workbench?.close());

  it('the counter pays an outpatient amount; more than the balance is refused and books nothing (rules §5.6)', async () => {
    const caseworker = await workbench.signedIn('cw-001');
    await expect(caseworker.locator('header nav a[href="/web/medical-account-spendings"]').count()).resolves.toBe(1);
    await payOnPage(caseworker, { citizenId: person.citizenId, kind: 'outpatient', amount: '35.50', receiptNo: 'MZ20261203001' });
    await expect(caseworker.locator('[data-testid="spending-amount"]').innerText()).resolves.toBe('35.50');
    await expect(caseworker.locator('[data-testid="spending-balance"]').innerText()).resolves.toBe('34.50');
    await screenshot(caseworker, 'caseworker-medical-account-payment');
    expect(await lines()).toEqual(['-35.50']);

    await payOnPage(caseworker, { citizenId: person.citizenId, kind: 'outpatient', amount: '50.00', receiptNo: 'MZ20261203002' });
    await expect(caseworker.locator('[data-testid="spending-paid"]').count()).resolves.toBe(0);
    await expect(caseworker.locator('[data-testid="notice-error"]').getAttribute('data-code')).resolves.toBe('INSUFFICIENT_BALANCE');
    // The refused form is drawn again with what was typed.
    await expect(caseworker.locator('[data-testid="amount"]').inputValue()).resolves.toBe('50.00');
    expect(await lines()).toEqual(['-35.50']);
  });

  it('the person pays a pharmacy sale from their own account, without typing their ID number (rules §5.6)', async () => {
    const own = await workbench.signedInWithToken(await system.token({ role: 'citizen', sub: person.citizenId, name: person.name }));
    await own.goto(`${url}/web/medical-account-spendings`);
    await expect(own.locator('[data-testid="citizenId"]').count()).resolves.toBe(0);
    await payOnPage(own, { kind: 'pharmacy', amount: '10.00', receiptNo: 'YD20261203001' });
    await expect(own.locator('[data-testid="spending-balance"]').innerText()).resolves.toBe('24.50');
    expect(await lines()).toEqual(['-35.50', '-10.00']);
  });
});
