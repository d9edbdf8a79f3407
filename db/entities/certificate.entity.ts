import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * A 参保证明 issued (POST /v1/persons/{citizenId}/certificates). The verification code printed on it is the key, so a
 * forged certificate carries a code that is unknown or names someone else; the row keeps only the masked name the
 * public check may show, and the SHA-256 of the PDF handed out, so staff can tell an altered copy from the original.
 */
export const Certificate = defineEntity({
  name: 'Certificate',
  tableName: 'certificate',
  properties: {
    code: p.string().length(20).primary(),
    citizenId: p.string().length(18).index(),
    maskedName: p.string().length(50),
    issuedOn: p.string().columnType('date'),
    issuedAt: p.datetime(),
    issuedBy: p.string().length(64),
    sha256: p.string().length(64),
  },
});
export type ICertificate = InferEntity<typeof Certificate>;
