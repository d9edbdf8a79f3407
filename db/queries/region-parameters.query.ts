import type { EntityManager } from '@mikro-orm/postgresql';
import type { RegionalParameters } from '../../domain/contribution/regional-parameters.js';
import type { RoundingRule } from '../../domain/money.js';
import { RegionParameters } from '../entities/index.js';
import type { IRegionParameters } from '../entities/region-parameters.entity.js';

/** Maps a stored parameter set to the domain's plain-JSON shape (every rate and amount a decimal string). */
export function toRegionalParameters(row: IRegionParameters): RegionalParameters {
  return {
    region: row.region,
    effectiveFrom: row.effectiveFrom,
    averageMonthlyWage: row.averageMonthlyWage.toFixed(2),
    baseFloorRate: trimRate(row.baseFloorRate),
    baseCeilingRate: trimRate(row.baseCeilingRate),
    rounding: row.rounding as RoundingRule,
    baseRounding: row.baseRounding as RegionalParameters['baseRounding'],
    dueDay: row.dueDay,
    rates: {
      pension: { employer: trimRate(row.pensionEmployerRate), employee: trimRate(row.pensionEmployeeRate) },
      medical: { employer: trimRate(row.medicalEmployerRate), employee: trimRate(row.medicalEmployeeRate) },
      unemployment: { employer: trimRate(row.unemploymentEmployerRate), employee: trimRate(row.unemploymentEmployeeRate) },
    },
    workInjury: { classRates: row.workInjuryClassRates, tiers: row.workInjuryTiers },
  };
}

/** "0.160000" → "0.16": numeric(9,6) pads, the API shows the rate as configured. */
function trimRate(rate: string): string {
  return rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate;
}

/** The set in force on `date`: the latest `effectiveFrom` not after it (modelling principle 1). */
export async function findParametersInForce(em: EntityManager, region: string, date: string): Promise<RegionalParameters | null> {
  const row = await em.findOne(RegionParameters, { region, effectiveFrom: { $lte: date } }, { orderBy: { effectiveFrom: 'desc' }, disableIdentityMap: true });
  return row ? toRegionalParameters(row) : null;
}

/** Every dated set of a region, oldest first (for callers that pick the one in force themselves). */
export async function listParameterSets(em: EntityManager, region: string): Promise<RegionalParameters[]> {
  const rows = await em.find(RegionParameters, { region }, { orderBy: { effectiveFrom: 'asc' } });
  return rows.map(toRegionalParameters);
}
