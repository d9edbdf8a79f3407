import type { EntityManager } from '@mikro-orm/postgresql';
import { maskedNameOfCertificate } from '../../db/queries/certificate.query.js';
import { normalizeCertificateCode } from './certificate-code.js';

/**
 * The public check of a 参保证明 (GET /v1/certificates/{code}): valid or not, and the masked name it was issued to —
 * nothing more, so the check tells a stranger nothing about a person (issue 14 "Bad input and safety"). Malformed and
 * unknown codes answer alike.
 */
export async function verifyCertificate(em: EntityManager, typed: string): Promise<{ valid: boolean; maskedName: string | null }> {
  const code = normalizeCertificateCode(typed);
  const maskedName = code === null ? null : await maskedNameOfCertificate(em, code);
  return { valid: maskedName !== null, maskedName };
}
