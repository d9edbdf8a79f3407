import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * A person on a special medical-expense list of a region (rules §5.6): 离休 (`lixiu`) or 二乙 (`erYi`), with the
 * document that granted the status. One row per region, person and category, so an import applied twice lists
 * the person once; `importId` is the import that first listed them.
 */
export const EligibilityEntry = defineEntity({
  name: 'EligibilityEntry',
  tableName: 'eligibility_entry',
  properties: {
    region: p.string().length(6).primary(),
    citizenId: p.string().length(18).primary(),
    category: p.string().length(8).primary().$type<'lixiu' | 'erYi'>(),
    name: p.string().length(50),
    sourceDocument: p.string().length(100),
    importId: p.uuid(),
    listedAt: p.datetime(),
  },
});
export type IEligibilityEntry = InferEntity<typeof EligibilityEntry>;
