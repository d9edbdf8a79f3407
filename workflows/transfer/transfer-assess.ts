import { monthOf } from '../../domain/calendar/local-date.js';
import { assessTransfer, type TransferAssessment } from '../../domain/transfer/transfer-assessment.js';
import { today } from '../human-task.js';
import type { TransferCase } from './transfer-case.js';

/**
 * Amounts, continuity and carried-over months (domain/transfer/transfer-assessment.ts) from what the case knows now:
 * the facts read at the start, the counterpart's information table once it arrived, and the new area's records
 * (after the hand-over, the record the new place now holds).
 */
export function assessNow(c: Pick<TransferCase, 'input' | 'facts' | 'counterpart'>, newAreaRecords = c.facts.newAreaRecords): TransferAssessment {
  const { application, role, policy } = c.input;
  return assessTransfer({
    application,
    role,
    policy,
    throughMonth: monthOf(today()),
    hukouRegion: c.facts.person?.hukouRegion ?? null,
    oldPeriods: role === 'new' ? null : c.facts.oldPeriods,
    ...(role !== 'new' && c.facts.oldCredits && { oldCredits: c.facts.oldCredits }),
    counterpart: c.counterpart,
    pensionSpans: c.facts.pensionSpans,
    newAreaRecords,
    ...(c.input.accountInterest && { accountInterest: c.input.accountInterest }),
  });
}
