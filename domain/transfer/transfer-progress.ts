import type { CalendarYear } from '../calendar/holiday-calendar.js';
import { transferLegClocks, type TransferLegName, type TransferOffice } from './transfer-legs.js';
import type { TransferRole } from './transfer.machine.js';
import { DEFAULT_TRANSFER_LEG_POLICY, type TransferInsurance, type TransferLegPolicy } from './transfer-policy.js';

/** The days the saga has reached; each later one is null until it happens. */
export interface TransferProgress {
  appliedOn: string;
  /** The letter of acceptance (联系函) was sent; the old office's clock starts (pension). */
  letterSentOn: string | null;
  /** The old office sent the information table and the money. */
  sentOn: string | null;
  /** The new office holds the relationship and the money; its last clock starts. */
  receivedOn: string | null;
  completedOn: string | null;
  /** The day the case ended without moving anything (refused, or a temporary account instead). */
  stoppedOn: string | null;
  /** Legs that ran past their due date and were escalated. */
  escalated: readonly TransferLegName[];
}

/**
 * Where a leg stands: `waiting` for its start, `open` within its clock, `overdue` past it (escalated), `done`,
 * `refused` (the leg in which an office refused), `cancelled` (not reached because the case stopped).
 */
export type TransferLegStatus = 'waiting' | 'open' | 'overdue' | 'done' | 'refused' | 'cancelled';

/** The office that runs a leg: a region this system serves, or the counterpart agency reached through the platform. */
export interface TransferOfficeRef {
  region: string;
  poolingArea: string;
  served: boolean;
}

export interface TransferLegView {
  name: TransferLegName;
  office: TransferOffice;
  /** The office's region (served) or pooling area (counterpart). */
  region: string;
  served: boolean;
  from: string | null;
  dueDate: string | null;
  unit: 'working' | 'calendar';
  days: number;
  provisional: boolean;
  status: TransferLegStatus;
  basis: string;
}

/** When each leg's own work was done (its end event). */
function endOf(leg: TransferLegName, role: TransferRole, p: TransferProgress): string | null {
  switch (leg) {
    case 'acceptanceLetter':
      // The counterpart sent its letter before our case began (role `old`): done from the start.
      return role === 'old' ? p.appliedOn : p.letterSentOn;
    case 'transferOut':
      // This system as the old office has done its part once it sent; otherwise the leg ends at receipt.
      return role === 'old' ? p.sentOn : p.receivedOn;
    case 'completion':
    case 'load':
      return p.completedOn;
  }
}

/**
 * Every leg of a transfer with its office, clock and state, as the person and both offices see it (GET
 * /v1/transfers/{reference}); clocks in working days over the holiday calendar (rules §6, §9). `status` is the
 * case status: a refused case marks the leg it stopped in, a temporary-account case ends after the letter. Pure.
 */
export function transferLegViews(input: {
  calendar: readonly CalendarYear[];
  insurance: TransferInsurance;
  role: TransferRole;
  status: string;
  progress: TransferProgress;
  offices: { old: TransferOfficeRef; new: TransferOfficeRef };
  policy?: TransferLegPolicy;
  /** Today, for `overdue` before an escalation was recorded. */
  today: string;
}): TransferLegView[] {
  const { progress: p, role } = input;
  const acceptanceLetterReceivedOn = role === 'old' ? p.appliedOn : p.letterSentOn;
  const relationshipReceivedOn = role === 'old' ? p.sentOn : p.receivedOn;
  const clocks = transferLegClocks(
    input.calendar,
    input.insurance,
    { appliedOn: p.appliedOn, acceptanceLetterReceivedOn, relationshipReceivedOn },
    input.policy ?? DEFAULT_TRANSFER_LEG_POLICY,
  );
  let stopped = false;
  return clocks.map((clock) => {
    const office = input.offices[clock.office];
    const end = endOf(clock.name, role, p);
    let status: TransferLegStatus;
    if (end !== null) status = 'done';
    else if (stopped || (input.status === 'temporaryAccount' && clock.name !== 'acceptanceLetter')) status = 'cancelled';
    else if (input.status === 'refused') {
      status = clock.from === null ? 'cancelled' : 'refused';
      stopped = true;
    } else if (clock.from === null) status = 'waiting';
    else status = p.escalated.includes(clock.name) || (clock.dueDate !== null && clock.dueDate < input.today) ? 'overdue' : 'open';
    return {
      name: clock.name,
      office: clock.office,
      region: office.served ? office.region : office.poolingArea,
      served: office.served,
      from: clock.from,
      dueDate: clock.dueDate,
      unit: clock.unit,
      days: clock.days,
      provisional: clock.provisional,
      status,
      basis: clock.basis,
    };
  });
}
