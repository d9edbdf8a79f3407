import { listAuditEntries, type AuditView } from '../../db/queries/audit.query.js';
import { addDays, shanghaiStartOfDay } from '../../domain/calendar/local-date.js';
import { accessibleFilter } from '../../policies/sql-scope.js';
import type { CommandContext } from '../command-context.js';

export type { AuditView } from '../../db/queries/audit.query.js';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** First Shanghai day included, YYYY-MM-DD. */
  from?: string;
  /** Last Shanghai day included, YYYY-MM-DD. */
  to?: string;
  limit: number;
  /** Keyset: entries older than this one. */
  beforeId?: number;
}

/**
 * The audit log (社会保险经办条例 arts. 36–38), newest first, read-only and filtered in SQL by the same CASL rules as
 * everything else: auditors, supervisors and administrators of a region see its entries, nobody else any. The entries
 * about a whistle-blowing petition — its case and its tasks — are left out for the staff member it accuses, as the
 * petition itself is (信访工作条例 art. 36 para. 3).
 */
export async function readAuditEntries(ctx: CommandContext, filter: AuditFilter): Promise<{ items: AuditView[]; more: boolean }> {
  return listAuditEntries(ctx.em, {
    scope: accessibleFilter(ctx.ability, 'read', 'AuditEntry'),
    hiddenFrom: ctx.actor.id,
    actorId: filter.actorId,
    action: filter.action,
    objectType: filter.objectType,
    objectId: filter.objectId,
    // A Shanghai calendar day starts at 00:00 +08:00 (the dates the law counts are Shanghai dates).
    from: filter.from ? new Date(shanghaiStartOfDay(filter.from)) : undefined,
    to: filter.to ? new Date(shanghaiStartOfDay(addDays(filter.to, 1))) : undefined,
    limit: filter.limit,
    beforeId: filter.beforeId,
  });
}
