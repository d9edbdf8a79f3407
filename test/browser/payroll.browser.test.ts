// The monthly payroll (待遇拨付, docs/payroll.md) on the web workbench in a real browser: a supervisor starts it and
// watches its progress chart, a caseworker decides the held lines (a reason needed to stop), the supervisor who ran it
// is refused the approval (four eyes) and another one approves, the bank file is downloaded and the bank's return
// imported with its row report; then each citizen sees their own payments — one paid, one held with its reason.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { bankReturn, type Beneficiary, latePension } from '../api/payroll-fixture.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

// One payroll per region and month in a database the whole run shares: test/api/payroll.e2e.test.ts owns 330108, the
// demo identities' pages work in 330102; this file owns the payroll of 330106 (西湖区).
const REGION = '330106';
const ACCOUNT = '6222021234560606';

describe('the payroll pages (chromium): holds, four-eyes approval, bank file and return, the citizen’s payments', () => {
  let workbench: WebWorkbench;
  let system: TestSystem;
  let period: string;
  let paid: Beneficiary;
  let held: Beneficiary;
  let runner: Page;
  let reference: string;

  beforeAll(async () => {
    // A database of its own: a region's payroll gathers every entitlement of the region, and other files leave some.
    workbench = await startWebWorkbench({ width: 1280, height: 1000 }, { ownDatabase: true });
    system = workbench.system;
    period = monthOf(system.clock.today());
    paid = await latePension(system.orm, REGION, period, { bank: 'ICBC', account: ACCOUNT });
    held = await latePension(system.orm, REGION, period, null);
  });
  afterAll(async () => workbench?.close());

  const statusOf = (page: Page) => page.locator('[data-testid="payroll-status"]').getAttribute('data-status');
  /** Reloads the payroll page until its status is `status`. */
  const untilStatus = (page: Page, status: string) =>
    system.eventually(async () => {
      await page.goto(`${workbench.url}/web/payrolls/${reference}`);
      return (await statusOf(page)) === status ? true : undefined;
    }, 60_000);
  const heldRows = (page: Page, citizenId: string) => page.locator(`[data-testid="held-lines"] tr:has(td[data-field="citizenId"]:text-is("${citizenId}"))`);

  it('a supervisor runs the payroll from the menu and sees its progress as a chart and its totals', async () => {
    runner = await workbench.signedInWithToken(await system.token({ role: 'supervisor', region: REGION, sub: 'sv-601' }));
    await runner.goto(`${workbench.url}/web`);
    await runner.click('nav a[href="/web/payrolls"]');
    await runner.fill('[data-testid="start-payroll"] input[name="region"]', REGION);
    await runner.fill('[data-testid="start-payroll"] input[name="period"]', period);
    await runner.click('[data-testid="start-payroll"] button[type="submit"]');
    await runner.waitForURL(/\/web\/payrolls\/PR\d+\?done=started/);
    reference = /\/web\/payrolls\/(PR\d+)/.exec(runner.url())![1]!;
    await untilStatus(runner, 'approval');
    const bar = (key: string) => runner.locator(`[data-testid="payroll-progress"] [data-bar="${key}"]`).getAttribute('data-value');
    // Both pensions were gathered (a month and three months of back pay each); the two lines without an account are held.
    expect(Number(await bar('gathered'))).toBeGreaterThanOrEqual(4);
    expect(Number(await bar('held'))).toBeGreaterThanOrEqual(2);
    expect(await bar('approved')).toBe('0');
    expect(await heldRows(runner, held.citizenId).count()).toBe(2);
    expect(await heldRows(runner, held.citizenId).first().locator('td[data-field="reasons"]').innerText()).toContain('没有登记发放账户');
    expect(await runner.locator('[data-testid="payroll-held"]').innerText()).toMatch(/^\d+\.\d{2}$/);
    await screenshot(runner, 'payroll-approval');
  });

  it('a caseworker decides the held lines on the payroll page; stopping needs a reason', async () => {
    const caseworker = await workbench.signedInWithToken(await system.token({ role: 'caseworker', region: REGION, sub: 'cw-602' }));
    await caseworker.goto(`${workbench.url}/web`);
    await caseworker.click('nav a[href="/web/payrolls"]');
    await caseworker.click(`a[href="/web/payrolls/${reference}"]`);
    const firstForm = heldRows(caseworker, held.citizenId).first().locator('[data-testid="line-decision"]');
    await firstForm.locator('select[name="outcome"]').selectOption('stop');
    await firstForm.locator('button[type="submit"]').click();
    await caseworker.waitForLoadState();
    expect(await caseworker.locator('[data-testid="notice-error"]').count()).toBe(1);
    for (let i = 0; i < 2; i += 1) {
      const form = heldRows(caseworker, held.citizenId).locator('[data-testid="line-decision"]').first();
      await form.locator('select[name="outcome"]').selectOption('stop');
      await form.locator('input[name="comment"]').fill('无发放账户，待补登');
      await form.locator('button[type="submit"]').click();
      await caseworker.waitForURL(/done=decided/);
    }
    await system.eventually(async () => {
      await caseworker.goto(`${workbench.url}/web/payrolls/${reference}`);
      return (await heldRows(caseworker, held.citizenId).locator('[data-testid="line-decided"]').count()) === 2 ? true : undefined;
    });
  });

  it('the supervisor who ran it is refused the approval (four eyes); another supervisor approves it', async () => {
    await runner.goto(`${workbench.url}/web/payrolls/${reference}`);
    await system.eventually(async () => {
      await runner.reload();
      return (await runner.locator('[data-testid="approve"]').count()) > 0 ? true : undefined;
    });
    await runner.click('[data-testid="approve"]');
    await runner.waitForLoadState();
    const refusal = runner.locator('[data-testid="notice-error"]');
    expect(await refusal.getAttribute('data-code')).toBe('FOUR_EYES');
    expect(await statusOf(runner)).toBe('approval');
    await screenshot(runner, 'payroll-four-eyes-refused');

    const approver = await workbench.signedInWithToken(await system.token({ role: 'supervisor', region: REGION, sub: 'sv-602' }));
    await approver.goto(`${workbench.url}/web/payrolls/${reference}`);
    await approver.click('[data-testid="approve"]');
    await approver.waitForURL(/done=approved/);
    await untilStatus(approver, 'paying');
    expect(await approver.locator('[data-testid="payroll-approved-by"]').innerText()).toBe('sv-602');
  });

  it('the bank file is downloaded and the bank’s return imported with its row report', async () => {
    await untilStatus(runner, 'paying');
    const link = runner.locator('[data-testid="bank-file"][data-bank="ICBC"]');
    // The file's banks come from the payroll answer (one link each); the API refuses the file to a caseworker.
    const view = await system.call('GET', `/v1/payrolls/${reference}`, { token: await system.token({ role: 'caseworker', region: REGION, sub: 'cw-602' }) });
    expect(view.body.banks.map((b: { bankCode: string }) => b.bankCode)).toContain('ICBC');
    const file = await runner.request.get(`${workbench.url}${await link.getAttribute('href')}`);
    expect(file.status()).toBe(200);
    const rows = (await file.text())
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(
      rows
        .filter((r) => r[2] === paid.citizenId)
        .map((r) => r[6])
        .sort(),
    ).toEqual(['3300.00', '9900.00']);
    const text = bankReturn(`${reference}-ICBC`, [
      ...rows.map((r) => ({ lineKey: r[1]!, account: r[5]!, amount: r[6]!, status: 'PAID' as const })),
      { lineKey: 'no-such-line', account: ACCOUNT, amount: '1.00', status: 'PAID' },
    ]);
    await runner.setInputFiles('[data-testid="bank-return"] input[name="file"]', { name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await runner.click('[data-testid="bank-return"] button[type="submit"]');
    await runner.waitForSelector('[data-testid="return-report"]');
    expect(await runner.locator('[data-testid="return-applied"]').innerText()).toBe(String(rows.length));
    expect(await runner.locator('[data-testid="return-issues"] tr[data-code="UNKNOWN_LINE"]').count()).toBe(1);
    await screenshot(runner, 'payroll-bank-return');
  });

  it('each citizen sees their own payments: one paid into a masked account, one held with its reason in plain words', async () => {
    const payee = await workbench.signedInWithToken(await system.token({ role: 'citizen', sub: paid.citizenId }));
    await payee.goto(`${workbench.url}/web`);
    await payee.click('nav a[href="/web/payments"]');
    const rows = payee.locator('[data-testid="payments"] tbody tr');
    await system.eventually(async () => {
      await payee.reload();
      return (await payee.locator('[data-testid="payments"] tbody tr[data-status="paid"]').count()) === 2 ? true : undefined;
    });
    expect(await rows.count()).toBe(2);
    const page = await payee.content();
    expect(page).not.toContain(ACCOUNT);
    expect(await rows.first().locator('td[data-field="account"]').innerText()).toMatch(/\*+0606$/);
    expect(page).not.toContain(held.citizenId);
    await screenshot(payee, 'payroll-citizen-paid');

    const waiting = await workbench.signedInWithToken(await system.token({ role: 'citizen', sub: held.citizenId }));
    await waiting.goto(`${workbench.url}/web/payments`);
    const why = waiting.locator('[data-testid="payments"] tbody tr td[data-field="why"]');
    expect(await why.count()).toBe(2);
    expect(await why.first().innerText()).toBe('没有登记发放账户（银行卡或社保卡）');
    await waiting.goto(`${workbench.url}/web/payments?lang=en`);
    expect(await why.first().innerText()).toBe('No bank or social security card account on record');
    await screenshot(waiting, 'payroll-citizen-held');
  });
});
