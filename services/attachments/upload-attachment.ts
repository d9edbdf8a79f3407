import { randomUUID } from 'node:crypto';
import { insertAttachment } from '../../db/writers/attachment-rows.js';
import { appendAudit } from '../../db/writers/case-log.js';
import { invalidInput } from '../../domain/errors.js';
import { ATTACHMENT_TYPES, type AttachmentStore, MAX_ATTACHMENT_BYTES, sniffMediaType } from '../adapters/attachment-store.js';
import type { CommandContext } from '../command-context.js';

export interface StoredAttachment {
  attachmentId: string;
  sha256: string;
  size: number;
  mediaType: string;
}

const allowed: readonly string[] = Object.keys(ATTACHMENT_TYPES);

/** A file name safe to echo in a Content-Disposition header and a page: letters, digits and `._ -`, at most 200. */
const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'attachment';

/**
 * Stores an upload to be filed with a petition later (docs/api.md POST /v1/attachments): a PDF, JPEG or PNG of at
 * most 10 MiB, told by its first bytes — a declared type naming an allowed type must match them too, so a renamed
 * file is refused (400 `file`, nothing written). The bytes go to the content-addressed store, the row and its audit
 * entry to the database in one transaction; the attachment belongs to its uploader until a petition files it.
 */
export async function uploadAttachment(ctx: CommandContext, store: AttachmentStore, file: File): Promise<StoredAttachment> {
  if (file.size === 0) throw invalidInput([{ path: 'file', message: 'is empty' }]);
  if (file.size > MAX_ATTACHMENT_BYTES) throw invalidInput([{ path: 'file', message: `is larger than ${MAX_ATTACHMENT_BYTES} bytes` }]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const mediaType = sniffMediaType(bytes);
  const declared = file.type.toLowerCase();
  if (mediaType === null || (allowed.includes(declared) && declared !== mediaType)) {
    throw invalidInput([{ path: 'file', message: 'must be a PDF, JPEG or PNG file (its content is checked, not its name)' }]);
  }
  const stored = await store.put(bytes);
  const id = randomUUID();
  const now = ctx.clock.now();
  await ctx.em.transactional(async (tx) => {
    await insertAttachment(tx, { id, ownerId: ctx.actor.id, sha256: stored.sha256, size: stored.size, mediaType, originalName: safeName(file.name), now });
    await appendAudit(tx, {
      at: now,
      actorId: ctx.actor.id,
      actorRole: ctx.actor.role,
      region: ctx.actor.region ?? null,
      action: 'attachment.uploaded',
      objectType: 'Attachment',
      objectId: id,
      requestId: ctx.requestId,
      detail: { sha256: stored.sha256, size: stored.size, mediaType },
    });
  });
  return { attachmentId: id, sha256: stored.sha256, size: stored.size, mediaType };
}
