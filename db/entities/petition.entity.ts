import { defineEntity, type InferEntity } from '@mikro-orm/core';

const p = defineEntity.properties;

/**
 * The petition-specific part of a petition case (rules §7 data model). Kept apart from case_record because
 * it holds the petitioner's identity even when the petition is anonymous to staff: only the petitioner's own view
 * and art. 36 duplicate recognition (`matterKey`) read `petitionerId`.
 */
export const Petition = defineEntity({
  name: 'Petition',
  tableName: 'petition',
  properties: {
    caseId: p.string().length(64).primary(),
    petitionerId: p.string().length(18).index(),
    /** sha256 of the normalised request, facts and reasons (and the case they concern). */
    matterKey: p.string().length(64).index(),
    channel: p.string().length(16),
    anonymous: p.boolean(),
    representatives: p.json<{ name: string; citizenId: string }[]>(),
    attachmentIds: p.json<string[]>(),
    concernsCaseReference: p.string().length(20).nullable(),
    rating: p.integer().nullable(),
    ratingComment: p.string().length(500).nullable(),
    ratedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  },
});
export type IPetition = InferEntity<typeof Petition>;
