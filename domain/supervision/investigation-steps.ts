import { DomainError } from '../errors.js';
import type { TaskCompletion, TaskPermission } from '../task.js';
import type { InvestigationEvent, InvestigationStatus } from './investigation.machine.js';
import { type FraudPenaltyPolicy, fraudPenalty } from './penalty.js';

/** The human steps of an investigation: a supervisor assigns, the investigator finds, a second supervisor closes. */
export type InvestigationStep = 'assign' | 'findings' | 'close';

export const INVESTIGATION_STEPS: Record<InvestigationStep, { permission: TaskPermission; outcomes: readonly string[]; slaWorkingDays: number }> = {
  assign: { permission: 'supervise', outcomes: ['assign'], slaWorkingDays: 3 },
  findings: { permission: 'supervise', outcomes: ['fraudFound', 'noFraud'], slaWorkingDays: 20 },
  close: { permission: 'supervise', outcomes: ['approve', 'return'], slaWorkingDays: 5 },
};

const STEP_OF: Record<InvestigationStatus, InvestigationStep | null> = { assigning: 'assign', investigating: 'findings', closing: 'close', closed: null };

/** The step a status waits on, or null. */
export const investigationStepOf = (status: string): InvestigationStep | null => STEP_OF[status as InvestigationStatus] ?? null;

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/**
 * A decision on a step as the machine's event; `refused` when the step does not take it. Findings of fraud need
 * `data.amount` (the money obtained) and `data.multiple` (the fine's multiple, within the policy's 2–5 ×); the fine is
 * computed here with `fraudPenalty`, so the case keeps its workings. Pure.
 */
export function investigationEventFor(
  step: InvestigationStep,
  completion: TaskCompletion,
  today: string,
  policy: FraudPenaltyPolicy,
): InvestigationEvent | { refused: string } {
  const by = completion.actorId;
  const reason = completion.comment.trim();
  const { outcome, data } = completion;
  if (!INVESTIGATION_STEPS[step].outcomes.includes(outcome)) {
    return { refused: `step ${step} takes ${INVESTIGATION_STEPS[step].outcomes.join(', ')}, not "${outcome}"` };
  }
  switch (outcome) {
    case 'assign': {
      const investigatorId = text(data.investigatorId);
      return investigatorId === null
        ? { refused: '"assign" needs data.investigatorId, the staff member who investigates' }
        : { type: 'ASSIGN', by, investigatorId };
    }
    case 'noFraud':
      return reason === ''
        ? { refused: '"noFraud" needs the grounds in comment' }
        : { type: 'FINDINGS', findings: { fraud: false, by, on: today, reason, penalty: null } };
    case 'fraudFound': {
      if (reason === '') return { refused: '"fraudFound" needs the grounds in comment' };
      const amount = text(data.amount);
      const multiple = text(data.multiple);
      if (amount === null || multiple === null) return { refused: '"fraudFound" needs data.amount (obtained) and data.multiple (2–5)' };
      try {
        return { type: 'FINDINGS', findings: { fraud: true, by, on: today, reason, penalty: fraudPenalty(amount, multiple, policy) } };
      } catch (error) {
        if (error instanceof DomainError) return { refused: `data.${error.path ?? 'amount'}: ${error.message}` };
        throw error;
      }
    }
    case 'approve':
      return { type: 'CLOSE', by, on: today };
    default:
      return reason === '' ? { refused: '"return" needs a reason in comment' } : { type: 'RETURN', by, reason };
  }
}
