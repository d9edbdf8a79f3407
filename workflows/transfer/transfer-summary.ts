import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import type { CaseDeadline } from '../../domain/case/case-projection.js';
import { computeDeadline, toShanghaiIso } from '../../domain/case/deadline-clock.js';
import type { TransferAssessment } from '../../domain/transfer/transfer-assessment.js';
import { transferOverallDeadline } from '../../domain/transfer/transfer-legs.js';
import type { TransferContext } from '../../domain/transfer/transfer.machine.js';
import type { TransferLegView, TransferProgress } from '../../domain/transfer/transfer-progress.js';
import type { ReconciliationResult } from '../../domain/transfer/transfer-reconciliation.js';
import type { TransferCase } from './transfer-case.js';
import { legViewsOf } from './transfer-leg-clock.js';
import type { TransferInput } from './transfer-messages.js';

const flag = (provisional: boolean) => (provisional ? { provisional: true } : {});

/**
 * The deadlines a transfer case shows: the clock of the leg it is in (working days from the leg's start) and, for an
 * open pension transfer, the 45-working-day bound of the whole (国办发〔2009〕66号 art. 8). Pure.
 */
export function transferDeadlines(
  calendar: readonly CalendarYear[],
  input: TransferInput,
  current: TransferLegView | undefined,
  progress: TransferProgress,
  closed: boolean,
): CaseDeadline[] {
  const list: CaseDeadline[] = [];
  if (current?.dueDate && current.from) {
    const due = computeDeadline(calendar, current.from, current.days, 'working');
    list.push({ name: current.name, dueDate: due.dueDate, dueAt: toShanghaiIso(due.dueAtMs), unit: 'working', ...flag(due.provisional) });
  }
  if (!closed && input.application.insurance === 'pension') {
    const overall = transferOverallDeadline(calendar, 'pension', progress.appliedOn, input.policy.legs);
    list.push({ name: 'overall', dueDate: overall.dueDate, dueAt: toShanghaiIso(overall.dueAtMs), unit: 'working', ...flag(overall.provisional) });
  }
  return list;
}

/** The case's `summary` in the read model: what GET /v1/transfers/{reference} and the case page read. Pure. */
export function transferSummary(s: {
  input: TransferInput;
  context: TransferContext;
  assessment: TransferAssessment;
  reconciliation: ReconciliationResult | null;
  progress: TransferProgress;
  legs: TransferLegView[];
  counterpartReference: string | null;
}): Record<string, unknown> {
  const { application: a, role, offices, platform } = s.input;
  const x = s.assessment;
  return {
    personName: a.personName,
    insurance: a.insurance,
    role,
    fromRegion: a.fromRegion,
    toRegion: a.toRegion,
    fromPoolingArea: a.fromPoolingArea,
    toPoolingArea: a.toPoolingArea,
    transferId: platform.transferId,
    counterpartReference: s.counterpartReference,
    offices,
    legs: s.legs,
    progress: s.progress,
    amounts: x.amounts,
    months: x.months,
    amountWorkings: x.amountWorkings,
    reconciliation: s.reconciliation,
    temporaryAccount: x.temporaryAccount,
    pensionPaymentPlace: x.pensionPaymentPlace,
    medicalContinuity: x.medicalContinuity,
    unemploymentCarryOver: x.unemploymentCarryOver,
    refusal: s.context.refusal,
    acceptedBy: s.context.acceptedBy,
    sentBy: s.context.sentBy,
    completedBy: s.context.completedBy,
  };
}

/** What the projection writes of a transfer now (status, version, deadlines, summary); the journal adds its lines. Pure. */
export function transferReadModel(c: TransferCase) {
  const legs = legViewsOf(c);
  const leg = c.currentLeg();
  const closed = c.life.closed();
  return {
    caseId: c.input.caseId,
    status: c.life.status(),
    version: c.life.version,
    closed,
    deadlines: transferDeadlines(
      c.calendar.years,
      c.input,
      legs.find((l) => l.name === leg),
      c.progress,
      closed,
    ),
    allowedEvents: [],
    summary: transferSummary({
      input: c.input,
      context: c.life.context,
      assessment: c.assessment,
      reconciliation: c.reconciliation,
      progress: c.progress,
      legs,
      counterpartReference: c.counterpartReference,
    }),
  };
}
