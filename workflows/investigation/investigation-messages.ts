import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import type { FraudPenaltyPolicy } from '../../domain/supervision/penalty.js';
import type { ControlName } from '../../domain/supervision/supervision-policy.js';

/** What starts an investigation (稽核调查): the supervision hit that opened it (services/supervision/raise-hits.ts). */
export interface InvestigationInput {
  caseId: string;
  reference: string;
  region: string;
  hit: {
    control: ControlName;
    subjectKey: string;
    reason: string;
    /** The amount the control saw at stake (paid after a death, …), when it knows one. */
    amount: string | null;
    /** The case the matter came from (the claim, the declaration …), when there is one. */
    sourceCaseId: string | null;
    foundOn: string;
  };
  /** The fine range in force when the case opened (社会保险法 art. 88). */
  penaltyPolicy: FraudPenaltyPolicy;
  calendar: CalendarYear[];
}
