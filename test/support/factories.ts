import { randomInt } from 'node:crypto';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { addDays } from '../../domain/calendar/local-date.js';
import { creditCodeCheckChar, organisationCodeCheckChar } from '../../domain/identity/credit-code.js';
import { systemClock } from '../../services/business-clock.js';

/**
 * A valid, random 18-character citizen ID (odd sequence = male) for a person born on `birthDate` — by default a random
 * day of 1970–2000, so a man is of working age in 2026. The test database is shared by a whole run: a narrow range of
 * IDs makes two tests pick the same person, whose second enrollment is then (rightly) refused.
 */
export function citizenId({
  birthDate = randomBirthDate(),
  region = '330102',
  sex = 'male',
}: { birthDate?: string; region?: string; sex?: 'male' | 'female' } = {}): string {
  const sequence = randomInt(0, 500) * 2 + (sex === 'male' ? 1 : 0);
  const body = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return body + citizenIdCheckChar(body);
}

function randomBirthDate(): string {
  const day = new Date(Date.UTC(1970, 0, 1) + randomInt(0, 31 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid, random unified social credit code of an enterprise registered in `region`. */
export function creditCode(region = '330102'): string {
  let org = '';
  for (let i = 0; i < 8; i += 1) org += ORG_CHARS[randomInt(0, 10)]; // digits keep the GB 11714 check simple
  const body = `91${region}${org}${organisationCodeCheckChar(org)}`;
  return body + creditCodeCheckChar(body);
}

export const SEEDED_EMPLOYER_330102 = '91330102MA2H00014Y';
export const SEEDED_EMPLOYER_330106 = '91330106MA2H00022K';

export interface EnrollmentBodyOverrides {
  citizenId?: string;
  name?: string;
  employerCreditCode?: string | undefined;
  hireDate?: string;
  insuranceTypes?: string[];
  monthlyWage?: string;
  region?: string;
}

export function enrollmentBody(overrides: EnrollmentBodyOverrides = {}) {
  return {
    person: { citizenId: overrides.citizenId ?? citizenId(), name: overrides.name ?? '张三' },
    ...('employerCreditCode' in overrides
      ? overrides.employerCreditCode
        ? { employerCreditCode: overrides.employerCreditCode }
        : {}
      : { employerCreditCode: SEEDED_EMPLOYER_330102 }),
    // Five days ago by the clock the test systems run on: registered in time (within 30 days, §2) on any day.
    hireDate: overrides.hireDate ?? addDays(systemClock.today(), -5),
    insuranceTypes: overrides.insuranceTypes ?? ['pension', 'medical', 'unemployment', 'workInjury'],
    monthlyWage: overrides.monthlyWage ?? '8000.00',
    region: overrides.region ?? '330102',
  };
}
