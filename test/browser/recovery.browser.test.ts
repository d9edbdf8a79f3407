// Overpayment recovery at the counter (待遇多发追回, 社会保险经办条例 art. 46; docs/payroll.md) in a real browser: a
// caseworker finds the region's open recovery in the list, records a repayment on its page (a wrong amount refused
// naming it, nothing booked), the person sees it on their payments page with what was withheld from which payment and
// what is outstanding; a missed instalment's chase is opened from the worklist and its contact recorded (催收); a
// caseworker gets no write-off form, two supervisors write off part (部分核销, four eyes), and a
// supervisor writes off the rest (核销).
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';
import { addEntitlement, type Beneficiary } from '../api/payroll-fixture.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

// This file's database is its own (ownDatabase), so the region's open recoveries are the one it opens.
const REGION = '330106';

describe('overpayment recovery pages (chromium): the caseworker records a repayment, the person sees it, a supervisor writes off', () => {
  let workbench: WebWorkbench;
  let system: TestSystem;
  let person: Beneficiary;
  let recoveryId: string;
  let period: string;
  let caseworker: Page;
  let cwToken: string;

  beforeAll(async () => {
    workbench = await startWebWorkbench({ width: 1280, height: 1000 }, { ownDatabase: true });
    system = workbench.system;
    period = monthOf(system.clock.today());
    person = await addEntitlement(system.orm, {
      region: REGION,
      claimType: 'pension',
      benefit: 'basicPension',
      kind: 'monthly',
      amount: '3300.00',
      startMonth: addPeriods(period, -3),
      firstPayrollMonth: addPeriods(period, -3),
    });
    // A recovery of two months paid after a death, of which one payroll line already withheld 2500.00 — the rows the
    // death feed and the bank return write (db/writers/exchange-feeds.ts, db/writers/overpayment-recoveries.ts).
    const em = system.orm.em.fork();
    const [row] = await em.execute<{ id: string }[]>(
      `insert into overpayment_recovery (citizen_id, entitlement_id, region, case_id, cause, amount, months, status, method, opened_at)
       values (?, ?, ?, ?, 'death', '6600.00', ?, 'open', 'offset', now()) returning id`,
      [person.citizenId, person.entitlementId, REGION, person.caseId, JSON.stringify([addPeriods(period, -2), addPeriods(period, -1)])],
    );
    recoveryId = row!.id;
    await em.execute(
      `insert into overpayment_recovery_entry (recovery_id, kind, amount, source_ref, note, recorded_by, booked_at)
       values (?, 'offset', '2500.00', ?, ?, 'sv-0', now())`,
      [recoveryId, `line:${randomUUID()}:oneOff`, `withheld from the payroll of ${period}`],
    );
    cwToken = await system.token({ role: 'caseworker', region: REGION, sub: 'cw-611' });
  });
  afterAll(async () => workbench?.close());

  const outstanding = (page: Page) => page.locator('[data-testid="recovery-outstanding"]').innerText();

  it('a caseworker lists the region’s open recoveries from the menu, the person shown as the API shows them', async () => {
    caseworker = await workbench.signedInWithToken(cwToken);
    await caseworker.goto(`${workbench.url}/web`);
    await caseworker.click('nav a[href="/web/recoveries"]');
    const row = caseworker.locator(`[data-testid="recoveries"] tr[data-recovery="${recoveryId}"]`);
    expect(await row.getAttribute('data-status')).toBe('open');
    expect(await row.locator('td[data-field="outstanding"]').innerText()).toBe('4100.00');
    const api = await system.call('GET', `/v1/overpayment-recoveries/${recoveryId}`, { token: cwToken });
    expect(await row.locator('td[data-field="citizenId"]').innerText()).toBe(api.body.citizenId);
    // Closed ones are a filter away; this one is not among them.
    await caseworker.selectOption('[data-testid="recovery-filter"] select[name="status"]', 'closed');
    await caseworker.click('[data-testid="recovery-filter"] button[type="submit"]');
    await caseworker.waitForURL(/status=closed/);
    expect(await caseworker.locator(`tr[data-recovery="${recoveryId}"]`).count()).toBe(0);
    await screenshot(caseworker, 'recovery-list');
  });

  it('records a repayment on the recovery page; an amount above what may be repaid is refused naming it and books nothing', async () => {
    await caseworker.goto(`${workbench.url}/web/recoveries/${recoveryId}`);
    expect(await outstanding(caseworker)).toBe('4100.00');
    // The counter gets no write-off: that is a supervisor's (核销).
    expect(await caseworker.locator('[data-testid="waiver"]').count()).toBe(0);
    await caseworker.fill('[data-testid="repayment"] input[name="amount"]', '4100.01');
    await caseworker.click('[data-testid="repayment"] button[type="submit"]');
    await caseworker.waitForLoadState();
    expect(await caseworker.locator('[data-testid="notice-error"]').getAttribute('data-code')).toBe('INVALID_AMOUNT');
    expect(await outstanding(caseworker)).toBe('4100.00');

    await caseworker.fill('[data-testid="repayment"] input[name="amount"]', '1000.00');
    await caseworker.fill('[data-testid="repayment"] input[name="note"]', '收据 2026-0611');
    await caseworker.click('[data-testid="repayment"] button[type="submit"]');
    await caseworker.waitForURL(/done=repaid/);
    expect(await outstanding(caseworker)).toBe('3100.00');
    const repayment = caseworker.locator('[data-testid="recovery-ledger"] tr[data-kind="repayment"]');
    expect(await repayment.locator('td[data-field="amount"]').innerText()).toBe('1000.00');
    expect(await repayment.locator('td[data-field="source"]').innerText()).toBe('收据 2026-0611');
    await screenshot(caseworker, 'recovery-repaid');
  });

  it('the person sees their recovery on their payments page: amount, months, what was withheld from which payment, what is outstanding', async () => {
    const citizen = await workbench.signedInWithToken(await system.token({ role: 'citizen', sub: person.citizenId }));
    await citizen.goto(`${workbench.url}/web`);
    await citizen.click('nav a[href="/web/payments"]');
    const mine = citizen.locator(`[data-testid="my-recovery"][data-recovery="${recoveryId}"]`);
    expect(await mine.locator('dd[data-field="amount"]').innerText()).toBe('6600.00');
    expect(await mine.locator('dd[data-field="months"]').innerText()).toBe(`${addPeriods(period, -2)}、${addPeriods(period, -1)}`);
    expect(await mine.locator('dd[data-field="outstanding"]').innerText()).toBe('3100.00');
    expect(await mine.locator('tr[data-kind="offset"] td[data-field="source"]').innerText()).toBe(`${period} 待遇发放`);
    expect(await mine.locator('tr[data-kind="repayment"] td[data-field="amount"]').innerText()).toBe('1000.00');
    // Their recovery page has no counter forms.
    await mine.locator(`a[href="/web/recoveries/${recoveryId}"]`).click();
    expect(await outstanding(citizen)).toBe('3100.00');
    expect(await citizen.locator('[data-testid="repayment"]').count()).toBe(0);
    await screenshot(citizen, 'recovery-citizen');
  });

  it('a missed instalment (催收): the caseworker opens the chase from the worklist, sees each instalment and records the contact', async () => {
    // An agreement of 1000.00 a month made three months ago for a benefit stopped at a death: nothing was collected since.
    const heirs = await addEntitlement(system.orm, {
      region: REGION,
      claimType: 'pension',
      benefit: 'basicPension',
      kind: 'monthly',
      amount: '3000.00',
      startMonth: addPeriods(period, -12),
      firstPayrollMonth: addPeriods(period, -12),
    });
    const em = system.orm.em.fork();
    const [row] = await em.execute<{ id: string }[]>(
      `insert into overpayment_recovery (citizen_id, entitlement_id, region, case_id, cause, amount, months, status, method,
         plan_monthly_amount, plan_first_month, plan_agreed_by, plan_agreed_at, plan_total, opened_at)
       values (?, ?, ?, ?, 'death', '3000.00', '[]', 'open', 'instalments', '1000.00', ?, 'cw-611', now() - interval '3 months', '3000.00', now())
       returning id`,
      [heirs.citizenId, heirs.entitlementId, REGION, heirs.caseId, addPeriods(period, -3)],
    );
    const chasedId = row!.id;
    const swept = await system.call('POST', '/v1/missed-instalment-sweeps', { token: cwToken, body: { region: REGION } });
    expect(swept.body.chased).toBe(1);

    await caseworker.goto(`${workbench.url}/web/tasks?view=available`);
    await caseworker.click(`a[href="/web/recoveries/${chasedId}"]`);
    await caseworker.waitForURL(new RegExp(`/web/recoveries/${chasedId}$`));
    const states = await caseworker.locator('[data-testid="instalments"] tr[data-state]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(states).toEqual(['missed', 'missed', 'missed']);
    expect(await caseworker.locator('[data-testid="chases"] tr[data-status="open"] td[data-field="missedMonth"]').innerText()).toBe(addPeriods(period, -2));
    await caseworker.selectOption('[data-testid="chase"] select[name="outcome"]', 'contacted');
    await caseworker.fill('[data-testid="chase"] input[name="note"]', '电话联系继承人，承诺下月起还款');
    await caseworker.click('[data-testid="chase"] button[type="submit"]');
    await caseworker.waitForURL(/done=chased/);
    expect(await caseworker.locator('[data-testid="chases"] tr[data-status="contacted"] td[data-field="note"]').innerText()).toBe(
      '电话联系继承人，承诺下月起还款',
    );
    await screenshot(caseworker, 'recovery-chased');
  });

  it('two supervisors write off part (部分核销, four eyes): the proposer is refused the decision, the other approves', async () => {
    const proposer = await workbench.signedInWithToken(await system.token({ role: 'supervisor', region: REGION, sub: 'sv-612' }));
    await proposer.goto(`${workbench.url}/web/recoveries/${recoveryId}`);
    await proposer.fill('[data-testid="write-off"] input[name="amount"]', '100.00');
    await proposer.fill('[data-testid="write-off"] input[name="reason"]', '家庭生活困难');
    await proposer.fill('[data-testid="write-off"] input[name="legalBasis"]', '社会保险经办条例第四十六条');
    await proposer.click('[data-testid="write-off"] button[type="submit"]');
    await proposer.waitForURL(/done=proposed/);
    expect(await proposer.locator('[data-testid="write-offs"] tr[data-status="proposed"] td[data-field="amount"]').innerText()).toBe('100.00');
    await proposer.click('[data-testid="write-off-decision"] button[value="true"]');
    expect(await proposer.locator('[data-testid="write-offs"] tr[data-status="proposed"]').count()).toBe(1);
    expect(await outstanding(proposer)).toBe('3100.00');

    const approver = await workbench.signedInWithToken(await system.token({ role: 'supervisor', region: REGION, sub: 'sv-613' }));
    await approver.goto(`${workbench.url}/web/recoveries/${recoveryId}`);
    await approver.click('[data-testid="write-off-decision"] button[value="true"]');
    await approver.waitForURL(/done=decided/);
    expect(await approver.locator('[data-testid="write-offs"] tr[data-status="approved"]').count()).toBe(1);
    expect(await approver.locator('[data-testid="recovery-ledger"] tr[data-kind="writeOff"] td[data-field="amount"]').innerText()).toBe('100.00');
    expect(await outstanding(approver)).toBe('3000.00');
  });

  it('a supervisor writes off what is outstanding (核销): the recovery closes as waived with a waiver entry', async () => {
    const supervisor = await workbench.signedInWithToken(await system.token({ role: 'supervisor', region: REGION, sub: 'sv-611' }));
    await supervisor.goto(`${workbench.url}/web/recoveries/${recoveryId}`);
    await supervisor.fill('[data-testid="waiver"] input[name="reason"]', '本人已故，遗产不足以清偿');
    await supervisor.fill('[data-testid="waiver"] input[name="legalBasis"]', '社会保险经办条例第四十六条');
    await supervisor.click('[data-testid="waiver"] button[type="submit"]');
    await supervisor.waitForURL(/done=waived/);
    expect(await supervisor.locator('[data-testid="recovery-status"]').getAttribute('data-status')).toBe('waived');
    expect(await supervisor.locator('[data-testid="recovery-ledger"] tr[data-kind="waiver"] td[data-field="amount"]').innerText()).toBe('3000.00');
    expect(await outstanding(supervisor)).toBe('0.00');
    expect(await supervisor.locator('[data-testid="repayment"]').count()).toBe(0);
  });
});
