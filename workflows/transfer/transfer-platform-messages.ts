import * as wf from '@temporalio/workflow';
import type { Activities } from '../../activities/index.js';
import { toShanghaiIso } from '../../domain/case/deadline-clock.js';
import { monthOf } from '../../domain/calendar/local-date.js';
import type { ExchangeMessage } from '../../domain/transfer/exchange-message.js';
import { today } from '../human-task.js';
import { envelopeOf, type ExchangeMessageBody, informationTableOf, lastCoveredMonthOf } from './transfer-platform.js';
import type { TransferCase } from './transfer-case.js';

// The one call that leaves the agency — a message to the national platform's spool — is an ordinary activity, with a
// longer back-off than the case's own local steps.
const platform = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: ['DomainRefusal'] },
});

/** The request to the old office (role new), numbered by attempt: a re-send after the leg ran late is attempt 2, 3, … */
export async function sendRequest(c: TransferCase): Promise<void> {
  c.requestAttempts += 1;
  await sendMessage(c, {
    type: 'TRANSFER_REQUEST',
    appliedOn: c.progress.appliedOn,
    acceptedOn: c.progress.letterSentOn,
    attempt: c.requestAttempts,
  });
}

/** The information table and the money, as paid out; a re-send keeps the payment ID, so the money is booked once. */
export async function sendTransferOut(c: TransferCase): Promise<void> {
  const through = monthOf(today());
  await sendMessage(c, {
    type: 'TRANSFER_OUT',
    amounts: c.assessment.amounts ?? zeroAmounts(),
    paymentId: `${c.input.caseId}:out`,
    years: informationTableOf(c.facts.oldPeriods, through, c.input.application.fromPoolingArea),
    months: c.assessment.months ?? 0,
    lastCoveredMonth: lastCoveredMonthOf(c.facts.oldPeriods, through),
  });
}

/** A message to the counterpart through the platform's spool, in this transfer's envelope, noted on the timeline. */
export async function sendMessage(c: TransferCase, body: ExchangeMessageBody): Promise<void> {
  const message = {
    ...envelopeOf(c.input, c.counterpartReference),
    ...body,
    messageId: wf.uuid4(),
    sentAt: toShanghaiIso(Date.now()),
  } as ExchangeMessage;
  await platform.sendTransferMessage({ caseId: c.input.caseId, message });
  c.line('transfer.message.sent', { type: message.type, messageId: message.messageId });
}

/** The amounts when the assessment has none (nothing to transfer). */
export const zeroAmounts = () => ({ pooledFund: '0.00', personalAccount: '0.00' });
