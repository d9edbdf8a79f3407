import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * A year whose State Council holiday arrangement is loaded (its days are in calendar_day). A year without a row is
 * provisional: deadlines across it count plain weeks and say so, until an admin loads it (PUT /v1/calendars/{year}).
 */
export const CalendarYearRecord = defineEntity({
  name: 'CalendarYearRecord',
  tableName: 'calendar_year',
  properties: {
    year: p.integer().primary().autoincrement(false),
    /** The notice it comes from, e.g. 国办发明电〔2025〕7号 of 4 Nov 2025. */
    notice: p.string().length(200),
    loadedBy: p.string().length(64),
    loadedAt: p.datetime(),
  },
});
export type ICalendarYearRecord = InferEntity<typeof CalendarYearRecord>;
