import { describe, expect, it } from 'vitest';
import { calculateContribution } from '../../../domain/contribution/contribution-calculation.js';
import { AMOUNT_SLOTS, createFenCalculator, fenOf, fenToString, type FenLine } from '../../../domain/contribution/fen-calculator.js';
import type { InsuranceType, RegionalParameters } from '../../../domain/contribution/regional-parameters.js';
import { DomainError } from '../../../domain/errors.js';
import { Money, ROUNDING_RULES } from '../../../domain/money.js';
import { seededRandom } from '../../support/seeded-random.js';
import { e1Parameters } from './e1-parameters.js';

// A seeded generator, so a failure names a case that can be run again.
const random = seededRandom;

const ALL: InsuranceType[] = ['pension', 'medical', 'unemployment', 'workInjury'];

function asFen(r: ReturnType<typeof calculateContribution>): FenLine {
  const amounts: (number | null)[] = AMOUNT_SLOTS.map(() => null);
  for (const l of r.lines) {
    const at = { pension: 0, medical: 2, unemployment: 4, workInjury: 6 }[l.insurance];
    amounts[at] = fenOf(l.employer.toString());
    if (l.insurance !== 'workInjury') amounts[at + 1] = fenOf(l.employee.toString());
  }
  return {
    wageFen: 0,
    baseFen: fenOf(r.base.toString())!,
    amounts,
    employerFen: fenOf(r.employerTotal.toString())!,
    employeeFen: fenOf(r.employeeTotal.toString())!,
  };
}

describe('createFenCalculator', () => {
  it('gives exactly what calculateContribution gives over 20 000 random wages, rates, bounds and rounding rules (§3.2, §3.4)', () => {
    const g = random(20261127);
    let compared = 0;
    for (let set = 0; set < 200; set += 1) {
      const rate = () => `0.${String(g.int(0, 10 ** g.int(1, 6) - 1)).padStart(g.int(2, 6), '0')}`;
      const p: RegionalParameters = e1Parameters({
        averageMonthlyWage: g.decimal(20_000, g.int(0, 2)),
        baseFloorRate: g.pick(['0.6', '0.4', '0.65', `0.${g.int(1, 999)}`]),
        baseCeilingRate: g.pick(['3', '2.5', `3.${g.int(0, 999)}`]),
        rounding: g.pick(ROUNDING_RULES),
        baseRounding: g.pick(['NONE', 'YUAN'] as const),
        rates: {
          pension: { employer: rate(), employee: rate() },
          medical: { employer: rate(), employee: rate() },
          unemployment: { employer: rate(), employee: rate() },
        },
      });
      const fast = createFenCalculator(p);
      for (let i = 0; i < 100; i += 1) {
        const wage = g.pick([g.decimal(100_000, 2), g.decimal(10_000, 2), g.decimal(2_000, 1), '0.00', p.averageMonthlyWage, g.decimal(99, 2)]);
        const insuranceTypes = ALL.filter(() => g.int(0, 3) > 0);
        const input = { monthlyWage: wage, insuranceTypes, workInjuryClass: String(g.int(2, 8)), workInjuryTier: g.pick(['0.5', '0.8', '1', '1.2', '1.5']) };
        const exact = asFen(calculateContribution({ parameters: p, ...input, monthlyWage: Money.of(wage) }));
        const got = fast(input);
        expect({ ...got, wageFen: 0 }, `set ${set} wage ${wage} ${JSON.stringify(p)}`).toEqual(exact);
        compared += 1;
      }
    }
    expect(compared).toBe(20_000);
  }, 60_000); // a few seconds alone; other suites share the two cores

  it('rounds the E1 variant lines the configured way: 61.72835 → 61.73 half-up, 61.80 ceil-to-jiao (§3.4, E1 step 6)', () => {
    const line = {
      monthlyWage: '12345.67',
      insuranceTypes: ['unemployment', 'pension'] as InsuranceType[],
      workInjuryClass: undefined,
      workInjuryTier: undefined,
    };
    const fen = createFenCalculator(e1Parameters())(line);
    expect([fen.amounts[4], fen.amounts[5], fen.amounts[1]].map((a) => fenToString(a!))).toEqual(['61.73', '61.73', '987.65']);
    const jiao = createFenCalculator(e1Parameters({ rounding: 'CEIL_JIAO' }))(line);
    expect([jiao.amounts[5], jiao.amounts[1]].map((a) => fenToString(a!))).toEqual(['61.80', '987.70']);
  });

  it('computes E1 with the clamps: 12 000 → 4 368.00, 35 000 → base 30 000, 4 000 → base 6 000 (§3.2, E1)', () => {
    const calc = createFenCalculator(e1Parameters());
    const line = (monthlyWage: string) => calc({ monthlyWage, insuranceTypes: ALL, workInjuryClass: '2', workInjuryTier: undefined });
    const e1 = line('12000.00');
    expect(fenToString(e1.employerFen + e1.employeeFen)).toBe('4368.00');
    expect(e1.amounts.map((a) => (a === null ? null : fenToString(a)))).toEqual(['1920.00', '960.00', '1080.00', '240.00', '60.00', '60.00', '48.00']);
    expect(fenToString(line('35000.00').baseFen)).toBe('30000.00');
    expect(fenToString(line('4000.00').baseFen)).toBe('6000.00');
  });

  it('refuses a class the region does not rate with calculateContribution’s own error (§3.1)', () => {
    const calc = createFenCalculator(e1Parameters());
    const bad = { monthlyWage: '8000.00', insuranceTypes: ALL, workInjuryClass: '9', workInjuryTier: undefined };
    expect(() => calc(bad)).toThrow(DomainError);
    expect(() => calc(bad)).toThrow(/no work-injury rate for class "9"/);
    expect(() => calc({ ...bad, workInjuryClass: '1', workInjuryTier: '0.5' })).toThrow(/class 1 has only/);
  });

  it('writes fen as two-decimal strings, negative included', () => {
    expect([fenToString(0), fenToString(5), fenToString(123456), fenToString(-7)]).toEqual(['0.00', '0.05', '1234.56', '-0.07']);
    expect([fenOf('8000'), fenOf('8000.5'), fenOf('0.07'), fenOf('12345678901234.00')]).toEqual([800000, 800050, 7, null]);
  });
});
