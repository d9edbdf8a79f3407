import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * A correction of a person's identity data (身份信息更正): today the recorded birth date, corrected by staff on a legal
 * document (a household-registration certificate, a court ruling). Append-only: the history is what the control "an
 * ID or birth date changed shortly before retirement" (rules §8 pattern 5) reads.
 */
export const IdentityCorrection = defineEntity({
  name: 'IdentityCorrection',
  tableName: 'identity_correction',
  properties: {
    id: p.uuid().primary(),
    citizenId: p.string().length(18).index(),
    field: p.string().length(16).$type<'birthDate'>(),
    fromValue: p.string().length(32),
    toValue: p.string().length(32),
    reason: p.string().length(500),
    legalDocumentReference: p.string().length(100),
    /** The legal document's own date (not after the day of the correction); null on corrections made before it was asked. */
    legalDocumentDate: p.string().columnType('date').nullable(),
    correctedBy: p.string().length(64),
    correctedOn: p.string().columnType('date'),
    createdAt: p.datetime(),
  },
});
export type IIdentityCorrection = InferEntity<typeof IdentityCorrection>;
