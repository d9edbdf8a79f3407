// 正式文书 in a real browser (issue 14 point 3): a citizen registers themself, the case's letter is rendered by the
// worker when its notice is written (off the request path), the citizen opens 正式文书 from the case page and downloads
// the PDF, and a caseworker of the region sees the same letter. Screenshots go to test-results/screenshots/.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/local-date.js';
import type { TestSystem } from '../support/system.js';
import { screenshot } from './chromium.js';
import { startWebWorkbench, type WebWorkbench } from './web-workbench.js';

describe('official documents on the web workbench (chromium)', () => {
  let workbench: WebWorkbench;
  let system: TestSystem;
  let url: string;
  let signedIn: WebWorkbench['signedIn'];

  beforeAll(async () => {
    // The worker's rendering round on, as in production: the letter is ready before anyone opens the page.
    workbench = await startWebWorkbench({ width: 1280, height: 800 }, { documentRendering: { batch: 5, everyMs: 300 } });
    ({ system, signedIn } = workbench);
    url = workbench.url;
  });
  afterAll(async () => workbench?.close());

  it('issue 14 point 3: the citizen opens 正式文书 on their case and downloads the PDF; a caseworker sees the same letter', async () => {
    const citizen = await signedIn('citizen', { width: 390, height: 844 });
    await citizen.goto(`${url}/web/file/enrollment`);
    await citizen.fill('input[name="hireDate"]', addDays(system.clock.today(), -5));
    await citizen.fill('input[name="monthlyWage"]', '6000.00');
    await citizen.click('[data-testid="file-enrollment"] button[type="submit"]');
    await citizen.waitForURL(/\/web\/cases\/EN\d{10}/);
    const reference = (await citizen.locator('[data-testid="case-reference"]').innerText()).trim();
    const [caseRow] = await system.orm.em.fork().execute<{ id: string }[]>('select id from case_record where reference = ?', [reference]);
    // The worker renders the case's letters as their notices are written: no listing has asked for them yet.
    await system.eventually(async () => {
      const [row] = await system.orm.em
        .fork()
        .execute<{ n: string }[]>(
          'select count(*) as n from notice_outbox n join official_document d on d.notice_id = n.id where n.case_id = ? and n.rendered_at is not null',
          [caseRow!.id],
        );
      return Number(row!.n) > 0 ? true : undefined;
    }, 60_000);

    await citizen.goto(`${url}/web/cases/${reference}`);
    await citizen.click('[data-testid="case-documents-link"]');
    await citizen.waitForURL(new RegExp(`/web/cases/${reference}/documents$`));
    const items = citizen.locator('[data-testid="official-documents"] li');
    expect(await items.count()).toBeGreaterThan(0);
    await screenshot(citizen, 'citizen-official-documents-phone');
    const link = items.first().locator('a');
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/web/cases/${reference}/documents/[0-9a-f-]{36}$`));
    const title = (await items.first().locator('strong').innerText()).trim();

    // What the browser downloads when the citizen clicks the link is the PDF itself.
    const [download] = await Promise.all([citizen.waitForEvent('download'), link.click()]);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const response = await citizen.context().request.get(`${url}${href!}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await response.body()).equals(bytes)).toBe(true);

    const caseworker = await signedIn('cw-001');
    await caseworker.goto(`${url}/web/cases/${reference}/documents`);
    const staffList = caseworker.locator('[data-testid="official-documents"]');
    expect(await staffList.locator(`a[href="${href!}"]`).count()).toBe(1);
    expect(await staffList.innerText()).toContain(title);
    await screenshot(caseworker, 'caseworker-official-documents');
    const staffCopy = await caseworker.context().request.get(`${url}${href!}`);
    expect(staffCopy.headers()['content-type']).toBe('application/pdf');
    expect(Buffer.from(await staffCopy.body()).equals(bytes)).toBe(true);
  });
});
