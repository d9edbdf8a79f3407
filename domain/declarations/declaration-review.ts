import type { ExecutableActionsFrom } from 'xstate';
import type { TaskCompletion, TaskPermission } from '../task.js';
import type { DeclarationReviewEvent, DeclarationReviewStatus, declarationReviewMachine } from './declaration-review.machine.js';

/** The human steps of a declaration and who takes them (社会保险经办条例 arts. 36–38: graded approval). */
export type DeclarationStep = 'review' | 'approval' | 'supervision';

export const DECLARATION_STEPS: Record<DeclarationStep, { permission: TaskPermission; outcomes: readonly string[]; slaWorkingDays: number }> = {
  review: { permission: 'review', outcomes: ['approve', 'reject'], slaWorkingDays: 10 },
  approval: { permission: 'approve', outcomes: ['approve', 'reject', 'return'], slaWorkingDays: 5 },
  supervision: { permission: 'supervise', outcomes: ['approve', 'reject', 'return'], slaWorkingDays: 5 },
};

const STEP_OF: Partial<Record<DeclarationReviewStatus, DeclarationStep>> = { reviewing: 'review', approving: 'approval', supervising: 'supervision' };

/** The step a status waits on, or null. */
export const declarationStepOf = (status: string): DeclarationStep | null => STEP_OF[status as DeclarationReviewStatus] ?? null;

/** A decision on a step as the machine's event; `refused` when the step does not take it. */
export function declarationEventFor(step: DeclarationStep, completion: TaskCompletion, today: string): DeclarationReviewEvent | { refused: string } {
  const by = completion.actorId;
  const reason = completion.comment.trim();
  switch (completion.outcome) {
    case 'approve':
      return step === 'review' ? { type: 'REVIEWED', by } : { type: 'APPROVE', by, on: today };
    case 'reject':
      return reason === '' ? { refused: '"reject" needs a reason in comment' } : { type: 'REJECT', by, on: today, reason };
    case 'return':
      if (step === 'review') return { refused: 'the review step takes approve or reject' };
      return reason === '' ? { refused: '"return" needs a reason in comment' } : { type: 'RETURN', by, reason };
    default:
      return { refused: `step ${step} takes ${DECLARATION_STEPS[step].outcomes.join(', ')}, not "${completion.outcome}"` };
  }
}

export type DeclarationEffect = { kind: 'book' } | { kind: 'release' };

/** Keeps the machine's declared actions as typed effects (xstate built-ins and assigns dropped). */
export function toDeclarationEffects(actions: readonly ExecutableActionsFrom<typeof declarationReviewMachine>[]): DeclarationEffect[] {
  return actions.flatMap((action): DeclarationEffect[] => (action.type === 'book' || action.type === 'release' ? [{ kind: action.type }] : []));
}
