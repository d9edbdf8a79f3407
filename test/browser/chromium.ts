// The browser the browser tests drive: Debian's chromium, installed with apt when missing (issue 5, Tests), launched
// headless with the flags that keep it from calling home. Fails loudly when it cannot be installed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Installs Debian's chromium with apt-get when it is not there yet. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  try {
    execFileSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], { stdio: 'inherit', timeout: 15 * 60_000 });
  } catch (error) {
    throw new Error(`The browser tests need ${CHROMIUM_PATH}; "apt-get install -y chromium" failed (run it as root): ${String(error)}`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

/** Whether fontconfig knows a font that covers Chinese; without one every 汉字 in a screenshot is an empty box. */
const hasCjkFont = (): boolean => {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
};

/** Installs Debian's fonts-noto-cjk with apt-get when no Chinese font is installed, so screenshots are readable. */
export function ensureCjkFont(): void {
  if (hasCjkFont()) return;
  try {
    execFileSync('sh', ['-c', 'apt-get update && apt-get install -y fonts-noto-cjk'], { stdio: 'inherit', timeout: 15 * 60_000 });
  } catch (error) {
    throw new Error(`The browser tests need a CJK font; "apt-get install -y fonts-noto-cjk" failed (run it as root): ${String(error)}`);
  }
  if (!hasCjkFont()) throw new Error('apt-get installed fonts-noto-cjk but fontconfig still lists no Chinese font');
}

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
