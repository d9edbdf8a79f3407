import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/** An administrative region the agency serves (GB/T 2260 code). Staff act for exactly one region. */
export const Region = defineEntity({
  name: 'Region',
  tableName: 'region',
  properties: {
    code: p.string().length(6).primary(),
    name: p.string().length(100),
    /** The administrative parent (a district of a municipality → the municipality): data, never the code's digits. */
    parentCode: p.string().length(6).nullable(),
    /** The pooling area (统筹地区) the region belongs to, usually its city: moves inside one are never transfers. */
    poolingRegion: p.string().length(6).nullable(),
  },
});
export type IRegion = InferEntity<typeof Region>;
