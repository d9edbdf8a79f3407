import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * The notice outbox: every notice to an applicant is written here in the same transaction as the change it reports,
 * then a notice-channel adapter delivers it and stamps `dispatchedAt`. `dedupeKey` keeps retries from sending twice.
 */
export const Notice = defineEntity({
  name: 'Notice',
  tableName: 'notice_outbox',
  properties: {
    id: p.uuid().primary(),
    caseId: p.string().length(64).index(),
    recipientKind: p.string().length(16).$type<'citizen' | 'employer'>(),
    recipientId: p.string().length(64).index(),
    channel: p.string().length(16),
    kind: p.string().length(48),
    payload: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
    dispatchedAt: p.datetime().nullable(),
    /** When its official document was rendered (official_document); null until the worker or a listing renders it. */
    renderedAt: p.datetime().nullable(),
    /** Until when a worker's rendering round holds it (a lease: a round that died with its worker lets it expire). */
    renderClaimedUntil: p.datetime().nullable(),
    dedupeKey: p.string().length(160).unique(),
  },
  indexes: [
    { name: 'notice_outbox_pending', properties: ['createdAt'], where: 'dispatched_at is null' },
    { name: 'notice_outbox_unrendered', properties: ['createdAt'], where: 'rendered_at is null' },
  ],
});
export type INotice = InferEntity<typeof Notice>;
