import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * A temporary basic pension contribution account (临时基本养老保险缴费账户, 国办发〔2009〕66号 art. 5): opened in the new
 * place for a man from 50 or a woman from 40 who moved out of the hukou province; the relationship stays in
 * `keptInPoolingArea`, and the account is collected there or to the benefit place on the next move or at retirement.
 * One per transfer case.
 */
export const TemporaryPensionAccount = defineEntity({
  name: 'TemporaryPensionAccount',
  tableName: 'temporary_pension_account',
  properties: {
    id: p.uuid().primary(),
    citizenId: p.string().length(18).index(),
    region: p.string().length(6),
    poolingArea: p.string().length(6),
    keptInPoolingArea: p.string().length(6),
    openedByCase: p.string().length(64).unique(),
    openedOn: p.string().columnType('date'),
    createdAt: p.datetime(),
    /** The collection (归集) into the relationship's place: the day, where, the last month counted and what set it off. */
    collectedOn: p.string().columnType('date').nullable(),
    collectedInto: p.string().length(6).nullable(),
    collectedThroughMonth: p.string().length(7).nullable(),
    collectedMonths: p.integer().nullable(),
    collectionTrigger: p.string().length(16).nullable(),
    collectedBy: p.string().length(64).nullable(),
    /** The transfer that set it off (trigger `nextTransfer`). */
    collectedByCase: p.string().length(64).nullable(),
    /** The spans of the account's place the collection counted (start, end, wage, employee rate), as it counted them. */
    collectedPeriods: p.json<unknown[]>().nullable(),
    /** The later transfer out of the kept place that moved the collected months on (they move once). */
    movedOnByCase: p.string().length(64).nullable(),
  },
});
export type ITemporaryPensionAccount = InferEntity<typeof TemporaryPensionAccount>;
