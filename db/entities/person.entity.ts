import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/** An insured person. The social security number is the citizen ID number (社会保险法 art. 58). */
export const Person = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    citizenId: p.string().length(18).primary(),
    name: p.string().length(100),
    sex: p.string().length(6).$type<'male' | 'female'>(),
    birthDate: p.string().columnType('date'),
    phone: p.string().length(20).nullable(),
    hukouRegion: p.string().length(6).nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type IPerson = InferEntity<typeof Person>;
