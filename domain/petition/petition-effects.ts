import type { ExecutableActionsFrom } from 'xstate';
import type { PetitionNotice, petitionMachine } from './petition.machine.js';

/** The side effects a petition transition asks for; the workflow runs them as activities. */
export type PetitionEffect = { kind: 'notify'; notice: PetitionNotice } | { kind: 'recordRating' };

/** Keeps the machine's declared actions as typed effects and drops xstate built-ins (assign). */
export function toPetitionEffects(actions: readonly ExecutableActionsFrom<typeof petitionMachine>[]): PetitionEffect[] {
  return actions.flatMap((action): PetitionEffect[] => {
    switch (action.type) {
      case 'notify':
        return [{ kind: 'notify', notice: (action.params as { notice: PetitionNotice }).notice }];
      case 'recordRating':
        return [{ kind: action.type }];
      default:
        return [];
    }
  });
}
