import type { TaskCompletion, TaskPermission } from '../task.js';
import type { TransferLegName, TransferOffice } from './transfer-legs.js';
import type { TransferEvent } from './transfer.machine.js';

/** What each human step of a transfer asks for: the office that decides, the permission and the outcomes it takes. */
export const TRANSFER_STEPS: Record<TransferLegName, { office: TransferOffice; permission: TaskPermission; outcomes: readonly string[] }> = {
  // 国办发〔2009〕66号 art. 8 (2): the new office accepts (and sends the letter of acceptance) or explains a refusal.
  acceptanceLetter: { office: 'new', permission: 'review', outcomes: ['approve', 'reject'] },
  // art. 8 (3); 医保办发〔2021〕43号: the old office sends the information table and the money, or says why it cannot.
  transferOut: { office: 'old', permission: 'review', outcomes: ['approve', 'reject'] },
  // art. 8 (4): the new office completes once it holds the relationship and the money, and informs the person.
  completion: { office: 'new', permission: 'review', outcomes: ['approve'] },
  // 医保办发〔2021〕43号: the new office loads the relationship and credits the balance.
  load: { office: 'new', permission: 'review', outcomes: ['approve'] },
};

/** Step → outcomes, for the case page and the presenter (api/presenters/step-outcomes.ts). */
export const TRANSFER_STEP_OUTCOMES: Record<TransferLegName, readonly string[]> = Object.fromEntries(
  Object.entries(TRANSFER_STEPS).map(([step, spec]) => [step, spec.outcomes]),
) as Record<TransferLegName, readonly string[]>;

/**
 * Turns a decision on a transfer task into a lifecycle event, or says why the step cannot take it: the new office
 * approves the application (the letter of acceptance goes out) or refuses it with the reason in writing (国办发〔2009〕
 * 66号 art. 8 (2)); the old office sends (approve) or refuses with the reason; the new office completes. Pure.
 */
export function transferEventFor(completion: TaskCompletion, step: TransferLegName): TransferEvent | { refused: string } {
  const reason = completion.comment.trim();
  const by = completion.actorId;
  switch (`${step}:${completion.outcome}`) {
    case 'acceptanceLetter:approve':
      return { type: 'ACCEPT', officerId: by };
    case 'acceptanceLetter:reject':
      return reason
        ? { type: 'REFUSE', office: 'new', by, reason }
        : { refused: 'a refusal must give the reason in writing in comment (国办发〔2009〕66号 art. 8 (2))' };
    case 'transferOut:approve':
      return { type: 'SENT', officerId: by };
    case 'transferOut:reject':
      return reason ? { type: 'REFUSE', office: 'old', by, reason } : { refused: 'a refusal must give the reason in comment' };
    case 'completion:approve':
    case 'load:approve':
      return { type: 'COMPLETE', by };
    default:
      return { refused: `step ${step} takes ${TRANSFER_STEPS[step].outcomes.join(', ')}, not "${completion.outcome}"` };
  }
}
