import type { EntityManager } from '@mikro-orm/postgresql';
import { arrearsStatement, debtsOf } from '../../domain/arrears/arrears-statement.js';
import type { AllocationRule, FinePosition } from '../../domain/contribution/allocation.js';
import { allocateWithCredit, type CreditAllocation } from '../../domain/contribution/credit.js';
import type { LateFeePolicy } from '../../domain/contribution/late-fee.js';
import { Money } from '../../domain/money.js';
import { enterSettledBackPayments } from './back-payment-settlement.js';
import { loadCredit, loadFeeFreePeriods, loadOutstandingFines, loadPeriodLedgers } from '../queries/contribution-ledger.query.js';

export interface CreditBooking {
  employer: string;
  /** What comes in now: a payment's amount, or zero when a new bill is booked. */
  amount: Money;
  /** The value date: the payment's, or the booking day of the bill. */
  on: string;
  rule: AllocationRule;
  /** Where unpaid fines stand in the allocation (default after every period). */
  finePosition?: FinePosition;
  lateFeePolicy: Partial<LateFeePolicy>;
  /** What triggered it, for the ledger: the payment or declaration booked in the same transaction. */
  declarationId?: string;
  paymentId?: string;
  /** Unique prefix of the entries' dedupe keys. */
  key: string;
  now: Date;
}

/**
 * Allocates `amount` plus the credit the employer holds over what it owes as of `on` — its periods, and the fines
 * its arrears cases decided and it has not paid (`allocateWithCredit`, rules §4) — inside the caller's
 * transaction, which must hold the employer's ledger lock (`ledger:<code>`). Append-only: a `principal_paid` /
 * `late_fee_paid` entry (negative) per period and component settled, a `fine_paid` entry (negative, with the fine's
 * case) per fine paid, and one signed `credit` entry for the change in credit (positive: an overpayment; negative:
 * credit spent), so the credit balance stays the plain sum of `credit` entries and a fine's balance the sum of its
 * case's `fine` and `fine_paid` entries.
 */
export async function bookWithCredit(tx: EntityManager, b: CreditBooking): Promise<CreditAllocation> {
  const held = await loadCredit(tx, b.employer);
  // Nothing coming in and no credit: every new bill takes this path, so it must not read the whole ledger.
  if (b.amount.isZero() && held.isZero()) return allocateWithCredit(b.amount, held, [], b.rule);
  const statement = arrearsStatement({
    asOf: b.on,
    periods: await loadPeriodLedgers(tx, b.employer),
    feeFree: await loadFeeFreePeriods(tx, b.employer),
    policy: b.lateFeePolicy,
  });
  const fines = { fines: await loadOutstandingFines(tx, b.employer), position: b.finePosition };
  const allocation = allocateWithCredit(b.amount, held.isNegative() ? Money.zero() : held, debtsOf(statement), b.rule, fines);
  const entry = (line: { period: string | null; type: string; amount: Money; caseId?: string }, dedupe: string) =>
    tx.execute(
      `insert into ledger_entry (employer_credit_code, period, entry_type, amount, occurred_on, declaration_id, payment_id, case_id, dedupe_key, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [b.employer, line.period, line.type, line.amount.toString(), b.on, b.declarationId ?? null, b.paymentId ?? null, line.caseId ?? null, dedupe, b.now],
    );
  let n = 0;
  for (const line of allocation.lines) {
    const paid = Money.zero().minus(line.amount);
    if (line.component === 'fine') await entry({ period: null, type: 'fine_paid', amount: paid, caseId: line.caseId }, `${b.key}:${n++}`);
    else await entry({ period: line.period, type: line.component === 'principal' ? 'principal_paid' : 'late_fee_paid', amount: paid }, `${b.key}:${n++}`);
  }
  if (!allocation.creditChange.isZero()) await entry({ period: null, type: 'credit', amount: allocation.creditChange }, `${b.key}:credit`);
  // A payment (or credit) that settles a back-payment's months puts them in the person's history, in this transaction.
  if (allocation.lines.length > 0) await enterSettledBackPayments(tx, b.employer, b.now);
  return allocation;
}
