// The back-payment policy is configuration with dates (modelling principle 1): the supervision threshold (人社厅发〔2019〕94号,
// §6.1), whether late fees are charged (§4, local practice) and the period an approved bill may be paid in (local
// practice, unverified: 15 calendar days, rules §9 for the counting).
import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { HolidayCalendar } from '../../../domain/calendar/holiday-calendar.js';
import {
  DEFAULT_BACK_PAYMENT_POLICY,
  backPaymentDueOn,
  backPaymentPolicyInForce,
  backPaymentPolicyIssues,
} from '../../../domain/declarations/back-payment-policy.js';
import { DomainError } from '../../../domain/errors.js';
import { assertValidSetting } from '../../../domain/settings/setting-keys.js';

const calendar = new HolidayCalendar(CN_CALENDAR_YEARS);

describe('backPayment.policy (dated configuration)', () => {
  it('defaults: 36 months for the supervisor (§6.1), late fees charged (§4), 15 calendar days to pay (unverified)', () => {
    expect(backPaymentPolicyInForce([], '2026-12-03')).toEqual(DEFAULT_BACK_PAYMENT_POLICY);
    expect(DEFAULT_BACK_PAYMENT_POLICY).toMatchObject({ supervisionThresholdMonths: 36, chargeLateFee: true, paymentDueDays: 15, paymentDueUnit: 'calendar' });
  });

  it('applies each version from its effectiveFrom on, later ones keeping what they leave out (principle 1; §6.1, §4)', () => {
    const versions = [
      { effectiveFrom: '2027-01-01', paymentDueDays: 10, paymentDueUnit: 'working' as const },
      { effectiveFrom: '2026-07-01', source: '浙人社发〔2026〕1号', chargeLateFee: false, supervisionThresholdMonths: 24 },
    ];
    expect(backPaymentPolicyInForce(versions, '2026-06-30')).toEqual(DEFAULT_BACK_PAYMENT_POLICY);
    expect(backPaymentPolicyInForce(versions, '2026-07-01')).toMatchObject({ chargeLateFee: false, supervisionThresholdMonths: 24, paymentDueDays: 15 });
    expect(backPaymentPolicyInForce(versions, '2027-01-01')).toMatchObject({
      chargeLateFee: false,
      supervisionThresholdMonths: 24,
      paymentDueDays: 10,
      paymentDueUnit: 'working',
    });
    expect(() => backPaymentPolicyInForce(versions, '2026-02-30')).toThrow(DomainError);
  });

  it('refuses a stored value that does not fit, naming each field under value (PUT /v1/settings/backPayment.policy)', () => {
    expect(backPaymentPolicyIssues({ versions: [{ effectiveFrom: '2026-01-01', paymentDueDays: 15, chargeLateFee: false }] })).toEqual([]);
    expect(
      backPaymentPolicyIssues({
        versions: [
          { effectiveFrom: '2026-13-01', paymentDueDays: 1.5, chargeLateFee: 'no', paymentDueUnit: 'weeks', lateFeeRate: '0.001' },
          { supervisionThresholdMonths: 0 },
          'x',
        ],
      }).map((i) => i.path),
    ).toEqual([
      'value.versions.0.effectiveFrom',
      'value.versions.0.paymentDueDays',
      'value.versions.0.chargeLateFee',
      'value.versions.0.paymentDueUnit',
      'value.versions.0.lateFeeRate',
      'value.versions.1.supervisionThresholdMonths',
      'value.versions.1.effectiveFrom',
      'value.versions.2',
    ]);
    expect(backPaymentPolicyIssues({ paymentDueDays: 15 }).map((i) => i.path)).toEqual(['value.versions']);
    expect(() => assertValidSetting('backPayment.policy', { versions: [{ effectiveFrom: '2026-01-01', paymentDueDays: -3 }] })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'value.versions.0.paymentDueDays' })] }),
    );
  });
});

describe('the approved back-payment bill’s own due date (backPaymentDueOn; rules §9)', () => {
  it('15 calendar days after the approval day, the day itself not counted (民法典 art. 201)', () => {
    expect(backPaymentDueOn('2026-11-02', DEFAULT_BACK_PAYMENT_POLICY, calendar)).toEqual({ dueDate: '2026-11-17', unit: 'calendar', provisional: false });
  });

  it('a period ending in the National Day holiday ends on the first working day after it (民法典 art. 203, §9)', () => {
    // 2026-09-20 + 15 = 2026-10-05, inside 1–7 October: due on Thursday 2026-10-08.
    expect(backPaymentDueOn('2026-09-20', DEFAULT_BACK_PAYMENT_POLICY, calendar).dueDate).toBe('2026-10-08');
  });

  it('counts working days when configured, skipping the holiday and counting the make-up Saturday (§9, E11)', () => {
    // Working days after 2026-09-28: 29, 30 Sep, then 8, 9 Oct and the make-up Saturday 10 Oct = 5.
    expect(backPaymentDueOn('2026-09-28', { paymentDueDays: 5, paymentDueUnit: 'working' }, calendar).dueDate).toBe('2026-10-10');
  });

  it('says the date is provisional when the year it lands in has no holiday table (§9)', () => {
    expect(backPaymentDueOn('2027-12-20', DEFAULT_BACK_PAYMENT_POLICY, calendar).provisional).toBe(true);
  });
});
