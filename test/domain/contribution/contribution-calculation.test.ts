import { describe, expect, it } from 'vitest';
import { calculateContribution } from '../../../domain/contribution/contribution-calculation.js';
import type { ContributionInput, ContributionResult } from '../../../domain/contribution/contribution-calculation.js';
import { DomainError } from '../../../domain/errors.js';
import { Money } from '../../../domain/money.js';
import { e1Parameters } from './e1-parameters.js';

const ALL = ['pension', 'medical', 'unemployment', 'workInjury'] as const;

/** Lines as plain strings, so a failing assertion shows the whole table. */
const table = (r: ContributionResult) => r.lines.map((l) => [l.insurance, l.employerRate, l.employeeRate, l.employer.toString(), l.employee.toString()]);

/** The E1 city with only the given insurances requested. */
const only = (insuranceTypes: ContributionInput['insuranceTypes'], wage = '12000') => ({
  parameters: e1Parameters(),
  monthlyWage: Money.of(wage),
  insuranceTypes,
});

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('calculateContribution', () => {
  it('computes E1 for a wage of 12 000: 3 108.00 + 1 260.00 = 4 368.00 (§3.1–3.2, E1 steps 1–4)', () => {
    const r = calculateContribution({
      parameters: e1Parameters(),
      monthlyWage: Money.of('12000'),
      insuranceTypes: ALL,
      workInjuryClass: '2',
      workInjuryTier: '1',
    });
    expect(r.base.toString()).toBe('12000.00');
    expect(table(r)).toEqual([
      ['pension', '0.16', '0.08', '1920.00', '960.00'],
      ['medical', '0.09', '0.02', '1080.00', '240.00'],
      ['unemployment', '0.005', '0.005', '60.00', '60.00'],
      ['workInjury', '0.004', '0', '48.00', '0.00'],
    ]);
    expect(r.employerTotal.toString()).toBe('3108.00');
    expect(r.employeeTotal.toString()).toBe('1260.00');
    expect(r.total.toString()).toBe('4368.00');
  });

  it('shows its workings, from the bounds to the total', () => {
    const r = calculateContribution({
      parameters: e1Parameters(),
      monthlyWage: Money.of('12000'),
      insuranceTypes: ALL,
      workInjuryClass: 2,
    });
    expect(r.workings[0]).toBe('floor = average wage 10000.00 × 0.6 = 6000.00');
    expect(r.workings).toContain('pension: employer 12000.00 × 0.16 = 1920.00; employee 12000.00 × 0.08 = 960.00');
    expect(r.workings).toContain('workInjury rate = class 2 rate 0.004 × tier 1 = 0.004');
    expect(r.workings.at(-1)).toBe('employer total 3108.00 + employee total 1260.00 = 4368.00');
  });

  it('uses the clamped base: wage 35 000 → 30 000, wage 4 000 → 6 000 (E1 step 5)', () => {
    const high = calculateContribution(only(['pension'], '35000'));
    expect(table(high)).toEqual([['pension', '0.16', '0.08', '4800.00', '2400.00']]);
    const low = calculateContribution(only(['pension'], '4000'));
    expect(low.base.toString()).toBe('6000.00');
    expect(low.total.toString()).toBe('1440.00');
  });

  it('rounds each line separately, half-up to the fen: 61.72835 → 61.73, 987.6536 → 987.65 (§3.4, E1 step 6)', () => {
    const r = calculateContribution({
      parameters: e1Parameters({ rounding: 'HALF_UP_FEN' }),
      monthlyWage: Money.of('12345.67'),
      insuranceTypes: ['pension', 'unemployment'],
    });
    expect(table(r)).toEqual([
      ['pension', '0.16', '0.08', '1975.31', '987.65'], // 1975.3072
      ['unemployment', '0.005', '0.005', '61.73', '61.73'],
    ]);
    expect(r.employeeTotal.toString()).toBe('1049.38');
  });

  it('rounds each line up to the jiao under Shanghai-style CEIL_JIAO: 61.80 and 987.70 (§3.4, E1 step 6)', () => {
    const r = calculateContribution({
      parameters: e1Parameters({ rounding: 'CEIL_JIAO' }),
      monthlyWage: Money.of('12345.67'),
      insuranceTypes: ['pension', 'unemployment'],
    });
    expect(table(r)).toEqual([
      ['pension', '0.16', '0.08', '1975.40', '987.70'],
      ['unemployment', '0.005', '0.005', '61.80', '61.80'],
    ]);
    // Line by line, not on the sum: 987.6536 + 61.72835 = 1049.38195 would ceil to 1049.40, lines give 1049.50.
    expect(r.employeeTotal.toString()).toBe('1049.50');
  });

  it('charges work injury to the employer only, class rate × tier (§3.1): class 5 at tier 1.2 = 1.32 %', () => {
    const r = calculateContribution({
      parameters: e1Parameters(),
      monthlyWage: Money.of('12000'),
      insuranceTypes: ['workInjury'],
      workInjuryClass: '5',
      workInjuryTier: '1.2',
    });
    expect(table(r)).toEqual([['workInjury', '0.0132', '0', '158.40', '0.00']]);
    expect(r.employeeTotal.isZero()).toBe(true);
  });

  it('defaults the work-injury tier to 100 % and accepts a tier written as "1.0"', () => {
    const base = only(['workInjury']);
    expect(calculateContribution({ ...base, workInjuryClass: '8' }).total.toString()).toBe('228.00');
    const written = calculateContribution({ ...base, workInjuryClass: '8', workInjuryTier: '1.0' });
    expect(written.total.toString()).toBe('228.00');
  });

  it('refuses work injury without a class, with an unknown class, or with a tier not allowed (§3.1)', () => {
    const base = only(['workInjury']);
    expect(refusal(() => calculateContribution(base)).path).toBe('workInjuryClass');
    expect(refusal(() => calculateContribution({ ...base, workInjuryClass: '9' })).message).toMatch(/class "9"/);
    const tier2 = { ...base, workInjuryClass: '2', workInjuryTier: '2' };
    expect(refusal(() => calculateContribution(tier2)).path).toBe('workInjuryTier');
  });

  it('refuses the 50 % and 80 % tiers for class 1, which only floats upwards (§3.1)', () => {
    const base = only(['workInjury']);
    const total = (workInjuryClass: string, workInjuryTier: string) => calculateContribution({ ...base, workInjuryClass, workInjuryTier }).total.toString();
    expect(refusal(() => total('1', '0.5')).message).toMatch(/class 1/);
    expect(refusal(() => total('1', '0.8')).message).toMatch(/class 1/);
    expect(total('1', '1.5')).toBe('36.00');
    expect(total('2', '0.5')).toBe('24.00');
  });

  it('ignores the work-injury class when work injury is not requested', () => {
    const r = calculateContribution(only(['medical']));
    expect(table(r)).toEqual([['medical', '0.09', '0.02', '1080.00', '240.00']]);
  });

  it('lists lines in a fixed order and once each, whatever order the request used', () => {
    const r = calculateContribution({
      parameters: e1Parameters(),
      monthlyWage: Money.of('12000'),
      insuranceTypes: ['unemployment', 'pension', 'unemployment'],
    });
    expect(r.lines.map((l) => l.insurance)).toEqual(['pension', 'unemployment']);
  });

  it('refuses an unknown insurance type arriving as JSON', () => {
    const err = refusal(() =>
      calculateContribution({
        parameters: e1Parameters(),
        monthlyWage: Money.of('12000'),
        insuranceTypes: JSON.parse('["maternity"]') as never,
      }),
    );
    expect(err.path).toBe('insuranceTypes');
  });
});
