import type { EntitlementStatus, PayrollLine } from './entitlement.js';
import { lastDayOf } from './payroll-month.js';

/** Why a line is held before money leaves (rules §8, common fraud patterns 1–3). */
export type HoldCode =
  /** A death record on or before the end of the month: the pension stops from the month after death. */
  | 'DECEASED'
  /** A prison record overlapping the month. */
  | 'IMPRISONED'
  /** Another active pension for the same person, here or on the national platform. */
  | 'DUPLICATE_PENSION'
  /** Unemployment benefit after a new enrollment (re-employment, 社会保险法 art. 51). */
  | 'REEMPLOYED'
  /** The entitlement is suspended or stopped. */
  | 'SUSPENDED'
  /** The beneficiary's verification is overdue or was never made. */
  | 'UNVERIFIED'
  /** No bank or social security card account to pay into (checked when the payroll gathers the line). */
  | 'NO_ACCOUNT';

export interface HoldReason {
  code: HoldCode;
  reason: string;
}

export type ControlResult = { readonly hold: false } | { readonly hold: true; readonly reasons: readonly HoldReason[] };

/** What is known about the person behind a line; dates are 'YYYY-MM-DD', already validated when they were stored. */
export interface PersonFacts {
  deathDate?: string | null;
  imprisonments?: readonly { from: string; to: string | null }[];
  /** Other active pensions of the person, found in this system or reported by the national platform (§2). */
  otherActivePensions?: readonly { entitlementId: string; source: 'system' | 'nationalPlatform' }[];
  /** Start date of the newest enrollment with an employer opened after the unemployment benefit began. */
  newEnrollmentOn?: string | null;
  entitlementStatus: EntitlementStatus;
  verification: 'verified' | 'dueSoon' | 'overdue' | 'never';
}

/** The line and the month bounds it is checked against; build it once per payroll month with `controlMonth`. */
export interface ControlMonth {
  period: string;
  firstDay: string;
  lastDay: string;
}

export function controlMonth(period: string): ControlMonth {
  return { period, firstDay: `${period}-01`, lastDay: lastDayOf(period) };
}

const NO_HOLD: ControlResult = Object.freeze({ hold: false });

// A plain function, not a closure per line: the common path allocates nothing.
function held(reasons: HoldReason[] | null, code: HoldCode, reason: string): HoldReason[] {
  const list = reasons ?? [];
  list.push({ code, reason });
  return list;
}

type CheckedLine = Pick<PayrollLine, 'entitlementId' | 'benefit' | 'period'>;

/**
 * The controls run on every payroll line before payment (rules §8 detection rules): death on or before the
 * end of the month (relatives drawing a dead person's pension — the death month itself is reviewed and may be
 * released, later months are not due); a prison term overlapping the month; another active pension (one person,
 * one pension relationship, §2); unemployment benefit once a new enrollment started in or before the month; a
 * suspended entitlement or a beneficiary whose verification is overdue or missing. Every failed control is listed.
 *
 * Built for a million lines per run: dates are compared as ISO strings (they sort like dates), the common pass
 * returns one shared frozen object, and nothing is allocated unless a line is held. Pass `month` from
 * `controlMonth(period)` to reuse it across lines. Pure.
 */
export function checkPayrollLine(line: CheckedLine, facts: PersonFacts, month: ControlMonth = controlMonth(line.period)): ControlResult {
  let reasons: HoldReason[] | null = null;
  if (facts.deathDate != null && facts.deathDate <= month.lastDay) {
    reasons = held(
      reasons,
      'DECEASED',
      facts.deathDate >= month.firstDay
        ? `died in ${month.period} (${facts.deathDate}): only the death month is due; review before release`
        : `died on ${facts.deathDate}: nothing is due from the month after death`,
    );
  }
  const terms = facts.imprisonments;
  for (let i = 0; terms !== undefined && i < terms.length; i += 1) {
    const term = terms[i]!;
    if (term.from <= month.lastDay && (term.to === null || term.to >= month.firstDay)) {
      reasons = held(reasons, 'IMPRISONED', `serving a sentence from ${term.from}${term.to === null ? '' : ` to ${term.to}`}, overlapping ${month.period}`);
      break;
    }
  }
  const others = facts.otherActivePensions;
  if (line.benefit === 'pension' && others !== undefined) {
    for (let i = 0; i < others.length; i += 1) {
      const other = others[i]!;
      if (other.entitlementId === line.entitlementId) continue;
      reasons = held(reasons, 'DUPLICATE_PENSION', `another active pension (${other.source === 'system' ? 'in this system' : 'on the national platform'})`);
      break;
    }
  }
  if (line.benefit === 'unemployment' && facts.newEnrollmentOn != null && facts.newEnrollmentOn <= month.lastDay) {
    reasons = held(reasons, 'REEMPLOYED', `enrolled with an employer from ${facts.newEnrollmentOn}: unemployment benefit stops on re-employment`);
  }
  if (facts.entitlementStatus !== 'active') reasons = held(reasons, 'SUSPENDED', `the entitlement is ${facts.entitlementStatus}`);
  if (facts.verification === 'overdue') reasons = held(reasons, 'UNVERIFIED', 'entitlement verification is overdue');
  else if (facts.verification === 'never') reasons = held(reasons, 'UNVERIFIED', 'the beneficiary has never been verified');

  return reasons === null ? NO_HOLD : { hold: true, reasons };
}
