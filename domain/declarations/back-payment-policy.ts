import { compareDates } from '../calendar/local-date.js';
import { DEFAULT_LATE_FEE_POLICY, type LateFeePolicy } from '../contribution/late-fee.js';

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
}

export const DEFAULT_BACK_PAYMENT_POLICY: BackPaymentPolicy = {
  supervisionThresholdMonths: 36,
  lateFee: DEFAULT_LATE_FEE_POLICY,
  chargeLateFee: true,
};

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
