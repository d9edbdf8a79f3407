// 办事指南 in a real browser (issue 14, Tests): open without signing in, search in Chinese, see the deadlines with
// their legal basis, and print it (the print stylesheet hides the chrome and the search). Real system, chromium.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnrollmentPolicy } from '../../db/queries/settings.query.js';
import { startSystem, type TestSystem } from '../support/system.js';
import { launchChromium, screenshot } from './chromium.js';

describe('guide page in chromium', () => {
  let system: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startSystem();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it('shows every procedure without sign-in, finds by a Chinese term, and prints without the chrome (issue 14 point 1)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${system.url}/web/guide`);
    expect(page.url()).toContain('/web/guide');
    await expect(page.locator('h1').textContent()).resolves.toBe('办事指南');
    expect(await page.locator('section.guide-procedure').count()).toBeGreaterThanOrEqual(12);

    const policy = await loadEnrollmentPolicy(system.orm.em.fork());
    const review = page.locator('[data-testid="procedure-enrollment"] tr[data-setting="enrollment.policy#reviewWorkingDays"] [data-testid="deadline-value"]');
    await expect(review.textContent()).resolves.toBe(`${policy.reviewWorkingDays}个工作日`);
    await expect(page.locator('[data-testid="procedure-enrollment"]').textContent()).resolves.toContain('《社会保险经办条例》第六条');

    await page.fill('[data-testid="guide-q"]', '工伤认定');
    await page.click('form[role="search"] button[type="submit"]');
    await page.waitForURL((url) => url.searchParams.get('q') === '工伤认定');
    expect(await page.locator('section.guide-procedure').count()).toBe(1);
    await expect(page.locator('section.guide-procedure h2').textContent()).resolves.toBe('工伤认定与工伤保险待遇申领');
    await screenshot(page, 'guide-search');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.top').isVisible()).toBe(false);
    expect(await page.locator('form[role="search"]').isVisible()).toBe(false);
    expect(await page.locator('section.guide-procedure').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  it('checks a certificate code on the public page: a code never issued is invalid, with nothing about anyone (issue 14 point 2)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${system.url}/web/verify`);
    await page.fill('[data-testid="verify-code"]', '0000-0000-0000-0000');
    await page.click('form[role="search"] button[type="submit"]');
    await page.waitForSelector('[data-testid="verify-result"]');
    await expect(page.locator('[data-testid="verify-result"]').getAttribute('data-valid')).resolves.toBe('false');
    await context.close();
  });
});
