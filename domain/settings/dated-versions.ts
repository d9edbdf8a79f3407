import { isIsoDate } from '../calendar/local-date.js';
import type { InputIssue } from '../errors.js';

/**
 * What a figure's check says of one value: a message when it is wrong, null when it is right.
 */
export type FigureCheck = (value: unknown) => string | null;

/**
 * What is wrong with a dated-versions setting (`{ versions: [{ effectiveFrom, source?, …figures }] }`), each issue
 * naming its field under `value`: no other top-level key, each version an object with a YYYY-MM-DD `effectiveFrom`, an
 * optional string `source`, and only the policy's own `figures`, each checked by its own rule. The envelope is the
 * same for every dated policy (back-payment, eligibility verification); only the figures differ. Pure.
 */
export function datedVersionsIssues(value: unknown, figures: Record<string, FigureCheck>): InputIssue[] {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { versions?: unknown }).versions))
    return [{ path: 'value.versions', message: 'must be an array of dated versions' }];
  const { versions, ...rest } = value as { versions: unknown[] } & Record<string, unknown>;
  const issues: InputIssue[] = Object.keys(rest).map((k) => ({ path: `value.${k}`, message: 'is not a setting of this policy' }));
  const known = ['effectiveFrom', 'source', ...Object.keys(figures)].join(', ');
  versions.forEach((version, index) => {
    const path = `value.versions.${index}`;
    if (typeof version !== 'object' || version === null || Array.isArray(version)) {
      issues.push({ path, message: 'must be an object' });
      return;
    }
    for (const [key, v] of Object.entries(version as Record<string, unknown>)) {
      const at = `${path}.${key}`;
      const check = Object.hasOwn(figures, key) ? figures[key] : undefined;
      const message =
        key === 'effectiveFrom'
          ? typeof v !== 'string' || !isIsoDate(v)
            ? 'must be a date YYYY-MM-DD'
            : null
          : key === 'source'
            ? typeof v !== 'string'
              ? 'must be a string'
              : null
            : check
              ? check(v)
              : `is not a setting of this policy (${known})`;
      if (message !== null) issues.push({ path: at, message });
    }
    if ((version as Record<string, unknown>).effectiveFrom === undefined) issues.push({ path: `${path}.effectiveFrom`, message: 'is required' });
  });
  return issues;
}
