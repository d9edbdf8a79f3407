import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_CONTRIBUTION_POLICY, type ContributionPolicy } from '../../domain/arrears/arrears-policy.js';

/**
 * The collection policy in force: stored overrides (setting `contribution.policy`) on top of the defaults. A stored
 * policy that sets `hardshipMaxDays` without `hardshipMaxMonths` meant a day count, and keeps it.
 */
export async function loadContributionPolicy(em: EntityManager): Promise<ContributionPolicy> {
  // A plain row: this is read on every declaration, and hydrating the entity costs a millisecond.
  const [row] = await em.execute<{ value: Partial<ContributionPolicy> }[]>(`select value from setting where key = 'contribution.policy'`);
  const stored = row?.value ?? {};
  const policy: ContributionPolicy = { ...DEFAULT_CONTRIBUTION_POLICY, ...stored, lateFee: { ...DEFAULT_CONTRIBUTION_POLICY.lateFee, ...stored.lateFee } };
  if (stored.hardshipMaxDays !== undefined && stored.hardshipMaxMonths === undefined) delete policy.hardshipMaxMonths;
  return policy;
}
