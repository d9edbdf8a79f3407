import { describe, expect, it } from 'vitest';
import { type MedicalContinuityInput, assessMedicalContinuity } from '../../../domain/transfer/medical-continuity.js';
import { DEFAULT_MEDICAL_CONTINUITY_POLICY } from '../../../domain/transfer/transfer-policy.js';
import { carryOverUnemploymentMonths } from '../../../domain/transfer/unemployment-carry-over.js';
import { expectDomainError } from './domain-error.js';

const employee = (lastCoveredMonth: string, resumedMonth: string, over: Partial<MedicalContinuityInput> = {}): MedicalContinuityInput => ({
  lastCoveredMonth,
  resumedMonth,
  fromScheme: 'employee',
  toScheme: 'employee',
  continuousMonthsBefore: 60,
  ...over,
});

describe('assessMedicalContinuity', () => {
  it('keeps cover continuous across a 3-month break, back-paid and covered retroactively (§6.2, 医保办发〔2021〕43号)', () => {
    const r = assessMedicalContinuity(employee('2025-03', '2025-07'));
    expect(r).toMatchObject({ outcome: 'continuous', breakMonths: 3, backPayMonths: 3, waitingMonths: 0, benefitsFrom: '2025-07', retroactiveFrom: '2025-04' });
  });

  it('sets a 4-month waiting period after a 4-month break with the default formula (§6.2, formula unverified)', () => {
    const r = assessMedicalContinuity(employee('2025-03', '2025-08'));
    expect(r).toMatchObject({ outcome: 'waitingPeriod', breakMonths: 4, backPayMonths: 0, waitingMonths: 4, benefitsFrom: '2025-12', retroactiveFrom: null });
    expect(r.workings.join('\n')).toContain('formula unverified');
  });

  it('caps the waiting period at 6 months (§6.2: ≤ 6 months)', () => {
    expect(assessMedicalContinuity(employee('2024-01', '2025-01')).waitingMonths).toBe(6);
  });

  it('counts a break across the year end and none between adjacent months (§6.2)', () => {
    expect(assessMedicalContinuity(employee('2025-11', '2026-03'))).toMatchObject({ breakMonths: 3, outcome: 'continuous', retroactiveFrom: '2025-12' });
    expect(assessMedicalContinuity(employee('2025-11', '2025-12'))).toMatchObject({ breakMonths: 0, outcome: 'continuous', retroactiveFrom: null });
  });

  it('keeps an employee ↔ resident switch continuous after 2 years of cover, not after 23 months (§6.2)', () => {
    const long = assessMedicalContinuity(employee('2025-03', '2025-06', { toScheme: 'resident', continuousMonthsBefore: 24 }));
    expect(long).toMatchObject({ outcome: 'continuous', breakMonths: 2, backPayMonths: 2 });
    const short = assessMedicalContinuity(employee('2025-03', '2025-06', { toScheme: 'resident', continuousMonthsBefore: 23 }));
    expect(short).toMatchObject({ outcome: 'localRule', waitingMonths: 2, benefitsFrom: '2025-08' });
  });

  it('follows configured limits and factor (medicalContinuity.maxBreakMonths, waitingMonthsPerBreakMonth, maxWaitingMonths)', () => {
    const policy = { ...DEFAULT_MEDICAL_CONTINUITY_POLICY, maxBreakMonths: 4 };
    expect(assessMedicalContinuity(employee('2025-03', '2025-08'), policy).outcome).toBe('continuous');
    const half = { ...DEFAULT_MEDICAL_CONTINUITY_POLICY, waitingMonthsPerBreakMonth: '0.5' };
    expect(assessMedicalContinuity(employee('2025-03', '2025-09'), half).waitingMonths).toBe(3); // ⌈5 × 0.5⌉
    const capped = { ...DEFAULT_MEDICAL_CONTINUITY_POLICY, maxWaitingMonths: 3 };
    expect(assessMedicalContinuity(employee('2025-03', '2025-09'), capped).waitingMonths).toBe(3);
  });

  it('refuses a malformed month, a negative cover count and a bad factor', () => {
    expectDomainError(() => assessMedicalContinuity(employee('2025-3', '2025-07')), 'INVALID_DATE', 'lastCoveredMonth');
    expectDomainError(() => assessMedicalContinuity(employee('2025-03', '2025-07', { continuousMonthsBefore: -1 })), 'INVALID_DATE', 'continuousMonthsBefore');
    expectDomainError(
      () => assessMedicalContinuity(employee('2025-03', '2025-09'), { ...DEFAULT_MEDICAL_CONTINUITY_POLICY, waitingMonthsPerBreakMonth: '-1' }),
      'INVALID_AMOUNT',
    );
  });
});

describe('carryOverUnemploymentMonths', () => {
  it('adds up unemployment contribution months from every pooling area (§6.3, 社会保险法 art. 52)', () => {
    const r = carryOverUnemploymentMonths([
      { poolingArea: '330100', months: 36 },
      { poolingArea: '440300', months: 48 },
    ]);
    expect(r.contributionMonths).toBe(84);
    expect(r.workings.at(-1)).toBe('contribution months carried over = 36 + 48 = 84 (社会保险法 art. 52)');
    expect(carryOverUnemploymentMonths([]).contributionMonths).toBe(0);
  });

  it('refuses a fractional count and a bad pooling area', () => {
    expectDomainError(() => carryOverUnemploymentMonths([{ poolingArea: '330100', months: 1.5 }]), 'INVALID_DATE', 'periods[0].months');
    expectDomainError(() => carryOverUnemploymentMonths([{ poolingArea: '33010', months: 1 }]), 'INVALID_REGION_CODE', 'periods[0].poolingArea');
  });
});
