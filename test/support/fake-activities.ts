// Recording fakes of every activity, for workflow tests on the time-skipping server and for recording replay histories.
import { activityInfo } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Activities } from '../../activities/index.js';
import { CN_CALENDAR_YEARS } from '../../domain/calendar/default-calendar.js';
import { compareDates } from '../../domain/calendar/local-date.js';
import { clampBase } from '../../domain/contribution/contribution-base.js';
import { DEFAULT_WORK_INJURY_CLASS_RATES, DEFAULT_WORK_INJURY_TIERS, type RegionalParameters } from '../../domain/contribution/regional-parameters.js';
import type { EnrollmentFacts } from '../../domain/enrollment/enrollment-checks.js';
import { Money } from '../../domain/money.js';
import { cleanBenefitFacts } from './benefit-facts.js';

/** The regions the fake system serves, with their administrative parents (as the region table holds them). */
export const FAKE_REGION_PARENTS: Record<string, string | null> = {
  '330000': null,
  '330100': '330000',
  '330102': '330100',
  '330105': '330100',
  '330106': '330100',
  '330108': '330100',
};

export type ActivityName = keyof Activities;
export type ActivityInput<K extends ActivityName> = Parameters<Activities[K]>[0];

/**
 * One call a workflow made, with the scheduling time the server reports. On the time-skipping test server (1.40) that
 * timestamp does not reliably follow skipped time (it was seen at the host clock after a skip): measure the workflow
 * clock with `env.currentTimeMs()` between messages instead.
 */
export interface ActivityCall {
  name: ActivityName;
  input: unknown;
  atMs: number;
}

export interface FakeActivities {
  /** Pass to `Worker.create({ activities })`. */
  activities: Activities;
  /** Every call in order, overrides included. */
  calls: ActivityCall[];
  /** The calls to one activity, typed by its input. */
  callsTo<K extends ActivityName>(name: K): { input: ActivityInput<K>; atMs: number }[];
  /**
   * Resolves once no fake is running and none was called for `quietMs` of real time. Await it before terminating a
   * workflow on the time-skipping server: an activity cut off by the termination is never completed, and the server
   * holds its clock for it, so every later `env.sleep` of the file hangs.
   */
  idle(quietMs?: number): Promise<void>;
}

/** The seeded dated parameters (db/seed/reference-data.ts): 2025 average 7 600.00, 2026 average 7 950.00. */
export function seedLikeParameters(region: string, date: string): RegionalParameters | null {
  const effectiveFrom = compareDates(date, '2026-01-01') >= 0 ? '2026-01-01' : compareDates(date, '2025-01-01') >= 0 ? '2025-01-01' : null;
  if (effectiveFrom === null) return null;
  return {
    region,
    effectiveFrom,
    averageMonthlyWage: effectiveFrom === '2026-01-01' ? '7950.00' : '7600.00',
    baseFloorRate: '0.6',
    baseCeilingRate: '3',
    rounding: 'HALF_UP_FEN',
    baseRounding: 'NONE',
    dueDay: 15,
    rates: {
      pension: { employer: '0.16', employee: '0.08' },
      medical: { employer: '0.095', employee: '0.02' },
      unemployment: { employer: '0.005', employee: '0.005' },
    },
    workInjury: { classRates: { ...DEFAULT_WORK_INJURY_CLASS_RATES }, tiers: [...DEFAULT_WORK_INJURY_TIERS] },
  };
}

/**
 * A complete `Activities` object of recording fakes. `defaults` is typed `Activities`, so an activity added to
 * activities/index.ts without a fake here is a compile error rather than a workflow test that hangs on retries.
 * The facts default to a clean case: an active employer in 330102 (the seeded one), no pension, no other open case.
 */
