// The browser the browser tests drive: Debian's chromium, installed with apt when missing (issue 5, Tests), launched
// headless with the flags that keep it from calling home. Fails loudly when it cannot be installed.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureChromium, ensureCjkFont } from '../../bin/tools/browser-packages.js';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches chromium headless. Playwright gives every launch a fresh, temporary user-data-dir of its own (and refuses
 * a --user-data-dir flag), so no profile state leaks between runs; each `newContext()` is a separate cookie jar.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = ensureChromium();
  ensureCjkFont();
  return chromium.launch({ executablePath, headless: true, args: FLAGS });
}

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/** Writes a full-page screenshot to test-results/screenshots/<name>.png (a test artifact, ignored by git). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
