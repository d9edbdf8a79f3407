import type { EntityManager } from '@mikro-orm/postgresql';
import { Certificate } from '../entities/index.js';
import { appendAudit } from './case-log.js';

export interface CertificateRow {
  code: string;
  citizenId: string;
  maskedName: string;
  issuedOn: string;
  sha256: string;
}

/** Records an issued certificate with its audit entry (the audit names the code, never the ID number). */
export async function recordCertificate(
  em: EntityManager,
  row: CertificateRow,
  by: { actor: { id: string; role: string }; requestId: string | null; now: Date; region: string | null },
): Promise<void> {
  await em.transactional(async (tx) => {
    tx.create(Certificate, { ...row, issuedAt: by.now, issuedBy: by.actor.id });
    await tx.flush();
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actor.id,
      actorRole: by.actor.role,
      region: by.region,
      action: 'certificate.issued',
      objectType: 'Certificate',
      objectId: row.code,
      requestId: by.requestId,
      detail: { issuedOn: row.issuedOn, sha256: row.sha256 },
    });
  });
}
