import { existsSync, readFileSync } from 'node:fs';

/**
 * The CJK font embedded in every PDF the system issues (certificates, official documents). `CJK_FONT_PATH` (and
 * `CJK_FONT_NAME` for a collection) name it; else the Noto Sans CJK that `npm run setup:tools` installs
 * (fonts-noto-cjk, bin/tools/browser-packages.ts). Only the glyphs used are embedded (a subset), so a page stays small.
 */
const CANDIDATES = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
];

let loaded: { path: string; bytes: Buffer; name?: string } | null = null;

/** The font's bytes, read once per process: the collection is ~20 MB, too much to read for every document. */
export function cjkFontBytes(): { bytes: Buffer; name?: string } {
  const font = cjkFont();
  if (loaded?.path !== font.path) loaded = { ...font, bytes: readFileSync(font.path) };
  return loaded;
}

export function cjkFont(): { path: string; name?: string } {
  const configured = process.env.CJK_FONT_PATH;
  if (configured) return { path: configured, name: process.env.CJK_FONT_NAME };
  const found = CANDIDATES.find((font) => existsSync(font.path));
  if (!found) throw new Error(`No CJK font for PDFs: set CJK_FONT_PATH or run npm run setup:tools (looked in ${CANDIDATES.map((f) => f.path).join(', ')})`);
  return found;
}
