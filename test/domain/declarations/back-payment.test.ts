import { describe, expect, it } from 'vitest';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import { HolidayCalendar } from '../../../domain/calendar/holiday-calendar.js';
import { parametersInForce } from '../../../domain/contribution/regional-parameters.js';
import { calculateBackPayment, type BackPaymentInput } from '../../../domain/declarations/back-payment.js';
import { DEFAULT_BACK_PAYMENT_POLICY, backPaymentSupervision } from '../../../domain/declarations/back-payment-policy.js';
import { e1Parameters } from '../contribution/e1-parameters.js';
import { fixedCitizenId } from '../payroll/fixtures.js';

// Two contribution years with different averages: 9 000 in 2024 (floor 5 400), 10 000 from 2025 (E1, floor 6 000).
const sets = [e1Parameters({ effectiveFrom: '2024-01-01', averageMonthlyWage: '9000.00' }), e1Parameters()];
const noWorkInjury = ['pension', 'medical', 'unemployment'] as const;

const input = (overrides: Partial<BackPaymentInput> = {}): BackPaymentInput => ({
  citizenId: fixedCitizenId('1980-01-01'),
  from: '2024-11',
  to: '2025-02',
  monthlyWage: '5000.00',
  insuranceTypes: noWorkInjury,
  parametersFor: (m) => parametersInForce(sets, `${m}-01`),
  recordedMonths: [],
  paymentDate: '2025-04-29',
  ...overrides,
});

describe('calculateBackPayment (无记录补缴)', () => {
  it('uses each month’s own parameters across a change of average wage, with each month’s late fee (§3.2, §4, E1, E2)', () => {
    const r = calculateBackPayment(input());
    expect(r.eligible).toBe(true);
    if (!r.eligible) return;
    expect(r.months.map((m) => [m.period, m.parametersFrom, m.base, m.contribution, m.dueDate, m.lateFeeDays, m.lateFee, m.total])).toEqual([
      ['2024-11', '2024-01-01', '5400.00', '1944.00', '2024-12-15', 135, '131.22', '2075.22'],
      ['2024-12', '2024-01-01', '5400.00', '1944.00', '2025-01-15', 104, '101.09', '2045.09'],
      ['2025-01', '2025-01-01', '6000.00', '2160.00', '2025-02-15', 73, '78.84', '2238.84'],
      ['2025-02', '2025-01-01', '6000.00', '2160.00', '2025-03-15', 45, '48.60', '2208.60'],
    ]);
    expect(r.totals).toEqual({
      employer: '5814.00',
      employee: '2394.00',
      contribution: '8208.00',
      lateFee: '359.75',
      total: '8567.75',
    });
    expect(r.supervision.needsSupervisor).toBe(false);
    expect(r.workings).toContain('2024-11: wage 5000.00 is below the floor → base 5400.00');
    expect(r.workings).toContain('2025-02: contribution 2160.00 + late fee 48.60 = 2208.60');
  });

  it('charges the E1 month 4 368.00 the E2 count of 45 days: 98.28 (§3.1 E1, §4 E2)', () => {
    const r = calculateBackPayment(
      input({
        from: '2025-02',
        to: '2025-02',
        monthlyWage: '12000.00',
        insuranceTypes: ['pension', 'medical', 'unemployment', 'workInjury'],
        workInjuryClass: '2',
      }),
    );
    expect(r.eligible && r.months[0]).toMatchObject({
      contribution: '4368.00',
      lateFeeDays: 45,
      lateFee: '98.28',
      total: '4466.28',
    });
  });

  it('rolls a due date on a rest day to the next working day when the calendar is loaded (§9)', () => {
    const calendar = new HolidayCalendar(CN_CALENDAR_YEARS);
    const r = calculateBackPayment(input({ from: '2025-02', to: '2025-02', calendar }));
    expect(r.eligible && r.months[0]).toMatchObject({ dueDate: '2025-03-17', lateFeeDays: 43 }); // 15 Mar 2025 is a Saturday
  });

  it('uses a month’s own wage where one is given (§3.2, §4)', () => {
    const r = calculateBackPayment(input({ wageByMonth: { '2025-01': '7000.00' } }));
    expect(r.eligible && r.months.map((m) => m.base)).toEqual(['5400.00', '5400.00', '7000.00', '6000.00']);
  });

  it('refuses months that already have a record, naming them (§3.2, §4)', () => {
    const r = calculateBackPayment(input({ recordedMonths: ['2024-12', '2025-02', '2025-06'] }));
    expect(r).toEqual({
      eligible: false,
      refusals: [expect.objectContaining({ code: 'MONTH_ALREADY_RECORDED', months: ['2024-12', '2025-02'] })],
    });
  });

  it('refuses an amount with three decimals and every other fault at once (principle 2; §3.2, §4)', () => {
    const r = calculateBackPayment(input({ monthlyWage: '5000.005', to: '2025-05', wageByMonth: { '2025-01': 'abc' } }));
    expect(!r.eligible && r.refusals.map((x) => [x.code, x.path ?? null])).toEqual([
      ['FUTURE_MONTH', null],
      ['AMOUNT_PRECISION', 'monthlyWage'],
      ['INVALID_AMOUNT', 'wageByMonth.2025-01'],
    ]);
  });

  it('refuses months with no parameters in force and a reversed span (§3.2, §4)', () => {
    const r = calculateBackPayment(input({ from: '2023-11', to: '2024-01' }));
    expect(!r.eligible && r.refusals).toEqual([
      {
        code: 'NO_PARAMETERS',
        reason: 'no contribution parameters in force (2023-11, 2023-12)',
        months: ['2023-11', '2023-12'],
      },
    ]);
    expect(calculateBackPayment(input({ from: '2025-02', to: '2025-01' }))).toMatchObject({
      eligible: false,
      refusals: [{ code: 'INVALID_SPAN' }],
    });
    const noClass = calculateBackPayment(input({ insuranceTypes: ['workInjury'] }));
    expect(!noClass.eligible && noClass.refusals).toEqual([
      expect.objectContaining({
        code: 'INVALID_AMOUNT',
        path: 'workInjuryClass',
        months: ['2024-11', '2024-12', '2025-01', '2025-02'],
      }),
    ]);
  });

  it('charges no late fee when the policy waives it (chargeLateFee; §3.2, §4)', () => {
    const r = calculateBackPayment(input({ policy: { ...DEFAULT_BACK_PAYMENT_POLICY, chargeLateFee: false } }));
    expect(r.eligible && r.totals).toMatchObject({ lateFee: '0.00', total: '8208.00' });
  });
});

