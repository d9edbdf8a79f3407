import { loadCalendarYears } from '../../db/queries/calendar.query.js';
import { caseSubjectOf, caseTimeline, findCase, type TimelineItem } from '../../db/queries/case.query.js';
import { transferLedgerOf, type TransferLedgerLine } from '../../db/queries/transfer.query.js';
import { HolidayCalendar } from '../../domain/calendar/holiday-calendar.js';
import { maskCitizenId } from '../../domain/identity/masking.js';
import type { TransferLegStatus, TransferLegView } from '../../domain/transfer/transfer-progress.js';
import type { TransferAmounts } from '../../domain/transfer/transfer-reconciliation.js';
import { may, visibleOrNotFound } from '../authorization.js';
import { temporaryAccountOfCase, type TemporaryAccountView } from './collect-temporary-account.js';
import type { CommandContext } from '../command-context.js';

/** One leg as the person and both offices read it, with the working days left counted today. */
export interface TransferLegDTO {
  name: string;
  office: 'old' | 'new';
  region: string;
  /** False for a leg the counterpart agency runs (reached through the national platform). */
  served: boolean;
  dueDate: string | null;
  unit: 'working' | 'calendar';
  /** Working days from today to the due date; negative once it has passed; null before the leg starts or after it ends. */
  daysLeft: number | null;
  provisional: boolean;
  status: TransferLegStatus;
}

export interface TransferDTO {
  reference: string;
  caseId: string;
  status: string;
  insurance: string;
  citizenId: string | null;
  personName: string | null;
  fromRegion: string;
  toRegion: string;
  fromPoolingArea: string | null;
  toPoolingArea: string | null;
  legs: TransferLegDTO[];
  /** What moves; null until known (a counterpart old office has not sent its information table yet). */
  amounts: TransferAmounts | null;
  months: number | null;
  amountWorkings: string[];
  reconciliation: { balanced: boolean; differences: unknown[] } | null;
  pensionPaymentPlace?: { paymentPlace: string; rule: string; workings: string[] } | null;
  temporaryAccount?: { temporaryAccount: boolean; rule: string; workings: string[] } | null;
  /** Pension: the temporary contribution account the case opened, with its months and amounts, and its collection. */
  temporaryPensionAccount?: TemporaryAccountView | null;
  medicalContinuity?: Record<string, unknown> | null;
  unemploymentCarryOver?: Record<string, unknown> | null;
  refusal: { office: string; reason: string } | null;
  ledger: Omit<TransferLedgerLine, 'messageId'>[];
  timeline: TimelineItem[];
}

const STAFF = new Set(['caseworker', 'reviewer', 'supervisor', 'auditor', 'admin']);

/**
 * GET /v1/transfers/{reference}: the transfer as the person and the staff of both offices see it — each leg with its
 * office, due date, working days left and state, the amounts and their reconciliation, where the pension will be paid.
 * Anyone else, and an unknown reference, gets the same 404.
 */
export async function readTransfer(ctx: CommandContext, reference: string): Promise<TransferDTO> {
  const found = await findCase(ctx.em, reference);
  const row = visibleOrNotFound(ctx, found?.type === 'transfer' ? found : null, 'Case', caseSubjectOf, {
    code: 'CASE_NOT_FOUND',
    message: `No transfer ${reference}`,
  });
  const s = row.summary as Record<string, unknown> & { legs?: TransferLegView[]; insurance?: string; fromRegion?: string; toRegion?: string };
  const calendar = new HolidayCalendar(await loadCalendarYears(ctx.em));
  const today = ctx.clock.today();
  const legs = (s.legs ?? []).map((leg): TransferLegDTO => {
    const running = leg.status === 'open' || leg.status === 'overdue';
    const late = running && leg.dueDate !== null && leg.dueDate < today;
    const daysLeft = running && leg.dueDate !== null ? calendar.workingDaysBetween(today, leg.dueDate) : null;
    return {
      name: leg.name,
      office: leg.office,
      region: leg.region,
      served: leg.served,
      dueDate: leg.dueDate,
      unit: leg.unit,
      daysLeft,
      provisional: leg.provisional,
      status: late ? 'overdue' : leg.status,
    };
  });
  const unmasked = may(ctx, 'readUnmasked', 'Case', caseSubjectOf(row));
  const staff = STAFF.has(ctx.actor.role);
  const pick = <T>(key: string) => (key in s ? (s[key] as T) : undefined);
  const refusal = pick<{ office: string; reason: string } | null>('refusal') ?? null;
  const [ledger, timeline, account] = await Promise.all([
    transferLedgerOf(ctx.em, row.caseId),
    caseTimeline(ctx.em, row.caseId),
    s.insurance === 'pension' ? temporaryAccountOfCase(ctx.em.fork(), row.caseId, today) : null,
  ]);
  return {
    reference: row.reference,
    caseId: row.caseId,
    status: row.status,
    insurance: s.insurance ?? '',
    citizenId: row.citizenId === null ? null : unmasked ? row.citizenId : maskCitizenId(row.citizenId),
    personName: row.subjectName,
    fromRegion: s.fromRegion ?? '',
    toRegion: s.toRegion ?? '',
    fromPoolingArea: pick<string>('fromPoolingArea') ?? null,
    toPoolingArea: pick<string>('toPoolingArea') ?? null,
    legs,
    amounts: pick<TransferAmounts | null>('amounts') ?? null,
    months: pick<number | null>('months') ?? null,
    amountWorkings: pick<string[]>('amountWorkings') ?? [],
    reconciliation: pick<{ balanced: boolean; differences: unknown[] } | null>('reconciliation') ?? null,
    ...(s.insurance === 'pension'
      ? { pensionPaymentPlace: pick('pensionPaymentPlace') ?? null, temporaryAccount: pick('temporaryAccount') ?? null, temporaryPensionAccount: account }
      : {}),
    ...(s.insurance === 'medical' ? { medicalContinuity: pick('medicalContinuity') ?? null } : {}),
    ...(s.insurance === 'unemployment' ? { unemploymentCarryOver: pick('unemploymentCarryOver') ?? null } : {}),
    refusal: refusal ? { office: refusal.office, reason: refusal.reason } : null,
    ledger: ledger.map(({ messageId: _messageId, ...line }) => line),
    // Staff names stay with staff (as on the case page); the person sees what happened and when.
    timeline: timeline.map((item) => ({ ...item, actor: staff || item.actor === 'system' || item.actor === ctx.actor.id ? item.actor : 'agency' })),
  };
}
