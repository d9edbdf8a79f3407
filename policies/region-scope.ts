// The region hierarchy of staff permissions (docs/architecture.md "Permissions"; rules §1.3): staff of a region act over that
// region and every region below it — a city's supervisor over its districts, a province's auditor over all of it.
// The one rule is a condition on a row's `region`, read by CASL for each object and translated by sql-scope.ts into
// the lists' SQL (`region LIKE '3301%'`), so what a list shows and what a single read allows cannot drift apart.
import { isRegionCode, regionLevel, regionPrefix } from '../domain/region-code.js';

/** A CASL condition on a `region` field: a county's code itself, or "starts with" the prefix of a city or province. */
export type RegionCondition = string | { $regex: string };

/** What `$regex` conditions built here look like, and the only ones sql-scope.ts translates. */
export const REGION_PREFIX_PATTERN = /^\^(\d{2}|\d{4})$/;

/**
 * The regions staff of `region` act over. A county (district) is just itself, so those rules stay plain equality; a
 * code that is not a region code matches only itself (it can only come from a test, the tokens are validated).
 */
export function regionsWithin(region: string): RegionCondition {
  if (!isRegionCode(region) || regionLevel(region) === 'county') return region;
  return { $regex: `^${regionPrefix(region)}` };
}