describe('the 36-month fund-supervision flag (人社厅发〔2019〕94号, §6.1, §8)', () => {
  const long = (from: string, legalDocuments: BackPaymentInput['legalDocuments'] = []) =>
    calculateBackPayment(input({ from, to: '2025-02', paymentDate: '2025-04-29', legalDocuments, parametersFor: () => e1Parameters() }));

  it('flags 36 months without a legal document and not 35 (§6.1, §8)', () => {
    const at36 = long('2022-03');
    expect(at36.eligible && at36.months.length).toBe(36);
    expect(at36.eligible && at36.supervision).toMatchObject({
      needsSupervisor: true,
      reason: expect.stringContaining('36 months ≥ 36'),
    });
    expect(at36.eligible && at36.workings.at(-1)).toContain('needs a supervisor, flag raised');
    const at35 = long('2022-04');
    expect(at35.eligible && at35.supervision.needsSupervisor).toBe(false);
  });

  it('accepts a court, arbitration, inspection or audit document issued before the back-payment, not one made after (人社厅发〔2019〕94号, §6.1)', () => {
    const before = long('2022-03', [{ kind: 'arbitration', reference: '杭劳人仲案字〔2025〕12号', issuedOn: '2025-04-29' }]);
    expect(before.eligible && before.supervision.needsSupervisor).toBe(false);
    const after = long('2022-03', [{ kind: 'court', reference: '(2025)浙0102民初9号', issuedOn: '2025-04-30' }]);
    expect(after.eligible && after.supervision).toMatchObject({
      needsSupervisor: true,
      reason: expect.stringContaining('issued after 2025-04-29 do not count'),
    });
  });

  it('follows a configured threshold (supervisionThresholdMonths; §6.1)', () => {
    expect(backPaymentSupervision(24, [], '2025-04-29', { supervisionThresholdMonths: 24 }).needsSupervisor).toBe(true);
    expect(backPaymentSupervision(24, [], '2025-04-29').needsSupervisor).toBe(false);
  });
});
