import { DomainError } from '../errors.js';
import type { Entitlement, Suspension } from './entitlement.js';
import { addPeriods, assertPeriod } from './payroll-month.js';

function openSuspension(e: Entitlement): Suspension | undefined {
  return (e.suspensions ?? []).find((s) => s.to === null);
}

/**
 * Suspends payment from `fromMonth` (待遇暂停): an overdue verification, a suspected loss of eligibility under
 * investigation (社会保险经办条例 art. 25, rules §8). Returns a new entitlement; the input is not changed.
 * Suspending one that is already suspended returns it unchanged, so a repeated event does nothing twice.
 * @throws DomainError NOT_ALLOWED_NOW for a stopped entitlement; INVALID_DATE for a malformed month.
 */
export function suspendEntitlement(e: Entitlement, fromMonth: string, reason: string): Entitlement {
  assertPeriod(fromMonth, 'fromMonth');
  if (e.status === 'stopped') throw new DomainError('NOT_ALLOWED_NOW', `entitlement ${e.entitlementId} has stopped`);
  if (e.status === 'suspended' && openSuspension(e) !== undefined) return e;
  const suspension: Suspension = { from: fromMonth, to: null, reason, resumedIn: null, backPay: false };
  return { ...e, status: 'suspended', suspensions: [...(e.suspensions ?? []), suspension] };
}

/**
 * Resumes payment in payroll month `resumeMonth`: the open suspension closes with its last month the month before,
 * and with `backPay` the months it held back are paid as one back-pay line in that payroll (see `dueLines`). Use
 * `backPay: false` when the person proved not to be entitled in those months. Returns a new entitlement.
 * @throws DomainError NOT_ALLOWED_NOW when nothing is suspended; INVALID_DATE when `resumeMonth` is before the
 * suspension's first month.
 */
export function resumeEntitlement(e: Entitlement, resumeMonth: string, opts: { backPay: boolean }): Entitlement {
  assertPeriod(resumeMonth, 'resumeMonth');
  const open = openSuspension(e);
  if (e.status !== 'suspended' || open === undefined) {
    throw new DomainError('NOT_ALLOWED_NOW', `entitlement ${e.entitlementId} is not suspended`);
  }
  if (resumeMonth < open.from) {
    throw new DomainError('INVALID_DATE', `resumption ${resumeMonth} is before the suspension began (${open.from})`, {
      path: 'resumeMonth',
    });
  }
  const closed: Suspension = {
    ...open,
    to: addPeriods(resumeMonth, -1),
    resumedIn: resumeMonth,
    backPay: opts.backPay,
  };
  const suspensions = (e.suspensions ?? []).map((s) => (s === open ? closed : s));
  return { ...e, status: 'active', suspensions };
}

/**
 * Stops the benefit for good (待遇终止) with `lastDueMonth` as its last month due — for a death the month of death
 * (§8: the pension stops from the month after). A one-off not yet paid simply stops. Returns a new entitlement.
 * @throws DomainError INVALID_DATE for a malformed month.
 */
export function stopEntitlement(e: Entitlement, lastDueMonth: string): Entitlement {
  assertPeriod(lastDueMonth, 'lastDueMonth');
  if (e.kind === 'oneOff') return { ...e, status: 'stopped' };
  const endMonth = e.endMonth !== null && e.endMonth < lastDueMonth ? e.endMonth : lastDueMonth;
  return { ...e, status: 'stopped', endMonth };
}
