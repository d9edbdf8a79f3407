import type { ExecutableActionsFrom } from 'xstate';
import type { EnrollmentNotice, enrollmentMachine } from './enrollment.machine.js';

/** The side effects an enrollment transition asks for; the workflow runs them as activities. */
export type EnrollmentEffect =
  | { kind: 'notify'; notice: EnrollmentNotice }
  | { kind: 'runChecks' }
  | { kind: 'requestReview' }
  | { kind: 'holdReview' }
  | { kind: 'cancelReview' }
  | { kind: 'openRecords' };

/** Keeps the machine's declared actions as typed effects and drops xstate built-ins (assign). */
export function toEnrollmentEffects(actions: readonly ExecutableActionsFrom<typeof enrollmentMachine>[]): EnrollmentEffect[] {
  return actions.flatMap((action): EnrollmentEffect[] => {
    switch (action.type) {
      case 'notify':
        // xstate types `params` as one union across all actions, so narrow it once, here.
        return [{ kind: 'notify', notice: (action.params as { notice: EnrollmentNotice }).notice }];
      case 'runChecks':
      case 'requestReview':
      case 'holdReview':
      case 'cancelReview':
      case 'openRecords':
        return [{ kind: action.type }];
      default:
        return [];
    }
  });
}
