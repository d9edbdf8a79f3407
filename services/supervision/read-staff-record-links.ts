import { listStaffRecordLinks } from '../../db/queries/supervision.query.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/** GET /v1/staff-record-links: the links an administrator keeps, optionally of one staff account (at most 1 000). */
export async function readStaffLinks(ctx: CommandContext, staffId: string | null): ReturnType<typeof listStaffRecordLinks> {
  authorize(ctx, 'read', 'StaffRecordLink', {});
  return listStaffRecordLinks(ctx.em, staffId);
}
