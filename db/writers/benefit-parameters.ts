import type { EntityManager } from '@mikro-orm/postgresql';
import type { BenefitParameters } from '../../domain/benefit/benefit-parameters.js';
import { appendAudit } from './case-log.js';

/** Writes a dated benefit figure set (replacing one of the same date: a correction before it takes effect), audited. */
export async function recordBenefitParameterSet(
  em: EntityManager,
  set: BenefitParameters,
  by: { actor: { id: string; role: string }; requestId: string | null; now: Date },
): Promise<{ replaced: boolean }> {
  return em.transactional(async (tx) => {
    const [before] = await tx.execute<{ region: string }[]>('select region from benefit_parameters where region = ? and effective_from = ?', [
      set.region,
      set.effectiveFrom,
    ]);
    await tx.execute(
      `insert into benefit_parameters (region, effective_from, pension_calculation_base, minimum_wage, subsistence_allowance, recorded_by, recorded_at)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (region, effective_from) do update set pension_calculation_base = excluded.pension_calculation_base,
         minimum_wage = excluded.minimum_wage, subsistence_allowance = excluded.subsistence_allowance,
         recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
      [set.region, set.effectiveFrom, set.pensionCalculationBase, set.minimumWage, set.subsistenceAllowance, by.actor.id, by.now],
    );
    await appendAudit(tx, {
      at: by.now,
      actorId: by.actor.id,
      actorRole: by.actor.role,
      region: set.region,
      action: before ? 'benefitParameters.replaced' : 'benefitParameters.recorded',
      objectType: 'RegionParameters',
      objectId: `${set.region}:${set.effectiveFrom}:benefit`,
      requestId: by.requestId,
      detail: { ...set },
    });
    return { replaced: before !== undefined };
  });
}
