import { monthOf } from '../calendar/local-date.js';
import { parseMonthAt, parseRegionAt } from './transfer-input.js';
import { DEFAULT_TRANSFER_ELIGIBILITY_POLICY, type TransferEligibilityPolicy, type TransferInsurance } from './transfer-policy.js';

/** Why a transfer cannot start — business outcomes, returned as data (a 422 with this code at the API). */
export type TransferRefusalCode = 'DRAWING_PENSION' | 'SAME_POOLING_AREA' | 'NOT_INSURED_IN_NEW_AREA' | 'TRANSFER_ALREADY_OPEN';

/** Work the receiving office must do after the transfer, which does not stop it. */
export type TransferFollowUpCode = 'CLEAR_DUPLICATE_RELATIONSHIPS';

export interface TransferRefusal {
  code: TransferRefusalCode;
  reason: string;
}

export interface TransferFollowUp {
  code: TransferFollowUpCode;
  reason: string;
}

/** Facts read from the database for one person and one insurance. */
export interface TransferFacts {
  insurance: TransferInsurance;
  /** The day of the application. */
  appliedOn: string;
  /** The person already draws an employee basic pension. */
  drawingPension: boolean;
  fromPoolingArea: string;
  toPoolingArea: string;
  /** Since when the person is insured and paying in the new area for this insurance ('YYYY-MM'), or null. */
  insuredInNewArea: { since: string } | null;
  /** The reference of a transfer of the same insurance that is still open for the person, or null. */
  openTransferReference: string | null;
  /** Pension only: other pooling areas where an employee pension relationship is still active (§2). */
  otherActivePensionRelationships?: readonly string[];
}

export interface TransferEligibility {
  eligible: boolean;
  refusals: TransferRefusal[];
  followUps: TransferFollowUp[];
}

/**
 * Whether a transfer may start (rules §6, §2), with every refusal at once so the applicant can fix them
 * together: a pension drawer is not transferred (国办发〔2009〕66号 art. 2); two regions of one pooling area are never
 * a transfer — a change of employer there is a leaver plus a hire; a pension transfer needs the person insured and
 * paying in the new area first (art. 8 (1)) — in the month of the application at the latest; a second open transfer
 * of the same insurance is refused. Other active pension relationships do not stop a transfer: the receiving office
 * transfers first and clears the duplicates afterwards (先转后清, 人社部规〔2016〕5号 §5). Pure.
 * @throws DomainError INVALID_REGION_CODE / INVALID_DATE for malformed facts (a bug upstream, not a refusal).
 */
export function checkTransferEligibility(facts: TransferFacts, policy: TransferEligibilityPolicy = DEFAULT_TRANSFER_ELIGIBILITY_POLICY): TransferEligibility {
  const from = parseRegionAt(facts.fromPoolingArea, 'fromPoolingArea');
  const to = parseRegionAt(facts.toPoolingArea, 'toPoolingArea');
  const applied = parseMonthAt(monthOf(facts.appliedOn), 'appliedOn');
  const refusals: TransferRefusal[] = [];
  const followUps: TransferFollowUp[] = [];

  if (facts.drawingPension && policy.drawingPensionRefuses.includes(facts.insurance)) {
    refusals.push({
      code: 'DRAWING_PENSION',
      reason: 'the person already draws a basic pension; a pension relationship is not transferred after retirement (国办发〔2009〕66号 art. 2)',
    });
  }
  if (from === to) {
    refusals.push({
      code: 'SAME_POOLING_AREA',
      reason: `both regions are in pooling area ${from}: a change of employer there is a leaver plus a hire, not a transfer`,
    });
  }
  if (policy.insuredInNewAreaRequiredFor.includes(facts.insurance)) {
    const since = facts.insuredInNewArea === null ? null : parseMonthAt(facts.insuredInNewArea.since, 'insuredInNewArea.since');
    if (since === null || since > applied) {
      refusals.push({
        code: 'NOT_INSURED_IN_NEW_AREA',
        reason:
          since === null
            ? `the person is not yet insured and paying in ${to}; enrol there first (国办发〔2009〕66号 art. 8 (1))`
            : `the person is insured in ${to} only from ${facts.insuredInNewArea?.since ?? ''}, after the application month (国办发〔2009〕66号 art. 8 (1))`,
      });
    }
  }
  if (facts.openTransferReference !== null) {
    refusals.push({
      code: 'TRANSFER_ALREADY_OPEN',
      reason: `transfer ${facts.openTransferReference} of the ${facts.insurance} relationship is still open; one transfer at a time`,
    });
  }
  const duplicates = facts.insurance === 'pension' ? (facts.otherActivePensionRelationships ?? []) : [];
  if (duplicates.length > 0) {
    duplicates.forEach((area, i) => parseRegionAt(area, `otherActivePensionRelationships[${i}]`));
    followUps.push({
      code: 'CLEAR_DUPLICATE_RELATIONSHIPS',
      reason:
        `other active pension relationships in ${duplicates.join(', ')}: transfer first, then the receiving office clears them ` +
        '(先转后清; one person, one relationship — 人社部发〔2009〕187号 §3, 人社部规〔2016〕5号 §5)',
    });
  }
  return { eligible: refusals.length === 0, refusals, followUps };
}
