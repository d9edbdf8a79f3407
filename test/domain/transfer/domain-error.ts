import { expect } from 'vitest';
import { DomainError, type DomainErrorCode } from '../../../domain/errors.js';

/** Runs `fn` and checks it throws a DomainError with `code` (and `path`, when given). */
export function expectDomainError(fn: () => unknown, code: DomainErrorCode, path?: string): DomainError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.path).toBe(path);
  return error;
}
