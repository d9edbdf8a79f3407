import { removeStaffRecordLink } from '../../db/writers/staff-record-links.js';
import { DomainError } from '../../domain/errors.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * DELETE /v1/staff-record-links/{staffId}/{citizenId}: an administrator removes a link recorded in error or no longer
 * true (a relationship ended). Audited; a link that is not there is a 404 and writes nothing. Investigations already
 * opened stay open.
 */
export async function removeStaffLink(ctx: CommandContext, link: { staffId: string; citizenId: string }): Promise<void> {
  authorize(ctx, 'manage', 'StaffRecordLink', {});
  const removed = await removeStaffRecordLink(ctx.em, link, { actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() });
  if (!removed) throw new DomainError('STAFF_LINK_NOT_FOUND', `No link of staff ${link.staffId} to this person`);
}
