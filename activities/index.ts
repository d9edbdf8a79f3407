import { ApplicationFailure } from '@temporalio/activity';
import { DomainError } from '../domain/errors.js';
import { createAccountSubsidyActivities } from './account-subsidy.activities.js';
import { createArrearsActivities } from './arrears.activities.js';
import { createBackPaymentActivities } from './back-payment.activities.js';
import { createBenefitActivities } from './benefit.activities.js';
import { createCaseActivities } from './case.activities.js';
import type { ActivityDeps } from './deps.js';
import { createEnrollmentActivities } from './enrollment.activities.js';
import { createMedicalExpenseActivities } from './medical-expense.activities.js';
import { createPetitionActivities } from './petition.activities.js';
import { createPayrollActivities } from './payroll.activities.js';
import { createSupervisionActivities } from './supervision.activities.js';
import { createPensionRecalculationActivities } from './pension-recalculation.activities.js';
import { createTaskActivities } from './task.activities.js';
import { createTransferActivities } from './transfer.activities.js';
import { createVerificationActivities } from './verification.activities.js';

export type { ActivityDeps } from './deps.js';

/**
 * A refusal by a domain rule inside an activity is an answer, not a fault: retrying cannot change it. It leaves as a
 * non-retryable `DomainRefusal` failure carrying its code, which every workflow lists in `nonRetryableErrorTypes`.
 */
function refusingOnce<A extends unknown[], R>(activity: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await activity(...args);
    } catch (error) {
      if (error instanceof DomainError) throw ApplicationFailure.nonRetryable(error.message, 'DomainRefusal', { code: error.code });
      throw error;
    }
  };
}

function refusingOnceAll<T extends Record<string, (...args: never[]) => Promise<unknown>>>(activities: T): T {
  return Object.fromEntries(
    Object.entries(activities).map(([name, fn]) => [name, refusingOnce(fn as (...args: unknown[]) => Promise<unknown>)]),
  ) as unknown as T;
}

/** Every activity the worker registers, built from explicit dependencies. */
export function createActivities(deps: ActivityDeps) {
  return refusingOnceAll({
    ...createCaseActivities(deps),
    ...createTaskActivities(deps),
    ...createEnrollmentActivities(deps),
    ...createArrearsActivities(deps),
    ...createPetitionActivities(deps),
    ...createTransferActivities(deps),
    ...createBenefitActivities(deps),
    ...createMedicalExpenseActivities(deps),
    ...createPayrollActivities(deps),
    ...createAccountSubsidyActivities(deps),
    ...createSupervisionActivities(deps),
    ...createVerificationActivities(deps),
    ...createPensionRecalculationActivities(deps),
    ...createBackPaymentActivities(deps),
  });
}

export type Activities = ReturnType<typeof createActivities>;
