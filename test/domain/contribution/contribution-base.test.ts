import { describe, expect, it } from 'vitest';
import { clampBase } from '../../../domain/contribution/contribution-base.js';
import { DomainError } from '../../../domain/errors.js';
import { Money } from '../../../domain/money.js';
import { e1Parameters } from './e1-parameters.js';

const p = e1Parameters();

describe('clampBase', () => {
  it('computes floor 6 000 and ceiling 30 000 from average 10 000 at 60 % / 300 % (§3.2, E1 step 1)', () => {
    const r = clampBase(Money.of('12000'), p);
    expect(r.floor.toString()).toBe('6000.00');
    expect(r.ceiling.toString()).toBe('30000.00');
  });

  it('keeps a wage of 12 000 inside the bounds as the base (E1 step 1)', () => {
    const r = clampBase(Money.of('12000'), p);
    expect(r.base.toString()).toBe('12000.00');
    expect(r.clampedTo).toBeNull();
    expect(r.workings.at(-1)).toBe('wage 12000.00 is within [6000.00, 30000.00] → base 12000.00');
  });

  it('caps a wage of 35 000 at the ceiling 30 000 (E1 step 5)', () => {
    const r = clampBase(Money.of('35000'), p);
    expect(r.base.toString()).toBe('30000.00');
    expect(r.clampedTo).toBe('ceiling');
  });

  it('raises a wage of 4 000 to the floor 6 000 (E1 step 5)', () => {
    const r = clampBase(Money.of('4000'), p);
    expect(r.base.toString()).toBe('6000.00');
    expect(r.clampedTo).toBe('floor');
  });

  it('treats a wage exactly on a bound as inside', () => {
    expect(clampBase(Money.of('6000'), p).clampedTo).toBeNull();
    expect(clampBase(Money.of('30000'), p).clampedTo).toBeNull();
  });

  it('raises a zero wage to the floor', () => {
    expect(clampBase(Money.zero(), p).base.toString()).toBe('6000.00');
  });

  it('keeps fen in the bounds and base with baseRounding NONE (§3.4: Hangzhou publishes 3 321.60)', () => {
    const hz = e1Parameters({ averageMonthlyWage: '5536.00' });
    const r = clampBase(Money.of('12345.67'), hz);
    expect(r.floor.toString()).toBe('3321.60');
    expect(r.base.toString()).toBe('12345.67');
  });

  it('rounds a sub-fen bound half-up to the fen when baseRounding is NONE', () => {
    const r = clampBase(Money.of('100'), e1Parameters({ averageMonthlyWage: '5536.01', baseFloorRate: '0.6' }));
    expect(r.floor.toString()).toBe('3321.61'); // 3321.606
  });

  it('rounds bounds and base to whole yuan with baseRounding YUAN (§3.4)', () => {
    const yuan = e1Parameters({ averageMonthlyWage: '5536.00', baseRounding: 'YUAN' });
    const r = clampBase(Money.of('12345.67'), yuan);
    expect(r.floor.toString()).toBe('3322.00');
    expect(r.base.toString()).toBe('12346.00');
    expect(r.workings).toContain('wage 12345.67 rounded to whole yuan = 12346.00');
  });

  it('never rounds a wage just below a whole-yuan floor under it with baseRounding YUAN', () => {
    const yuan = e1Parameters({ baseRounding: 'YUAN' });
    const r = clampBase(Money.of('5999.50'), yuan);
    expect(r.base.toString()).toBe('6000.00');
    expect(r.clampedTo).toBeNull(); // 5999.50 rounds to 6000, which is the floor itself
  });

  it('refuses a negative wage and a floor above the ceiling', () => {
    expect(() => clampBase(Money.of('-1.00'), p)).toThrow(DomainError);
    const inverted = e1Parameters({ baseFloorRate: '3', baseCeilingRate: '0.6' });
    expect(() => clampBase(Money.of('1.00'), inverted)).toThrow(/exceeds ceiling/);
  });
});
