import { findParametersInForce } from '../../db/queries/region-parameters.query.js';
import { calculateContribution, type ContributionResult } from '../../domain/contribution/contribution-calculation.js';
import type { InsuranceType } from '../../domain/contribution/regional-parameters.js';
import { calculateLateFee, type LateFeeResult } from '../../domain/contribution/late-fee.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { Money } from '../../domain/money.js';
import type { CommandContext } from '../command-context.js';

/**
 * One month's contributions for a wage with the region's parameters in force on `date` (rules §3.1–3.4, E1),
 * with the workings.
 */
export async function contributionsFor(
  ctx: CommandContext,
  q: { region: string; date: string; monthlyWage: string; insuranceTypes: InsuranceType[]; workInjuryClass?: string; workInjuryTier?: string },
): Promise<ContributionResult & { parametersFrom: string }> {
  const parameters = await findParametersInForce(ctx.em, q.region, q.date);
  if (!parameters) throw new DomainError('PARAMETERS_NOT_FOUND', `region ${q.region} has no parameters in force on ${q.date}`, { path: 'date' });
  const result = calculateContribution({
    parameters,
    monthlyWage: Money.of(q.monthlyWage),
    insuranceTypes: q.insuranceTypes,
    workInjuryClass: q.workInjuryClass,
    workInjuryTier: q.workInjuryTier,
  });
  return { ...result, parametersFrom: parameters.effectiveFrom };
}

/** The late fee on a principal paid late (社会保险法 art. 86, E2): from the day after the due date to the payment date. */
export function lateFeeFor(q: { principal: string; dueDate: string; paidDate: string }): LateFeeResult {
  if (q.paidDate < q.dueDate) throw invalidInput([{ path: 'paidDate', message: 'is before the due date' }]);
  return calculateLateFee({ principal: Money.of(q.principal), dueDate: q.dueDate, asOf: q.paidDate });
}
