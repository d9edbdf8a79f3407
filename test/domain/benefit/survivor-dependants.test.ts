import { describe, expect, it } from 'vitest';
import { type DependantCircumstances, testSurvivorDependant } from '../../../domain/benefit/survivor-dependants.js';
import { DEFAULT_WORK_INJURY_DEATH_POLICY, calculateWorkInjuryDeathBenefits } from '../../../domain/benefit/work-injury-death.js';

const deathDate = '2025-06-01';
const policy = { dependantIncomeLimit: '1314.00' };
const person = (over: Partial<DependantCircumstances>): DependantCircumstances => ({
  relation: 'spouse',
  sex: 'female',
  birthDate: '1965-01-01',
  fullyDisabled: false,
  monthlyIncome: '0.00',
  closerRelativesGone: false,
  ...over,
});

describe('供养亲属 test (工伤保险条例 art. 39; 供养亲属范围规定 art. 3)', () => {
  it('§5.5 a spouse qualifies from 55 (a woman) or 60 (a man) and not a day before', () => {
    expect(testSurvivorDependant(person({ birthDate: '1970-06-01' }), deathDate, policy).qualifies).toBe(true); // 55 that day
    expect(testSurvivorDependant(person({ birthDate: '1970-06-02' }), deathDate, policy)).toMatchObject({ qualifies: false });
    expect(testSurvivorDependant(person({ sex: 'male', birthDate: '1965-06-01' }), deathDate, policy).qualifies).toBe(true);
    expect(testSurvivorDependant(person({ sex: 'male', birthDate: '1965-06-02' }), deathDate, policy).explanation).toContain('not yet 60');
  });

  it('§5.5 a spouse or relative fully unable to work qualifies at any age (art. 3 (1))', () => {
    const r = testSurvivorDependant(person({ birthDate: '1990-01-01', fullyDisabled: true }), deathDate, policy);
    expect(r).toMatchObject({ qualifies: true, lastMonth: null });
    expect(r.explanation).toContain('fully unable to work');
  });

  it('§5.5 a child under 18 qualifies until the month of the 18th birthday; at 18 they do not (art. 3 (4), art. 4)', () => {
    const child = testSurvivorDependant(person({ relation: 'child', sex: 'male', birthDate: '2012-09-15' }), deathDate, policy);
    expect(child).toMatchObject({ qualifies: true, lastMonth: '2030-09' });
    expect(testSurvivorDependant(person({ relation: 'child', birthDate: '2007-06-01' }), deathDate, policy).qualifies).toBe(false);
    const disabled = testSurvivorDependant(person({ relation: 'child', birthDate: '2012-09-15', fullyDisabled: true }), deathDate, policy);
    expect(disabled).toMatchObject({ qualifies: true, lastMonth: null });
  });

  it('§5.5 a child born after the death (遗腹子女) is a child of the deceased aged 0 (art. 2)', () => {
    expect(testSurvivorDependant(person({ relation: 'child', birthDate: '2025-10-01' }), deathDate, policy)).toMatchObject({
      qualifies: true,
      lastMonth: '2043-10',
    });
    expect(testSurvivorDependant(person({ relation: 'spouse', birthDate: '2025-10-01' }), deathDate, policy).qualifies).toBe(false);
  });

  it('§5.5 a parent qualifies by age like a spouse (art. 3 (3))', () => {
    expect(testSurvivorDependant(person({ relation: 'parent', sex: 'male', birthDate: '1950-03-01' }), deathDate, policy).qualifies).toBe(true);
    expect(testSurvivorDependant(person({ relation: 'parent', sex: 'male', birthDate: '1966-03-01' }), deathDate, policy).qualifies).toBe(false);
  });

  it('§5.5 grandparents, grandchildren and siblings qualify only when the closer relatives are gone (art. 3 (5)–(7))', () => {
    const grandmother = person({ relation: 'grandparent', birthDate: '1945-01-01' });
    expect(testSurvivorDependant(grandmother, deathDate, policy).explanation).toContain('parents are not both dead');
    expect(testSurvivorDependant({ ...grandmother, closerRelativesGone: true }, deathDate, policy).qualifies).toBe(true);
    const grandchild = person({ relation: 'grandchild', birthDate: '2015-01-01' });
    expect(testSurvivorDependant(grandchild, deathDate, policy).qualifies).toBe(false);
    expect(testSurvivorDependant({ ...grandchild, closerRelativesGone: true }, deathDate, policy)).toMatchObject({ qualifies: true, lastMonth: '2033-01' });
    const sister = person({ relation: 'sibling', birthDate: '2000-01-01', closerRelativesGone: true });
    expect(testSurvivorDependant(sister, deathDate, policy).explanation).toContain('18 or over');
  });

  it('§5.5 a dependant whose own income is at or above the 低保 limit did not live on the deceased and fails, with the figures', () => {
    expect(testSurvivorDependant(person({ monthlyIncome: '1313.99' }), deathDate, policy).qualifies).toBe(true);
    const at = testSurvivorDependant(person({ monthlyIncome: '1314.00' }), deathDate, policy);
    expect(at.qualifies).toBe(false);
    expect(at.explanation).toContain('own income 1314.00 a month is not below the limit 1314.00');
    // A disabled relative with their own income above the limit fails as well: both tests must pass.
    expect(testSurvivorDependant(person({ fullyDisabled: true, monthlyIncome: '3000.00' }), deathDate, policy).qualifies).toBe(false);
  });

  it('§5.5 follows a configured income limit (workInjuryDeath.dependantIncomeLimit, dated setting)', () => {
    expect(testSurvivorDependant(person({ monthlyIncome: '1400.00' }), deathDate, policy).qualifies).toBe(false);
    expect(testSurvivorDependant(person({ monthlyIncome: '1400.00' }), deathDate, { dependantIncomeLimit: '1500.00' }).qualifies).toBe(true);
    expect(DEFAULT_WORK_INJURY_DEATH_POLICY.dependantIncomeLimit).toBe('1314.00');
  });
});

