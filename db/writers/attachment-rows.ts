import type { EntityManager } from '@mikro-orm/postgresql';

export interface NewAttachment {
  id: string;
  ownerId: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  now: Date;
}

/** Records an uploaded file (its bytes are already in the content-addressed store), not yet filed with any case. */
export async function insertAttachment(em: EntityManager, attachment: NewAttachment): Promise<void> {
  await em.execute(`insert into attachment (id, owner_id, sha256, size, media_type, original_name, case_id, created_at) values (?, ?, ?, ?, ?, ?, null, ?)`, [
    attachment.id,
    attachment.ownerId,
    attachment.sha256,
    attachment.size,
    attachment.mediaType,
    attachment.originalName,
    attachment.now,
  ]);
}
