// Entitlements, accounts and feeds for payroll tests, written the way approved claims and the beneficiary register
// write them (db/writers/entitlements.ts), so a payroll test does not first walk a benefit claim through its tiers.
import { randomInt, randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { addDays, monthOf } from '../../domain/calendar/local-date.js';
import { citizenIdCheckChar } from '../../domain/identity/citizen-id.js';
import { addPeriods } from '../../domain/payroll/payroll-month.js';

export interface Beneficiary {
  citizenId: string;
  entitlementId: string;
  caseId: string;
}

/** Birth days of beneficiaries: 1941-01-01 – 1965-12-31, so they are about 60 to 85 in 2026 (pensioners, survivors). */
const FIRST_BIRTH_DAY = '1941-01-01';
const BIRTH_DAYS = 25 * 365;

/**
 * A valid citizen ID (GB 11643: region, birth day, sequence, check character) of a beneficiary: a random birth day of
 * 1941–1965 and a random sequence of either sex, about 9 million IDs per region. The test database is shared by the
 * whole run and a payroll test adds hundreds of people, so a narrow space (one birth day: 500 IDs) makes two tests pick
 * the same person — then one test's payroll lines, recoveries or suspensions land in another's counts.
 */
export function beneficiaryCitizenId(region = '330102'): { citizenId: string; birthDate: string } {
  const birthDate = addDays(FIRST_BIRTH_DAY, randomInt(0, BIRTH_DAYS));
  const body = `${region}${birthDate.replaceAll('-', '')}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return { citizenId: body + citizenIdCheckChar(body), birthDate };
}

/** The birth day an 18-character citizen ID carries (characters 7–14). */
const birthDateOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

export async function addEntitlement(
  orm: MikroORM,
  e: {
    region: string;
    claimType: string;
    benefit: string;
    kind: 'monthly' | 'oneOff';
    amount: string;
    startMonth: string;
    firstPayrollMonth: string;
    citizenId?: string;
    account?: { bank: string; account: string } | null;
  },
): Promise<Beneficiary> {
  const em = orm.em.fork();
  const person = e.citizenId ?? beneficiaryCitizenId().citizenId;
  // Odd sequence (the 17th character) is a man, even a woman.
  const sex = Number(person[16]) % 2 === 1 ? 'male' : 'female';
  const caseId = `benefit-test-${randomUUID()}`;
  const entitlementId = randomUUID();
  await em.execute(
    `insert into person (citizen_id, name, sex, birth_date, created_at, updated_at) values (?, '王五', ?, ?, now(), now()) on conflict do nothing`,
    [person, sex, birthDateOf(person)],
  );
  await em.execute(
    `insert into benefit_entitlement (id, case_id, line_key, citizen_id, region, claim_type, benefit, kind, payer, amount, start_month, end_month,
       first_payroll_month, beneficiary, status, stop_reason, months_unused, decided_by, created_at, stopped_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'fund', ?, ?, ?, ?, null, 'active', null, null, 'sv-0', now(), null)`,
    [
      entitlementId,
      caseId,
      e.benefit,
      person,
      e.region,
      e.claimType,
      e.benefit,
      e.kind,
      e.amount,
      e.startMonth,
      e.kind === 'oneOff' ? e.startMonth : null,
      e.firstPayrollMonth,
    ],
  );
  if (e.account !== null) {
    const account = e.account ?? { bank: 'ICBC', account: '6222021234567890123' };
    await em.execute(
      `insert into beneficiary_account (citizen_id, bank_code, bank_account, holder_name, updated_by, updated_at) values (?, ?, ?, '王五', 'sv-0', now())
       on conflict (citizen_id) do nothing`,
      [person, account.bank, account.account],
    );
  }
  return { citizenId: person, entitlementId, caseId };
}

/** A basic pension of 5000.00 a month from `period`, first paid in it: one monthly line a payroll reads every month. */
export const monthlyPension = (orm: MikroORM, region: string, period: string) =>
  addEntitlement(orm, {
    region,
    claimType: 'pension',
    benefit: 'basicPension',
    kind: 'monthly',
    amount: '5000.00',
    startMonth: period,
    firstPayrollMonth: period,
  });

/**
 * An open overpayment recovery of `amount` for the person, as a death feed or a "stop and recover" opens it (offset at
 * the share, no ledger yet), for tests of its collection that need no payroll before it. Answers its id.
 */
export async function openRecoveryOf(orm: MikroORM, r: { citizenId: string; region: string; amount: string }): Promise<number> {
  const [row] = await orm.em.fork().execute<{ id: string }[]>(
    `insert into overpayment_recovery (citizen_id, entitlement_id, region, case_id, cause, amount, months, status, method, opened_at)
     values (?, ?, ?, 'benefit-test-recovery', ?, ?, '[]', 'open', 'offset', now()) returning id`,
    [r.citizenId, randomUUID(), r.region, `death-${randomUUID().slice(0, 8)}`, r.amount],
  );
  return Number(row!.id);
}

/** A pension started three months before `period` and first paid in it: a monthly line and a late-start back-pay line. */
export const latePension = (orm: MikroORM, region: string, period: string, account?: { bank: string; account: string } | null) =>
  addEntitlement(orm, {
    region,
    claimType: 'pension',
    benefit: 'basicPension',
    kind: 'monthly',
    amount: '3300.00',
    startMonth: addPeriods(period, -3),
    firstPayrollMonth: period,
    account,
  });

/** A death feed (format in docs/payroll.md) for the given people and dates. */
export const deathFeed = (rows: { citizenId: string; deathDate: string }[]) =>
  [
    'citizenId,name,deathDate,source,certificateNo',
    ...rows.map((r, i) => `${r.citizenId},王五,${r.deathDate},civilAffairs,SW-${r.citizenId.slice(-6)}-${i}`),
  ].join('\r\n') + '\r\n';

/** A bank return file (format in docs/payroll.md): one row per line. */
export const bankReturn = (batchId: string, rows: { lineKey: string; account: string; amount: string; status: 'PAID' | 'FAILED'; reason?: string }[]) =>
  [
    'batchId,lineId,bankAccount,amount,status,reasonCode,reasonText,bankReference',
    ...rows.map((r, i) => `${batchId},${r.lineKey},${r.account},${r.amount},${r.status},${r.reason ?? ''},,BR${i}`),
  ].join('\r\n') + '\r\n';

/**
 * A basic pension of 3000.00 a month, approved `monthsAgo` months before the clock's today and paid from that month:
 * the approval day counts as the first eligibility verification (docs/payroll.md "Eligibility verification"), so
 * its age decides who is overdue.
 */
export async function pensionApprovedMonthsAgo(
  orm: MikroORM,
  clock: { today(): string; now(): Date },
  region: string,
  monthsAgo: number,
): Promise<Beneficiary> {
  const from = addPeriods(monthOf(clock.today()), -monthsAgo);
  const b = await addEntitlement(orm, {
    region,
    claimType: 'pension',
    benefit: 'basicPension',
    kind: 'monthly',
    amount: '3000.00',
    startMonth: from,
    firstPayrollMonth: from,
  });
  await orm.em
    .fork()
    .execute(`update benefit_entitlement set created_at = ?::timestamptz - make_interval(months => ?) where id = ?`, [clock.now(), monthsAgo, b.entitlementId]);
  return b;
}
