import type { EntityManager } from '@mikro-orm/postgresql';
import type { PetitionChannel, Representative } from '../../domain/petition/petition-submission.js';

export interface PetitionRow {
  caseId: string;
  /** The petitioner's ID number, kept here even when the petition is anonymous to staff (it decides who may read it). */
  petitionerId: string;
  /** Hash of the normalised matter (art. 36: the same facts and reasons after a concluded re-review). */
  matterKey: string;
  channel: PetitionChannel;
  anonymous: boolean;
  representatives: readonly Representative[];
  attachmentIds: readonly string[];
  concernsCaseReference: string | null;
  now: Date;
}

/**
 * Writes the petition row of a case registered by db/writers/case-intake.ts and files its attachments with it, in the
 * caller's transaction. Idempotent by case ID: a retried submission changes nothing, and an attachment already filed
 * (with this case or another) is left where it is.
 */
export async function recordPetition(em: EntityManager, row: PetitionRow): Promise<void> {
  await em.execute(
    `insert into petition (case_id, petitioner_id, matter_key, channel, anonymous, representatives, attachment_ids, concerns_case_reference, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing`,
    [
      row.caseId,
      row.petitionerId,
      row.matterKey,
      row.channel,
      row.anonymous,
      JSON.stringify(row.representatives),
      JSON.stringify(row.attachmentIds),
      row.concernsCaseReference,
      row.now,
    ],
  );
  if (row.attachmentIds.length > 0) {
    await em.execute(`update attachment set case_id = ? where id in (${row.attachmentIds.map(() => '?').join(', ')}) and case_id is null`, [
      row.caseId,
      ...row.attachmentIds,
    ]);
  }
}
