import type { EntityManager } from '@mikro-orm/postgresql';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { appendAudit } from './case-log.js';

export interface StaffRecordLinkRow {
  staffId: string;
  citizenId: string;
  relation: 'self' | 'relative';
}

interface By {
  actor: { id: string; role: string; region?: string };
  requestId: string | null;
  now: Date;
}

/**
 * Records (or changes the relation of) one staff account's link to a person's record, with its audit entry in the same
 * transaction. The audit names the ID number masked. Returns whether the link is new and whether anything changed.
 */
export async function recordStaffRecordLink(em: EntityManager, link: StaffRecordLinkRow, by: By): Promise<{ created: boolean; changed: boolean }> {
  return em.transactional(async (tx) => {
    const [before] = await tx.execute<{ relation: string }[]>('select relation from staff_record_link where staff_id = ? and citizen_id = ? for update', [
      link.staffId,
      link.citizenId,
    ]);
    if (before?.relation === link.relation) return { created: false, changed: false };
    await tx.execute(
      `insert into staff_record_link (staff_id, citizen_id, relation, recorded_by, recorded_at) values (?, ?, ?, ?, ?)
       on conflict (staff_id, citizen_id) do update set relation = excluded.relation, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      [link.staffId, link.citizenId, link.relation, by.actor.id, by.now],
    );
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actor.id,
      actorRole: by.actor.role,
      region: by.actor.region ?? null,
      action: 'staffRecordLink.recorded',
      objectType: 'StaffRecordLink',
      objectId: `${link.staffId}:${maskCitizenId(link.citizenId)}`,
      requestId: by.requestId,
      detail: { staffId: link.staffId, relation: link.relation, previous: before?.relation ?? null },
    });
    return { created: before === undefined, changed: true };
  });
}

/** Removes one link with its audit entry; false when there was none (nothing written). */
export async function removeStaffRecordLink(em: EntityManager, link: Omit<StaffRecordLinkRow, 'relation'>, by: By): Promise<boolean> {
  return em.transactional(async (tx) => {
    const removed = await tx.execute<{ relation: string }[]>('delete from staff_record_link where staff_id = ? and citizen_id = ? returning relation', [
      link.staffId,
      link.citizenId,
    ]);
    const [row] = removed;
    if (!row) return false;
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actor.id,
      actorRole: by.actor.role,
      region: by.actor.region ?? null,
      action: 'staffRecordLink.removed',
      objectType: 'StaffRecordLink',
      objectId: `${link.staffId}:${maskCitizenId(link.citizenId)}`,
      requestId: by.requestId,
      detail: { staffId: link.staffId, relation: row.relation },
    });
    return true;
  });
}
