import { caseSubjectOf, findCase } from '../../db/queries/case.query.js';
import { findAttachments } from '../../db/queries/petition.query.js';
import { DomainError } from '../../domain/errors.js';
import type { AttachmentStore } from '../adapters/attachment-store.js';
import { may } from '../authorization.js';
import type { CommandContext } from '../command-context.js';

export interface AttachmentFile {
  bytes: Uint8Array;
  mediaType: string;
  originalName: string;
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An attachment's bytes for its uploader, or for staff who may read the case it is filed with — never for the staff
 * member a whistle-blowing petition accuses, nor for anyone else: they get the same 404 as for an unknown ID.
 */
export async function readAttachment(ctx: CommandContext, store: AttachmentStore, attachmentId: string): Promise<AttachmentFile> {
  const [attachment] = UUID.test(attachmentId) ? await findAttachments(ctx.em, [attachmentId]) : [];
  let visible = attachment !== undefined && attachment.ownerId === ctx.actor.id;
  if (attachment && !visible && attachment.caseId) {
    const row = await findCase(ctx.em, attachment.caseId);
    // Staff see it with the case; the accused never (the case is not readable to them, policies/abilities.ts).
    visible = row !== null && ctx.actor.role !== 'citizen' && may(ctx, 'read', 'Case', caseSubjectOf(row));
  }
  if (!attachment || !visible) throw new DomainError('ATTACHMENT_NOT_FOUND', `No attachment ${attachmentId}`);
  const bytes = await store.get(attachment.sha256);
  return { bytes, mediaType: attachment.mediaType, originalName: attachment.originalName, sha256: attachment.sha256 };
}
