import { DomainError } from '../errors.js';
import { compareDates, isIsoDate, monthOf } from '../calendar/local-date.js';
import { countInput } from './benefit-arithmetic.js';
import { DEFAULT_UNEMPLOYMENT_POLICY, type UnemploymentPolicy } from './unemployment-policy.js';

export interface UnemploymentStopInput {
  /** The unemployment registration date: the benefit period counts from it (社会保险法 art. 50). */
  registrationDate: string;
  /** Months granted for the spell (calculateUnemploymentBenefit's `months`). */
  entitledMonths: number;
  /** Start of the new employment (the new enrollment's hire date). */
  reemploymentDate: string;
}

export interface UnemploymentStop {
  /** First month not paid, 'YYYY-MM'. */
  stopMonth: string;
  monthsPaid: number;
  /** Carried to a later spell (失业保险条例 art. 17), subject to the combined cap there. */
  monthsUnused: number;
  workings: string[];
}

const monthIndex = (yyyyMm: string): number => Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;

const monthName = (index: number): string => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * Stopping 失业保险金 on re-employment (社会保险法 art. 51; 失业保险条例 arts. 15, 17; rules §5.3): payment runs
 * monthly from the registration month and stops from the month of re-employment (or the next month, configured);
 * months granted but not paid stay unused and are added to a later spell. Pure.
 * @throws DomainError INVALID_DATE for malformed dates or re-employment before registration.
 */
export function stopOnReemployment(input: UnemploymentStopInput, policy: UnemploymentPolicy = DEFAULT_UNEMPLOYMENT_POLICY): UnemploymentStop {
  const { stopFrom } = policy;
  for (const [path, date] of [
    ['registrationDate', input.registrationDate],
    ['reemploymentDate', input.reemploymentDate],
  ] as const) {
    if (!isIsoDate(date)) throw new DomainError('INVALID_DATE', `"${date}" is not a real date in the form YYYY-MM-DD`, { path });
  }
  if (compareDates(input.reemploymentDate, input.registrationDate) < 0) {
    throw new DomainError('INVALID_DATE', `re-employment ${input.reemploymentDate} is before registration ${input.registrationDate}`, {
      path: 'reemploymentDate',
    });
  }
  const entitled = countInput(input.entitledMonths, 'entitledMonths', 0, 24);
  const first = monthIndex(monthOf(input.registrationDate));
  const stop = monthIndex(monthOf(input.reemploymentDate)) + (stopFrom === 'nextMonth' ? 1 : 0);
  const monthsPaid = Math.min(entitled, Math.max(0, stop - first));
  const monthsUnused = entitled - monthsPaid;
  return {
    stopMonth: monthName(stop),
    monthsPaid,
    monthsUnused,
    workings: [
      `paid from ${monthName(first)}; re-employed ${input.reemploymentDate} → stops from ${monthName(stop)} (configuration unemployment.stopFrom ${stopFrom}; 社会保险法 art. 51)`,
      `${monthsPaid} of ${entitled} months paid, ${monthsUnused} unused carry to a later spell (失业保险条例 art. 17)`,
    ],
  };
}
