import { loadCredit, loadFeeFreePeriods, loadFines, loadPeriodLedgers, loadProvisionalPeriods } from '../../db/queries/contribution-ledger.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { arrearsStatement, type ArrearsStatement } from '../../domain/arrears/arrears-statement.js';
import type { Money } from '../../domain/money.js';
import type { CommandContext } from '../command-context.js';
import { employerFor } from '../employers/employer-access.js';

export interface BillsView {
  employerCreditCode: string;
  /** Every billed period as of `asOf` (late fee included); the statement carries no fine, see `fine`. */
  statement: ArrearsStatement;
  /** Periods billed provisionally (110 %, not yet declared). */
  provisional: ReadonlySet<string>;
  credit: Money;
  /** Fines decided and not yet paid, over all the employer's arrears cases. */
  fine: Money;
}

/**
 * 对账单: an employer's bills with what is owed on each as of a date (today by default), late fee counted day by day
 * (社会保险法 art. 86, rules §4); an employer agent sees only its own, staff those of their region.
 */
export async function readBills(
  ctx: Pick<CommandContext, 'em' | 'actor' | 'ability' | 'clock'>,
  q: { employerCreditCode?: string; asOf?: string },
): Promise<BillsView> {
  const employer = await employerFor(ctx, q.employerCreditCode, 'read');
  const { em } = ctx;
  const policy = await loadContributionPolicy(em);
  const statement = arrearsStatement({
    asOf: q.asOf ?? ctx.clock.today(),
    periods: await loadPeriodLedgers(em, employer.creditCode),
    feeFree: await loadFeeFreePeriods(em, employer.creditCode),
    policy: policy.lateFee,
  });
  return {
    employerCreditCode: employer.creditCode,
    statement,
    provisional: await loadProvisionalPeriods(em, employer.creditCode),
    credit: await loadCredit(em, employer.creditCode),
    fine: await loadFines(em, employer.creditCode),
  };
}
