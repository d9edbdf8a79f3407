import { assertMonthCount, parseRegionAt } from './transfer-input.js';

/** Unemployment-insurance contribution months paid in one pooling area. */
export interface UnemploymentPeriod {
  poolingArea: string;
  months: number;
}

export interface UnemploymentCarryOver {
  /** Months that count in the new area: every area's months added up. */
  contributionMonths: number;
  workings: string[];
}

const BASIS = '社会保险法 art. 52';

/**
 * Unemployment-insurance years carry over a transfer (社会保险法 art. 52, rules §6.3): the relationship moves with
 * the worker and contribution years from every pooling area add up. The caller lists each month once — months paid
 * twice for the same calendar month are a duplicate to clear, not extra entitlement. Pure.
 * @throws DomainError INVALID_REGION_CODE for a bad area; INVALID_DATE for a negative or fractional count.
 */
export function carryOverUnemploymentMonths(periods: readonly UnemploymentPeriod[]): UnemploymentCarryOver {
  const workings: string[] = [];
  let contributionMonths = 0;
  periods.forEach((p, i) => {
    assertMonthCount(p.months, `periods[${i}].months`);
    parseRegionAt(p.poolingArea, `periods[${i}].poolingArea`);
    contributionMonths += p.months;
    workings.push(`${p.poolingArea}: ${p.months} months`);
  });
  workings.push(`contribution months carried over = ${periods.map((p) => p.months).join(' + ') || '0'} = ${contributionMonths} (${BASIS})`);
  return { contributionMonths, workings };
}
