import { loadFeeFreePeriods, loadFines, loadPeriodLedgers } from '../../db/queries/contribution-ledger.query.js';
import { loadContributionPolicy } from '../../db/queries/contribution-policy.query.js';
import { arrearsPeriodsOf } from '../../db/writers/arrears-periods.js';
import { arrearsStatement, type ArrearsStatement } from '../../domain/arrears/arrears-statement.js';
import type { CommandContext } from '../command-context.js';
import { visibleArrearsCase, type ArrearsCaseRow } from './arrears-access.js';

/**
 * 欠费核定: what an arrears case's periods owe as of a date (today by default) — principal, late fee with its days
 * counted (社会保险法 art. 86, rules §4, E2) — and the case's fine not yet paid, for the employer and staff
 * who may see the case.
 */
export async function readArrearsStatement(
  ctx: Pick<CommandContext, 'em' | 'actor' | 'ability' | 'clock'>,
  caseId: string,
  asOf?: string,
): Promise<{ case: ArrearsCaseRow; statement: ArrearsStatement }> {
  const row = await visibleArrearsCase(ctx, caseId);
  const { em } = ctx;
  const employer = row.employerCreditCode;
  const policy = await loadContributionPolicy(em);
  const statement = arrearsStatement({
    asOf: asOf ?? ctx.clock.today(),
    periods: await loadPeriodLedgers(em, employer, await arrearsPeriodsOf(em, row.caseId)),
    feeFree: await loadFeeFreePeriods(em, employer),
    fine: await loadFines(em, employer, row.caseId),
    policy: policy.lateFee,
  });
  return { case: row, statement };
}
