import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * An official document (正式文书, issue 14 point 3): the PDF a notice of the outbox is, rendered once per notice
 * (`noticeId` is unique, so rendering again finds this row) and kept with its SHA-256 and size, so a copy handed out
 * can be checked against the original. Who may read it is the notice's recipient and staff who may read the case.
 */
export const OfficialDocument = defineEntity({
  name: 'OfficialDocument',
  tableName: 'official_document',
  properties: {
    id: p.uuid().primary(),
    noticeId: p.uuid().unique(),
    caseId: p.string().length(64).index(),
    recipientKind: p.string().length(16).$type<'citizen' | 'employer'>(),
    recipientId: p.string().length(64),
    kind: p.string().length(48),
    title: p.string().length(100),
    sha256: p.string().length(64),
    byteSize: p.integer(),
    content: p.blob(),
    issuedOn: p.string().columnType('date'),
    createdAt: p.datetime(),
  },
});
export type IOfficialDocument = InferEntity<typeof OfficialDocument>;
