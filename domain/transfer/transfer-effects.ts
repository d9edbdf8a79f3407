import type { ExecutableActionsFrom } from 'xstate';
import type { TransferNotice, transferMachine } from './transfer.machine.js';

/** A leg as the machine names it; the workflow maps `completion` to `load` for medical and unemployment. */
export type TransferStage = 'acceptanceLetter' | 'transferOut' | 'completion';

/** The side effects a transfer transition asks for; the workflow runs them as activities (or platform messages). */
export type TransferEffect =
  | { kind: 'notify'; notice: TransferNotice }
  | { kind: 'openLeg'; leg: TransferStage }
  | { kind: 'payOut' }
  | { kind: 'collectFunds' }
  | { kind: 'completeRelationship' }
  | { kind: 'openTemporaryAccount' }
  | { kind: 'closeLegs' };

/** Keeps the machine's declared actions as typed effects and drops xstate built-ins (assign). */
export function toTransferEffects(actions: readonly ExecutableActionsFrom<typeof transferMachine>[]): TransferEffect[] {
  return actions.flatMap((action): TransferEffect[] => {
    switch (action.type) {
      case 'notify':
        // xstate types `params` as one union across all actions, so narrow it once, here.
        return [{ kind: 'notify', notice: (action.params as { notice: TransferNotice }).notice }];
      case 'openLeg':
        return [{ kind: 'openLeg', leg: (action.params as { leg: TransferStage }).leg }];
      case 'payOut':
      case 'collectFunds':
      case 'completeRelationship':
      case 'openTemporaryAccount':
      case 'closeLegs':
        return [{ kind: action.type }];
      default:
        return [];
    }
  });
}
