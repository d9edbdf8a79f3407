/**
 * Stable, machine-readable error codes. Each becomes `code` in an RFC 9457 problem+json answer; the API maps
 * every code to an HTTP status in one exhaustive table (api/errors.ts), so a new code does not compile until mapped.
 */
export const DOMAIN_ERROR_CODES = [
  // 400: input a command refuses before anything is written, naming the field (`path`) — the same answer a schema
  // miss gets; for checks the schema cannot make (a date after the business day, a field the caller's role implies)
  'VALIDATION_FAILED',
  // 404: unknown, or not visible to the caller (same answer for both so IDs cannot be probed)
  'CASE_NOT_FOUND',
  'TASK_NOT_FOUND',
  // a whistle-blowing petition's task asked for by the staff member it accuses: as unknown to them as any other
  'ACCUSED_STAFF',
  'REGION_NOT_FOUND',
  'EMPLOYER_NOT_FOUND',
  'PARAMETERS_NOT_FOUND',
  'PERSON_NOT_FOUND',
  'ATTACHMENT_NOT_FOUND',
  // an overpayment recovery (追回) unknown or not the caller's to see
  'RECOVERY_NOT_FOUND',
  'DOCUMENT_NOT_FOUND',
  'STAFF_LINK_NOT_FOUND',
  // 409: conflicts
  'TASK_ALREADY_CLAIMED',
  'TASK_NOT_CLAIMED',
  'TASK_ALREADY_DECIDED',
  'EMPLOYER_EXISTS',
  'STALE_VERSION',
  'NOT_ALLOWED_NOW',
  // a second open benefit claim for the same person, type and event (docs/api.md "Benefit claims")
  'CLAIM_ALREADY_OPEN',
  // 403: known but not allowed
  'FOUR_EYES',
  'NOT_TASK_HOLDER',
  'FORBIDDEN',
  // graded approval: preparer, reviewer and approver are three people (社会保险经办条例 arts. 36–38)
  'SAME_PERSON_AT_TWO_TIERS',
  // 422: well-formed but refused by a business rule
  'OUTCOME_NOT_ALLOWED',
  'INVALID_AMOUNT',
  'CURRENCY_MISMATCH',
  'INVALID_CITIZEN_ID',
  'INVALID_CREDIT_CODE',
  'INVALID_REGION_CODE',
  'INVALID_DATE',
  'CALENDAR_NOT_LOADED',
  'ENROLLMENT_REFUSED',
  'EMPLOYER_INACTIVE',
  'NOT_INSURED',
  'REVIEW_WINDOW_CLOSED',
  // transfers (转移接续, rules §6): refused at the door, nothing written
  'DRAWING_PENSION',
  'SAME_POOLING_AREA',
  'NOT_INSURED_IN_NEW_AREA',
  'NOT_INSURED_IN_OLD_AREA',
  'TRANSFER_ALREADY_OPEN',
  // a re-assessment asked for after the 15 days (工伤保险条例 art. 26)
  'REASSESSMENT_OUT_OF_TIME',
  // a client's Idempotency-Key sent again with a different request: the first one stands, the second is not booked
  'IDEMPOTENCY_KEY_REUSED',
  // grass-roots declarations (基层申报, rules §5.6): a person not on the category's list, an invoice used before
  'NOT_ELIGIBLE',
  'DUPLICATE_INVOICE',
  'UNKNOWN_HOSPITAL',
  // a 医疗帐户补助金 credit already booked (or declared) for the same person, rule and period
  'ALREADY_CREDITED',
  // 无记录补缴 (rules §3, §6.1): a month that already has a record (or another back-payment), a month after this one,
  // a span with a month the region has no parameters for
  'MONTH_ALREADY_RECORDED',
  'FUTURE_MONTH',
  'NO_PARAMETERS',
  // 个人账户支付 (rules §5.6): the personal medical account holds less than the amount to pay
  'INSUFFICIENT_BALANCE',
  // 503: the case cannot take a decision for a moment (its worker is restarting); the same request again is applied once
  'CASE_UNAVAILABLE',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(DOMAIN_ERROR_CODES);

/** True for a string that is one of the codes (e.g. an ApplicationFailure type a workflow validator threw). */
export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/**
 * Why something is refused, as a value: the place that decides (a CASL rule, a workflow validator, a command) says it
 * once, and it travels unchanged to the HTTP problem (api/errors.ts maps each code to one status). Nothing downstream
 * reads the words to find the code.
 */
export interface Refusal {
  code: DomainErrorCode;
  reason: string;
}

/** An expected refusal with a stable code. `details` must never carry personal data (it is logged and returned). */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options?: { cause?: unknown; path?: string; issues?: readonly InputIssue[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.path = options?.path;
    this.issues = options?.issues;
  }
  /** The request field the refusal is about, e.g. `person.citizenId`; becomes `errors[0].path`. */
  readonly path: string | undefined;
  /** Every field at fault, when there are several (a roster with bad rows); becomes `errors`. */
  readonly issues: readonly InputIssue[] | undefined;
}

/** A field that can never be right, with why: `{ path: 'person.citizenId', message: 'the birth date is in the future' }`. */
export interface InputIssue {
  path: string;
  message: string;
}

/** Input refused as a whole (400 VALIDATION_FAILED), naming every field at fault; nothing is written. */
export function invalidInput(issues: readonly InputIssue[]): DomainError {
  const first = issues[0];
  const summary = issues.length === 1 && first ? `Invalid request: ${first.path} ${first.message}` : `Invalid request: ${issues.length} fields are wrong`;
  return new DomainError('VALIDATION_FAILED', summary, { issues, path: first?.path });
}

/** The refusal as an error, for code paths that stop at the first refusal. */
export function refused(refusal: Refusal, options?: { cause?: unknown; path?: string }): DomainError {
  return new DomainError(refusal.code, refusal.reason, options);
}
