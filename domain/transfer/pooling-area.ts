import { parentRegionCode, regionLevel } from '../region-code.js';

/**
 * The pooling area (统筹地区) of a region this system holds no data for — a counterpart's region reached through the
 * platform: its city, as the API contract defines the default (a county → its prefecture, a city → itself, a
 * province-level code → itself). Regions this system serves take theirs from region data instead. Pure.
 * @throws DomainError INVALID_REGION_CODE for a malformed code.
 */
export function defaultPoolingArea(code: string): string {
  return regionLevel(code) === 'county' ? (parentRegionCode(code) ?? code) : code;
}
