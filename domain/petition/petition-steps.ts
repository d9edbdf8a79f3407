import type { TaskPermission } from '../task.js';
import type { PetitionClock } from './petition-clocks.js';
import type { PetitionStep } from './petition-decision.js';
import type { PetitionStatus } from './petition.machine.js';

export interface PetitionStepSpec {
  step: PetitionStep;
  /** Which body decides: the one holding the petition, the forwardee, or one or two levels up (arts. 23, 35, 36). */
  body: 'handling' | 'forwardee' | 'parent' | 'grandparent';
  permission: TaskPermission;
  /** The statutory clock the task's SLA is, so breaching it escalates to the supervisor; null for an internal SLA. */
  clock: PetitionClock | null;
}

/**
 * The human step each status waits on (rules §7), or null when the case waits on the petitioner or is over.
 * Sensitive petitions are decided at `approve` level (reviewers and supervisors), never by front-line caseworkers.
 */
export function petitionStepOf(status: PetitionStatus, sensitive: boolean): PetitionStepSpec | null {
  const handlingPermission: TaskPermission = sensitive ? 'approve' : 'review';
  switch (status) {
    case 'registered':
      return { step: 'acceptance', body: 'handling', permission: handlingPermission, clock: 'acceptanceDecision' };
    case 'forwarded':
      return { step: 'transferReceipt', body: 'forwardee', permission: handlingPermission, clock: 'transferObjection' };
    case 'inProgress':
      return { step: 'handling', body: 'handling', permission: handlingPermission, clock: 'handling' };
    case 'extensionRequested':
      return { step: 'extension', body: 'handling', permission: 'supervise', clock: null };
    case 'reviewRequested':
      return { step: 'review', body: 'parent', permission: handlingPermission, clock: 'reviewOpinion' };
    case 'rereviewRequested':
      return { step: 'rereview', body: 'grandparent', permission: handlingPermission, clock: 'rereviewOpinion' };
    default:
      return null;
  }
}
