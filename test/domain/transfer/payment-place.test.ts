import { describe, expect, it } from 'vitest';
import { type PaymentPlaceInput, decidePaymentPlace } from '../../../domain/transfer/payment-place.js';
import { expectDomainError } from './domain-error.js';

// Hukou in Hangzhou (Zhejiang, 33); Shenzhen 440300, Shanghai 310100, Nanjing 320100.
const base = (over: Partial<PaymentPlaceInput>): PaymentPlaceInput => ({ hukouRegion: '330102', currentPoolingArea: '440300', periods: [], ...over });

describe('decidePaymentPlace', () => {
  it('pays where the relationship is when it is in the hukou province, however short (§6.1 rule 1)', () => {
    const d = decidePaymentPlace(
      base({
        currentPoolingArea: '330200',
        periods: [
          { poolingArea: '440300', months: 150, lastMonth: '2020-12' },
          { poolingArea: '330200', months: 24, lastMonth: '2022-12' },
        ],
      }),
    );
    expect(d).toMatchObject({ paymentPlace: '330200', rule: 'RELATIONSHIP_IN_HUKOU_PROVINCE' });
  });

  it('pays in the current place outside the hukou province from exactly 10 years there (§6.1 rule 2)', () => {
    const d = decidePaymentPlace(base({ periods: [{ poolingArea: '440300', months: 120, lastMonth: '2025-06' }] }));
    expect(d).toMatchObject({ paymentPlace: '440300', rule: 'TEN_YEARS_IN_CURRENT_PLACE' });
    expect(d.workings.at(-1)).toContain('120 months in 440300 ≥ 10 years (paymentPlace.minYearsAtPlace)');
    const short = decidePaymentPlace(base({ periods: [{ poolingArea: '440300', months: 119, lastMonth: '2025-06' }] }));
    expect(short.rule).toBe('HUKOU_PROVINCE_FALLBACK');
  });

  it('adds up separate periods in one place (§6.1: cumulative years)', () => {
    const d = decidePaymentPlace(
      base({
        periods: [
          { poolingArea: '440300', months: 60, lastMonth: '2012-12' },
          { poolingArea: '310100', months: 36, lastMonth: '2015-12' },
          { poolingArea: '440300', months: 60, lastMonth: '2020-12' },
        ],
      }),
    );
    expect(d.monthsByArea).toEqual({ '440300': 120, '310100': 36 });
    expect(d.rule).toBe('TEN_YEARS_IN_CURRENT_PLACE');
  });

  it('goes back to the most recent place with 10 years when the current place has fewer (§6.1 rule 3)', () => {
    const d = decidePaymentPlace(
      base({
        periods: [
          { poolingArea: '310100', months: 130, lastMonth: '2010-06' },
          { poolingArea: '320100', months: 125, lastMonth: '2020-12' },
          { poolingArea: '440300', months: 60, lastMonth: '2025-12' },
        ],
      }),
    );
    expect(d).toMatchObject({ paymentPlace: '320100', rule: 'LAST_PLACE_WITH_TEN_YEARS' });
  });

  it('counts deemed years towards the 10 years (§6.1: years include deemed years)', () => {
    const d = decidePaymentPlace(
      base({
        periods: [
          { poolingArea: '310100', months: 84, lastMonth: '1997-12', deemed: true },
          { poolingArea: '310100', months: 36, lastMonth: '2000-12' },
          { poolingArea: '440300', months: 60, lastMonth: '2025-12' },
        ],
      }),
    );
    expect(d).toMatchObject({ paymentPlace: '310100', rule: 'LAST_PLACE_WITH_TEN_YEARS' });
    expect(d.workings[0]).toBe('310100: 84 deemed months to 1997-12');
  });

  it('collects to the hukou province when no place reaches 10 years (§6.1 rule 4)', () => {
    const periods = [
      { poolingArea: '310100', months: 100, lastMonth: '2015-12' },
      { poolingArea: '440300', months: 100, lastMonth: '2025-12' },
    ];
    expect(decidePaymentPlace(base({ periods }))).toMatchObject({ paymentPlace: '330102', rule: 'HUKOU_PROVINCE_FALLBACK' });
    expect(decidePaymentPlace(base({ periods, hukouPoolingArea: '330100' })).paymentPlace).toBe('330100');
  });

  it('follows a configured number of years (paymentPlace.minYearsAtPlace)', () => {
    const input = base({
      periods: [
        { poolingArea: '310100', months: 180, lastMonth: '2015-12' },
        { poolingArea: '440300', months: 150, lastMonth: '2025-12' },
      ],
    });
    expect(decidePaymentPlace(input).paymentPlace).toBe('440300');
    expect(decidePaymentPlace(input, { minYearsAtPlace: 15 })).toMatchObject({ paymentPlace: '310100', rule: 'LAST_PLACE_WITH_TEN_YEARS' });
  });

  it('refuses a bad region, a negative month count and a bad last month', () => {
    expectDomainError(() => decidePaymentPlace(base({ currentPoolingArea: 'x' })), 'INVALID_REGION_CODE', 'currentPoolingArea');
    expectDomainError(
      () => decidePaymentPlace(base({ periods: [{ poolingArea: '310100', months: -1, lastMonth: '2015-12' }] })),
      'INVALID_DATE',
      'periods[0].months',
    );
    expectDomainError(
      () => decidePaymentPlace(base({ periods: [{ poolingArea: '310100', months: 1, lastMonth: '2015-13' }] })),
      'INVALID_DATE',
      'periods[0].lastMonth',
    );
  });
});
