import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal } from 'decimal.js';
import type { RegionalParameters } from '../../domain/contribution/regional-parameters.js';
import { RegionParameters } from '../entities/index.js';
import { toRegionalParameters } from '../queries/region-parameters.query.js';
import { appendAudit } from './case-log.js';

/** Writes a dated parameter set (replacing one of the same date) with its audit entry, in one transaction. */
export async function recordParameterSet(
  em: EntityManager,
  set: RegionalParameters,
  by: { actor: { id: string; role: string }; requestId: string | null; now: Date },
): Promise<RegionalParameters> {
  const values = {
    averageMonthlyWage: new Decimal(set.averageMonthlyWage),
    baseFloorRate: set.baseFloorRate,
    baseCeilingRate: set.baseCeilingRate,
    rounding: set.rounding,
    baseRounding: set.baseRounding,
    dueDay: set.dueDay,
    pensionEmployerRate: set.rates.pension.employer,
    pensionEmployeeRate: set.rates.pension.employee,
    medicalEmployerRate: set.rates.medical.employer,
    medicalEmployeeRate: set.rates.medical.employee,
    unemploymentEmployerRate: set.rates.unemployment.employer,
    unemploymentEmployeeRate: set.rates.unemployment.employee,
    workInjuryClassRates: set.workInjury.classRates,
    workInjuryTiers: set.workInjury.tiers,
    recordedBy: by.actor.id,
    recordedAt: by.now,
  };
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(RegionParameters, { region: set.region, effectiveFrom: set.effectiveFrom });
    const row = existing ? tx.assign(existing, values) : tx.create(RegionParameters, { region: set.region, effectiveFrom: set.effectiveFrom, ...values });
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actor.id,
      actorRole: by.actor.role,
      region: set.region,
      action: existing ? 'parameters.replaced' : 'parameters.recorded',
      objectType: 'RegionParameters',
      objectId: `${set.region}:${set.effectiveFrom}`,
      requestId: by.requestId,
      detail: { ...set },
    });
    await tx.flush();
    return toRegionalParameters(row);
  });
}
