// PUT /v1/settings/{key} refuses an override that does not fit its policy, naming the field, before anything is
// written: a misspelt key would otherwise be ignored silently and a figure of the wrong kind break a case later.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors.js';
import { assertValidSetting } from '../../../domain/settings/setting-keys.js';

const issuesOf = (run: () => void) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return (error.issues ?? []).map((i) => i.path);
    throw error;
  }
  return [];
};

describe('assertValidSetting', () => {
  it('accepts a partial override of the right kinds, nested one section deep', () => {
    expect(issuesOf(() => assertValidSetting('enrollment.policy', { correctionDays: 20, reviewSampleRate: '0', flexibleInsuranceTypes: ['pension'] }))).toEqual(
      [],
    );
    expect(issuesOf(() => assertValidSetting('contribution.policy', { lateFee: { dailyRate: '0.0005' }, orderToPayDays: 7 }))).toEqual([]);
    expect(issuesOf(() => assertValidSetting('transfer.policy', { legs: { pension: { acceptanceLetter: 12 } } }))).toEqual([]);
  });

  it('names every field at fault: an unknown key, a fraction of a day, a rate as a number, a word for a rate', () => {
    expect(
      issuesOf(() => assertValidSetting('enrollment.policy', { corectionDays: 20, registrationDays: 30.5, reviewSampleRate: 0.05, minimumAge: '16' })),
    ).toEqual(['value.corectionDays', 'value.registrationDays', 'value.reviewSampleRate', 'value.minimumAge']);
    expect(issuesOf(() => assertValidSetting('contribution.policy', { lateFee: { dailyRate: 'half a percent' }, orderToPayDays: -1 }))).toEqual([
      'value.lateFee.dailyRate',
      'value.orderToPayDays',
    ]);
    expect(issuesOf(() => assertValidSetting('enrollment.policy', [1, 2]))).toEqual(['value']);
  });

  it('checks each dated benefit version: its date and its sections (rules §5)', () => {
    expect(issuesOf(() => assertValidSetting('benefit.policy', { versions: [{ effectiveFrom: '2027-01-01', processing: { pension: 15 } }] }))).toEqual([]);
    expect(issuesOf(() => assertValidSetting('benefit.policy', { versions: [{ effectiveFrom: '2027-13-01', pensoin: {} }] }))).toEqual([
      'value.versions.0.effectiveFrom',
      'value.versions.0.pensoin',
    ]);
    expect(issuesOf(() => assertValidSetting('benefit.policy', {}))).toEqual(['value.versions']);
  });

  it('takes a new year’s 记账利率 as a new key of the personal account rates, refusing a non-year or a non-rate (rules §5.1)', () => {
    expect(issuesOf(() => assertValidSetting('personal-account.policy', { rates: { '2025': '0.0250' }, currentYearFactor: '0.5' }))).toEqual([]);
    expect(issuesOf(() => assertValidSetting('personal-account.policy', { rates: { next: '0.02', '2025': 0.025 }, factor: '1' }))).toEqual([
      'value.factor',
      'value.rates.2025',
      'value.rates.next',
    ]);
  });

  it('lets the region set the 离休 / 二乙 reimbursement shares and its designated hospitals, never a share above 1 (rules §5.6)', () => {
    expect(
      issuesOf(() =>
        assertValidSetting('medicalExpense.policy', { reimbursementShare: { erYi: '0.9' }, requireKnownHospital: true, designatedHospitals: ['H330102001'] }),
      ),
    ).toEqual([]);
    expect(
      issuesOf(() => assertValidSetting('medicalExpense.policy', { reimbursementShare: { lixiu: '1.2', erYi: '0' }, designatedHospitals: [7], hospitals: [] })),
    ).toEqual(['value.designatedHospitals.0', 'value.hospitals']);
    expect(issuesOf(() => assertValidSetting('medicalExpense.policy', { reimbursementShare: { lixiu: '1.2', erYi: '0' } }))).toEqual([
      'value.reimbursementShare.lixiu',
      'value.reimbursementShare.erYi',
    ]);
  });
});
