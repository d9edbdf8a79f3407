import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { maskCitizenId } from '../../domain/identity/masking.js';
import { appendAudit } from './case-log.js';

export interface BirthDateCorrection {
  citizenId: string;
  birthDate: string;
  reason: string;
  legalDocumentReference: string;
  legalDocumentDate: string;
}

/** The person's sex and recorded birth date, locked for the correction; null when there is no such person. */
export async function lockPersonIdentity(tx: EntityManager, citizenId: string): Promise<{ sex: 'male' | 'female'; birthDate: string } | null> {
  const [row] = await tx.execute<{ sex: 'male' | 'female'; birth_date: string }[]>(
    "select sex, to_char(birth_date, 'YYYY-MM-DD') as birth_date from person where citizen_id = ? for update",
    [citizenId],
  );
  return row ? { sex: row.sex, birthDate: row.birth_date } : null;
}

/**
 * Corrects the recorded birth date inside the caller's transaction: the person row, the correction's history line and
 * the audit entry (the ID number masked, the legal document named with its date; neither birth date in the log).
 */
export async function writeBirthDateCorrection(
  tx: EntityManager,
  correction: BirthDateCorrection & { previous: string },
  by: { actor: { id: string; role: string }; region: string | null; requestId: string | null; now: Date; today: string },
): Promise<string> {
  const id = randomUUID();
  await tx.execute('update person set birth_date = ?, updated_at = ? where citizen_id = ?', [correction.birthDate, by.now, correction.citizenId]);
  await tx.execute(
    `insert into identity_correction (id, citizen_id, field, from_value, to_value, reason, legal_document_reference, legal_document_date, corrected_by, corrected_on, created_at)
     values (?, ?, 'birthDate', ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      correction.citizenId,
      correction.previous,
      correction.birthDate,
      correction.reason,
      correction.legalDocumentReference,
      correction.legalDocumentDate,
      by.actor.id,
      by.today,
      by.now,
    ],
  );
  await appendAudit(tx, {
    at: by.now,
    actorId: by.actor.id,
    actorRole: by.actor.role,
    region: by.region,
    action: 'person.identityCorrected',
    objectType: 'Person',
    objectId: maskCitizenId(correction.citizenId),
    requestId: by.requestId,
    detail: {
      correction: id,
      field: 'birthDate',
      legalDocumentReference: correction.legalDocumentReference,
      legalDocumentDate: correction.legalDocumentDate,
    },
  });
  return id;
}

/** Every identity change recorded for the person, oldest first (the §8 pattern 5 control's input). */
export async function identityChangesOf(em: EntityManager, citizenId: string): Promise<{ field: 'birthDate'; changedOn: string }[]> {
  const rows = await em.execute<{ field: 'birthDate'; corrected_on: string }[]>(
    "select field, to_char(corrected_on, 'YYYY-MM-DD') as corrected_on from identity_correction where citizen_id = ? order by created_at, id",
    [citizenId],
  );
  return rows.map((r) => ({ field: r.field, changedOn: r.corrected_on }));
}
