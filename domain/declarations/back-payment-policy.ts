import { DEADLINE_UNITS, type DatedDeadline, type DeadlineUnit, type HolidayCalendar } from '../calendar/holiday-calendar.js';
import { compareDates, isIsoDate } from '../calendar/local-date.js';
import { DEFAULT_LATE_FEE_POLICY, type LateFeePolicy } from '../contribution/late-fee.js';
import { DomainError, type InputIssue } from '../errors.js';
import { datedVersionsIssues, type FigureCheck } from '../settings/dated-versions.js';

/** A legal document that can justify a long back-payment (人社厅发〔2019〕94号, rules §6.1). */
export interface LegalDocument {
  kind: 'court' | 'arbitration' | 'labourInspection' | 'audit';
  reference: string;
  issuedOn: string;
}

export interface BackPaymentPolicy {
  /**
   * A one-off back-payment of this many months or more needs the legal documents that existed before it, or else a
   * supervisor and a fund-supervision flag: ≥ 3 years (人社厅发〔2019〕94号, §6.1 ◐; §8 detection rule ✔).
   */
  supervisionThresholdMonths: number;
  /** The late fee on each month from its due date: 0.05 % a day (社会保险法 art. 86, §4 ✔). */
  lateFee: LateFeePolicy;
  /** Whether late fees are charged on back-payments at all; some places waive them for individuals. Default on. */
  chargeLateFee: boolean;
  /**
   * How long an approved back-payment bill may be paid before the arrears sweep chases it: `paymentDueDays` in
   * `paymentDueUnit` from the approval day, the day itself not counted, a calendar-day period ending on a rest day
   * moving to the next working day (民法典 arts. 201–203, rules §9). Local practice, unverified: 15 calendar days.
   */
  paymentDueDays: number;
  paymentDueUnit: DeadlineUnit;
}

export const DEFAULT_BACK_PAYMENT_POLICY: BackPaymentPolicy = {
  supervisionThresholdMonths: 36,
  lateFee: DEFAULT_LATE_FEE_POLICY,
  chargeLateFee: true,
  paymentDueDays: 15,
  paymentDueUnit: 'calendar',
};

/** The `setting` row that holds the dated changes of the back-payment policy (docs/declarations.md). */
export const BACK_PAYMENT_POLICY_KEY = 'backPayment.policy';

/** The figures a dated version may change; the late-fee rate stays the statutory one (`contribution.policy`). */
export type BackPaymentPolicyVersion = {
  effectiveFrom: string;
  source?: string;
} & Partial<Pick<BackPaymentPolicy, 'supervisionThresholdMonths' | 'chargeLateFee' | 'paymentDueDays' | 'paymentDueUnit'>>;

type VersionFigure = 'supervisionThresholdMonths' | 'chargeLateFee' | 'paymentDueDays' | 'paymentDueUnit';

/**
 * The policy in force on `date` (modelling principle 1: every parameter is dated): the defaults with every version
 * that started on or before `date` laid over them in date order, so a later version keeps what it leaves out. Pure.
 * @throws DomainError INVALID_DATE for a malformed date.
 */
export function backPaymentPolicyInForce(
  versions: readonly BackPaymentPolicyVersion[],
  date: string,
  defaults: BackPaymentPolicy = DEFAULT_BACK_PAYMENT_POLICY,
): BackPaymentPolicy {
  if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`);
  const started = versions.filter((v) => compareDates(v.effectiveFrom, date) <= 0).sort((a, b) => compareDates(a.effectiveFrom, b.effectiveFrom));
  const policy: BackPaymentPolicy = { ...defaults };
  for (const v of started) {
    if (v.supervisionThresholdMonths !== undefined) policy.supervisionThresholdMonths = v.supervisionThresholdMonths;
    if (v.chargeLateFee !== undefined) policy.chargeLateFee = v.chargeLateFee;
    if (v.paymentDueDays !== undefined) policy.paymentDueDays = v.paymentDueDays;
    if (v.paymentDueUnit !== undefined) policy.paymentDueUnit = v.paymentDueUnit;
  }
  return policy;
}

/**
 * Refuses (each field named under `value`) a `backPayment.policy` that is not `{ versions: [{ effectiveFrom, source?,
 * supervisionThresholdMonths?, chargeLateFee?, paymentDueDays?, paymentDueUnit? }] }`: a threshold and a period are
 * whole numbers ≥ 1, the unit `working` or `calendar`, a flag true or false, every key known. Pure.
 */
export function backPaymentPolicyIssues(value: unknown): InputIssue[] {
  const period: FigureCheck = (v) => (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 999 ? 'must be a whole number from 1 to 999' : null);
  const figures: Record<VersionFigure, FigureCheck> = {
    supervisionThresholdMonths: period,
    chargeLateFee: (v) => (typeof v !== 'boolean' ? 'must be true or false' : null),
    paymentDueDays: period,
    paymentDueUnit: (v) => (!(DEADLINE_UNITS as readonly unknown[]).includes(v) ? `must be one of ${DEADLINE_UNITS.join(', ')}` : null),
  };
  return datedVersionsIssues(value, figures);
}

/**
 * The day an approved back-payment bill falls due (rules §9): `paymentDueDays` of `paymentDueUnit` after the approval
 * day — 15 calendar days from 2026-09-20 is 2026-10-08 (the 5th, in the National Day holiday, rolls to the first
 * working day after it). Provisional when a year on the way has no holiday table loaded. Pure.
 */
export function backPaymentDueOn(
  approvedOn: string,
  policy: Pick<BackPaymentPolicy, 'paymentDueDays' | 'paymentDueUnit'>,
  calendar: HolidayCalendar,
): DatedDeadline {
  return calendar.deadlineOf(approvedOn, policy.paymentDueDays, policy.paymentDueUnit);
}

export interface SupervisionCheck {
  needsSupervisor: boolean;
  /** The documents that count: issued on or before the back-payment date. */
  validDocuments: LegalDocument[];
  reason: string;
}

/**
 * Whether a back-payment needs a supervisor and raises a fund-supervision flag: it covers at least the threshold
 * (default 36 months) and no court, arbitration, labour-inspection or audit document issued on or before the
 * back-payment date supports it — documents made afterwards do not count (人社厅发〔2019〕94号; §8 detection rule
 * "back-payment ≥ 3 years without prior legal documents"). Pure.
 */
export function backPaymentSupervision(
  months: number,
  documents: readonly LegalDocument[],
  backPaymentDate: string,
  policy: Pick<BackPaymentPolicy, 'supervisionThresholdMonths'> = DEFAULT_BACK_PAYMENT_POLICY,
): SupervisionCheck {
  const threshold = policy.supervisionThresholdMonths;
  const validDocuments = documents.filter((d) => compareDates(d.issuedOn, backPaymentDate) <= 0);
  if (months < threshold) {
    return {
      needsSupervisor: false,
      validDocuments,
      reason: `${months} months < ${threshold} (supervisionThresholdMonths)`,
    };
  }
  if (validDocuments.length > 0) {
    const refs = validDocuments.map((d) => `${d.kind} ${d.reference} of ${d.issuedOn}`).join(', ');
    return { needsSupervisor: false, validDocuments, reason: `${months} months ≥ ${threshold}, supported by ${refs}` };
  }
  const late = documents.length > 0 ? ` (${documents.length} document(s) issued after ${backPaymentDate} do not count)` : '';
  return {
    needsSupervisor: true,
    validDocuments,
    reason: `${months} months ≥ ${threshold} without a prior legal document${late} (人社厅发〔2019〕94号)`,
  };
}
