import { recordStaffRecordLink } from '../../db/writers/staff-record-links.js';
import { authorize } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

/**
 * POST /v1/staff-record-links: an administrator (for the personnel office) records that a staff account is linked to
 * a person's record — their own or a relative's — so the self-dealing control (rules §8 pattern 8, 经办条例 art. 37;
 * self-dealing-control.ts) opens an investigation when that staff member decides a case about the person. Recording
 * the same link again changes nothing; a new relation replaces the old one. Audited.
 */
export async function recordStaffLink(
  ctx: CommandContext,
  link: { staffId: string; citizenId: string; relation: 'self' | 'relative' },
): Promise<{ created: boolean; changed: boolean }> {
  authorize(ctx, 'manage', 'StaffRecordLink', {});
  return recordStaffRecordLink(ctx.em, link, { actor: ctx.actor, requestId: ctx.requestId, now: ctx.clock.now() });
}
