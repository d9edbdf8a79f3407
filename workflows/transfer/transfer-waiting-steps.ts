import { TRANSFER_STEPS } from '../../domain/transfer/transfer-decision.js';
import type { TransferLegName } from '../../domain/transfer/transfer-legs.js';
import { localSteps as acts } from '../local-steps.js';
import type { TransferCase } from './transfer-case.js';
import { sendRequest, sendTransferOut, zeroAmounts } from './transfer-platform-messages.js';

/**
 * The steps a transfer takes while a leg waits without a task of its own (workflows/transfer.workflow.ts decides
 * when): the money looked for, a late leg escalated once, the counterpart asked again.
 */

/** A leg ran past its due date without its answer: once on the timeline of both offices, and the person is told. */
export async function escalateLeg(c: TransferCase, leg: TransferLegName): Promise<void> {
  if (c.progress.escalated.includes(leg)) return;
  const office = c.input.offices[TRANSFER_STEPS[leg].office];
  const { caseId } = c.input;
  const region = office.served ? office.region : office.poolingArea;
  await acts.escalateTransferLeg({ caseId, leg, region, key: `${caseId}:escalated:${leg}`, detail: { served: office.served } });
  c.progress.escalated.push(leg);
  c.notify('transfer_delayed', { leg });
  c.life.version += 1;
}

/** Asks the counterpart again once its leg is overdue: the request (role new) or the transfer-out (role old). */
export async function chaseCounterpart(c: TransferCase): Promise<void> {
  if (c.input.role === 'new') await sendRequest(c);
  else if (c.input.role === 'old') await sendTransferOut(c);
  c.life.version += 1;
}

/** Looks for the money the old office paid out (both offices served here); true once it arrived and was reconciled. */
export async function collectFunds(c: TransferCase): Promise<boolean> {
  const { caseId, reference, application: a } = c.input;
  const calculated = c.assessment.amounts ?? zeroAmounts();
  const result = await acts.collectTransferFunds({ caseId, reference, insurance: a.insurance, poolingArea: a.toPoolingArea, calculated });
  if (!result.arrived) return false;
  c.reconciliation = result.reconciliation;
  c.line('transfer.funds.received', { reconciled: result.reconciliation?.balanced ?? null });
  c.send({ type: 'RECEIVED' });
  return true;
}
