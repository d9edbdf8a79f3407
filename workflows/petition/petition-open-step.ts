import { daysBetween } from '../../domain/calendar/local-date.js';
import { PETITION_STEP_OUTCOMES } from '../../domain/petition/petition-decision.js';
import type { PetitionStepSpec } from '../../domain/petition/petition-steps.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { acts } from './petition-activities.js';
import type { PetitionCase } from './petition-case.js';

/** Opens the state's human step on the right body, with the statutory clock as its SLA (breach → supervisor). */
export async function openPetitionStep(c: PetitionCase, step: PetitionStepSpec): Promise<void> {
  const ctx = c.life.context;
  const { petition, policy, caseId, sensitive } = c.input;
  const region =
    step.body === 'forwardee'
      ? ctx.forwardedTo!
      : step.body === 'handling'
        ? ctx.handlingRegion
        : c.reviewBody(step.body === 'parent' ? 'review' : 'rereview')!;
  if (region !== petition.region) await acts.sharePetitionWithRegion({ caseId, region });
  c.tasks = new HumanTaskDesk({ caseId, caseType: 'petition', region }, c.calendar, acts);
  c.spec = step;
  const due = step.clock ? c.clockDue(step.clock) : undefined;
  const preparedBy =
    step.step === 'extension'
      ? (ctx.extension?.requestedBy ?? null)
      : step.step === 'review'
        ? (ctx.opinion?.issuedBy ?? null)
        : step.step === 'rereview'
          ? (ctx.review?.issuedBy ?? null)
          : null;
  await c.tasks.open({
    step: step.step,
    permission: step.permission,
    // The remaining statutory days; a task reopened after an extension decision keeps the original clock.
    slaDays: due
      ? Math.max(1, due.due.unit === 'calendar' ? daysBetween(today(), due.due.dueDate) : policy.transferObjectionWorkingDays)
      : policy.extensionDecisionWorkingDays,
    slaUnit: due?.due.unit ?? 'working',
    priority: sensitive ? 1 : 0,
    preparedBy, // four eyes: the extension's requester, or the author of the opinion under review
    accusedStaff: petition.accusedStaff, // 信访工作条例 art. 36 para. 3: never shown to the accused, down to the task
    outcomes: PETITION_STEP_OUTCOMES[step.step],
  });
}
