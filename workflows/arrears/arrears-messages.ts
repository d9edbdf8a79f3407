import * as wf from '@temporalio/workflow';
import type { ArrearsCaseStart } from '../../domain/arrears/arrears-case.js';
import type { ArrearsContext } from '../../domain/arrears/arrears.machine.js';
import type { CaseView } from '../messages.js';

export type ArrearsInput = ArrearsCaseStart & {
  /** Set when the case continues as new: the lifecycle and clocks it had. */
  resume?: {
    value: string;
    context: ArrearsContext;
    orderDue: string | null;
    transferDue: string | null;
    version: number;
    /** When the last order was issued and the periods it covered (cases under the 2026-12 rules). */
    orderIssuedOn?: string | null;
    orderedPeriods?: string[];
    rules2026?: boolean;
  };
};

/** Overdue periods joining the employer's open case (later periods join it). */
export const arrearsPeriodsJoined = wf.defineSignal<[{ periods: string[] }]>('arrearsPeriodsJoined');
/** A payment was booked for the employer: recompute and settle what is paid. */
export const arrearsPaymentReceived = wf.defineSignal<[{ paymentId: string }]>('arrearsPaymentReceived');
/** The employer (or staff for it) asks for a hardship deferral (rules §4 (b)); a supervisor decides. */
export const requestArrearsDeferral = wf.defineUpdate<CaseView, [{ until: string; reason: string; actorId: string }]>('requestArrearsDeferral');
