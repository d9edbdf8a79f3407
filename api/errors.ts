// One place that turns every thrown error into problem+json (docs/api.md, Errors).
import { ForbiddenError } from '@casl/ability';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError, type DomainErrorCode } from '../domain/errors.js';
import { AuthenticationError } from './auth/authentication-error.js';
import type { AppEnv } from './env.js';
import { redactPersonalIds } from './middleware/access-log.js';
import { problem, type FieldIssue } from './problem.js';

/** Input that does not match a route's schema; answered as 400 VALIDATION_FAILED with one entry per field. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly issues: FieldIssue[]) {
    super(
      issues.length === 1 && issues[0] !== undefined
        ? `Invalid request: ${issues[0].path || 'the request'} ${issues[0].message}`
        : `Invalid request: ${issues.length} fields do not match the schema`,
    );
  }
}

/** Every domain code's HTTP status; a new code does not compile until it is mapped here. */
export const statusFor = {
  VALIDATION_FAILED: 400,
  CASE_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  ACCUSED_STAFF: 404,
  REGION_NOT_FOUND: 404,
  EMPLOYER_NOT_FOUND: 404,
  PARAMETERS_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  ATTACHMENT_NOT_FOUND: 404,
  RECOVERY_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  STAFF_LINK_NOT_FOUND: 404,
  TASK_ALREADY_CLAIMED: 409,
  TASK_NOT_CLAIMED: 409,
  TASK_ALREADY_DECIDED: 409,
  EMPLOYER_EXISTS: 409,
  STALE_VERSION: 409,
  NOT_ALLOWED_NOW: 409,
  CASE_UNAVAILABLE: 503,
  CLAIM_ALREADY_OPEN: 409,
  FOUR_EYES: 403,
  NOT_TASK_HOLDER: 403,
  FORBIDDEN: 403,
  SAME_PERSON_AT_TWO_TIERS: 403,
  OUTCOME_NOT_ALLOWED: 422,
  INVALID_AMOUNT: 422,
  CURRENCY_MISMATCH: 422,
  INVALID_CITIZEN_ID: 422,
  INVALID_CREDIT_CODE: 422,
  INVALID_REGION_CODE: 422,
  INVALID_DATE: 422,
  CALENDAR_NOT_LOADED: 422,
  ENROLLMENT_REFUSED: 422,
  EMPLOYER_INACTIVE: 422,
  NOT_INSURED: 422,
  REVIEW_WINDOW_CLOSED: 422,
  DRAWING_PENSION: 422,
  SAME_POOLING_AREA: 422,
  NOT_INSURED_IN_NEW_AREA: 422,
  NOT_INSURED_IN_OLD_AREA: 422,
  TRANSFER_ALREADY_OPEN: 422,
  REASSESSMENT_OUT_OF_TIME: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  NOT_ELIGIBLE: 422,
  DUPLICATE_INVOICE: 422,
  MONTH_ALREADY_RECORDED: 422,
  FUTURE_MONTH: 422,
  NO_PARAMETERS: 422,
  UNKNOWN_HOSPITAL: 422,
  ALREADY_CREDITED: 422,
  INSUFFICIENT_BALANCE: 422,
} as const satisfies Record<DomainErrorCode, ContentfulStatusCode>;

/** Error codes for HTTP-level refusals that hono raises itself (malformed body, wrong media type, …). */
const httpCodes: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

const defaultLog = (line: string) => console.error(line);

/**
 * `app.onError` handler. Expected refusals keep their code and message; anything else is a bug and answers 500 with
 * the request id only, while the log line gets the error without personal ID numbers.
 */
export function toErrorResponse(err: Error, c: Context<AppEnv>, log: (line: string) => void = defaultLog): Response {
  if (err instanceof ValidationError) return problem(c, 400, 'VALIDATION_FAILED', err.message, { errors: err.issues });
  if (err instanceof AuthenticationError) {
    c.header('WWW-Authenticate', err.challenge);
    return problem(c, 401, err.code, err.message);
  }
  // CASL puts the rule's .because() reason in the message ("four-eyes: you prepared this decision").
  if (err instanceof ForbiddenError) return problem(c, 403, 'FORBIDDEN', err.message);
  if (err instanceof DomainError) {
    const issues = err.issues ?? (err.path === undefined ? undefined : [{ path: err.path, message: err.message }]);
    const extra = issues === undefined ? {} : { errors: [...issues] };
    // A case that is recovering answers within seconds: say when to send the same request again.
    if (err.code === 'CASE_UNAVAILABLE') c.header('Retry-After', '2');
    return problem(c, statusFor[err.code], err.code, err.message, extra);
  }
  if (err instanceof HTTPException) {
    // hono's JSON validator raises this for an unparsable body; clients need to tell it apart from a schema miss.
    if (err.status === 400 && err.message.startsWith('Malformed JSON')) {
      return problem(c, 400, 'MALFORMED_JSON', 'The request body is not valid JSON');
    }
    return problem(c, err.status, httpCodes[err.status] ?? `HTTP_${err.status}`, err.message || 'Request refused');
  }

  const requestId = c.get('requestId');
  log(
    JSON.stringify({
      level: 'error',
      msg: 'unhandled error',
      requestId,
      method: c.req.method,
      path: redactPersonalIds(c.req.path),
      error: err.name,
      message: redactPersonalIds(err.message),
      stack: err.stack === undefined ? undefined : redactPersonalIds(err.stack),
      // A Temporal failure says what happened in its cause (an Update's handler failure, a timeout): keep the chain.
      ...(err.cause !== undefined && { causes: causesOf(err.cause) }),
    }),
  );
  return problem(c, 500, 'INTERNAL', `Request ${requestId} failed; this is a bug and has been logged`);
}

/** The cause chain of an error (at most five deep) as `Name (type): message` lines, ID numbers redacted. */
function causesOf(cause: unknown): string[] {
  const lines: string[] = [];
  for (let at: unknown = cause; at instanceof Error && lines.length < 5; at = at.cause) {
    const type = (at as { type?: unknown }).type;
    lines.push(redactPersonalIds(`${at.name}${typeof type === 'string' ? ` (${type})` : ''}: ${at.message}`));
  }
  return lines;
}
