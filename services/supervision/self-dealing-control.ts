import { findCase } from '../../db/queries/case.query.js';
import { recordLinksOf } from '../../db/queries/supervision.query.js';
import type { TaskView } from '../../db/queries/task.query.js';
import { selfDealing } from '../../domain/supervision/controls.js';
import type { CommandContext } from '../command-context.js';
import { raiseSupervisionHits, startInvestigations } from './raise-hits.js';

/**
 * The self-dealing control (rules §8 pattern 8; 社会保险经办条例 art. 37), run when a staff member's decision on a task
 * was applied: a case about their own record or a linked relative's (staff_record_link) opens an investigation that
 * the staff member never sees (accusedStaff). A retried decision finds the hit already raised.
 */
export async function checkSelfDealing(ctx: CommandContext, task: TaskView): Promise<void> {
  const links = await recordLinksOf(ctx.em, ctx.actor.id);
  if (links.length === 0) return;
  const row = await findCase(ctx.em, task.caseId);
  if (!row?.citizenId) return;
  const hit = selfDealing({ staffId: ctx.actor.id, caseId: row.caseId, subjectCitizenIds: [row.citizenId] }, links);
  if (!hit) return;
  const finder = { actorId: ctx.actor.id, actorRole: ctx.actor.role, requestId: ctx.requestId, now: ctx.clock.now() };
  const raised = await ctx.em.transactional((tx) =>
    raiseSupervisionHits(tx, [hit], { region: row.region, sourceCaseId: row.caseId, citizenId: row.citizenId, accusedStaff: [ctx.actor.id] }, finder),
  );
  await startInvestigations(ctx.em, ctx.workflows, raised);
}
