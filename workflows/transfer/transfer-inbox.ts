import type { ExchangeMessage } from '../../domain/transfer/exchange-message.js';
import { localSteps as acts } from '../local-steps.js';
import { assessNow } from './transfer-assess.js';
import type { TransferCase } from './transfer-case.js';

/** Handles what the platform brought, oldest first; anything that does not fit the case now is noted and ignored. */
export async function absorbMessages(c: TransferCase): Promise<void> {
  for (let message = c.inbox.shift(); message; message = c.inbox.shift()) {
    const { caseId } = c.input;
    c.journal.line(`${caseId}:message:${message.messageId}`, 'transfer.message.received', { type: message.type, messageId: message.messageId }, 'counterpart');
    if (!(await handle(c, message))) {
      c.journal.line(`${caseId}:ignored:${message.messageId}`, 'transfer.message.ignored', { type: message.type, status: c.life.status() });
    }
    c.life.version += 1;
  }
}

/**
 * One counterpart message: the transfer-out with its money (role new, booked as received), a refusal (the leg's task
 * cancelled, the case stops) or the new office's completion (role old). False when it does not fit the case now.
 */
async function handle(c: TransferCase, message: ExchangeMessage): Promise<boolean> {
  const { role, application: a, caseId, reference } = c.input;
  if (message.transferId !== c.input.platform.transferId || message.insurance !== a.insurance) return false;
  c.counterpartReference ??= message.from.reference;
  const status = c.life.status();
  if (message.type === 'TRANSFER_OUT' && role === 'new' && status === 'transferOut') {
    const receipt = await acts.bookTransferReceipt({
      caseId,
      reference,
      insurance: a.insurance,
      fromPoolingArea: a.fromPoolingArea,
      toPoolingArea: a.toPoolingArea,
      messageId: message.messageId,
      amounts: message.amounts,
    });
    c.reconciliation = receipt.reconciliation;
    c.progress.sentOn = message.sentAt.slice(0, 10);
    c.counterpart = { amounts: message.amounts, years: message.years, months: message.months, lastCoveredMonth: message.lastCoveredMonth };
    c.assessment = assessNow(c);
    c.send({ type: 'RECEIVED' });
    return true;
  }
  if (message.type === 'TRANSFER_REFUSED' && (status === 'transferOut' || (role === 'new' && status === 'acceptanceLetter'))) {
    if (c.desk) await c.desk.cancel(`refused by the counterpart: ${message.reason}`);
    c.desk = null;
    c.send({ type: 'REFUSE', office: role === 'new' ? 'old' : 'new', by: 'counterpart', reason: message.reason });
    return true;
  }
  if (message.type === 'TRANSFER_COMPLETED' && role === 'old' && status === 'completion') {
    c.send({ type: 'COMPLETE', by: 'counterpart' });
    return true;
  }
  return false;
}
