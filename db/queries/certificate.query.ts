import type { EntityManager } from '@mikro-orm/postgresql';
import { Certificate } from '../entities/index.js';

/** The masked name a verification code was issued to, or null for a code never issued. */
export async function maskedNameOfCertificate(em: EntityManager, code: string): Promise<string | null> {
  const row = await em.findOne(Certificate, { code }, { fields: ['maskedName'] });
  return row?.maskedName ?? null;
}
