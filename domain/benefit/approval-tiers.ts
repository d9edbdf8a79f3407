import { Money } from '../money.js';
import { amountInput } from './benefit-arithmetic.js';

/** The tiers after preparation: every decision is reviewed; a large one is also approved by a supervisor. */
export type ApprovalTier = 'review' | 'supervisorApproval';

/**
 * When a supervisor must approve as well (社会保险经办条例 arts. 36–38: graded approval of high-risk operations,
 * rules §8). The thresholds are local practice — suggested defaults, unverified.
 */
export interface ApprovalThresholds {
  /** One-off amounts of a decision added together above this need a supervisor: "50000.00". */
  oneOffAbove: string;
  /** Monthly amounts of a decision added together above this need a supervisor: "10000.00". */
  monthlyAbove: string;
}

export const DEFAULT_APPROVAL_THRESHOLDS: ApprovalThresholds = { oneOffAbove: '50000.00', monthlyAbove: '10000.00' };

/** The amounts a decision grants, as decimal strings. They are added up per kind, so splitting cannot avoid a tier. */
export interface DecisionAmounts {
  oneOff?: readonly string[];
  monthly?: readonly string[];
}

/** Who acted so far; null or absent for a tier not done yet. */
export interface ApprovalRecord {
  preparedBy: string;
  reviewedBy?: string | null;
  approvedBy?: string | null;
}

export type ApprovalRefusalCode = 'SAME_PERSON_AT_TWO_TIERS' | 'TIER_NOT_REQUIRED' | 'TIER_ALREADY_DONE' | 'REVIEW_NOT_DONE';

export type ApprovalPermission = { allowed: true } | { allowed: false; refusals: { code: ApprovalRefusalCode; reason: string }[] };

/**
 * The tiers a decision needs: ['review'], or ['review', 'supervisorApproval'] when its one-off amounts together or
 * its monthly amounts together are above the thresholds (strictly above). Pure.
 * @throws DomainError INVALID_AMOUNT for malformed amounts or thresholds.
 */
export function requiredTiers(
  amounts: DecisionAmounts,
  thresholds: ApprovalThresholds = DEFAULT_APPROVAL_THRESHOLDS,
): {
  tiers: ApprovalTier[];
  workings: string[];
} {
  const oneOff = Money.sum((amounts.oneOff ?? []).map((a, i) => amountInput(a, `oneOff[${i}]`)));
  const monthly = Money.sum((amounts.monthly ?? []).map((a, i) => amountInput(a, `monthly[${i}]`)));
  const oneOffLimit = amountInput(thresholds.oneOffAbove, 'approval.oneOffAbove');
  const monthlyLimit = amountInput(thresholds.monthlyAbove, 'approval.monthlyAbove');
  const high = oneOff.compare(oneOffLimit) > 0 || monthly.compare(monthlyLimit) > 0;
  const workings = [
    `one-off ${oneOff.toString()} vs threshold ${oneOffLimit.toString()}; monthly ${monthly.toString()} vs threshold ${monthlyLimit.toString()} ` +
      `→ ${high ? 'review and supervisor approval' : 'review only'} (configuration approval.oneOffAbove / monthlyAbove)`,
  ];
  return { tiers: high ? ['review', 'supervisorApproval'] : ['review'], workings };
}

/** The tiers still to be done, in order. Pure. */
export function pendingTiers(amounts: DecisionAmounts, record: ApprovalRecord, thresholds: ApprovalThresholds = DEFAULT_APPROVAL_THRESHOLDS): ApprovalTier[] {
  return requiredTiers(amounts, thresholds).tiers.filter((tier) => actorAt(record, tier) === null);
}

function actorAt(record: ApprovalRecord, tier: ApprovalTier): string | null {
  return (tier === 'review' ? record.reviewedBy : record.approvedBy) ?? null;
}

/**
 * Separation of duties (社会保险经办条例 arts. 36–38 internal control; rules §8 maker-checker): whether `actorId` may act at `tier`
 * now. Nobody acts at two tiers (preparer, reviewer, approver are three people when all three are needed); a tier
 * must be required and not done yet; supervisor approval comes after review. Role checks are the permission
 * layer's; this is the rule about people. Refusals are data. Pure.
 */
export function mayActAt(
  actorId: string,
  tier: ApprovalTier,
  amounts: DecisionAmounts,
  record: ApprovalRecord,
  thresholds: ApprovalThresholds = DEFAULT_APPROVAL_THRESHOLDS,
): ApprovalPermission {
  const refusals: { code: ApprovalRefusalCode; reason: string }[] = [];
  const required = requiredTiers(amounts, thresholds).tiers;
  if (!required.includes(tier)) {
    refusals.push({
      code: 'TIER_NOT_REQUIRED',
      reason: `this decision does not need ${tier}: its amounts are within the thresholds`,
    });
  } else if (actorAt(record, tier) !== null) {
    refusals.push({ code: 'TIER_ALREADY_DONE', reason: `${tier} was already done by ${actorAt(record, tier)}` });
  } else if (tier === 'supervisorApproval' && actorAt(record, 'review') === null) {
    refusals.push({ code: 'REVIEW_NOT_DONE', reason: 'supervisor approval comes after the review' });
  }
  const acted: [string, string | null][] = [
    ['prepared', record.preparedBy],
    ['reviewed', actorAt(record, 'review')],
    ['approved', actorAt(record, 'supervisorApproval')],
  ];
  const own = acted.filter(([, who]) => who === actorId).map(([what]) => what);
  if (own.length > 0) {
    refusals.push({
      code: 'SAME_PERSON_AT_TWO_TIERS',
      reason: `${actorId} already ${own.join(' and ')} this decision; another person must act at ${tier}`,
    });
  }
  return refusals.length === 0 ? { allowed: true } : { allowed: false, refusals };
}
