import { assertMonthCount, parseMonthAt, parseRegionAt } from './transfer-input.js';
import { DEFAULT_PAYMENT_PLACE_POLICY, type PaymentPlacePolicy } from './transfer-policy.js';

/** Which of the four rules of 国办发〔2009〕66号 art. 6 chose the benefit place. */
export type PaymentPlaceRule =
  /** (1) The relationship is in the hukou province. */
  | 'RELATIONSHIP_IN_HUKOU_PROVINCE'
  /** (2) Not in the hukou province, but 10 years or more in the current place. */
  | 'TEN_YEARS_IN_CURRENT_PLACE'
  /** (3) Under 10 years in the current place: the last place with 10 years or more. */
  | 'LAST_PLACE_WITH_TEN_YEARS'
  /** (4) Under 10 years everywhere: the hukou province. */
  | 'HUKOU_PROVINCE_FALLBACK';

/** Insured months in one pooling area; a person may have several periods in one area, which add up. */
export interface InsuredPeriod {
  poolingArea: string;
  months: number;
  /** 'YYYY-MM' of the period's last month; orders the places for rule (3). */
  lastMonth: string;
  /** Deemed years (视同缴费年限) count like paid ones; marked only so the workings can say so. */
  deemed?: boolean;
}

export interface PaymentPlaceInput {
  /** The person's household registration region (6 digits); its province decides rules (1) and (4). */
  hukouRegion: string;
  /** The pooling area of the hukou region, when the caller knows it: the answer of rule (4). Default `hukouRegion`. */
  hukouPoolingArea?: string;
  /** Where the pension relationship is now. */
  currentPoolingArea: string;
  periods: readonly InsuredPeriod[];
}

export interface PaymentPlaceDecision {
  /** The pooling area (or, under rule (4) without `hukouPoolingArea`, the hukou region) that pays the pension. */
  paymentPlace: string;
  rule: PaymentPlaceRule;
  /** Months per pooling area, deemed months included. */
  monthsByArea: Record<string, number>;
  workings: string[];
}

const BASIS = '国办发〔2009〕66号 arts. 6, 12; 人社部规〔2016〕5号 §1';

const province = (code: string): string => code.slice(0, 2);
const years = (months: number): string => `${Math.floor(months / 12)} y ${months % 12} m`;

/**
 * Where the pension is paid (待遇领取地, 国办发〔2009〕66号 arts. 6, 12, restated in 人社部规〔2016〕5号 §1,
 * rules §6.1): (1) relationship in the hukou province → the current place; (2) otherwise 10 years or more in
 * the current place → the current place; (3) otherwise the most recent place with 10 years or more; (4) otherwise
 * the hukou province. Years are cumulative per pooling area and include deemed years. Pure.
 * @throws DomainError INVALID_REGION_CODE for a bad code; INVALID_DATE for bad months or a bad `lastMonth`.
 */
export function decidePaymentPlace(input: PaymentPlaceInput, policy: PaymentPlacePolicy = DEFAULT_PAYMENT_PLACE_POLICY): PaymentPlaceDecision {
  const hukou = parseRegionAt(input.hukouRegion, 'hukouRegion');
  const hukouPlace = input.hukouPoolingArea === undefined ? hukou : parseRegionAt(input.hukouPoolingArea, 'hukouPoolingArea');
  const current = parseRegionAt(input.currentPoolingArea, 'currentPoolingArea');
  const threshold = policy.minYearsAtPlace * 12;

  const monthsByArea: Record<string, number> = {};
  const lastMonthByArea = new Map<string, string>();
  const workings: string[] = [];
  input.periods.forEach((p, i) => {
    const area = parseRegionAt(p.poolingArea, `periods[${i}].poolingArea`);
    assertMonthCount(p.months, `periods[${i}].months`);
    parseMonthAt(p.lastMonth, `periods[${i}].lastMonth`);
    monthsByArea[area] = (monthsByArea[area] ?? 0) + p.months;
    const last = lastMonthByArea.get(area);
    // 'YYYY-MM' strings order like the months they name.
    if (last === undefined || p.lastMonth > last) lastMonthByArea.set(area, p.lastMonth);
    workings.push(`${area}: ${p.months} ${p.deemed === true ? 'deemed ' : ''}months to ${p.lastMonth}`);
  });
  for (const [area, months] of Object.entries(monthsByArea)) workings.push(`${area} in all: ${months} months (${years(months)})`);
  const currentMonths = monthsByArea[current] ?? 0;
  const limit = `${policy.minYearsAtPlace} years (paymentPlace.minYearsAtPlace)`;
  const decide = (paymentPlace: string, rule: PaymentPlaceRule, why: string): PaymentPlaceDecision => {
    workings.push(`${why} → ${paymentPlace} (${BASIS})`);
    return { paymentPlace, rule, monthsByArea, workings };
  };

  if (province(current) === province(hukou)) {
    return decide(current, 'RELATIONSHIP_IN_HUKOU_PROVINCE', `rule (1): the relationship (${current}) is in the hukou province ${province(hukou)}0000`);
  }
  if (currentMonths >= threshold) {
    return decide(current, 'TEN_YEARS_IN_CURRENT_PLACE', `rule (2): outside the hukou province, ${currentMonths} months in ${current} ≥ ${limit}`);
  }
  const qualifying = [...lastMonthByArea.entries()]
    .filter(([area]) => (monthsByArea[area] ?? 0) >= threshold)
    .sort(([, a], [, b]) => (a < b ? 1 : a > b ? -1 : 0));
  const latest = qualifying[0];
  if (latest !== undefined) {
    const [area, lastMonth] = latest;
    return decide(
      area,
      'LAST_PLACE_WITH_TEN_YEARS',
      `rule (3): ${currentMonths} months in ${current} < ${limit}; the last place with ${policy.minYearsAtPlace} years is ${area} (to ${lastMonth})`,
    );
  }
  return decide(hukouPlace, 'HUKOU_PROVINCE_FALLBACK', `rule (4): no place has ${limit}; collected to the hukou province`);
}
