import { findEmployer, type EmployerRow } from '../../db/queries/employer.query.js';
import { DomainError } from '../../domain/errors.js';
import { may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** An employer the caller may read — otherwise the same EMPLOYER_NOT_FOUND an unknown one gets. */
export async function visibleEmployer(ctx: CommandContext, creditCode: string): Promise<EmployerRow> {
  const employer = await findEmployer(ctx.em, creditCode);
  if (!employer || !may(ctx, 'read', 'Employer', { creditCode: employer.creditCode, region: employer.region })) {
    throw new DomainError('EMPLOYER_NOT_FOUND', `No employer ${creditCode}`, { path: 'creditCode' });
  }
  return employer;
}
