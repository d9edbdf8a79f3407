import type { CaseRow } from '../../db/queries/case.query.js';
import type { CaseView } from '../../workflows/index.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';
import { benefitClaimSubjectOf, visibleBenefitClaim } from './read-claim.js';

/**
 * 再次鉴定: the injured worker or the employer contests the disability assessment within 15 days of its conclusion
 * (工伤保险条例 art. 26); staff may record the request for them. The case refuses a late request with
 * REASSESSMENT_OUT_OF_TIME naming the last day, and a claim with no conclusion to contest with NOT_ALLOWED_NOW.
 */
export async function requestReassessment(ctx: CommandContext, idOrReference: string): Promise<{ row: CaseRow; view: CaseView }> {
  const row = await visibleBenefitClaim(ctx, idOrReference);
  authorize(ctx, 'update', 'BenefitClaim', benefitClaimSubjectOf(row));
  const view = await ctx.workflows.requestReassessment(row.caseId, ctx.actor.id);
  return { row, view };
}
