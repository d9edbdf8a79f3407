import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * A staff account's own insurance record, or a relative's (经办条例 art. 37; rules §8 pattern 8): the self-dealing
 * control looks here when a staff member decides a task, and a case about one of these people opens an
 * investigation. Kept by the agency's personnel office; one row per staff member and person.
 */
export const StaffRecordLink = defineEntity({
  name: 'StaffRecordLink',
  tableName: 'staff_record_link',
  properties: {
    staffId: p.string().length(64).primary(),
    citizenId: p.string().length(18).primary(),
    relation: p.string().length(8).$type<'self' | 'relative'>(),
    recordedBy: p.string().length(64),
    recordedAt: p.datetime(),
  },
});
export type IStaffRecordLink = InferEntity<typeof StaffRecordLink>;
