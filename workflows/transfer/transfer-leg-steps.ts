import { monthOf } from '../../domain/calendar/local-date.js';
import { TRANSFER_STEPS } from '../../domain/transfer/transfer-decision.js';
import type { TransferEffect, TransferStage } from '../../domain/transfer/transfer-effects.js';
import { transferLegDefinitions, type TransferLegName } from '../../domain/transfer/transfer-legs.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { localSteps as acts } from '../local-steps.js';
import { assessNow } from './transfer-assess.js';
import type { TransferCase } from './transfer-case.js';
import { sendMessage, sendRequest, sendTransferOut, zeroAmounts } from './transfer-platform-messages.js';

/** Roles that file for themselves or their employer; anyone else filing is staff preparing the case. */
const APPLICANT_ROLES = new Set(['citizen', 'employer']);

/**
 * The steps a transfer's lifecycle asks for (domain/transfer/transfer-effects.ts): a leg opened (a task for an office
 * served here, a request to a counterpart otherwise), the money paid out, the relationship handed over, a temporary
 * account opened, the legs closed on a refusal.
 */
export async function runTransferEffect(c: TransferCase, effect: TransferEffect): Promise<void> {
  switch (effect.kind) {
    case 'notify':
      return c.notify(effect.notice);
    case 'openLeg':
      return openLeg(c, effect.leg);
    case 'payOut':
      return payOut(c);
    case 'collectFunds':
      return; // the process waits in inTransit and looks for the money (workflows/transfer.workflow.ts)
    case 'completeRelationship':
      return completeRelationship(c);
    case 'openTemporaryAccount':
      return openTemporaryAccount(c);
    case 'closeLegs':
      return closeLegs(c);
  }
}

async function openLeg(c: TransferCase, stage: TransferStage): Promise<void> {
  const { application: a, submittedBy, policy } = c.input;
  const leg: TransferLegName = stage === 'completion' && a.insurance !== 'pension' ? 'load' : stage;
  const step = TRANSFER_STEPS[leg];
  const office = c.input.offices[step.office];
  c.line('transfer.leg.opened', { leg, office: step.office, region: office.served ? office.region : office.poolingArea, served: office.served });
  if (!office.served) {
    // The counterpart runs this leg: the request goes out with the leg (role new), the transfer-out went with the pay-out.
    if (leg === 'transferOut') await sendRequest(c);
    return;
  }
  const days = transferLegDefinitions(a.insurance, policy.legs).find((d) => d.name === leg)!.days;
  c.desk = new HumanTaskDesk({ caseId: c.input.caseId, caseType: 'transfer', region: office.region }, c.calendar, acts);
  await c.desk.open({
    step: leg,
    permission: step.permission,
    slaDays: days,
    slaUnit: 'working',
    priority: c.progress.escalated.length > 0 ? 1 : 0,
    // Four eyes (docs/architecture.md "Tasks: the human part"): staff who filed the application at the counter do not also accept it.
    preparedBy: leg === 'acceptanceLetter' && !APPLICANT_ROLES.has(submittedBy.role) ? submittedBy.id : null,
    outcomes: step.outcomes,
  });
}

async function payOut(c: TransferCase): Promise<void> {
  const { caseId, reference, application: a, role } = c.input;
  const amounts = c.assessment.amounts ?? zeroAmounts();
  await acts.bookTransferOut({
    caseId,
    reference,
    insurance: a.insurance,
    poolingArea: a.fromPoolingArea,
    amounts,
    sentBy: c.life.context.sentBy ?? 'system',
  });
  c.progress.sentOn = today();
  c.line('transfer.paidOut', { ...amounts, poolingArea: a.fromPoolingArea });
  if (role === 'old') await sendTransferOut(c);
}

async function completeRelationship(c: TransferCase): Promise<void> {
  const { caseId, application: a, role } = c.input;
  const takeOverMonth = monthOf(today());
  const result = await acts.completeTransferRelationship({
    caseId,
    citizenId: a.citizenId,
    insurance: a.insurance,
    endIn: role === 'new' ? null : a.fromPoolingArea,
    takeOverIn: role === 'old' ? null : { poolingArea: a.toPoolingArea, region: a.toRegion },
    takeOverMonth,
    decidedBy: c.life.context.completedBy ?? 'system',
  });
  c.progress.completedOn = today();
  // Continuity and carried-over months count from the record the new place now holds.
  if (result.newRecord) c.assessment = assessNow(c, [{ insurance: a.insurance, startMonth: result.newRecord.startMonth }]);
  c.line('transfer.handedOver', { takeOverMonth, movedRecords: result.movedRecords, endedRecords: result.endedRecords, newRecord: result.newRecord });
  if (role === 'new') await sendMessage(c, { type: 'TRANSFER_COMPLETED', completedOn: today() });
}

async function openTemporaryAccount(c: TransferCase): Promise<void> {
  const { caseId, application: a } = c.input;
  await acts.openTemporaryAccount({
    caseId,
    citizenId: a.citizenId,
    region: a.toRegion,
    poolingArea: a.toPoolingArea,
    keptInPoolingArea: a.fromPoolingArea,
    openedOn: today(),
    decidedBy: c.life.context.acceptedBy ?? 'system',
  });
  c.progress.stoppedOn = today();
}

async function closeLegs(c: TransferCase): Promise<void> {
  if (c.desk) await c.desk.cancel('transfer refused');
  c.desk = null;
  const refusal = c.life.context.refusal;
  // Our office refused what the counterpart asked for: it is told why, in writing. (As the new office we refuse
  // before any request went out, so there is nobody to tell.)
  if (refusal !== null && refusal.by !== 'counterpart' && c.input.role === 'old') await sendMessage(c, { type: 'TRANSFER_REFUSED', reason: refusal.reason });
}
