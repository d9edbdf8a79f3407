import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthOf, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { periodRange, addPeriods } from '../../domain/payroll/payroll-month.js';
import { gatherLines } from '../../domain/payroll/payroll-gathering.js';
import { DEFAULT_VERIFICATION_POLICY } from '../../domain/payroll/payroll-policy.js';
import { resumeAfterVerification, verificationSchedule } from '../../domain/payroll/verification.js';
import { monthlyPension, runSweep, sweepFakes } from './verification-harness.js';
import { startTimeSkipping } from './time-skipping.js';

const DAY = 24 * 3600 * 1000;

describe('verification sweep workflow (time-skipping test server; 待遇资格认证, rules §8)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  const envToday = async () => shanghaiDateOf(await env.currentTimeMs());

  it('suspends a beneficiary once the cycle and grace run out, and the verification resumes them with the held months as one back-pay line (§8)', async () => {
    const approvedOn = await envToday();
    const person = monthlyPension(approvedOn);
    const fakes = sweepFakes(person);
    const schedule = verificationSchedule(approvedOn, DEFAULT_VERIFICATION_POLICY);

    // A day's run within the cycle: nothing to do. The workflow hands the activity the workflow clock's day.
    const early = await runSweep(env, bundle, fakes);
    expect(early.result).toEqual({ today: approvedOn, suspended: 0 });

    // Eleven months on, still inside the cycle (the reminder window at most).
    await env.sleep(11 * 30 * DAY);
    const within = await runSweep(env, bundle, fakes);
    expect(within.result, `approved ${approvedOn}, env ${await envToday()}`).toEqual({ today: await envToday(), suspended: 0 });
    expect(person.entitlement.status).toBe('active');

    // Past the due day and the grace days: the sweep of that day suspends, from that day's payroll month.
    const untilOverdue = Date.parse(`${schedule.suspendFrom}T12:00:00+08:00`) - (await env.currentTimeMs());
    await env.sleep(untilOverdue);
    const overdueDay = await envToday();
    expect(overdueDay >= schedule.suspendFrom).toBe(true);
    const swept = await runSweep(env, bundle, fakes);
    expect(swept.result).toEqual({ today: overdueDay, suspended: 1 });
    expect(person.entitlement.status).toBe('suspended');
    const open = { from: monthOf(overdueDay), to: null, reason: `verification overdue (last verified ${approvedOn})`, resumedIn: null, backPay: false };
    expect(person.entitlement.suspensions).toEqual([open]);
    // The next day's run suspends nobody twice.
    await env.sleep(DAY);
    expect((await runSweep(env, bundle, fakes)).result.suspended).toBe(0);

    // Two months later the beneficiary checks in: payment resumes in that month's payroll with the held months back.
    await env.sleep(61 * DAY);
    const checkedOn = await envToday();
    const resumed = resumeAfterVerification(person.entitlement, { kind: 'selfService', date: checkedOn, source: 'self-service' }, checkedOn);
    person.entitlement = resumed.entitlement;
    person.lastVerifiedOn = checkedOn;
    const held = periodRange(monthOf(overdueDay), addPeriods(monthOf(checkedOn), -1));
    expect(held.length).toBeGreaterThanOrEqual(2);
    expect(resumed.backPayMonths).toEqual(held);

    const e = person.entitlement;
    if (e.kind !== 'monthly') throw new Error('a monthly pension');
    const row = {
      id: e.entitlementId,
      caseId: 'benefit-1',
      citizenId: e.citizenId,
      claimType: 'pension',
      benefit: 'basicPension',
      kind: 'monthly' as const,
      amount: e.monthlyAmount,
      startMonth: e.startMonth,
      endMonth: null,
      firstPayrollMonth: e.startMonth,
      deathDate: null,
      imprisonments: [],
      otherPensionEntitlementId: null,
      newEnrollmentOn: null,
      bankCode: 'ICBC',
      bankAccount: '6222021234567890123',
      payeeName: '王五',
      suspensions: e.suspensions ?? [],
    };
    const lines = gatherLines([row], monthOf(checkedOn));
    const backPay = lines.find((l) => l.kind === 'backPay')!;
    expect(lines.map((l) => l.kind).sort()).toEqual(['backPay', 'monthly']);
    expect(backPay.months).toBe(held.length);
    expect(backPay.amount).toBe(resumed.backPayAmount);
    expect(backPay.workings!.join(' ')).toContain(`payment suspended from ${monthOf(overdueDay)}`);
    // A held month's own payroll paid nothing.
    expect(gatherLines([{ ...row, suspensions: [open] }], held[0]!)).toEqual([]);

    // Verified again: the next cycle runs from the check-in, and the sweep leaves the person alone.
    expect((await runSweep(env, bundle, fakes)).result.suspended).toBe(0);
    expect(addMonths(checkedOn, 12) > (await envToday())).toBe(true);
  });
});
