import type { EntityManager } from '@mikro-orm/postgresql';
import { loadGuideConfiguration } from '../../db/queries/guide-configuration.query.js';
import { searchGuide, type GuideProcedure } from '../../domain/guide/guide.js';
import { guideProcedures } from '../../domain/guide/procedures.js';
import type { BusinessClock } from '../business-clock.js';

export type { GuideProcedure } from '../../domain/guide/guide.js';

export interface Guide {
  /** The business day the figures are in force on. */
  asOf: string;
  query: string | null;
  procedures: GuideProcedure[];
}

/**
 * 办事指南 (GET /v1/guide, public): every procedure with the configuration in force today, or those matching `query`.
 * No caller and no CASL check: the guide holds no personal data and is the same for everyone.
 */
export async function readGuide(deps: { em: EntityManager; clock: BusinessClock }, query?: string): Promise<Guide> {
  const asOf = deps.clock.today();
  const procedures = guideProcedures(await loadGuideConfiguration(deps.em, asOf));
  const q = query?.trim() ? query.trim() : null;
  return { asOf, query: q, procedures: q ? searchGuide(procedures, q) : procedures };
}
