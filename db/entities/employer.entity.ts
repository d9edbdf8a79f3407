import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

export type EmployerStatus = 'active' | 'suspended' | 'closed';

/** An employer (用人单位) registered with the agency, keyed by its unified social credit code (GB 32100). */
export const Employer = defineEntity({
  name: 'Employer',
  tableName: 'employer',
  properties: {
    creditCode: p.string().length(18).primary(),
    name: p.string().length(200),
    region: p.string().length(6).index(),
    status: p.string().length(16).$type<EmployerStatus>(),
    industryCode: p.string().length(8).nullable(),
    workInjuryClass: p.integer().nullable(),
    createdBy: p.string().length(64),
    createdAt: p.datetime(),
  },
});
export type IEmployer = InferEntity<typeof Employer>;
