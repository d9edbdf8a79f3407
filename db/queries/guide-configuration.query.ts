import type { EntityManager } from '@mikro-orm/postgresql';
import type { GuideConfiguration } from '../../domain/guide/guide.js';
import { DEFAULT_PETITION_POLICY } from '../../domain/petition/petition-policy.js';
import { loadBenefitPolicy } from './benefit.query.js';
import { loadContributionPolicy } from './contribution-policy.query.js';
import { loadEnrollmentPolicy, loadTransferPolicy } from './settings.query.js';

/**
 * The configuration the guide prints, read by the very loaders the commands call when they start a case or book a
 * payment (register-hire, declare-wages, start-transfer, file-claim), so the guide shows what a new case is given.
 * Petitions take the built-in policy, as file-petition does.
 */
export async function loadGuideConfiguration(em: EntityManager, asOf: string): Promise<GuideConfiguration> {
  const [enrollment, contribution, transfer, benefit] = await Promise.all([
    loadEnrollmentPolicy(em),
    loadContributionPolicy(em),
    loadTransferPolicy(em),
    loadBenefitPolicy(em, asOf),
  ]);
  return { enrollment, contribution, petition: DEFAULT_PETITION_POLICY, transfer, benefit, asOf };
}
