import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * An uploaded file (a scan, a photo). The bytes live in the content-addressed store (activities/attachment-store.ts)
 * under their sha256; this row says who uploaded them and, once filed, which case they belong to — the two facts
 * that decide who may read them.
 */
export const Attachment = defineEntity({
  name: 'Attachment',
  tableName: 'attachment',
  properties: {
    id: p.uuid().primary(),
    ownerId: p.string().length(64).index(),
    sha256: p.string().length(64).index(),
    size: p.integer(),
    mediaType: p.string().length(32),
    originalName: p.string().length(200),
    caseId: p.string().length(64).nullable().index(),
    createdAt: p.datetime(),
  },
});
export type IAttachment = InferEntity<typeof Attachment>;
