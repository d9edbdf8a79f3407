import { compareDates } from '../calendar/local-date.js';
import type { Refusal } from '../errors.js';
import type { Money } from '../money.js';
import type { ArrearsStatement } from './arrears-statement.js';

/** What an employer's closure depends on, read from its account on the day it asks. */
export interface ClosureFacts {
  today: string;
  /** The employer's open arrears case (one per employer), if any. */
  openArrearsCase: { reference: string } | null;
  /** Fines decided and not yet paid, over all the employer's arrears cases. */
  unpaidFine: Money;
  /** The employer's account as of `today`, every billed period. */
  statement: ArrearsStatement;
}

export type ClosureObstacle =
  | { kind: 'openArrearsCase'; reference: string }
  | { kind: 'unpaidFine'; amount: Money }
  | { kind: 'overdueBill'; period: string; dueDate: string; principal: Money; lateFee: Money };

/**
 * Why an employer's registration cannot be closed (注销登记) yet: it may not be cancelled until its arrears, late fees
 * and fines are settled (社会保险经办条例 art. 10, 社会保险法 art. 57 para. 2; rules §2). Each of these stands
 * in the way: an open arrears case; a fine not fully paid; a bill past its due date with principal or late fee
 * unpaid — whether or not the daily sweep has reached it yet. A bill not yet due does not. Pure.
 */
export function closureObstacles(facts: ClosureFacts): ClosureObstacle[] {
  const obstacles: ClosureObstacle[] = [];
  if (facts.openArrearsCase) obstacles.push({ kind: 'openArrearsCase', reference: facts.openArrearsCase.reference });
  if (!facts.unpaidFine.isZero()) obstacles.push({ kind: 'unpaidFine', amount: facts.unpaidFine });
  for (const p of facts.statement.periods) {
    if (compareDates(p.dueDate, facts.today) < 0 && !p.total.isZero()) {
      obstacles.push({ kind: 'overdueBill', period: p.period, dueDate: p.dueDate, principal: p.principal, lateFee: p.lateFee });
    }
  }
  return obstacles;
}

const BILLS_NAMED = 3;

/** The obstacles as one NOT_ALLOWED_NOW refusal naming each of them, or null when the employer may close. Pure. */
export function closureRefusal(facts: ClosureFacts): Refusal | null {
  const obstacles = closureObstacles(facts);
  if (obstacles.length === 0) return null;
  const bills = obstacles.filter((o) => o.kind === 'overdueBill');
  const reasons = obstacles.flatMap((o): string[] => {
    if (o.kind === 'openArrearsCase') return [`arrears case ${o.reference} is open`];
    if (o.kind === 'unpaidFine') return [`a fine of ${o.amount.toString()} is unpaid`];
    if (bills.indexOf(o) >= BILLS_NAMED) return [];
    return [`bill ${o.period} (due ${o.dueDate}) is unpaid: ${o.principal.toString()} principal, ${o.lateFee.toString()} late fee`];
  });
  if (bills.length > BILLS_NAMED) reasons.push(`${bills.length - BILLS_NAMED} more overdue bills are unpaid`);
  return {
    code: 'NOT_ALLOWED_NOW',
    reason: `the registration cannot be closed until arrears, late fees and fines are settled (社会保险经办条例 art. 10): ${reasons.join('; ')}`,
  };
}
