import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * Every message exchanged with a counterpart agency through the national transfer platform, in and out, as sent or
 * received (docs/transfers.md). The message ID is the platform's: a message delivered twice is recorded once.
 * `handledAt` is when an inbound message reached its case. An internal hand-off table: the body keeps the person's ID
 * number as the platform needs it; nothing reads it out to an API caller.
 */
export const ExchangeMessageRecord = defineEntity({
  name: 'ExchangeMessageRecord',
  tableName: 'exchange_message',
  properties: {
    messageId: p.uuid().primary(),
    direction: p.string().length(3).$type<'in' | 'out'>(),
    type: p.string().length(24),
    transferId: p.string().length(32).index(),
    caseId: p.string().length(64).nullable().index(),
    counterpart: p.string().length(6),
    body: p.json<Record<string, unknown>>(),
    recordedAt: p.datetime(),
    handledAt: p.datetime().nullable(),
  },
});
export type IExchangeMessageRecord = InferEntity<typeof ExchangeMessageRecord>;
