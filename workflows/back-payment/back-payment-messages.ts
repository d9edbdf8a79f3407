import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';
import type { BackPaymentAssessment } from '../../domain/declarations/back-payment-summary.js';

/** What starts a back-payment for months without a record (POST /v1/back-payments). */
export interface BackPaymentInput {
  caseId: string;
  reference: string;
  region: string;
  employerCreditCode: string;
  citizenId: string;
  appliedOn: string;
  from: string;
  to: string;
  insuranceTypes: string[];
  assessment: BackPaymentAssessment;
  /** The evidence of the labour relation filed with it (POST /v1/attachments), with each document's kind. */
  evidence: { attachmentId: string; kind: string }[];
  appliedBy: { id: string; role: string };
  /** The holiday calendar on the application day, for the review SLAs (a loaded year later recounts them). */
  calendar: CalendarYear[];
}
