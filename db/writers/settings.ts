import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Setting } from '../entities/index.js';
import { appendAudit } from './case-log.js';

/**
 * Replaces a `setting` row (or writes the first one) with its audit entry in one transaction. The audit keeps the
 * value before and after, so a change of a deadline can be traced to who made it.
 */
export async function writeSetting(
  em: EntityManager,
  key: string,
  value: unknown,
  by: { actor: { id: string; role: string }; requestId: string | null; now: Date },
): Promise<{ created: boolean }> {
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(Setting, { key }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const before = existing?.value ?? null;
    if (existing) tx.assign(existing, { value, updatedAt: by.now });
    else tx.create(Setting, { key, value, updatedAt: by.now });
    await tx.flush();
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actor.id,
      actorRole: by.actor.role,
      region: null,
      action: existing ? 'setting.changed' : 'setting.created',
      objectType: 'Setting',
      objectId: key,
      requestId: by.requestId,
      detail: { before, after: value },
    });
    return { created: !existing };
  });
}
