import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { AuditEntry, type IAuditEntry } from '../entities/audit-entry.entity.js';
import { CaseRecord, Task } from '../entities/index.js';

/** One audit row as the API shows it (the entity never leaves db/). */
export interface AuditView {
  id: number;
  at: string;
  actorId: string;
  actorRole: string;
  region: string | null;
  action: string;
  objectType: string;
  objectId: string;
  detail: Record<string, unknown>;
}

export interface AuditQuery {
  /** The caller's scope from policies/sql-scope.ts; null = nothing visible. */
  scope: Record<string, unknown> | null;
  /** A staff id: entries about the cases that accuse them (whistle-blowing petitions) and those cases' tasks are left out. */
  hiddenFrom?: string;
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  /** Keyset: rows with an id below this one (newest first). */
  beforeId?: number;
}

/** The audit log (经办条例 arts. 36–38), newest first, filtered in SQL by the caller's CASL scope. */
export async function listAuditEntries(em: EntityManager, q: AuditQuery): Promise<{ items: AuditView[]; more: boolean }> {
  if (q.scope === null) return { items: [], more: false };
  const where: FilterQuery<IAuditEntry>[] = [q.scope];
  if (q.actorId) where.push({ actorId: q.actorId });
  if (q.action) where.push({ action: q.action });
  if (q.objectType) where.push({ objectType: q.objectType });
  if (q.objectId) where.push({ objectId: q.objectId });
  if (q.from) where.push({ at: { $gte: q.from } });
  if (q.to) where.push({ at: { $lt: q.to } });
  if (q.beforeId !== undefined) where.push({ id: { $lt: q.beforeId } });
  if (q.hiddenFrom) where.push(...(await accusingObjects(em, q.hiddenFrom)));
  const rows = await em.find(AuditEntry, { $and: where }, { orderBy: { id: 'desc' }, limit: q.limit + 1 });
  return {
    items: rows.slice(0, q.limit).map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorRole: row.actorRole,
      region: row.region ?? null,
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
      detail: row.detail,
    })),
    more: rows.length > q.limit,
  };
}

/**
 * The filter that leaves out every entry about a case accusing `staffId` and about its tasks (信访工作条例 art. 36
 * para. 3). The accusing cases come from the indexed `accused_staff` column; there are few of them per person.
 */
async function accusingObjects(em: EntityManager, staffId: string): Promise<FilterQuery<IAuditEntry>[]> {
  const cases = await em.find(CaseRecord, { accusedStaff: { $contains: [staffId] } }, { fields: ['id'] });
  if (cases.length === 0) return [];
  const caseIds = cases.map((row) => row.id);
  const tasks = await em.find(Task, { caseId: { $in: caseIds } }, { fields: ['id'] });
  const hidden: FilterQuery<IAuditEntry>[] = [{ objectType: 'Case', objectId: { $in: caseIds } }];
  if (tasks.length > 0) hidden.push({ objectType: 'Task', objectId: { $in: tasks.map((row) => row.id) } });
  return [{ $not: { $or: hidden } }];
}
