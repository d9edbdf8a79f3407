import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * One line of a case's timeline: who did what, when and why. Append-only: nothing updates or deletes a row
 * (a trigger in the migration refuses it). `dedupeKey` makes activity retries write the line once.
 */
export const TimelineEntry = defineEntity({
  name: 'TimelineEntry',
  tableName: 'timeline_entry',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    caseId: p.string().length(64).index(),
    at: p.datetime(),
    actor: p.string().length(64),
    action: p.string().length(32),
    taskId: p.uuid().nullable(),
    detail: p.json<Record<string, unknown>>(),
    dedupeKey: p.string().length(160).unique(),
  },
  triggers: [
    {
      name: 'timeline_entry_append_only',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: "raise exception '% is append-only', tg_table_name using errcode = '55000';",
    },
  ],
});
export type ITimelineEntry = InferEntity<typeof TimelineEntry>;
