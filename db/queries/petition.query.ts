import type { EntityManager } from '@mikro-orm/postgresql';

/** The petition row of a case: who filed it (even when anonymous to staff) and what was attached. */
export async function findPetition(
  em: EntityManager,
  caseId: string,
): Promise<{ petitionerId: string; anonymous: boolean; attachmentIds: string[]; rating: number | null } | null> {
  const [row] = await em.execute<{ petitioner_id: string; anonymous: boolean; attachment_ids: string[]; rating: number | null }[]>(
    'select petitioner_id, anonymous, attachment_ids, rating from petition where case_id = ?',
    [caseId],
  );
  return row ? { petitionerId: row.petitioner_id, anonymous: row.anonymous, attachmentIds: row.attachment_ids, rating: row.rating } : null;
}

/** The documents sent to the petitioner (art. 23, 32–36 notices and opinions), oldest first: what their outbox holds. */
export async function petitionerDocuments(
  em: EntityManager,
  caseId: string,
  petitionerId: string,
): Promise<{ kind: string; sentAt: string; content: Record<string, unknown> }[]> {
  const rows = await em.execute<{ kind: string; created_at: Date; payload: Record<string, unknown> }[]>(
    `select kind, created_at, payload from notice_outbox where case_id = ? and recipient_kind = 'citizen' and recipient_id = ?
     order by created_at, id`,
    [caseId, petitionerId],
  );
  return rows.map((row) => ({ kind: row.kind, sentAt: new Date(row.created_at).toISOString(), content: row.payload }));
}

export interface AttachmentRow {
  id: string;
  ownerId: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  caseId: string | null;
}

export async function findAttachments(em: EntityManager, ids: readonly string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<
    { id: string; owner_id: string; sha256: string; size: number; media_type: string; original_name: string; case_id: string | null }[]
  >(`select id, owner_id, sha256, size, media_type, original_name, case_id from attachment where id in (${ids.map(() => '?').join(', ')})`, [...ids]);
  return rows.map((r) => ({
    id: r.id,
    ownerId: r.owner_id,
    sha256: r.sha256,
    size: r.size,
    mediaType: r.media_type,
    originalName: r.original_name,
    caseId: r.case_id,
  }));
}

/** True when this system serves `code` (a petition is filed with, and forwarded to, a served region only). */
export async function isServedRegion(em: EntityManager, code: string): Promise<boolean> {
  const rows = await em.execute<{ code: string }[]>('select code from region where code = ?', [code]);
  return rows.length > 0;
}
