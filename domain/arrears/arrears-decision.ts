import { Decimal } from 'decimal.js';
import { addDays, addMonths, compareDates, daysBetween, isIsoDate } from '../calendar/local-date.js';
import type { Money } from '../money.js';
import type { TaskCompletion, TaskPermission } from '../task.js';
import type { ArrearsStep } from './arrears-effects.js';
import type { ArrearsEvent, Deferral } from './arrears.machine.js';
import type { ContributionPolicy } from './arrears-policy.js';

/** What each human step of an arrears case asks for: who decides and which outcomes it takes. */
export const ARREARS_STEPS: Record<ArrearsStep, { permission: TaskPermission; outcomes: readonly string[] }> = {
  proposeFine: { permission: 'review', outcomes: ['propose'] },
  approveFine: { permission: 'approve', outcomes: ['approve', 'return'] },
  bankInquiry: { permission: 'review', outcomes: ['fundsFound', 'noFunds'] },
  enforcement: { permission: 'approve', outcomes: ['transfer', 'guarantee', 'court'] },
  deferralReview: { permission: 'supervise', outcomes: ['approve', 'reject'] },
};

export interface DecisionFacts {
  step: ArrearsStep;
  /** Unpaid principal the fine is a multiple of (社会保险法 art. 86). */
  arrears: Money;
  today: string;
  policy: ContributionPolicy;
}

/**
 * Turns a decision on an arrears task into a lifecycle event, or says why the step cannot take it. The fine is
 * 1–3 × the arrears (社会保险法 art. 86, rules §4, E2: 8 000 → 8 000–24 000): the proposer gives the multiple
 * in `data.multiple`; the amount is computed, never typed. A guarantee agreement needs `data.until` (its last day)
 * and `data.instalments`. Pure.
 */
export function arrearsEventFor(completion: TaskCompletion, facts: DecisionFacts): ArrearsEvent | { refused: string } {
  const reason = completion.comment.trim();
  const by = completion.actorId;
  const data = completion.data;
  switch (`${facts.step}:${completion.outcome}`) {
    case 'proposeFine:propose': {
      const multiple = typeof data.multiple === 'string' ? data.multiple : typeof data.multiple === 'number' ? String(data.multiple) : '';
      if (!/^\d(\.\d{1,2})?$/.test(multiple)) return { refused: 'data.multiple must be the fine as a multiple of the arrears, e.g. "1.5"' };
      const m = new Decimal(multiple);
      if (m.lessThan(facts.policy.fineMinMultiple) || m.greaterThan(facts.policy.fineMaxMultiple)) {
        return { refused: `the fine must be ${facts.policy.fineMinMultiple}–${facts.policy.fineMaxMultiple} × the arrears (社会保险法 art. 86)` };
      }
      return { type: 'FINE_PROPOSED', proposal: { multiple, amount: facts.arrears.applyRate(multiple, 'HALF_UP_FEN').toString(), proposedBy: by } };
    }
    case 'approveFine:approve':
      return { type: 'FINE_APPROVED', officerId: by };
    case 'approveFine:return':
      return reason ? { type: 'FINE_RETURNED', officerId: by, reason } : { refused: 'a return must say why in comment' };
    case 'bankInquiry:fundsFound':
      return { type: 'FUNDS_FOUND', officerId: by };
    case 'bankInquiry:noFunds':
      return { type: 'NO_FUNDS', officerId: by };
    case 'enforcement:transfer':
      return { type: 'TRANSFER_DECIDED', officerId: by };
    case 'enforcement:court':
      return { type: 'COURT_APPLIED', officerId: by };
    case 'enforcement:guarantee': {
      const until = typeof data.until === 'string' ? data.until : '';
      const instalments = typeof data.instalments === 'number' ? data.instalments : 1;
      if (!isIsoDate(until) || daysBetween(facts.today, until) < 1)
        return { refused: 'data.until must be the last day of the deferred-payment agreement, after today' };
      if (!Number.isInteger(instalments) || instalments < 1 || instalments > 36) return { refused: 'data.instalments must be 1–36' };
      return {
        type: 'GUARANTEE_AGREED',
        officerId: by,
        deferral: {
          kind: 'guarantee',
          from: addDays(facts.today, 1),
          until,
          reason: reason || 'deferred-payment agreement with guarantee (art. 63)',
          instalments,
        },
      };
    }
    case 'deferralReview:approve':
      return { type: 'DEFERRAL_APPROVED', officerId: by };
    case 'deferralReview:reject':
      return reason ? { type: 'DEFERRAL_REFUSED', officerId: by, reason } : { refused: 'a refusal must say why in comment' };
    default:
      return { refused: `step ${facts.step} takes ${ARREARS_STEPS[facts.step].outcomes.join(', ')}, not "${completion.outcome}"` };
  }
}

/**
 * A hardship deferral request (rules §4 (b)): "normally no more than one year" from tomorrow, with a reason.
 * With `hardshipMaxMonths` (the default, 12) the year is a calendar one: asked on 2027-06-01, it may run to 2028-06-01
 * (366 days, as 2028 has a 29 February) and not a day longer — the period ends on the corresponding day of the last
 * month, or that month's last day (民法典 arts. 201–202). A policy without it (cases started before it existed) keeps
 * the day count `hardshipMaxDays`. Returns the deferral or the reason it is refused. Pure.
 */
export function hardshipDeferral(
  request: { until: string; reason: string },
  today: string,
  policy: ContributionPolicy,
): { deferral: Deferral } | { refused: string } {
  if (!isIsoDate(request.until)) return { refused: 'until must be a date' };
  const days = daysBetween(today, request.until);
  if (days < 1) return { refused: 'until must be after today' };
  const months = policy.hardshipMaxMonths;
  if (months !== undefined) {
    const last = addMonths(today, months);
    if (compareDates(request.until, last) > 0) return { refused: `a hardship deferral lasts at most ${months} months: until ${last} at the latest (rules §4)` };
  } else if (days > policy.hardshipMaxDays) {
    return { refused: `a hardship deferral lasts at most ${policy.hardshipMaxDays} days (rules §4)` };
  }
  if (request.reason.trim() === '') return { refused: 'say why in reason' };
  return { deferral: { kind: 'hardship', from: addDays(today, 1), until: request.until, reason: request.reason.trim(), instalments: 1 } };
}
