import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/** A day that departs from the Monday–Friday week: a statutory holiday or a make-up workday (调休上班日), per year. */
export const CalendarDay = defineEntity({
  name: 'CalendarDay',
  tableName: 'calendar_day',
  properties: {
    date: p.string().columnType('date').primary(),
    year: p.integer().index(),
    kind: p.string().length(8).$type<'holiday' | 'makeup'>(),
  },
});
export type ICalendarDay = InferEntity<typeof CalendarDay>;
