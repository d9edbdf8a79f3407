import type { ExecutableActionsFrom } from 'xstate';
import type { BenefitNotice, benefitClaimMachine } from './benefit-claim.machine.js';

/** The side effects a benefit-claim transition asks for; the workflow runs them as activities. */
export type BenefitClaimEffect =
  { kind: 'notify'; notice: BenefitNotice } | { kind: 'runChecks' } | { kind: 'recordEntitlements' } | { kind: 'stopEntitlements' };

/** Keeps the machine's declared actions as typed effects and drops xstate built-ins and context updates (assign). */
export function toBenefitClaimEffects(actions: readonly ExecutableActionsFrom<typeof benefitClaimMachine>[]): BenefitClaimEffect[] {
  return actions.flatMap((action): BenefitClaimEffect[] => {
    switch (action.type) {
      case 'notify':
        // xstate types `params` as one union across all actions, so narrow it once, here.
        return [{ kind: 'notify', notice: (action.params as { notice: BenefitNotice }).notice }];
      case 'runChecks':
      case 'recordEntitlements':
      case 'stopEntitlements':
        return [{ kind: action.type }];
      default:
        return [];
    }
  });
}
