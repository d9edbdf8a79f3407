// The benefit calculators (docs/api.md "Benefit calculators", issue 10 point 1) through real HTTP: the worked
// examples E4, E5, E6 and E9, every figure with a line in `workings`, bad input named, and the dated configuration.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSystem, type TestSystem } from '../support/system.js';

describe('benefit calculators (real PostgreSQL, HTTP)', () => {
  let system: TestSystem;
  let citizen: string;
  const calc = (path: string, body: unknown) => system.call('POST', `/v1/calculations/${path}`, { token: citizen, body });

  beforeAll(async () => {
    system = await startSystem();
    citizen = await system.token({ role: 'citizen', sub: '110101199003074477' });
    // From 2030 the province pays 80 % of the minimum wage (a dated change of benefit.policy; earlier dates keep 90 %).
    await system.orm.em
      .fork()
      .execute(`insert into setting (key, value, updated_at) values ('benefit.policy', ?, now()) on conflict (key) do update set value = excluded.value`, [
        JSON.stringify({
          versions: [
            {
              effectiveFrom: '2030-01-01',
              unemployment: { benefitRate: '0.80' },
              pension: { fractionalAgeRule: { kind: 'interpolateByMonths', decimals: 2 } },
            },
          ],
        }),
      ]);
  });
  afterAll(async () => {
    await system?.orm.em.fork().execute(`delete from setting where key = 'benefit.policy'`);
    await system?.close();
  });

  it('computes E6: 3 300.00 + 1 294.96 = 4 594.96, and 1 058.82 at 55 (§5.1, E6)', async () => {
    const e6 = {
      calculationBase: '10000.00',
      averageIndex: '1.2',
      contributionMonths: 360,
      accountBalance: '180000.00',
      retirementAge: { years: 60, months: 0 },
    };
    const answer = await calc('pension', e6);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ basicPension: '3300.00', accountPension: '1294.96', transitionalPension: '0.00', total: '4594.96', divisor: '139' });
    expect(answer.body.workings).toEqual(
      expect.arrayContaining([expect.stringContaining('basic pension = C 10000.00'), expect.stringContaining('divisor for age 60 y 0 m = 139')]),
    );
    expect((await calc('pension', { ...e6, retirementAge: { years: 55, months: 0 } })).body.accountPension).toBe('1058.82');
  });

  it('takes the divisor rule in force on the retirement date: floor today, interpolation configured from 2030 (§5.1, open item 4)', async () => {
    const at = (retirementDate: string) =>
      calc('pension', {
        calculationBase: '10000.00',
        averageIndex: '1.2',
        contributionMonths: 360,
        accountBalance: '180000.00',
        retirementAge: { years: 61, months: 5 },
        retirementDate,
      });
    expect((await at('2026-06-01')).body.divisor).toBe('132');
    expect((await at('2031-10-01')).body.divisor).toBe('129.08');
  });

  it('computes E4 under the national caps, and says not eligible under 12 months (§5.3, E4)', async () => {
    const e4 = await calc('unemployment', { contributionMonths: 84, minimumWage: '2300.00', subsistenceAllowance: '1000.00' });
    expect(e4.body).toMatchObject({ eligible: true, maxMonths: 18, months: 18, monthlyAmount: '2070.00', total: '37260.00' });
    const short = await calc('unemployment', { contributionMonths: 11, minimumWage: '2300.00' });
    expect(short.body).toMatchObject({
      eligible: false,
      months: 0,
      total: '0.00',
      refusals: [expect.objectContaining({ code: 'SHORT_OF_CONTRIBUTION_MONTHS' })],
    });
  });

  it('computes E5: 98 × 300.00 = 29 400.00; difficult twins 38 400.00; miscarriage at 3 months 4 500.00 (§5.4, E5)', async () => {
    expect((await calc('maternity', { averageMonthlyWage: '9000.00', event: 'birth' })).body).toMatchObject({
      days: 98,
      dailyRate: '300.00',
      allowance: '29400.00',
    });
    expect((await calc('maternity', { averageMonthlyWage: '9000.00', event: 'birth', difficultBirth: true, babies: 2 })).body.allowance).toBe('38400.00');
    expect((await calc('maternity', { averageMonthlyWage: '9000.00', event: 'miscarriage', pregnancyMonths: 3 })).body.allowance).toBe('4500.00');
  });

  it('computes E9: 104 000.00; 42 000.00; 540 000.00 with 21 000.00 a month from the employer (§5.5, E9)', async () => {
    const e9 = (ownWage: string, grade: number) => calc('work-injury', { regionalAverageWage: '10000.00', ownWage, grade });
    expect((await e9('8000.00', 7)).body).toMatchObject({
      ownWageUsed: '8000.00',
      oneOffMonths: 13,
      oneOffSubsidy: '104000.00',
      monthlyAllowance: null,
      monthlyAllowancePayer: null,
    });
    expect((await e9('5000.00', 10)).body).toMatchObject({ ownWageUsed: '6000.00', oneOffSubsidy: '42000.00' });
    const grade5 = await e9('40000.00', 5);
    expect(grade5.body).toMatchObject({ ownWageUsed: '30000.00', oneOffSubsidy: '540000.00', monthlyAllowance: '21000.00', monthlyAllowancePayer: 'employer' });
    expect(grade5.body.workings).toHaveLength(3);
  });

  it('refuses a number for an amount or factor and a grade 11 naming the field (400), and an age outside the divisor table (422)', async () => {
    const bad = await calc('pension', {
      calculationBase: 10000,
      averageIndex: 1.2,
      contributionMonths: 360,
      accountBalance: '180000.00',
      retirementAge: { years: 60, months: 0 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['averageIndex', 'calculationBase']);
    expect((await calc('work-injury', { regionalAverageWage: '10000.00', ownWage: '8000.00', grade: 11 })).body.errors).toEqual([
      expect.objectContaining({ path: 'grade' }),
    ]);
    const old = await calc('pension', {
      calculationBase: '10000.00',
      averageIndex: '1.2',
      contributionMonths: 360,
      accountBalance: '180000.00',
      retirementAge: { years: 75, months: 0 },
    });
    expect(old.status).toBe(422);
    expect(old.body).toMatchObject({ code: 'INVALID_AMOUNT', errors: [{ path: 'retirementAge' }] });
    expect((await calc('unemployment', { contributionMonths: 84, minimumWage: '2300.00', benefitRate: '1.2' })).status).toBe(422);
  });
});
