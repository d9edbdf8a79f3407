import type { RegionalParameters } from '../../../domain/contribution/regional-parameters.js';
import { DEFAULT_WORK_INJURY_CLASS_RATES, DEFAULT_WORK_INJURY_TIERS } from '../../../domain/contribution/regional-parameters.js';

/** The illustrative city of rules E1: average 10 000, bounds 60 %–300 %, 16/8, 9/2, 0.5/0.5. */
export function e1Parameters(overrides: Partial<RegionalParameters> = {}): RegionalParameters {
  return {
    region: '330100',
    effectiveFrom: '2025-01-01',
    averageMonthlyWage: '10000.00',
    baseFloorRate: '0.6',
    baseCeilingRate: '3',
    rounding: 'HALF_UP_FEN',
    baseRounding: 'NONE',
    dueDay: 15,
    rates: {
      pension: { employer: '0.16', employee: '0.08' },
      medical: { employer: '0.09', employee: '0.02' },
      unemployment: { employer: '0.005', employee: '0.005' },
    },
    workInjury: { classRates: { ...DEFAULT_WORK_INJURY_CLASS_RATES }, tiers: [...DEFAULT_WORK_INJURY_TIERS] },
    ...overrides,
  };
}
