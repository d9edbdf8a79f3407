import type { MikroORM } from '@mikro-orm/postgresql';
import { CN_CALENDAR_NOTICES, CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { DEFAULT_WORK_INJURY_CLASS_RATES, DEFAULT_WORK_INJURY_TIERS } from '../../domain/contribution/regional-parameters.js';

/**
 * The regions served (GB/T 2260): two pooling areas (统筹地区) of one province, Hangzhou and Ningbo, so both offices of
 * an inter-region transfer can be tried on one system. Parents and pooling areas are data, never the code's digits.
 */
export const SEED_REGIONS = [
  { code: '330000', name: '浙江省', parentCode: null, poolingRegion: null },
  { code: '330100', name: '杭州市', parentCode: '330000', poolingRegion: '330100' },
  { code: '330102', name: '上城区', parentCode: '330100', poolingRegion: '330100' },
  { code: '330106', name: '西湖区', parentCode: '330100', poolingRegion: '330100' },
  { code: '330108', name: '滨江区', parentCode: '330100', poolingRegion: '330100' },
  { code: '330200', name: '宁波市', parentCode: '330000', poolingRegion: '330200' },
  { code: '330203', name: '海曙区', parentCode: '330200', poolingRegion: '330200' },
  { code: '330212', name: '鄞州区', parentCode: '330200', poolingRegion: '330200' },
] as const;

/**
 * Illustrative dated parameters (rules §3.1–3.4 defaults; the wage averages are placeholders to be replaced by
 * the province's published figures through PUT /v1/regions/{code}/parameters/{effectiveFrom}).
 */
const PARAMETER_YEARS: Record<string, { effectiveFrom: string; averageMonthlyWage: string }[]> = {
  '330100': [
    { effectiveFrom: '2025-01-01', averageMonthlyWage: '7600.00' },
    { effectiveFrom: '2026-01-01', averageMonthlyWage: '7950.00' },
  ],
  '330200': [
    { effectiveFrom: '2025-01-01', averageMonthlyWage: '7350.00' },
    { effectiveFrom: '2026-01-01', averageMonthlyWage: '7700.00' },
  ],
};

/**
 * Illustrative dated benefit figures (rules §5.1, §5.3; placeholders to be replaced by the province's published
 * pension calculation base, minimum wage and subsistence allowance through PUT /v1/regions/{code}/benefit-parameters).
 */
const BENEFIT_PARAMETER_YEARS: Record<string, { effectiveFrom: string; pensionCalculationBase: string; minimumWage: string; subsistenceAllowance: string }[]> =
  {
    '330100': [
      { effectiveFrom: '2025-01-01', pensionCalculationBase: '8100.00', minimumWage: '2490.00', subsistenceAllowance: '1314.00' },
      { effectiveFrom: '2026-01-01', pensionCalculationBase: '8400.00', minimumWage: '2490.00', subsistenceAllowance: '1350.00' },
    ],
    '330200': [
      { effectiveFrom: '2025-01-01', pensionCalculationBase: '8100.00', minimumWage: '2490.00', subsistenceAllowance: '1250.00' },
      { effectiveFrom: '2026-01-01', pensionCalculationBase: '8400.00', minimumWage: '2490.00', subsistenceAllowance: '1290.00' },
    ],
  };

/** Demonstration employers with valid GB 32100 codes. */
export const SEED_EMPLOYERS = [
  { creditCode: '91330102MA2H00014Y', name: '杭州上城示范科技有限公司', region: '330102', industryCode: 'I6510', workInjuryClass: 1 },
  { creditCode: '91330102MA2H00049H', name: '杭州清河坊餐饮有限公司', region: '330102', industryCode: 'H6210', workInjuryClass: 2 },
  { creditCode: '91330106MA2H00022K', name: '杭州西湖文化传媒有限公司', region: '330106', industryCode: 'R8610', workInjuryClass: 1 },
  { creditCode: '91330108MA2H00030B', name: '杭州滨江智能制造有限公司', region: '330108', industryCode: 'C3911', workInjuryClass: 4 },
  { creditCode: '91330203MA2H000570', name: '宁波海曙港航物流有限公司', region: '330203', industryCode: 'G5410', workInjuryClass: 3 },
  { creditCode: '91330212MA2H00065U', name: '宁波鄞州软件服务有限公司', region: '330212', industryCode: 'I6510', workInjuryClass: 1 },
] as const;

/**
 * Loads reference data: regions, dated contribution parameters, the holiday calendar and demonstration employers.
 * Idempotent: existing rows are left as they are (an admin's later changes win).
 */
export async function seedReferenceData(orm: MikroORM): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    for (const region of SEED_REGIONS) {
      await em.execute('insert into region (code, name, parent_code, pooling_region) values (?, ?, ?, ?) on conflict (code) do nothing', [
        region.code,
        region.name,
        region.parentCode,
        region.poolingRegion,
      ]);
    }
    for (const region of SEED_REGIONS) {
      if (region.poolingRegion === null) continue;
      for (const year of PARAMETER_YEARS[region.poolingRegion] ?? []) {
        await em.execute(
          `insert into region_parameters (region, effective_from, average_monthly_wage, base_floor_rate, base_ceiling_rate,
             rounding, base_rounding, due_day, pension_employer_rate, pension_employee_rate, medical_employer_rate,
             medical_employee_rate, unemployment_employer_rate, unemployment_employee_rate, work_injury_class_rates,
             work_injury_tiers, recorded_by, recorded_at)
           values (?, ?, ?, '0.6', '3', 'HALF_UP_FEN', 'NONE', 15, '0.16', '0.08', '0.095', '0.02', '0.005', '0.005', ?, ?, 'seed', now())
           on conflict do nothing`,
          [
            region.code,
            year.effectiveFrom,
            year.averageMonthlyWage,
            JSON.stringify(DEFAULT_WORK_INJURY_CLASS_RATES),
            JSON.stringify(DEFAULT_WORK_INJURY_TIERS),
          ],
        );
      }
    }
    for (const region of SEED_REGIONS) {
      if (region.poolingRegion === null) continue;
      for (const set of BENEFIT_PARAMETER_YEARS[region.poolingRegion] ?? []) {
        await em.execute(
          `insert into benefit_parameters (region, effective_from, pension_calculation_base, minimum_wage, subsistence_allowance, recorded_by, recorded_at)
           values (?, ?, ?, ?, ?, 'seed', now()) on conflict do nothing`,
          [region.code, set.effectiveFrom, set.pensionCalculationBase, set.minimumWage, set.subsistenceAllowance],
        );
      }
    }
    for (const year of CN_CALENDAR_YEARS) {
      const inserted = await em.execute<{ year: number }[]>(
        `insert into calendar_year (year, notice, loaded_by, loaded_at) values (?, ?, 'seed', now()) on conflict (year) do nothing returning year`,
        [year.year, CN_CALENDAR_NOTICES[year.year] ?? 'State Council notice'],
      );
      // A year an admin loaded (PUT /v1/calendars/{year}) or an earlier seed wrote stays as it is.
      if (inserted.length === 0) continue;
      for (const [kind, dates] of [
        ['holiday', year.holidays],
        ['makeup', year.makeupWorkdays],
      ] as const) {
        for (const date of dates) {
          await em.execute('insert into calendar_day (date, year, kind) values (?, ?, ?) on conflict (date) do nothing', [date, year.year, kind]);
        }
      }
    }
    for (const employer of SEED_EMPLOYERS) {
      await em.execute(
        `insert into employer (credit_code, name, region, status, industry_code, work_injury_class, created_by, created_at)
         values (?, ?, ?, 'active', ?, ?, 'seed', now()) on conflict (credit_code) do nothing`,
        [employer.creditCode, employer.name, employer.region, employer.industryCode, employer.workInjuryClass],
      );
    }
  });
}
