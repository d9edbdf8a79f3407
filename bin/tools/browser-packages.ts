// The browser the browser tests drive and the font their screenshots need: Debian's chromium and fonts-noto-cjk,
// installed with apt when missing. Called from `npm run setup:tools` (pretest), so a first-time install is its own
// step instead of a test-hook timeout; the browser tests call it again and fail loudly if it still cannot be done.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

function aptInstall(pkg: string, why: string): void {
  try {
    execFileSync('sh', ['-c', `apt-get update && apt-get install -y ${pkg}`], { stdio: 'inherit', timeout: 15 * 60_000 });
  } catch (error) {
    throw new Error(`${why}; "apt-get install -y ${pkg}" failed (run it as root): ${String(error)}`);
  }
}

/** Installs Debian's chromium with apt-get when it is not there yet; answers its path. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  aptInstall('chromium', `The browser tests need ${CHROMIUM_PATH}`);
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get installed chromium but ${CHROMIUM_PATH} is still missing`);
  return CHROMIUM_PATH;
}

/** Whether fontconfig knows a font that covers Chinese; without one every 汉字 in a screenshot is an empty box. */
function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

/** Installs Debian's fonts-noto-cjk when no Chinese font is installed, so screenshots are readable. */
export function ensureCjkFont(): void {
  if (hasCjkFont()) return;
  aptInstall('fonts-noto-cjk', 'The browser tests need a CJK font');
  if (!hasCjkFont()) throw new Error('apt-get installed fonts-noto-cjk but fontconfig still lists no Chinese font');
}
