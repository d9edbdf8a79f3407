import type { EntityManager } from '@mikro-orm/postgresql';

/** One line of a person's identity corrections (身份信息更正) as the history shows it. */
export interface IdentityCorrectionLine {
  correctionId: string;
  field: 'birthDate';
  previous: string;
  corrected: string;
  reason: string;
  legalDocumentReference: string;
  /** Null on corrections recorded before the document's date was asked for. */
  legalDocumentDate: string | null;
  correctedBy: string;
  correctedOn: string;
}

/** The person's identity corrections, oldest first. */
export async function identityCorrectionsOf(em: EntityManager, citizenId: string): Promise<IdentityCorrectionLine[]> {
  const rows = await em.execute<
    {
      id: string;
      field: 'birthDate';
      from_value: string;
      to_value: string;
      reason: string;
      legal_document_reference: string;
      legal_document_date: string | null;
      corrected_by: string;
      corrected_on: string;
    }[]
  >(
    `select id, field, from_value, to_value, reason, legal_document_reference, to_char(legal_document_date, 'YYYY-MM-DD') as legal_document_date,
            corrected_by, to_char(corrected_on, 'YYYY-MM-DD') as corrected_on
       from identity_correction where citizen_id = ? order by created_at, id`,
    [citizenId],
  );
  return rows.map((row) => ({
    correctionId: row.id,
    field: row.field,
    previous: row.from_value,
    corrected: row.to_value,
    reason: row.reason,
    legalDocumentReference: row.legal_document_reference,
    legalDocumentDate: row.legal_document_date,
    correctedBy: row.corrected_by,
    correctedOn: row.corrected_on,
  }));
}
