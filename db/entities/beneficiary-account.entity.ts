import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * Where a beneficiary's benefits are paid: a bank or social security card account (社会保险法 art. 63; the card has a
 * financial function). The payroll copies it into each line at gathering time; a line without one is held.
 */
export const BeneficiaryAccount = defineEntity({
  name: 'BeneficiaryAccount',
  tableName: 'beneficiary_account',
  properties: {
    citizenId: p.string().length(18).primary(),
    bankCode: p.string().length(32),
    bankAccount: p.string().length(32),
    holderName: p.string().length(100),
    updatedBy: p.string().length(64),
    updatedAt: p.datetime(),
  },
});
export type IBeneficiaryAccount = InferEntity<typeof BeneficiaryAccount>;
