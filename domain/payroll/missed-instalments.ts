import { monthOf } from '../calendar/local-date.js';
import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { TaskSpec } from '../task.js';
import { addPeriods, assertPeriod } from './payroll-month.js';

/*
 * Following up an instalment agreement (退还协议, 社会保险经办条例 art. 46; docs/rules/payroll.md §8 "Missed instalments"):
 * which agreed instalments were collected, which are missed, and when a missed one is chased (催收). Pure.
 */

/**
 * `paid`: covered in full. `partlyPaid`: its month has passed with part of it covered. `missed`: its month has passed
 * with nothing of it covered. `due`: this month's, still open. `upcoming`: a later month's.
 */
export type InstalmentState = 'paid' | 'partlyPaid' | 'missed' | 'due' | 'upcoming';

/** At most 50 years of instalments are listed: a smaller monthly amount than that is an agreement to re-plan anyway. */
const MAX_LISTED = 600;

export interface InstalmentStanding {
  number: number;
  month: string;
  amount: string;
  /** What of the money collected under the agreement went to this instalment (oldest instalment first). */
  covered: string;
  state: InstalmentState;
}

export interface InstalmentFollowUp {
  instalments: InstalmentStanding[];
  /** The months of the missed instalments, oldest first. */
  missed: string[];
  /**
   * The newest missed instalment whose grace has run out, when it is later than the last one chased: chase it (a task
   * and a notice); one chase covers every missed month up to it. Null: nothing (new) to chase.
   */
  chase: string | null;
  workings: string[];
}

/**
 * The standing of each instalment of an agreement on `today` (art. 46; rules §8 "Missed instalments"): the agreement
 * repays `total` (the outstanding when it was agreed, less what was written off since) by `monthlyAmount` a month from
 * `firstMonth`, the last instalment the rest. Everything collected under it — withheld by payroll lines of its months
 * (a failed or stopped line collects nothing) and repaid directly since it was agreed — goes to the instalments oldest
 * first, so money that comes late makes up a missed month before the current one. An instalment whose month has passed
 * with nothing of it covered is **missed**; one partly covered is `partlyPaid` (shown, not chased: the line was smaller
 * than the agreed amount). A missed instalment is chased once `graceMonths` whole months after its own have passed with
 * it still missed: an instalment of 2027-01 with a grace of 1 month is chased from 2027-03-01. One chase covers every
 * missed month up to the one it names (the newest past its grace); the next chase waits for a month missed after it
 * (`lastChased`), so a caseworker who recorded a contact is not sent the same months again. Pure.
 * @throws DomainError INVALID_AMOUNT / INVALID_DATE for a malformed amount or month, a grace that is not a whole number
 * ≥ 0.
 */
export function instalmentFollowUp(input: {
  total: string;
  monthlyAmount: string;
  firstMonth: string;
  collected: string;
  today: string;
  graceMonths: number;
  /** The month the last chase under this agreement named; null or absent: none yet. */
  lastChased?: string | null;
}): InstalmentFollowUp {
  assertPeriod(input.firstMonth, 'firstMonth');
  if (!Number.isSafeInteger(input.graceMonths) || input.graceMonths < 0) {
    throw new DomainError('INVALID_DATE', `the grace must be a whole number of months ≥ 0, got ${input.graceMonths}`, { path: 'graceMonths' });
  }
  const monthly = Money.of(input.monthlyAmount);
  if (monthly.isNegative() || monthly.isZero()) throw new DomainError('INVALID_AMOUNT', 'the monthly amount must be more than 0', { path: 'monthlyAmount' });
  const current = monthOf(input.today);
  let left = Money.of(input.total);
  let collected = Money.of(input.collected);
  const instalments: InstalmentStanding[] = [];
  for (let number = 1; left.compare(Money.zero()) > 0 && number <= MAX_LISTED; number += 1) {
    const amount = left.compare(monthly) < 0 ? left : monthly;
    const covered = collected.compare(amount) < 0 ? collected : amount;
    collected = collected.minus(covered);
    left = left.minus(amount);
    const month = addPeriods(input.firstMonth, number - 1);
    const passed = month < current;
    const state: InstalmentState = covered.equals(amount)
      ? 'paid'
      : passed
        ? covered.isZero()
          ? 'missed'
          : 'partlyPaid'
        : month === current
          ? 'due'
          : 'upcoming';
    instalments.push({ number, month, amount: amount.toString(), covered: covered.toString(), state });
  }
  const missed = instalments.filter((i) => i.state === 'missed').map((i) => i.month);
  const overdue = missed.filter((month) => addPeriods(month, input.graceMonths) < current).at(-1) ?? null;
  const lastChased = input.lastChased ?? null;
  const chase = overdue !== null && (lastChased === null || overdue > lastChased) ? overdue : null;
  const workings = [
    `${input.total} by ${monthly.toString()} a month from ${input.firstMonth}: ${instalments.length} instalments; ` +
      `${input.collected} collected under the agreement, to the oldest first (社会保险经办条例 art. 46)`,
    ...(missed.length === 0 ? [] : [`missed: ${missed.join(', ')} (nothing withheld by the payroll, nothing repaid)`]),
    ...(chase === null ? [] : [`${chase} still missed after ${input.graceMonths} month(s) of grace: chased (催收) in ${current}`]),
  ];
  return { instalments, missed, chase, workings };
}

/** What a caseworker does about a chased instalment: a contact recorded, a new agreement, or legal action. */
export const CHASE_OUTCOMES = ['contacted', 'replanned', 'legalAction'] as const;
export type ChaseOutcome = (typeof CHASE_OUTCOMES)[number];

/** The task's case type and step on the worklists: the recovery is not a workflow case, so its commands close the task. */
export const CHASE_CASE_TYPE = 'recovery';
export const CHASE_STEP = 'recoveryChase';
/** SLA of the chase: 10 calendar days (suggested, unverified: the next payroll is a month away). */
export const CHASE_SLA_DAYS = 10;

/** The caseworker's task of a chase (催收): a front-office caseworker of the recovery's region, no four eyes. */
export function chaseTaskSpec(): TaskSpec {
  return {
    step: CHASE_STEP,
    permission: 'review',
    slaDays: CHASE_SLA_DAYS,
    slaUnit: 'calendar',
    priority: 0,
    preparedBy: null,
    outcomes: CHASE_OUTCOMES,
  };
}

const CHASE_CASE_PREFIX = 'overpayment-recovery-';

/** The case ID the chase's task carries: the recovery's own, since the recovery is no workflow case. */
export const chaseCaseId = (recoveryId: number) => `${CHASE_CASE_PREFIX}${recoveryId}`;

/** The recovery a chase's task is about, from its case ID; null for any other case. */
export const recoveryOfChaseCase = (caseId: string): string | null => (caseId.startsWith(CHASE_CASE_PREFIX) ? caseId.slice(CHASE_CASE_PREFIX.length) : null);
