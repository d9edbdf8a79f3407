import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/** Which overdue periods an arrears case pursues: a period joins one case once (issue 3: later periods join the open case). */
export const ArrearsPeriod = defineEntity({
  name: 'ArrearsPeriod',
  tableName: 'arrears_period',
  properties: {
    caseId: p.string().length(64).primary(),
    period: p.string().length(7).primary(),
    employerCreditCode: p.string().length(18).index(),
    joinedAt: p.datetime(),
  },
});
export type IArrearsPeriod = InferEntity<typeof ArrearsPeriod>;
