import type { TaskCompletion } from '../task.js';
import type { EnrollmentEvent } from './enrollment.machine.js';

/** Outcomes the enrollment review step accepts. */
export const REVIEW_OUTCOMES = ['approve', 'reject', 'return'] as const;

/** Turns a review decision into a lifecycle event, or says why the review step cannot take it. */
export function enrollmentEventFor(completion: TaskCompletion): EnrollmentEvent | { refused: string } {
  const reason = completion.comment.trim();
  switch (completion.outcome) {
    case 'approve':
      return { type: 'APPROVE', officerId: completion.actorId };
    case 'reject':
      return reason ? { type: 'REJECT', officerId: completion.actorId, reason } : { refused: 'a rejection needs a reason in comment' };
    case 'return':
      return reason ? { type: 'RETURN', officerId: completion.actorId, reason } : { refused: 'a return for correction must say what to correct in comment' };
    default:
      return { refused: `the review step takes ${REVIEW_OUTCOMES.join(', ')}, not "${completion.outcome}"` };
  }
}
