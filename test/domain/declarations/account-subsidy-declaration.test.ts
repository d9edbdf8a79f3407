import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_SUBSIDY_RULES, type AccountSubsidyRule } from '../../../domain/declarations/account-subsidy.js';
import { accountSubsidyIssues, regionalBasesOn } from '../../../domain/declarations/account-subsidy-config.js';
import { assessAccountSubsidy, periodStart } from '../../../domain/declarations/account-subsidy-declaration.js';
import { fixedCitizenId } from '../payroll/fixtures.js';

const retiree = fixedCitizenId('1955-07-01');
const employee = fixedCitizenId('1990-05-05');
const people = new Map([
  [retiree, { citizenId: retiree, personnelCategory: 'retired' as const }],
  [employee, { citizenId: employee, personnelCategory: 'employed' as const }],
]);
const yearly: AccountSubsidyRule = {
  ruleId: 'lixiu-yearly',
  effectiveFrom: '2026-01-01',
  who: { categories: ['lixiu'] },
  credit: { kind: 'fixed', amount: '1200.00' },
  period: 'yearly',
  basis: 'local notice (test)',
};
const facts = (over: Partial<Parameters<typeof assessAccountSubsidy>[1]> = {}) => ({
  rules: DEFAULT_ACCOUNT_SUBSIDY_RULES,
  people,
  regionalBases: () => ({ localAveragePension: '3500.00' }),
  credited: new Set<string>(),
  ...over,
});
const request = (over: Partial<Parameters<typeof assessAccountSubsidy>[0]> = {}) => ({
  ruleId: 'retiree-account-credit',
  period: '2026-11',
  persons: [{ citizenId: retiree }],
  today: '2026-12-02',
  ...over,
});

describe('医疗帐户补助金 declaration door checks (rules §5.6 open item 6: the rule is configuration)', () => {
  it('credits each covered person the rule in force on the first day of the period, with the workings (§5.6)', () => {
    const r = assessAccountSubsidy(request(), facts());
    expect(r).toMatchObject({ accepted: true, creditDate: '2026-11-01', total: '70.00', lines: [{ citizenId: retiree, amount: '70.00' }] });
  });

  it('refuses a person the rule does not cover as NOT_ELIGIBLE, naming the row and saying why (§5.6)', () => {
    const r = assessAccountSubsidy(request({ persons: [{ citizenId: retiree }, { citizenId: employee }] }), facts());
    expect(r).toEqual({
      accepted: false,
      refusals: [{ code: 'NOT_ELIGIBLE', path: 'persons[1].citizenId', reason: expect.stringContaining('employed is not retired') }],
    });
  });

  it('refuses a credit booked or declared before, a person twice and a missing base, naming each (§5.6, §8)', () => {
    const r = assessAccountSubsidy(
      request({ persons: [{ citizenId: retiree }, { citizenId: retiree }] }),
      facts({ credited: new Set([retiree]), regionalBases: () => ({}) }),
    );
    expect(r.accepted).toBe(false);
    if (r.accepted) return;
    expect(r.refusals.map((x) => [x.code, x.path])).toEqual([
      ['VALIDATION_FAILED', 'persons[0].bases.localAveragePension'],
      ['VALIDATION_FAILED', 'persons[1].citizenId'],
    ]);
    const again = assessAccountSubsidy(request(), facts({ credited: new Set([retiree]) }));
    expect(again).toMatchObject({ accepted: false, refusals: [{ code: 'ALREADY_CREDITED', path: 'persons[0].citizenId' }] });
  });

  it('takes only a period of the rule’s kind that has begun and a rule in force then (§5.6)', () => {
    const rules = [...DEFAULT_ACCOUNT_SUBSIDY_RULES, yearly];
    expect(assessAccountSubsidy(request({ period: '2026-Q4' }), facts())).toMatchObject({ refusals: [{ path: 'period' }] });
    expect(assessAccountSubsidy(request({ period: '2027-01' }), facts())).toMatchObject({ refusals: [{ path: 'period', reason: '2027-01 has not begun' }] });
    expect(assessAccountSubsidy(request({ ruleId: 'lixiu-yearly', period: '2025' }), facts({ rules }))).toMatchObject({
      refusals: [{ path: 'period', reason: expect.stringContaining('not in force on 2025-01-01') }],
    });
    expect(assessAccountSubsidy(request({ ruleId: 'nope' }), facts())).toMatchObject({ refusals: [{ path: 'ruleId' }] });
    expect([periodStart('quarterly', '2026-Q4'), periodStart('yearly', '2026'), periodStart('monthly', '2026-Q4')]).toEqual(['2026-10-01', '2026-01-01', null]);
  });

  it('reads a region’s own dated base over the general one, the latest on or before the date (§5.6 configuration)', () => {
    const bases = [
      { base: 'localAveragePension', region: null, effectiveFrom: '2025-01-01', amount: '3300.00' },
      { base: 'localAveragePension', region: null, effectiveFrom: '2026-01-01', amount: '3500.00' },
      { base: 'localAveragePension', region: '330102', effectiveFrom: '2025-07-01', amount: '3600.00' },
    ];
    expect(regionalBasesOn(bases, '330106', '2026-11-01')).toEqual({ localAveragePension: '3500.00' });
    expect(regionalBasesOn(bases, '330102', '2026-11-01')).toEqual({ localAveragePension: '3600.00' });
    expect(regionalBasesOn(bases, '330102', '2025-03-01')).toEqual({ localAveragePension: '3300.00' });
  });

  it('refuses a stored configuration that does not fit, naming each field under value (PUT /v1/settings)', () => {
    expect(accountSubsidyIssues({ rules: [yearly], regionalBases: [] })).toEqual([]);
    const issues = accountSubsidyIssues({
      rules: [{ ...yearly, period: 'weekly', credit: { kind: 'fixed', amount: '12.345' }, who: { minAge: -1 } }],
      regionalBases: [{ base: 'x', region: '33', effectiveFrom: '2026-13-01', amount: '1' }],
      extra: 1,
    });
    expect(issues.map((i) => i.path).sort()).toEqual(
      [
        'value.extra',
        'value.rules.0.period',
        'value.rules.0.credit.amount',
        'value.rules.0.who.minAge',
        'value.regionalBases.0.region',
        'value.regionalBases.0.effectiveFrom',
      ].sort(),
    );
  });
});
