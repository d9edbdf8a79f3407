import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * An invoice number held by a 离休 / 二乙 medical expense declaration (rules §5.6): the primary key makes a second use
 * impossible in either ledger, even by two declarations sent at the same moment. A rejected declaration releases
 * its numbers (the row goes; the case timeline keeps the release), so a corrected declaration can use them.
 */
export const MedicalInvoice = defineEntity({
  name: 'MedicalInvoice',
  tableName: 'medical_invoice',
  properties: {
    invoiceKey: p.string().length(40).primary(),
    caseId: p.string().length(64).index(),
    reference: p.string().length(20),
    category: p.string().length(8).$type<'lixiu' | 'erYi'>(),
    region: p.string().length(6),
    registeredAt: p.datetime(),
  },
});
export type IMedicalInvoice = InferEntity<typeof MedicalInvoice>;
