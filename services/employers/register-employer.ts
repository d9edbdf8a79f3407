import { findEmployer, type EmployerRow } from '../../db/queries/employer.query.js';
import { findRegion } from '../../db/queries/region.query.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { insertEmployer } from '../../db/writers/employers.js';
import { DomainError, invalidInput } from '../../domain/errors.js';
import { parseCreditCode } from '../../domain/identity/credit-code.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface EmployerRegistration {
  creditCode: string;
  name: string;
  region: string;
  industryCode?: string;
  workInjuryClass?: number;
}

/**
 * 单位参保登记 (社会保险法 art. 57): staff register an employer of their region. A failed check character on an otherwise
 * well-formed code is a warning for a person to confirm, not a refusal (§1.2, known exceptions).
 */
export async function registerEmployer(ctx: CommandContext, request: EmployerRegistration): Promise<{ employer: EmployerRow; warnings: string[] }> {
  authorize(ctx, 'create', 'Employer', { creditCode: request.creditCode, region: request.region });
  const { warnings } = parseCreditCode(request.creditCode, 'warn');
  if (!(await findRegion(ctx.em, request.region))) throw invalidInput([{ path: 'region', message: `region ${request.region} is not served by this system` }]);
  await ctx.em.transactional(async (tx) => {
    const now = ctx.clock.now();
    const inserted = await insertEmployer(tx, {
      creditCode: request.creditCode,
      name: request.name,
      region: request.region,
      industryCode: request.industryCode ?? null,
      workInjuryClass: request.workInjuryClass ?? null,
      createdBy: ctx.actor.id,
      now,
    });
    if (!inserted) throw new DomainError('EMPLOYER_EXISTS', `employer ${request.creditCode} is already registered`, { path: 'creditCode' });
    await appendAudit(tx, {
      at: now,
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      region: request.region,
      action: 'employer.registered',
      objectType: 'Employer',
      objectId: request.creditCode,
      requestId: ctx.requestId,
      detail: { name: request.name, warnings },
    });
  });
  return { employer: (await findEmployer(ctx.em, request.creditCode))!, warnings };
}