export function fakeActivities(overrides: Partial<Activities> = {}, { facts = {} }: { facts?: Partial<EnrollmentFacts> } = {}): FakeActivities {
  const calls: ActivityCall[] = [];
  let running = 0;
  let lastCallAt = 0;

  const defaults: Activities = {
    projectCase: async () => {},
    appendTimeline: async () => {},
    sendNotice: async () => {},
    openTask: async () => {},
    closeTask: async () => {},
    retimeTask: async () => {},
    escalateTask: async () => {},
    holdTask: async () => {},
    resumeTask: async () => {},
    cancelTask: async () => {},
    loadEnrollmentContext: async ({ region, date }) => {
      const parameters = seedLikeParameters(region, date);
      if (!parameters) {
        // Same failure type as the real activity, which the workflow's retry policy treats as final.
        throw ApplicationFailure.nonRetryable(`region ${region} has no contribution parameters in force on ${date}`, 'ParametersNotFound');
      }
      return { parameters, calendar: CN_CALENDAR_YEARS };
    },
    gatherEnrollmentFacts: async ({ employerCreditCode }) => ({
      employer: employerCreditCode ? { creditCode: employerCreditCode, region: '330102', status: 'active' } : null,
      activePension: null,
      otherOpenEnrollment: null,
      ...facts,
    }),
    loadPetitionContext: async () => ({
      calendar: CN_CALENDAR_YEARS,
      concludedReference: null,
      regions: Object.keys(FAKE_REGION_PARENTS),
      parents: FAKE_REGION_PARENTS,
    }),
    recordPetitionRating: async () => {},
    sharePetitionWithRegion: async () => {},
    openInsuranceRecords: async ({ application, parameters }) => ({
      opened: true,
      base: clampBase(Money.of(application.monthlyWage), parameters).base.toString(),
    }),
    loadArrearsCalendar: async () => CN_CALENDAR_YEARS,
    // Nothing owed: an arrears test states the balance it needs through an override.
    arrearsBalance: async ({ asOf, periods }) => ({
      asOf,
      principal: '0.00',
      lateFee: '0.00',
      fine: '0.00',
      total: '0.00',
      settled: true,
      periods: periods.map((period) => ({ period, principal: '0.00', lateFee: '0.00', lateFeeDays: 0 })),
    }),
    recordFine: async () => {},
    recordFeeWaiver: async () => {},
    sweepOverdueBills: async () => ({ cases: 0, periods: 0 }),
    sweepSupervisionControls: async () => ({ hits: 0, opened: 0 }),
    // Transfers: nobody on record, money that arrives at once; a test states the facts and answers it needs.
    loadTransferContext: async () => ({ calendar: CN_CALENDAR_YEARS, person: null, oldPeriods: [], pensionSpans: [], newAreaRecords: [] }),
    bookTransferOut: async ({ caseId }) => ({ paymentId: `${caseId}:out` }),
    collectTransferFunds: async () => ({ arrived: true, reconciliation: null }),
    bookTransferReceipt: async () => ({ reconciliation: null }),
    completeTransferRelationship: async ({ takeOverMonth }) => ({ movedRecords: 1, endedRecords: 0, newRecord: { startMonth: takeOverMonth, opened: false } }),
    openTemporaryAccount: async () => {},
    sendTransferMessage: async () => {},
    escalateTransferLeg: async () => {},
    gatherBenefitClaimFacts: async ({ application }) => ({ calendar: CN_CALENDAR_YEARS, facts: cleanBenefitFacts(application) }),
    recordEntitlements: async () => {},
    stopEntitlements: async () => {},
    bookMedicalExpense: async () => {},
    releaseMedicalInvoices: async () => {},
    bookAccountSubsidy: async () => ({ booked: 0 }),
    releaseAccountSubsidy: async () => {},
    billBackPayment: async () => {},
    releaseBackPaymentMonths: async () => {},
    // Payrolls: an empty region; a payroll test states its lines, holds and bank answers through overrides.
    startPayroll: async () => ({ calendar: CN_CALENDAR_YEARS, carried: 0 }),
    gatherPayrollChunk: async () => ({ next: null, seen: 0, gathered: 0, held: 0 }),
    finishPayrollGathering: async () => {},
    openPayrollLineTasks: async () => ({ opened: 0 }),
    decidePayrollLine: async ({ completion }) => ({
      status: completion.outcome === 'release' ? 'due' : completion.outcome === 'retry' ? 'carried' : 'stopped',
    }),
    sendPayrollBatch: async () => ({ lines: 0, total: '0.00' }),
    sendPayrollLines: async () => ({ lines: 0 }),
    finishPayrollSend: async () => ({ lines: 0, total: '0.00' }),
    suspendOverdueBeneficiaries: async (input: { today: string }) => ({ today: input.today, suspended: 0 }),
    chaseMissedInstalments: async (input: { today: string }) => ({ today: input.today, chased: 0 }),
    // Recalculations: a region without pensions.
    recalculatePensionChunk: async () => ({ next: null, seen: 0, changed: 0 }),
    finishPensionRecalculation: async () => {},
  };

  const record = <K extends ActivityName>(name: K, fn: Activities[K]): Activities[K] => {
    const recorded = async (input: ActivityInput<K>) => {
      calls.push({ name, input, atMs: activityInfo().currentAttemptScheduledTimestampMs });
      running += 1;
      lastCallAt = Date.now();
      try {
        return await (fn as (arg: ActivityInput<K>) => ReturnType<Activities[K]>)(input);
      } finally {
        running -= 1;
        lastCallAt = Date.now();
      }
    };
    return recorded as unknown as Activities[K];
  };

  const activities = Object.fromEntries(
    (Object.keys(defaults) as ActivityName[]).map((name) => [name, record(name, overrides[name] ?? defaults[name])]),
  ) as Activities;

  return {
    activities,
    calls,
    callsTo: <K extends ActivityName>(name: K) =>
      calls.filter((call) => call.name === name).map((call) => ({ input: call.input as ActivityInput<K>, atMs: call.atMs })),
    idle: async (quietMs = 500) => {
      const giveUpAt = Date.now() + 30_000;
      while (running > 0 || Date.now() - lastCallAt < quietMs) {
        if (Date.now() > giveUpAt) throw new Error(`fake activities still busy after 30 s (${running} running)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
