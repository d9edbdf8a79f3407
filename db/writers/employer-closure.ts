import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAudit } from './case-log.js';

/**
 * Marks the employer's registration closed (注销) and audits it, inside the caller's transaction; the caller has
 * checked that nothing is owed (domain/arrears/employer-closure.ts) under the employer's ledger lock.
 */
export async function closeEmployerRegistration(
  tx: EntityManager,
  closure: { creditCode: string; region: string; by: { id: string; role: string; requestId: string | null }; now: Date },
): Promise<void> {
  await tx.execute("update employer set status = 'closed' where credit_code = ?", [closure.creditCode]);
  await appendAudit(tx, {
    at: closure.now,
    actorId: closure.by.id,
    actorRole: closure.by.role,
    region: closure.region,
    action: 'employer.closed',
    objectType: 'Employer',
    objectId: closure.creditCode,
    requestId: closure.by.requestId,
  });
}
