import type { ExecutableActionsFrom } from 'xstate';
import type { ArrearsNotice, arrearsMachine } from './arrears.machine.js';

export type ArrearsStep = 'proposeFine' | 'approveFine' | 'bankInquiry' | 'enforcement' | 'deferralReview';

/** The side effects an arrears transition asks for; the workflow runs them as activities. */
export type ArrearsEffect =
  | { kind: 'notify'; notice: ArrearsNotice }
  | { kind: 'issueOrder' }
  | { kind: 'openTask'; step: ArrearsStep }
  | { kind: 'closeTask' }
  | { kind: 'cancelTask' }
  | { kind: 'recordFine' }
  | { kind: 'recordDeferral' };

/** Keeps the machine's declared actions as typed effects and drops xstate built-ins (assign). */
export function toArrearsEffects(actions: readonly ExecutableActionsFrom<typeof arrearsMachine>[]): ArrearsEffect[] {
  return actions.flatMap((action): ArrearsEffect[] => {
    switch (action.type) {
      case 'notify':
        return [{ kind: 'notify', notice: (action.params as { notice: ArrearsNotice }).notice }];
      case 'openTask':
        return [{ kind: 'openTask', step: (action.params as { step: ArrearsStep }).step }];
      case 'issueOrder':
      case 'closeTask':
      case 'cancelTask':
      case 'recordFine':
      case 'recordDeferral':
        return [{ kind: action.type }];
      default:
        return [];
    }
  });
}
