import { loadFeeFreePeriods, loadFines, loadPeriodLedgers } from '../../db/queries/contribution-ledger.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { openArrearsCaseOf } from '../../db/queries/overdue-bills.query.js';
import { lockLedger } from '../../db/writers/contribution-ledger.js';
import { closeEmployerRegistration } from '../../db/writers/employer-closure.js';
import { arrearsStatement } from '../../domain/arrears/arrears-statement.js';
import { closureRefusal } from '../../domain/arrears/employer-closure.js';
import { refused } from '../../domain/errors.js';
import { auditActor, type CommandContext } from '../command-context.js';
import { employerFor } from './employer-access.js';

/**
 * 注销登记: an administrator of the region closes an employer's registration. Refused with NOT_ALLOWED_NOW, naming
 * every reason, while anything is owed (社会保险经办条例 art. 10; domain/arrears/employer-closure.ts): an open arrears
 * case, an unpaid fine, or a bill past its due date with principal or late fee unpaid — even one the daily sweep has
 * not reached yet. Checked and written under the employer's ledger lock, so no payment or declaration slips between.
 * Closing a closed registration again changes nothing.
 */
export async function closeEmployer(ctx: CommandContext, creditCode: string): Promise<{ creditCode: string; status: string }> {
  const employer = await employerFor(ctx, creditCode, 'close', 'creditCode');
  if (employer.status === 'closed') return { creditCode: employer.creditCode, status: employer.status };
  await ctx.em.transactional(async (tx) => {
    await lockLedger(tx, employer.creditCode);
    const today = ctx.clock.today();
    const policy = await loadContributionPolicy(tx);
    const refusal = closureRefusal({
      today,
      openArrearsCase: await openArrearsCaseOf(tx, employer.creditCode),
      unpaidFine: await loadFines(tx, employer.creditCode),
      statement: arrearsStatement({
        asOf: today,
        periods: await loadPeriodLedgers(tx, employer.creditCode),
        feeFree: await loadFeeFreePeriods(tx, employer.creditCode),
        policy: policy.lateFee,
      }),
    });
    if (refusal) throw refused(refusal);
    await closeEmployerRegistration(tx, { creditCode: employer.creditCode, region: employer.region, by: auditActor(ctx), now: ctx.clock.now() });
  });
  return { creditCode: employer.creditCode, status: 'closed' };
}
