// The person's transfer page in a real browser (issue 11 point 5, Tests): the person applies on the web, follows each
// leg with its office, due date, working days left and state, the amounts and the payment place, while the staff of
// Ningbo and Hangzhou decide their legs with each step's own form. Real system (PostgreSQL, Temporal, worker),
// chromium through playwright-core. Screenshots go to test-results/screenshots/.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '../../api/server.js';
import type { TokenRequest } from '../../api/auth/tokens.js';
import { randomInt } from 'node:crypto';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { shiftedClock } from '../../services/business-clock.js';
import { FakeCounterpartAgency } from '../support/fake-counterpart.js';
import { decideLeg, e3AmountsAsOldOffice, e3HistoryInHangzhou, enrolled, openTaskOf, transferIn } from '../api/transfer-fixture.js';
import { citizenId } from '../support/factories.js';
import { startSystem, TEST_JWT_SECRET, type TestSystem } from '../support/system.js';
import { launchChromium, screenshot } from './chromium.js';

describe('transfer page in chromium', () => {
  let system: TestSystem;
  let web: Awaited<ReturnType<typeof startApiServer>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    system = await startSystem();
    web = await startApiServer({
      orm: system.orm,
      temporal: { address: system.temporalAddress, namespace: system.namespace, taskQueue: system.taskQueue },
      port: 0,
      jwtSecret: TEST_JWT_SECRET,
      devSignIn: true,
      log: () => {},
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await web?.close();
    await system?.close();
  });

  /** A browser tab signed in with a pasted token (its own cookie jar), as anyone with a token signs in. */
  async function signedIn(claims: TokenRequest, url = web.url): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${url}/web/sign-in`);
    await page.fill('textarea[name="token"]', await system.token(claims));
    await page.click('form:has(textarea[name="token"]) button[type="submit"]');
    await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
    return page;
  }

  const legState = (page: Page, leg: string) => page.locator(`[data-testid="transfer-legs"] tr[data-leg="${leg}"]`).getAttribute('data-status');

  /** A member of the office claims the leg's task on the case page and decides it with the step's own form. */
  async function decideOnThePage(page: Page, reference: string, caseId: string, step: string, button: string) {
    await openTaskOf(system, caseId, step);
    await system.eventually(async () => {
      await page.goto(`${web.url}/web/cases/${reference}`);
      return (await page.locator('button', { hasText: '认领' }).count()) > 0 ? true : undefined;
    });
    await page.locator('button', { hasText: '认领' }).first().click();
    await page.waitForURL(new RegExp(`/web/cases/${reference}`));
    const form = page.locator(`[data-testid="decision-form"][data-step="${step}"]`);
    await expect(form.count()).resolves.toBe(1);
    await screenshot(page, `transfer-${step}-form`);
    await form.locator('button', { hasText: button }).click();
    await page.waitForURL(/done=decision/);
  }

  it('lets the person apply and follow every leg of a pension transfer Hangzhou → Ningbo to its end (§6.1, E3)', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');

    const person = await signedIn({ role: 'citizen', sub: id, name: '陈转移' });
    await person.goto(`${web.url}/web/file/transfer`);
    await expect(person.locator('input[name="citizenId"]').inputValue()).resolves.toBe(id);
    await person.selectOption('select[name="insurance"]', 'pension');
    await person.fill('input[name="fromRegion"]', '330102');
    await person.selectOption('select[name="toRegion"]', '330212');
    await screenshot(person, 'transfer-application');
    await person.click('[data-testid="file-transfer"] button[type="submit"]');
    await person.waitForURL(/\/web\/cases\/TR\d{10}/);
    const reference = (await person.locator('[data-testid="case-reference"]').innerText()).trim();
    const [row] = await system.orm.em.fork().execute<{ id: string }[]>('select id from case_record where reference = ?', [reference]);
    const caseId = row!.id;

    // The person's page: each leg with its office, due date, days left and state; the amounts; the payment place.
    await system.eventually(async () => {
      await person.reload();
      const status = await person.locator('[data-testid="case-status"]').innerText();
      return status === '转入地审核（联系函）' && (await legState(person, 'acceptanceLetter')) === 'open' ? true : undefined;
    });
    await expect(person.locator('.deadlines').innerText()).resolves.toContain('出具联系函（15 个工作日）');
    const legs = person.locator('[data-testid="transfer-legs"]');
    await expect(legs.locator('tr[data-leg="acceptanceLetter"]').innerText()).resolves.toMatch(/转入地 330212.*剩余 \d+ 个工作日.*办理中/s);
    await expect(legs.locator('tr[data-leg="transferOut"]').innerText()).resolves.toMatch(/转出地 330102.*未开始/s);
    await expect(person.locator('[data-amount="pooledFund"]').innerText()).resolves.toBe('62136.00');
    await expect(person.locator('[data-amount="personalAccount"]').innerText()).resolves.toBe(e3AmountsAsOldOffice(system.clock.today()).personalAccount);
    await expect(person.locator('[data-testid="transfer-payment-place"]').innerText()).resolves.toContain('330200');
    await screenshot(person, 'transfer-person-page-opened');

    const ningbo = await signedIn({ role: 'caseworker', region: '330212', sub: 'cw-nb-web' });
    await decideOnThePage(ningbo, reference, caseId, 'acceptanceLetter', '同意接收，出具联系函');
    const hangzhou = await signedIn({ role: 'caseworker', region: '330102', sub: 'cw-hz-web' });
    await decideOnThePage(hangzhou, reference, caseId, 'transferOut', '转出：发送信息表并划转资金');
    await decideOnThePage(ningbo, reference, caseId, 'completion', '办结转入并告知参保人');

    await system.eventually(async () => {
      await person.reload();
      return (await person.locator('[data-testid="case-status"]').innerText()) === '已办结' ? true : undefined;
    }, 30_000);
    for (const leg of ['acceptanceLetter', 'transferOut', 'completion']) await expect(legState(person, leg)).resolves.toBe('done');
    await expect(person.locator('[data-testid="transfer-reconciled"]').innerText()).resolves.toBe('转出与转入金额核对一致');
    await expect(person.locator('[data-testid="timeline"]').innerText()).resolves.toContain('关系转入，原关系终止');
    await screenshot(person, 'transfer-person-page-completed');
  });

  it('shows the person a refusal by the new office with its reason, nothing moved', async () => {
    const id = citizenId();
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const started = await system.call('POST', '/v1/transfers', {
      token: await system.token({ role: 'citizen', sub: id }),
      body: { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' },
    });
    const ningbo = await signedIn({ role: 'caseworker', region: '330212', sub: 'cw-nb-web-2' });
    await openTaskOf(system, started.body.caseId, 'acceptanceLetter');
    await ningbo.goto(`${web.url}/web/cases/${started.body.reference}`);
    await ningbo.locator('button', { hasText: '认领' }).first().click();
    await ningbo.waitForURL(new RegExp(`/web/cases/${started.body.reference}`));
    await ningbo.fill('[data-testid="decision-form"] textarea[name="comment"]', '未在本地建立劳动关系');
    await ningbo.locator('[data-testid="decision-form"] button', { hasText: '不予接收' }).click();
    await ningbo.waitForURL(/done=decision/);

    const person = await signedIn({ role: 'citizen', sub: id });
    await system.eventually(async () => {
      await person.goto(`${web.url}/web/cases/${started.body.reference}`);
      return (await person.locator('[data-testid="case-status"]').innerText()) === '不予转移' ? true : undefined;
    });
    await expect(person.locator('[data-testid="transfer-refusal"]').innerText()).resolves.toContain('未在本地建立劳动关系');
    await expect(legState(person, 'acceptanceLetter')).resolves.toBe('refused');
    await screenshot(person, 'transfer-person-page-refused');
  });
  it('shows the person a temporary pension account with its months and amounts; a caseworker of its region collects it on the page into the relationship’s place (§6.1 归集)', async () => {
    const body = `34010219700101${String(randomInt(50, 499) * 2 + 1).padStart(3, '0')}`;
    const id = body + citizenIdCheckChar(body);
    await e3HistoryInHangzhou(system, id);
    expect((await enrolled(system, id)).status).toBe('insured');
    const ningbo = await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-web-3' });
    const started = await system.call('POST', '/v1/transfers', {
      token: ningbo,
      body: { citizenId: id, insurance: 'pension', fromRegion: '330102', toRegion: '330212' },
    });
    await decideLeg(system, await system.token({ role: 'reviewer', region: '330212', sub: 'rv-nb-web' }), started.body.caseId, 'acceptanceLetter', 'approve');
    const account = (await transferIn(system, ningbo, started.body.reference, 'temporaryAccount')).temporaryPensionAccount as {
      months: number;
      amounts: { pooledFund: string; personalAccount: string };
    };

    const person = await signedIn({ role: 'citizen', sub: id });
    await person.goto(`${web.url}/web/cases/${started.body.reference}`);
    const section = person.locator('[data-testid="temporary-pension-account"]');
    await expect(section.locator('[data-amount="months"]').innerText()).resolves.toBe(String(account.months));
    await expect(section.locator('[data-amount="pooledPart"]').innerText()).resolves.toBe(account.amounts.pooledFund);
    await expect(section.locator('[data-amount="personalPart"]').innerText()).resolves.toBe(account.amounts.personalAccount);
    await expect(section.innerText()).resolves.toContain('330100');
    await expect(section.locator('[data-testid="temporary-account-collection"]').innerText()).resolves.toContain('未归集');
    await screenshot(person, 'transfer-temporary-account-open');

    // The person is offered no button; a Ningbo caseworker collects it on the page.
    await expect(person.locator('[data-testid="collect-temporary-account"]').count()).resolves.toBe(0);
    const caseworker = await signedIn({ role: 'caseworker', region: '330212', sub: 'cw-nb-web-3' });
    await caseworker.goto(`${web.url}/web/cases/${started.body.reference}`);
    await caseworker.locator('[data-testid="collect-temporary-account"] button').click();
    await caseworker.waitForURL(/done=collection/);
    await expect(caseworker.locator('[data-testid="collect-temporary-account"]').count()).resolves.toBe(0);
    await person.reload();
    await expect(section.locator('[data-testid="temporary-account-collection"]').innerText()).resolves.toMatch(
      /已于 \d{4}-\d{2}-\d{2} 归集至 330100（经办人员归集）.*核对一致/,
    );
    await expect(person.locator('[data-testid="timeline"]').innerText()).resolves.toContain('临时缴费账户归集至关系所在地');
    await screenshot(person, 'transfer-temporary-account-collected');
  });
  it('shows the supervisor of the waiting office a counterpart leg past its due date, with the late office, due date and working days overdue (§9, docs/transfers.md "Escalation")', async () => {
    const id = citizenId();
    expect((await enrolled(system, id)).status).toBe('insured');
    const agency = new FakeCounterpartAgency({ poolingArea: '320100', region: '320102' }, 'silent');
    const stop = agency.serve(system.exchange, () => system.clock.now().getTime());
    // The pages of a server whose business day is 40 days on: the leg's 15 working days have run out there.
    const later = await startApiServer({
      orm: system.orm,
      temporal: { address: system.temporalAddress, namespace: system.namespace, taskQueue: system.taskQueue },
      port: 0,
      jwtSecret: TEST_JWT_SECRET,
      devSignIn: true,
      log: () => {},
      clock: shiftedClock(40 * 86_400_000, system.clock),
    });
    try {
      const ningbo = await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-web-4' });
      const started = await system.call('POST', '/v1/transfers', {
        token: ningbo,
        body: { citizenId: id, insurance: 'pension', fromRegion: '320102', toRegion: '330212' },
      });
      await decideLeg(
        system,
        await system.token({ role: 'caseworker', region: '330212', sub: 'cw-nb-web-5' }),
        started.body.caseId,
        'acceptanceLetter',
        'approve',
      );
      const leg = (await transferIn(system, ningbo, started.body.reference, 'transferOut')).legs.find((l) => l.name === 'transferOut')!;
      const supervisor = await signedIn({ role: 'supervisor', region: '330212', sub: 'sv-nb-web' }, later.url);
      await supervisor.goto(`${later.url}/web/supervisor`);
      const row = supervisor.locator('[data-testid="overdue-counterpart-legs"] tr', { hasText: started.body.reference });
      await expect(row.innerText()).resolves.toMatch(new RegExp(`转出信息表和资金.*转出地 320100.*330212.*${leg.dueDate}.*\\d+`, 's'));
      await screenshot(supervisor, 'supervisor-overdue-counterpart-leg');
    } finally {
      await later.close();
      await stop();
    }
  });
});
