import type { RuleOf } from '@casl/ability';
import { rulesToCondition } from '@casl/ability/extra';
import type { Action, AppAbility } from './abilities.js';
import { REGION_PREFIX_PATTERN } from './region-scope.js';
import type { SubjectType } from './subjects.js';

/**
 * A MikroORM FilterQuery over the subject's property names, using only `$and $or $not $eq $ne $in $nin`, `null` and
 * `$like` with a region-code prefix (the region hierarchy, policies/region-scope.ts).
 */
export type ScopeFilter = Record<string, unknown>;

/**
 * The rows of `subjectType` on which `action` is allowed, as a database filter, so a list never shows what its viewer
 * may not open (docs/architecture.md "Permissions"). Returns `null` when nothing is allowed: the caller answers an empty page
 * without querying. `{}` means every row. Pure; throws on a rule it cannot translate, so a new rule shape fails in
 * tests rather than silently widening a list.
 *
 * SQL compares with three-valued logic while CASL compares plain values: `assignee <> 'x'` is not true for a NULL
 * assignee, and `NOT (prepared_by = 'x')` hides every row whose prepared_by is NULL. Each condition is therefore
 * written so that it is true or false for every row (never NULL) wherever the difference would matter.
 */
export function accessibleFilter(ability: AppAbility, action: Action, subjectType: SubjectType): ScopeFilter | null {
  return rulesToCondition<AppAbility, ScopeFilter, ScopeFilter>(ability.rulesFor(action, subjectType), ruleFilter, {
    and: (filters) => ({ $and: filters }),
    or: (filters) => ({ $or: filters }),
    empty: () => ({}),
  });
}

function ruleFilter(rule: RuleOf<AppAbility>): ScopeFilter {
  if (rule.fields) throw new Error('Field-level rules cannot be turned into a row filter');
  const conditions = (rule.conditions ?? {}) as Record<string, unknown>;
  const parts = Object.entries(conditions).flatMap(([field, condition]) => fieldFilters(field, condition, rule.inverted));
  // A `cannot` rule is subtracted with NOT, which is only sound when what it negates is never NULL.
  return rule.inverted ? { $not: allOf(parts) } : allOf(parts);
}

/**
 * Array columns (`text[] not null default '{}'`): CASL reads `{ accusedStaff: id }` as "the list contains id", which
 * is `accused_staff @> '{id}'` — true or false for every row, so it is also sound under a `cannot` (NOT).
 */
const ARRAY_FIELDS: ReadonlySet<string> = new Set(['accusedStaff', 'sharedWithRegions', 'earlierDeciders']);

function fieldFilters(field: string, condition: unknown, twoValued: boolean): ScopeFilter[] {
  if (field.startsWith('$') || field.includes('.')) throw new Error(`Cannot translate condition on "${field}"`);
  if (ARRAY_FIELDS.has(field)) {
    if (typeof condition !== 'string') throw new Error(`Only "contains one id" translates on array field "${field}"`);
    return [{ [field]: { $contains: [condition] } }];
  }
  if (!isOperatorMap(condition)) return [equals(field, scalar(field, condition), twoValued)];
  return Object.entries(condition).map(([operator, operand]) => {
    switch (operator) {
      case '$eq':
        return equals(field, scalar(field, operand), twoValued);
      case '$ne':
        return notEquals(field, scalar(field, operand));
      case '$in':
        return within(field, scalars(field, operand), twoValued);
      case '$nin':
        return notWithin(field, scalars(field, operand));
      case '$regex':
        return startsWith(field, operand, twoValued);
      default:
        throw new Error(`Cannot translate operator ${operator} on "${field}"`);
    }
  });
}

type Scalar = string | number | boolean | null;

/**
 * The region hierarchy's "starts with the code prefix" (`^3301`) as `LIKE '3301%'`. Only that shape translates: any
 * other regular expression is refused rather than guessed at. Two-valued when negated: NULL is simply not inside.
 */
function startsWith(field: string, pattern: unknown, twoValued: boolean): ScopeFilter {
  const prefix = typeof pattern === 'string' ? REGION_PREFIX_PATTERN.exec(pattern)?.[1] : undefined;
  if (prefix === undefined) throw new Error(`Only a region-code prefix translates as $regex on "${field}"`);
  return twoValued ? { [field]: { $ne: null, $like: `${prefix}%` } } : { [field]: { $like: `${prefix}%` } };
}

function equals(field: string, value: Scalar, twoValued: boolean): ScopeFilter {
  if (value === null || !twoValued) return { [field]: value };
  return { [field]: { $ne: null, $eq: value } };
}

function notEquals(field: string, value: Scalar): ScopeFilter {
  if (value === null) return { [field]: { $ne: null } };
  // CASL counts a NULL column as "not equal"; SQL's `<>` does not.
  return { $or: [{ [field]: { $ne: value } }, { [field]: null }] };
}

function within(field: string, values: Scalar[], twoValued: boolean): ScopeFilter {
  const present = values.filter((value) => value !== null);
  const list = twoValued ? { [field]: { $ne: null, $in: present } } : { [field]: { $in: present } };
  return values.includes(null) ? { $or: [list, { [field]: null }] } : list;
}

function notWithin(field: string, values: Scalar[]): ScopeFilter {
  const present = values.filter((value) => value !== null);
  if (values.includes(null)) return { [field]: present.length > 0 ? { $ne: null, $nin: present } : { $ne: null } };
  return { $or: [{ [field]: { $nin: present } }, { [field]: null }] };
}

/** Merges per-field filters into one object when their keys do not clash, which keeps the common case readable. */
function allOf(parts: ScopeFilter[]): ScopeFilter {
  const keys = parts.flatMap((part) => Object.keys(part));
  if (new Set(keys).size === keys.length) return Object.assign({}, ...parts) as ScopeFilter;
  return { $and: parts };
}

function isOperatorMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalar(field: string, value: unknown): Scalar {
  // `undefined` would make MikroORM drop the condition and widen the list to every row.
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Scalar;
  throw new Error(`Cannot translate a ${typeof value} value on "${field}"`);
}

function scalars(field: string, value: unknown): Scalar[] {
  if (!Array.isArray(value)) throw new Error(`Expected a list of values on "${field}"`);
  return value.map((item) => scalar(field, item));
}
