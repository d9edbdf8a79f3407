import type { CalendarYear } from '../../domain/calendar/holiday-calendar.js';

/**
 * What starts a 医疗帐户补助金 declaration (POST /v1/account-subsidy-declarations). The persons and their credits are
 * rows of account_subsidy_line written with the case (a list can be long, and ID numbers stay out of the history);
 * the workflow carries the figures the reviewers decide on.
 */
export interface AccountSubsidyInput {
  caseId: string;
  reference: string;
  region: string;
  ruleId: string;
  period: string;
  /** The rule's local document, quoted on the case. */
  basis: string;
  declaredOn: string;
  persons: number;
  total: string;
  /** A hash of the request as sent: the same Idempotency-Key with another body is refused. */
  requestHash: string;
  declaredBy: { id: string; role: string };
  /** The employer that declared it, or null when the agency did. */
  employerCreditCode: string | null;
  /** The holiday calendar on the declaration day, for the review SLAs. */
  calendar: CalendarYear[];
}
