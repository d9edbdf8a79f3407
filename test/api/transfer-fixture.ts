// Shared steps of the transfer end-to-end and browser tests: a person with the E3 history on the Hangzhou office's
// records, insured again in Ningbo through the API, and the staff of both offices deciding their legs through the task
// routes. Not a test file itself (no `.test.ts`).
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { monthOf } from '../../domain/calendar/local-date.js';
import { DEFAULT_PERSONAL_ACCOUNT_POLICY } from '../../domain/insurance/personal-account.js';
import { type AccountPeriod, transferAmountsOf } from '../../domain/transfer/transfer-amounts.js';
import { enrollmentBody } from '../support/factories.js';
import type { TestSystem } from '../support/system.js';

export const NINGBO_EMPLOYER = '91330212MA2H00065U';
export const HANGZHOU_EMPLOYER = '91330102MA2H00014Y';

/** E3 (rules §10): monthly contribution wages 2010–2018 for 12 months, 2019 for six months. */
export const E3_SPANS: [string, string, string][] = [
  ['2010-01', '2010-12', '3000.00'],
  ['2011-01', '2011-12', '3300.00'],
  ['2012-01', '2012-12', '3600.00'],
  ['2013-01', '2013-12', '4000.00'],
  ['2014-01', '2014-12', '4400.00'],
  ['2015-01', '2015-12', '4800.00'],
  ['2016-01', '2016-12', '5200.00'],
  ['2017-01', '2017-12', '5600.00'],
  ['2018-01', '2018-12', '6000.00'],
  ['2019-01', '2019-06', '6500.00'],
];

/**
 * What the E3 history moves when this system runs the old office: E3's 62 136.00 pooled fund, and the personal account
 * of 41 424.00 contributions with the yearly 记账利率 credited up to `today`'s year (rules §5.1; the rates are the
 * default `personal-account.policy`, which these tests do not change). Derived at run time: next year adds a year of
 * interest.
 */
export function e3AmountsAsOldOffice(today: string): { pooledFund: string; personalAccount: string } {
  const periods = E3_SPANS.map(([startMonth, endMonth, monthlyWage]) => ({ startMonth, endMonth, monthlyWage, employeeRate: '0.08' }));
  const amounts = transferAmountsOf({ insurance: 'pension', periods, throughMonth: monthOf(today), accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY }).amounts;
  return amounts;
}

/**
 * What a second move out of Ningbo must carry for a person who came from Hangzhou with E3 (rules §6.1, multi-hop):
 * the E3 years plus Ningbo's own open pension record, counted through this month; and Ningbo's own part alone, to
 * show the sum. Derived at run time from the records and the clock.
 */
export async function secondMoveOutOfNingbo(
  system: TestSystem,
  citizenId: string,
): Promise<{ expected: ReturnType<typeof transferAmountsOf>; ningboOwn: ReturnType<typeof transferAmountsOf> }> {
  const [ningboRecord] = await system.orm.em
    .fork()
    .execute<{ start_month: string; base: string }[]>(
      `select start_month, contribution_base::text as base from insurance_record where citizen_id = ? and insurance_type = 'pension' and region = '330212'`,
      [citizenId],
    );
  const e3: AccountPeriod[] = E3_SPANS.map(([startMonth, endMonth, monthlyWage]) => ({ startMonth, endMonth, monthlyWage, employeeRate: '0.08' }));
  const own: AccountPeriod[] = [{ startMonth: ningboRecord!.start_month, endMonth: null, monthlyWage: ningboRecord!.base, employeeRate: '0.08' }];
  const amountsOf = (periods: AccountPeriod[]) =>
    transferAmountsOf({ insurance: 'pension', periods, throughMonth: monthOf(system.clock.today()), accountInterest: DEFAULT_PERSONAL_ACCOUNT_POLICY });
  return { expected: amountsOf([...e3, ...own]), ningboOwn: amountsOf(own) };
}

/**
 * The Hangzhou office's records of a person who worked there 2010-01 to 2019-06 (E3) and left: one pension record per
 * wage level, ended, as a migration of the office's history would load them.
 */
