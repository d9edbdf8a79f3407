import { describe, expect, it } from 'vitest';
import { computeAccountSubsidy, type AccountSubsidyRule, type SubsidyPerson } from '../../../domain/declarations/account-subsidy.js';
import { fixedCitizenId } from '../payroll/fixtures.js';

const retiree: SubsidyPerson = { citizenId: fixedCitizenId('1955-07-01'), personnelCategory: 'retired' };
const regional = { localAveragePension: '3500.00' };

const elderly: AccountSubsidyRule = {
  ruleId: 'age-70-supplement',
  effectiveFrom: '2025-01-01',
  who: { personnelCategories: ['retired'], minAge: 70 },
  credit: { kind: 'fixed', amount: '30.00' },
  period: 'monthly',
  basis: 'local notice (test)',
};

describe('computeAccountSubsidy (医疗帐户补助金, §5.6 open item 6, configurable)', () => {
  it('credits a retiree 2 % of the local average pension by default: 3 500.00 × 0.02 = 70.00 (§5.6 open item 6)', () => {
    const r = computeAccountSubsidy(retiree, '2025-06-30', undefined, regional);
    expect(r.credits).toEqual([{ ruleId: 'retiree-account-credit', period: 'monthly', amount: '70.00' }]);
    expect(r.total).toBe('70.00');
    expect(r.workings[0]).toContain('localAveragePension 3500.00 × 0.02 = 70.00 per monthly');
  });

  it('credits nobody outside the rule, and says why (§5.6 open item 6)', () => {
    const r = computeAccountSubsidy({ ...retiree, personnelCategory: 'employed' }, '2025-06-30', undefined, regional);
    expect(r).toMatchObject({ credits: [], total: '0.00' });
    expect(r.workings[0]).toBe('retiree-account-credit: not credited — personnel category employed is not retired');
  });

  it('applies an age rule from the 70th birthday, age taken from the citizen ID (§5.6 open item 6)', () => {
    expect(computeAccountSubsidy(retiree, '2025-06-30', [elderly]).total).toBe('0.00');
    expect(computeAccountSubsidy(retiree, '2025-07-01', [elderly]).total).toBe('30.00');
    expect(computeAccountSubsidy(retiree, '2025-07-01', [{ ...elderly, who: { maxAge: 69 } }]).total).toBe('0.00');
  });

  it('adds every matching rule, each rounded half-up to the fen (§5.6 open item 6)', () => {
    const rules: AccountSubsidyRule[] = [
      {
        ...elderly,
        ruleId: 'base',
        who: { personnelCategories: ['retired'] },
        credit: { kind: 'rate', rate: '0.0235', base: 'ownPension' },
      },
      { ...elderly, ruleId: 'lixiu', who: { categories: ['lixiu'] }, credit: { kind: 'fixed', amount: '100.00' } },
    ];
    const person = { ...retiree, categories: ['lixiu'], bases: { ownPension: '4594.96' } };
    const r = computeAccountSubsidy(person, '2025-07-01', rules);
    expect(r.credits.map((c) => c.amount)).toEqual(['107.98', '100.00']); // 4 594.96 × 0.0235 = 107.98156
    expect(r.total).toBe('207.98');
  });

  it('uses the version in force on the date and stops at endsOn (dated configuration; §5.6 open item 6)', () => {
    const v1: AccountSubsidyRule = { ...elderly, who: {}, credit: { kind: 'fixed', amount: '30.00' } };
    const v2: AccountSubsidyRule = {
      ...v1,
      effectiveFrom: '2026-01-01',
      credit: { kind: 'fixed', amount: '40.00' },
      endsOn: '2026-12-31',
    };
    expect(computeAccountSubsidy(retiree, '2025-12-31', [v1, v2]).total).toBe('30.00');
    expect(computeAccountSubsidy(retiree, '2026-01-01', [v1, v2]).total).toBe('40.00');
    expect(computeAccountSubsidy(retiree, '2027-01-01', [v1, v2]).total).toBe('0.00');
    expect(computeAccountSubsidy(retiree, '2024-12-31', [v1, v2]).total).toBe('0.00');
  });

  it('refuses a rule whose base is not given (§5.6 open item 6)', () => {
    expect(() => computeAccountSubsidy(retiree, '2025-06-30')).toThrow(/needs the base "localAveragePension"/);
  });
});
