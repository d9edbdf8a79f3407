import { DomainError } from './errors.js';
import { isProvinceCode } from './identity/citizen-id.js';

/** A 6-digit GB/T 2260 administrative-division code: 2 province, 2 prefecture, 2 county digits. */
export type RegionLevel = 'province' | 'city' | 'county';

/**
 * Validates a GB/T 2260 region code (rules §1.1): six digits, a known province-level prefix, and no county
 * digits under a missing prefecture (counties directly under a province use prefecture digits 90, e.g. 429004).
 * @throws DomainError INVALID_REGION_CODE
 */
export function parseRegionCode(s: string): string {
  if (!/^\d{6}$/.test(s)) throw new DomainError('INVALID_REGION_CODE', `"${s}" is not a 6-digit region code`);
  if (!isProvinceCode(s.slice(0, 2))) {
    throw new DomainError('INVALID_REGION_CODE', `${s}: "${s.slice(0, 2)}" is not a province-level code`);
  }
  if (s.slice(2, 4) === '00' && s.slice(4) !== '00') {
    throw new DomainError('INVALID_REGION_CODE', `${s}: a county code needs a prefecture (digits 3–4 are 00)`);
  }
  return s;
}

/** True when `s` passes {@link parseRegionCode}. */
export function isRegionCode(s: string): boolean {
  try {
    parseRegionCode(s);
    return true;
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
}

/** 330000 → province, 330100 → city (prefecture level, incl. a municipality's 110100), 330102 → county. */
export function regionLevel(code: string): RegionLevel {
  parseRegionCode(code);
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'city' : 'county';
}

/** The enclosing region by code structure: 330102 → 330100 → 330000 → null; 110105 → 110100. */
export function parentRegionCode(code: string): string | null {
  switch (regionLevel(code)) {
    case 'county':
      return `${code.slice(0, 4)}00`;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    case 'province':
      return null;
  }
}

/** True when `code` is `ancestor` or lies inside it (a caseworker of 330100 serves 330102; not the reverse). */
export function isWithinRegion(code: string, ancestor: string): boolean {
  const target = parseRegionCode(ancestor);
  for (let current: string | null = parseRegionCode(code); current !== null; current = parentRegionCode(current)) {
    if (current === target) return true;
  }
  return false;
}

/**
 * The code prefix every region inside `code` shares (GB/T 2260 structure): 33 for the province 330000, 3301 for the
 * city 330100, the whole code for a county. `isWithinRegion(c, code)` is exactly "c starts with this prefix", which
 * is what lets the permission rules and the SQL list filters say the region hierarchy the same way.
 */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code;
  }
}
