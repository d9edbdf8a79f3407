import { citizenIdCheckChar } from '../../../domain/identity/citizen-id.js';
import type { MonthlyEntitlement, OneOffEntitlement } from '../../../domain/payroll/entitlement.js';

/** A fixed, valid citizen ID: region 330102, the given birth date (YYYY-MM-DD) and sequence. */
export function fixedCitizenId(birthDate = '1960-05-01', sequence = 1): string {
  const body = `330102${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return body + citizenIdCheckChar(body);
}

/** The E6 pensioner: 3 300.00 basic + 1 294.96 account pension = 4 594.96 a month (rules §5.1, E6). */
export function e6Pension(overrides: Partial<MonthlyEntitlement> = {}): MonthlyEntitlement {
  return {
    entitlementId: 'PEN-1',
    citizenId: fixedCitizenId(),
    benefit: 'pension',
    kind: 'monthly',
    monthlyAmount: '4594.96',
    startMonth: '2025-01',
    endMonth: null,
    status: 'active',
    ...overrides,
  };
}

/** The E4 unemployment benefit under the Guangdong rule: 2 070.00 for 10 months (rules §5.3, E4). */
export function e4Unemployment(overrides: Partial<MonthlyEntitlement> = {}): MonthlyEntitlement {
  return {
    entitlementId: 'UNE-1',
    citizenId: fixedCitizenId('1985-03-02', 3),
    benefit: 'unemployment',
    kind: 'monthly',
    monthlyAmount: '2070.00',
    startMonth: '2025-03',
    endMonth: '2025-12',
    status: 'active',
    ...overrides,
  };
}

/** The E5 maternity allowance: 98 days × 300.00 = 29 400.00 (rules §5.4, E5). */
export function e5Maternity(overrides: Partial<OneOffEntitlement> = {}): OneOffEntitlement {
  return {
    entitlementId: 'MAT-1',
    citizenId: fixedCitizenId('1992-08-08', 2),
    benefit: 'maternity',
    kind: 'oneOff',
    amount: '29400.00',
    payableMonth: '2025-05',
    status: 'active',
    ...overrides,
  };
}
