import type { EntityManager } from '@mikro-orm/postgresql';
import type { BackPaymentMonth } from '../../domain/declarations/back-payment.js';
import {
  BACK_PAYMENT_POLICY_KEY,
  backPaymentPolicyInForce,
  type BackPaymentPolicy,
  type BackPaymentPolicyVersion,
} from '../../domain/declarations/back-payment-policy.js';
import type { BackPaymentEvidence } from '../../domain/declarations/back-payment-evidence.js';
import { periodRange } from '../../domain/payroll/payroll-month.js';
import type { SupervisionHit } from '../../domain/supervision/supervision-policy.js';
import type { BackPaymentStatus } from '../entities/back-payment.entity.js';

/**
 * The back-payment policy in force on `date` (`backPayment.policy` setting: dated versions over the defaults), with
 * the late-fee rule of the contribution policy given (the statutory 0.05 % a day unless changed there).
 */
export async function loadBackPaymentPolicy(em: EntityManager, date: string, lateFee?: BackPaymentPolicy['lateFee']): Promise<BackPaymentPolicy> {
  const [row] = await em.execute<{ value: { versions?: BackPaymentPolicyVersion[] } }[]>('select value from setting where key = ?', [BACK_PAYMENT_POLICY_KEY]);
  const policy = backPaymentPolicyInForce(row?.value?.versions ?? [], date);
  return lateFee === undefined ? policy : { ...policy, lateFee };
}

/**
 * The months of `from`–`to` the person already has a record for, in any of `insuranceTypes`: covered by an insurance
 * record (any employer, any region), or on a wage declaration's line. A back-payment of any of them is refused
 * (MONTH_ALREADY_RECORDED): 无记录补缴 is for months without one.
 */
export async function recordedMonthsOf(em: EntityManager, citizenId: string, insuranceTypes: readonly string[], from: string, to: string): Promise<string[]> {
  const records = await em.execute<{ start_month: string; end_month: string | null }[]>(
    `select start_month, end_month from insurance_record
      where citizen_id = ? and insurance_type in (?) and start_month <= ? and (end_month is null or end_month >= ?)`,
    [citizenId, insuranceTypes, to, from],
  );
  const declared = await em.execute<{ period: string }[]>(
    `select distinct d.period from contribution_line cl join declaration d on d.id = cl.declaration_id
      where cl.citizen_id = ? and d.period between ? and ?`,
    [citizenId, from, to],
  );
  const months = new Set(declared.map((d) => d.period));
  for (const r of records) {
    const start = r.start_month > from ? r.start_month : from;
    const end = r.end_month === null || r.end_month > to ? to : r.end_month;
    for (const m of periodRange(start, end)) months.add(m);
  }
  return [...months].sort();
}

/** Months of `from`–`to` another back-payment of the person holds, with that back-payment's reference. */
export async function heldBackPaymentMonths(
  em: EntityManager,
  citizenId: string,
  from: string,
  to: string,
  exceptCase: string,
): Promise<{ month: string; reference: string }[]> {
  return em.execute(
    `select h.month, b.reference from back_payment_month h join back_payment b on b.case_id = h.case_id
      where h.citizen_id = ? and h.month between ? and ? and h.case_id <> ? order by h.month`,
    [citizenId, from, to, exceptCase],
  );
}

export interface BackPaymentRow {
  caseId: string;
  reference: string;
  region: string;
  employerCreditCode: string;
  citizenId: string;
  from: string;
  to: string;
  insuranceTypes: string[];
  months: BackPaymentMonth[];
  totals: Record<string, string>;
  workings: string[];
  evidence: BackPaymentEvidence[];
  supervisionHit: SupervisionHit | null;
  status: BackPaymentStatus;
  appliedOn: string;
  billedAt: string | null;
  /** The approved bill's own due date; null until approved. */
  paymentDueOn: string | null;
  /** Whether the months bear the late fee before `paymentDueOn` (chargeLateFee on the approval day). */
  chargeLateFee: boolean;
  paidAt: string | null;
}

type Raw = {
  case_id: string;
  reference: string;
  region: string;
  employer_credit_code: string;
  citizen_id: string;
  from_month: string;
  to_month: string;
  insurance_types: string[];
  months: BackPaymentMonth[];
  totals: Record<string, string>;
  workings: string[];
  evidence: BackPaymentEvidence[];
  supervision_hit: SupervisionHit | null;
  status: BackPaymentStatus;
  applied_on: string;
  billed_at: Date | null;
  payment_due_on: string | null;
  charge_late_fee: boolean;
  paid_at: Date | null;
};

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

const COLUMNS = `case_id, reference, region, employer_credit_code, citizen_id, from_month, to_month, insurance_types, months, totals, workings,
  evidence, supervision_hit, status, to_char(applied_on, 'YYYY-MM-DD') as applied_on, billed_at,
  to_char(payment_due_on, 'YYYY-MM-DD') as payment_due_on, charge_late_fee, paid_at`;

const toRow = (r: Raw): BackPaymentRow => ({
  caseId: r.case_id,
  reference: r.reference,
  region: r.region,
  employerCreditCode: r.employer_credit_code,
  citizenId: r.citizen_id,
  from: r.from_month,
  to: r.to_month,
  insuranceTypes: r.insurance_types,
  months: r.months,
  totals: r.totals,
  workings: r.workings,
  evidence: r.evidence,
  supervisionHit: r.supervision_hit,
  status: r.status,
  appliedOn: r.applied_on,
  billedAt: iso(r.billed_at),
  paymentDueOn: r.payment_due_on,
  chargeLateFee: r.charge_late_fee,
  paidAt: iso(r.paid_at),
});

/** The back-payment of a case, or null. */
export async function findBackPayment(em: EntityManager, caseId: string): Promise<BackPaymentRow | null> {
  const [row] = await em.execute<Raw[]>(`select ${COLUMNS} from back_payment where case_id = ?`, [caseId]);
  return row ? toRow(row) : null;
}

/** The employer's billed back-payments not yet paid (the ones a payment may settle), oldest first. */
export async function billedBackPaymentsOf(em: EntityManager, employer: string): Promise<BackPaymentRow[]> {
  const rows = await em.execute<Raw[]>(`select ${COLUMNS} from back_payment where employer_credit_code = ? and status = 'billed' order by billed_at`, [
    employer,
  ]);
  return rows.map(toRow);
}
