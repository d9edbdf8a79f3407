/**
 * Whether a stored override fits the policy it overrides. A `setting` row lays a partial object over a policy's
 * defaults (db/queries/*-policy), so a misspelt key would be silently ignored and a number sent as a string would break
 * a calculation days later. The check is by the defaults' own shape: every key must exist there, and each value must
 * be of the kind the default is — a whole number stays a whole number ≥ 0, a decimal string a decimal string, a
 * boolean a boolean, an object is checked one level down, an array holds values of the kind of the default's items.
 * Pure.
 */
import type { InputIssue } from '../errors.js';

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function overrideIssues(defaults: unknown, override: unknown, path: string): InputIssue[] {
  if (isPlainObject(defaults)) {
    if (!isPlainObject(override)) return [{ path, message: 'must be an object' }];
    return Object.entries(override).flatMap(([key, value]) =>
      key in defaults ? overrideIssues(defaults[key], value, `${path}.${key}`) : [{ path: `${path}.${key}`, message: 'is not a setting of this policy' }],
    );
  }
  if (Array.isArray(defaults)) {
    if (!Array.isArray(override)) return [{ path, message: 'must be an array' }];
    const model: unknown = defaults[0];
    return model === undefined ? [] : override.flatMap((item, index) => overrideIssues(model, item, `${path}.${index}`));
  }
  if (typeof defaults === 'number') {
    if (typeof override !== 'number' || !Number.isFinite(override) || override < 0) return [{ path, message: 'must be a number ≥ 0' }];
    if (Number.isInteger(defaults) && !Number.isInteger(override)) return [{ path, message: 'must be a whole number' }];
    return [];
  }
  if (typeof defaults === 'string') {
    if (typeof override !== 'string' || override.length === 0) return [{ path, message: 'must be a non-empty string' }];
    if (DECIMAL.test(defaults) && !DECIMAL.test(override)) return [{ path, message: 'must be a decimal string such as "0.05"' }];
    return [];
  }
  if (typeof defaults === 'boolean') return typeof override === 'boolean' ? [] : [{ path, message: 'must be true or false' }];
  // A default of null (an optional figure left unset): any value of a simple kind.
  return override === null || ['number', 'string', 'boolean'].includes(typeof override)
    ? []
    : [{ path, message: 'must be a number, a string, a boolean or null' }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
