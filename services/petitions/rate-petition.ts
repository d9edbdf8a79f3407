import type { CaseRow } from '../../db/queries/case.query.js';
import type { CommandContext } from '../command-context.js';
import { ownPetition } from './petition-access.js';

/**
 * The petitioner rates the reply, 1 (poor) to 5 (good) (信访工作条例 art. 34: evaluation through the petition information
 * system). The workflow refuses a second rating or one before any reply (409); the rating and its audit entry are
 * written by the workflow's activity, once.
 */
export async function ratePetition(
  ctx: CommandContext,
  idOrReference: string,
  rating: { score: number; comment?: string },
): Promise<{ row: CaseRow; status: string }> {
  const { row } = await ownPetition(ctx, idOrReference);
  const view = await ctx.workflows.ratePetition(row.caseId, { score: rating.score, comment: rating.comment ?? '' }, ctx.actor.id);
  return { row, status: view.status };
}
