// 统计 on the web workbench (issue 14 point 4, Tests: "a browser test of … the supervisor's charts"): the supervisor
// of 上城区 opens the statistics page, sees the charts drawn on the server with the same figures the API answers,
// follows a figure to the cases behind it and downloads the CSV; another region's figures are refused. A declaration
// of last month made here first gives the contribution chart a bar of known height. Screenshots go to test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDates } from '../support/business-dates.js';
import { citizenId, creditCode } from '../support/factories.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

describe('statistics on the web workbench (chromium)', () => {
  let workbench: WebWorkbench;
  let system: TestSystem;

  beforeAll(async () => {
    workbench = await startWebWorkbench({ width: 1280, height: 1000 });
    system = workbench.system;
  });
  afterAll(async () => workbench?.close());

  it('shows the region’s charts with the API’s figures, drills down to the cases and downloads the CSV', async () => {
    const d = businessDates(system.clock);
    const code = creditCode('330102');
    await system.orm.em.fork().execute(
      `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
         values (?, '统计页面测试单位', '330102', 'active', 'H6210', 2, 'test', now())`,
      [code],
    );
    const agent = await system.token({ role: 'employer', employer: code, sub: `agent-${code.slice(-6)}` });
    const declared = await system.call('POST', '/v1/declarations', {
      token: agent,
      body: { period: d.period(-1), lines: [{ citizenId: citizenId(), name: '统计', monthlyWage: '10000.00', insuranceTypes: ['pension'] }] },
    });
    expect(declared.status).toBeLessThan(300);

    const page = await workbench.signedIn('sup-001');
    await page.goto(`${workbench.url}/web/statistics`);
    await expect.poll(() => page.locator('nav a[aria-current="page"]').innerText()).toBe('统计');
    // The same figures as the API answers the supervisor (read after the page, nothing written in between here).
    const token = await system.token({ role: 'supervisor', region: '330102', sub: 'sup-001' });
    const api = await system.call('GET', '/v1/statistics/monthly', { token });
    expect(api.status).toBe(200);
    const lastMonth = api.body.months.find((m: { month: string }) => m.month === d.period(-1));
    expect(Number(lastMonth.contributions.billed)).toBeGreaterThanOrEqual(2400);

    // Three server-drawn charts, twelve months each; the billed bar of last month carries the API's decimal string.
    for (const chart of ['chart-insured', 'chart-contributions', 'chart-fund']) {
      expect(await page.locator(`[data-testid="${chart}"] svg g.category`).count()).toBe(12);
    }
    const billedBar = page.locator(`[data-testid="chart-contributions"] g.category[data-category="${d.period(-1)}"] rect.series-0`);
    expect(await billedBar.getAttribute('data-value')).toBe(lastMonth.contributions.billed);
    expect(Number(await billedBar.getAttribute('height'))).toBeGreaterThan(0);
    const billedCell = page.locator(`[data-testid="table-contributions"] tr[data-month="${d.period(-1)}"] td[data-field="billed"]`);
    expect(await billedCell.innerText()).toBe(lastMonth.contributions.billed);
    await screenshot(page, 'statistics-charts');

    // Drill-down: the enrollment figure opens the case list of that type.
    await page.click('[data-testid="table-cases"] tr[data-case-type="enrollment"] td[data-field="opened"] a');
    await page.waitForURL(/\/web\/cases\?type=enrollment/);

    // The CSV download is the API's CSV.
    await page.goto(`${workbench.url}/web/statistics`);
    const href = await page.locator('[data-testid="statistics-csv"]').getAttribute('href');
    const csv = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      return { type: res.headers.get('content-type'), text: await res.text() };
    }, href);
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('month,section,item,measure,value');
    expect(csv.text).toContain(`${d.period(-1)},contributions,all,billed,`);

    // Another region (鄞州区, Ningbo) is refused on the page as in the API.
    const refused = await page.goto(`${workbench.url}/web/statistics?region=330212`);
    expect(refused?.status()).toBe(403);
    expect(await page.locator('[data-testid="chart-insured"]').count()).toBe(0);
  });

  it('is not offered to a caseworker, and refused if they open it', async () => {
    const page = await workbench.signedIn('cw-001');
    await page.goto(`${workbench.url}/web/tasks?view=available`);
    expect(await page.locator('nav a[href="/web/statistics"]').count()).toBe(0);
    const res = await page.goto(`${workbench.url}/web/statistics`);
    expect(res?.status()).toBe(403);
  });
});
