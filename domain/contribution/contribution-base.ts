import { DomainError } from '../errors.js';
import { Money } from '../money.js';
import type { RoundingRule } from '../money.js';
import type { RegionalParameters } from './regional-parameters.js';

export interface ClampedBase {
  base: Money;
  floor: Money;
  ceiling: Money;
  /** Which bound replaced the wage, or null when the wage was inside the bounds. */
  clampedTo: 'floor' | 'ceiling' | null;
  /** Human-readable steps, shown by the calculator endpoint. */
  workings: string[];
}

// A Money value cannot hold sub-fen digits, so "NONE" still rounds the bounds half-up to the fen.
const BASE_ROUNDING: Record<RegionalParameters['baseRounding'], RoundingRule> = {
  NONE: 'HALF_UP_FEN',
  YUAN: 'HALF_UP_YUAN',
};

/**
 * The contribution base: the wage clamped to [floor, ceiling] = average wage × [floor rate, ceiling rate]
 * (rules §3.2, E1 steps 1 and 5). With `baseRounding: 'YUAN'` the bounds and the base are rounded half-up
 * to whole yuan before any rate applies (§3.4); since the bounds are then whole yuan, rounding never leaves them.
 * Pure.
 * @throws DomainError INVALID_AMOUNT for a negative wage or malformed parameters.
 */
export function clampBase(wage: Money, p: RegionalParameters): ClampedBase {
  if (wage.isNegative()) throw new DomainError('INVALID_AMOUNT', `a wage cannot be negative (${wage.toString()})`);
  const rounding = BASE_ROUNDING[p.baseRounding];
  const average = Money.of(p.averageMonthlyWage);
  const floor = average.applyRate(p.baseFloorRate, rounding);
  const ceiling = average.applyRate(p.baseCeilingRate, rounding);
  if (floor.compare(ceiling) > 0) {
    throw new DomainError('INVALID_AMOUNT', `region ${p.region}: base floor ${floor.toString()} exceeds ceiling ${ceiling.toString()}`);
  }
  const workings = [
    `floor = average wage ${average.toString()} × ${p.baseFloorRate} = ${floor.toString()}`,
    `ceiling = average wage ${average.toString()} × ${p.baseCeilingRate} = ${ceiling.toString()}`,
  ];

  const rounded = wage.applyRate('1', rounding);
  if (!rounded.equals(wage)) workings.push(`wage ${wage.toString()} rounded to whole yuan = ${rounded.toString()}`);

  if (rounded.compare(floor) < 0) {
    workings.push(`wage ${rounded.toString()} is below the floor → base ${floor.toString()}`);
    return { base: floor, floor, ceiling, clampedTo: 'floor', workings };
  }
  if (rounded.compare(ceiling) > 0) {
    workings.push(`wage ${rounded.toString()} is above the ceiling → base ${ceiling.toString()}`);
    return { base: ceiling, floor, ceiling, clampedTo: 'ceiling', workings };
  }
  workings.push(`wage ${rounded.toString()} is within [${floor.toString()}, ${ceiling.toString()}] → base ${rounded.toString()}`);
  return { base: rounded, floor, ceiling, clampedTo: null, workings };
}
