import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/** Configurable policy values (unverified rules become configuration with the suggested default), keyed by name. */
export const Setting = defineEntity({
  name: 'Setting',
  tableName: 'setting',
  properties: {
    key: p.string().length(64).primary(),
    value: p.json<unknown>(),
    updatedAt: p.datetime(),
  },
});
export type ISetting = InferEntity<typeof Setting>;