describe('dependants’ pensions after the test (工伤保险条例 art. 39)', () => {
  const input = {
    deathDate,
    regionalAverageWage: '10000.00',
    ownWage: '8000.00',
    dependants: [
      { relation: 'spouse' as const, circumstances: person({ monthlyIncome: '500.00' }) },
      { relation: 'other' as const, circumstances: person({ relation: 'parent', sex: 'male', birthDate: '1950-01-01', monthlyIncome: '2600.00' }) },
      { relation: 'other' as const, circumstances: person({ relation: 'child', birthDate: '2015-02-10' }) },
    ],
  };

  it('§5.5 pays the spouse 40 % and the child 30 %; the parent above the income limit gets nothing and the reason', () => {
    const r = calculateWorkInjuryDeathBenefits(input);
    expect(r.dependants.map((d) => [d.qualifies, d.amount, d.lastMonth])).toEqual([
      [true, '3200.00', null],
      [false, null, null],
      [true, '2400.00', '2033-02'],
    ]);
    expect(r.dependants[1]!.explanation).toContain('own income 2600.00 a month is not below the limit 1314.00');
    expect(r).toMatchObject({ dependantPensionTotal: '5600.00', capped: false });
    expect(r.workings).toContainEqual(expect.stringMatching(/^dependant 2: does not qualify — parent/));
  });

  it('§5.5 only those who qualify count towards the own-wage cap: three 30 % pensions and a failed spouse stay uncapped', () => {
    const r = calculateWorkInjuryDeathBenefits({
      ...input,
      dependants: [
        { relation: 'spouse', circumstances: person({ birthDate: '1990-01-01' }) },
        ...[2010, 2012, 2014].map((year) => ({ relation: 'other' as const, circumstances: person({ relation: 'child', birthDate: `${year}-01-01` }) })),
        { relation: 'other', circumstances: person({ relation: 'parent', birthDate: '1950-01-01' }) },
      ],
    });
    // 4 × 30 % = 120 % > 100 %: capped at the own wage; the spouse (35, able to work) is not in the sum.
    expect(r.dependants.map((d) => d.amount)).toEqual([null, '2000.00', '2000.00', '2000.00', '2000.00']);
    expect(r).toMatchObject({ dependantPensionTotal: '8000.00', capped: true });
  });

  it('§5.5 pays no pension when no dependant qualifies, and still the funeral and death grants', () => {
    const r = calculateWorkInjuryDeathBenefits({ ...input, dependants: [{ relation: 'spouse', circumstances: person({ monthlyIncome: '9000.00' }) }] });
    expect(r).toMatchObject({ dependantPensions: [], dependantPensionTotal: '0.00', capped: false, funeralGrant: '60000.00', deathGrant: '1083760.00' });
  });
});
