// The set-up every workbench browser test shares: the real system, the same app api/server.ts builds with the
// development sign-in on (bin/dev.ts turns it on for `npm start`), chromium, and a signed-in tab per demo identity.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApiServer } from '../../api/server.js';
import { startSystem, TEST_JWT_SECRET, type TestSystem } from '../support/system.js';
import { launchChromium } from './chromium.js';

export interface WebWorkbench {
  system: TestSystem;
  /** The address of the app with the pages (its own port, dev sign-in on). */
  url: string;
  /** A signed-in browser tab for one demo identity, with a cookie jar of its own. */
  signedIn: (identity: string, viewport?: { width: number; height: number }) => Promise<Page>;
  /** A browser tab signed in by pasting `token` (an identity the demo list does not have: another region, a fixture's citizen). */
  signedInWithToken: (token: string) => Promise<Page>;
  close: () => Promise<void>;
}

export async function startWebWorkbench(
  defaultViewport = { width: 1280, height: 800 },
  options: { ownDatabase?: boolean; documentRendering?: { batch: number; everyMs: number } } = {},
): Promise<WebWorkbench> {
  const system = await startSystem(options);
  const web = await startApiServer({
    orm: system.orm,
    temporal: { address: system.temporalAddress, namespace: system.namespace, taskQueue: system.taskQueue },
    port: 0,
    jwtSecret: TEST_JWT_SECRET,
    devSignIn: true,
    log: () => {},
  });
  const browser: Browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    system,
    url: web.url,
    signedIn: async (identity, viewport = defaultViewport) => {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${web.url}/web/sign-in`);
      await page.click(`button[data-identity="${identity}"]`);
      await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
      return page;
    },
    signedInWithToken: async (token) => {
      const context = await browser.newContext({ viewport: defaultViewport });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${web.url}/web/sign-in`);
      await page.fill('textarea[name="token"]', token);
      await page.click('form:has(textarea[name="token"]) button[type="submit"]');
      await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
      return page;
    },
    close: async () => {
      for (const context of contexts) await context.close();
      await browser.close();
      await web.close();
      await system.close();
    },
  };
}
