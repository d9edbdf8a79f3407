import type { CalendarYear, DeadlineUnit } from '../calendar/holiday-calendar.js';
import { computeDeadline, type ComputedDeadline } from '../case/deadline-clock.js';
import { DEFAULT_TRANSFER_LEG_POLICY, type TransferInsurance, type TransferLegPolicy } from './transfer-policy.js';

/** The steps of a transfer saga, each the job of one office. */
export type TransferLegName = 'acceptanceLetter' | 'transferOut' | 'completion' | 'load';

/** `old` = the office of fromRegion (转出地), `new` = the office of toRegion (转入地). */
export type TransferOffice = 'old' | 'new';

/** The event that starts a leg's clock. */
export type TransferLegStart = 'applied' | 'acceptanceLetterReceived' | 'relationshipReceived';

export interface TransferLegDefinition {
  name: TransferLegName;
  office: TransferOffice;
  startsOn: TransferLegStart;
  days: number;
  unit: DeadlineUnit;
  /** Statute and configuration key, for the workings and the public guide. */
  basis: string;
}

/** The dates the saga has reached; a leg whose start has not happened has no clock yet. */
export interface TransferLegEvents {
  appliedOn: string;
  /** Pension only: the old office received the new office's letter of acceptance (联系函). */
  acceptanceLetterReceivedOn?: string | null;
  /** The new office received the information table and the money. */
  relationshipReceivedOn?: string | null;
}

export interface TransferLegClock extends TransferLegDefinition {
  /** The day the clock started (not counted), or null while waiting for it. */
  from: string | null;
  dueDate: string | null;
  dueAtMs: number | null;
  /** True when a year on the way had no holiday calendar (weekends only); recomputed once it is loaded. */
  provisional: boolean;
}

const PENSION = '国办发〔2009〕66号 art. 8';
const MEDICAL = '医保办发〔2021〕43号';
const UNEMPLOYMENT = '社会保险法 art. 52; 社会保险经办条例 arts. 14–16; day counts as medical (unverified)';

/**
 * The legs of a transfer with their statutory clocks, all in working days (rules §6.1, §6.2, §9). Pension:
 * the new office sends the letter of acceptance within 15 working days of the application, the old office sends the
 * information table and the money within 15 of receiving it, the new office completes within 15 of receiving them
 * (国办发〔2009〕66号 art. 8; ≤ 45 in all). Medical: the old office transfers out within 10 working days of the
 * application, the new office loads within 5 of receipt (医保办发〔2021〕43号). Unemployment: no day counts were
 * found, so it follows the medical legs by default (configurable, unverified). Pure.
 */
export function transferLegDefinitions(insurance: TransferInsurance, policy: TransferLegPolicy = DEFAULT_TRANSFER_LEG_POLICY): TransferLegDefinition[] {
  const leg = (name: TransferLegName, office: TransferOffice, startsOn: TransferLegStart, days: number, basis: string): TransferLegDefinition => ({
    name,
    office,
    startsOn,
    days,
    unit: 'working',
    basis: `${basis}, legs.${insurance}.${name}`,
  });
  if (insurance === 'pension') {
    const days = policy.pension;
    return [
      leg('acceptanceLetter', 'new', 'applied', days.acceptanceLetter, `${PENSION} (2)`),
      leg('transferOut', 'old', 'acceptanceLetterReceived', days.transferOut, `${PENSION} (3)`),
      leg('completion', 'new', 'relationshipReceived', days.completion, `${PENSION} (4)`),
    ];
  }
  const days = policy[insurance];
  const basis = insurance === 'medical' ? MEDICAL : UNEMPLOYMENT;
  return [leg('transferOut', 'old', 'applied', days.transferOut, basis), leg('load', 'new', 'relationshipReceived', days.load, basis)];
}

/**
 * The due day of one leg counted from the day its clock started. A year without a loaded holiday calendar gives a
 * provisional deadline (weekends only), never an error (E11: 15 working days from Fri 26 Sep 2025 → Thu 23 Oct
 * 2025; from Tue 10 Feb 2026 → Mon 9 Mar 2026). Returns null when the insurance has no such leg.
 */
export function transferLegDeadline(
  calendar: readonly CalendarYear[],
  insurance: TransferInsurance,
  leg: TransferLegName,
  from: string,
  policy: TransferLegPolicy = DEFAULT_TRANSFER_LEG_POLICY,
): ComputedDeadline | null {
  const definition = transferLegDefinitions(insurance, policy).find((d) => d.name === leg);
  return definition === undefined ? null : computeDeadline(calendar, from, definition.days, definition.unit);
}

/** Every leg with its clock as far as the events go (the `legs` of GET /v1/transfers/{reference}). Pure. */
export function transferLegClocks(
  calendar: readonly CalendarYear[],
  insurance: TransferInsurance,
  events: TransferLegEvents,
  policy: TransferLegPolicy = DEFAULT_TRANSFER_LEG_POLICY,
): TransferLegClock[] {
  const startOf: Record<TransferLegStart, string | null> = {
    applied: events.appliedOn,
    acceptanceLetterReceived: events.acceptanceLetterReceivedOn ?? null,
    relationshipReceived: events.relationshipReceivedOn ?? null,
  };
  return transferLegDefinitions(insurance, policy).map((definition) => {
    const from = startOf[definition.startsOn];
    if (from === null) return { ...definition, from, dueDate: null, dueAtMs: null, provisional: false };
    const due = computeDeadline(calendar, from, definition.days, definition.unit);
    return { ...definition, from, dueDate: due.dueDate, dueAtMs: due.dueAtMs, provisional: due.provisional };
  });
}

/**
 * The latest day the whole transfer can end if every office takes its full period and each hand-over arrives the day
 * it is sent: the sum of the legs from the application (pension 15 + 15 + 15 = 45 working days, 国办发〔2009〕66号
 * art. 8). Chaining working-day periods equals one period of their sum, because each leg ends on a working day.
 */
export function transferOverallDeadline(
  calendar: readonly CalendarYear[],
  insurance: TransferInsurance,
  appliedOn: string,
  policy: TransferLegPolicy = DEFAULT_TRANSFER_LEG_POLICY,
): ComputedDeadline {
  const total = transferLegDefinitions(insurance, policy).reduce((sum, leg) => sum + leg.days, 0);
  return computeDeadline(calendar, appliedOn, total, 'working');
}