export async function e3HistoryInHangzhou(system: TestSystem, citizenId: string, insurance = 'pension', lastReason = 'resigned'): Promise<void> {
  const em = system.orm.em.fork();
  for (const [i, [start, end, base]] of E3_SPANS.entries()) {
    await em.execute(
      `insert into insurance_record (id, citizen_id, insurance_type, region, employer_credit_code, personnel_category, start_month, end_month,
         end_reason, status, contribution_base, opened_by_case, created_at)
       values (?, ?, ?, '330102', ?, 'employee', ?, ?, ?, 'terminated', ?, ?, now())`,
      [
        randomUUID(),
        citizenId,
        insurance,
        HANGZHOU_EMPLOYER,
        start,
        end,
        i === E3_SPANS.length - 1 ? lastReason : 'contractEnded',
        base,
        `history-${citizenId}-${insurance}-${start}`,
      ],
    );
  }
}

/** Files a timely hire with `employer` in `region` and waits until the person is insured (or refused). */
export async function enrolled(system: TestSystem, citizenId: string, options: { employer?: string; region?: string; insuranceTypes?: string[] } = {}) {
  const employer = options.employer ?? NINGBO_EMPLOYER;
  const token = await system.token({ role: 'employer', employer, sub: `agent-${employer.slice(-6)}` });
  const body = {
    ...enrollmentBody({ citizenId, employerCreditCode: employer, region: options.region ?? '330212' }),
    ...(options.insuranceTypes ? { insuranceTypes: options.insuranceTypes } : {}),
  };
  const started = await system.call('POST', '/v1/enrollments', { token, body });
  expect(started.status).toBe(202);
  return system.eventually(async () => {
    const view = await system.call('GET', `/v1/cases/${started.body.caseId}`, { token });
    return view.body.status === 'insured' || view.body.status === 'refused' ? (view.body as { status: string; summary: Record<string, unknown> }) : undefined;
  });
}

/** The open task of `step` on the case, once the workflow opened it. */
export function openTaskOf(system: TestSystem, caseId: string, step: string): Promise<string> {
  return system.eventually(async () => {
    const [row] = await system.orm.em
      .fork()
      .execute<{ id: string }[]>(`select id from task where case_id = ? and step = ? and status = 'open'`, [caseId, step]);
    return row?.id;
  }, 30_000);
}

/** A staff member of the office claims the leg's task and decides it through the task routes. */
export async function decideLeg(system: TestSystem, token: string, caseId: string, step: string, outcome: string, comment = '') {
  const taskId = await openTaskOf(system, caseId, step);
  const claim = await system.call('POST', `/v1/tasks/${taskId}/claim`, { token });
  expect(claim.status, JSON.stringify(claim.body)).toBe(200);
  const done = await system.call('POST', `/v1/tasks/${taskId}/complete`, { token, body: { outcome, comment: comment || '同意' } });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body as { task: { status: string }; case: { status: string } };
}

/** The transfer once it is in `status`. */
export function transferIn(system: TestSystem, token: string, reference: string, status: string) {
  return system.eventually(async () => {
    const view = await system.call('GET', `/v1/transfers/${reference}`, { token });
    return view.status === 200 && view.body.status === status ? (view.body as TransferBody) : undefined;
  }, 30_000);
}

export interface TransferBody {
  reference: string;
  caseId: string;
  status: string;
  legs: { name: string; office: string; region: string; served: boolean; dueDate: string | null; daysLeft: number | null; status: string; unit: string }[];
  amounts: { pooledFund: string; personalAccount: string } | null;
  reconciliation: { balanced: boolean } | null;
  pensionPaymentPlace?: { paymentPlace: string; rule: string };
  ledger: { side: string; fund: string; poolingArea: string; amount: string; source: string }[];
  refusal: { office: string; reason: string } | null;
  [key: string]: unknown;
}

/** The person's pension records: region, status, whether a transfer moved them. */
export function pensionRecords(system: TestSystem, citizenId: string) {
  return system.orm.em
    .fork()
    .execute<{ region: string; status: string; end_reason: string | null; transferred_by_case: string | null; opened_by_case: string }[]>(
      `select region, status, end_reason, transferred_by_case, opened_by_case from insurance_record where citizen_id = ? and insurance_type = 'pension' order by start_month`,
      [citizenId],
    );
}
