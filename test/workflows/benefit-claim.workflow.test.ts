import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_THRESHOLDS } from '../../domain/benefit/approval-tiers.js';
import type { BenefitClaimApplication } from '../../domain/benefit/benefit-claim.js';
import { DEFAULT_WORK_INJURY_DEATH_POLICY } from '../../domain/benefit/work-injury-death.js';
import type { BenefitClaimFacts } from '../../domain/benefit/claim-checks.js';
import { monthPlus } from '../../domain/benefit/entitlement.js';
import { addDays, monthOf, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { benefitReemployed, completeTask, getCaseView, requestReassessment } from '../../workflows/index.js';
import { cleanBenefitFacts } from '../support/benefit-facts.js';
import { citizenId, SEEDED_EMPLOYER_330102 } from '../support/factories.js';
import { fakeActivities } from '../support/fake-activities.js';
import {
  claimStatusOf,
  claimTaskIn,
  DAY,
  decide,
  decideIn,
  pensionClaim,
  refusalOf,
  unemploymentClaim,
  withClaim,
  workInjuryClaim,
} from './benefit-claim-harness.js';
import { decideSettled, until } from './enrollment-harness.js';
import { startTimeSkipping } from './time-skipping.js';

// Time skipping is global to the environment: the cases run one after another on one server.
describe('benefit claim workflow (time-skipping test server, fake activities)', () => {
  let env: TestWorkflowEnvironment;
  let bundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    ({ env, bundle } = await startTimeSkipping());
  });
  afterAll(async () => env?.teardown());

  it('takes a pension claim through two tiers: never the same person twice, then the entitlements (§5.1, E6; 经办条例 arts. 18, 36–38)', async () => {
    const fakes = fakeActivities();
    // Above 4 000.00 a month a supervisor approves as well: E6's 4 594.96 needs both tiers.
    const policy = { approval: { ...DEFAULT_APPROVAL_THRESHOLDS, monthlyAbove: '4000.00' } };
    const result = await withClaim(
      env,
      bundle,
      fakes,
      pensionClaim,
      async (handle) => {
        await decideIn(handle, 'preparing', 'approve', 'cw-1');
        expect(fakes.callsTo('openTask').at(-1)?.input.spec).toMatchObject({ step: 'review', permission: 'approve', preparedBy: 'cw-1', earlierDeciders: [] });
        const review = await claimTaskIn(handle, 'reviewing');
        expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(review, 'approve', 'cw-1')] }))).toBe('FOUR_EYES');
        await decideSettled(handle, decide(review, 'approve', 'rv-1'));
        // The same decision sent again finds its task decided: it is applied once.
        expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(review, 'approve', 'rv-1')] }))).toBe('TASK_ALREADY_DECIDED');
        const approval = await claimTaskIn(handle, 'supervisorApproval');
        expect(fakes.callsTo('openTask').at(-1)?.input.spec).toMatchObject({
          step: 'approval',
          permission: 'supervise',
          preparedBy: 'cw-1',
          earlierDeciders: ['rv-1'],
        });
        expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(approval, 'approve', 'rv-1')] }))).toBe('SAME_PERSON_AT_TWO_TIERS');
        expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(approval, 'reject', 'sv-1')] }))).toBe('OUTCOME_NOT_ALLOWED'); // no reason
        const answer = await decideSettled(handle, decide(approval, 'approve', 'sv-1'));
        expect(answer.lastDecision).toMatchObject({ taskId: approval, taskStatus: 'completed' });
        return handle.result();
      },
      policy,
    );
    expect(result).toEqual({ status: 'granted' });
    const [recorded] = fakes.callsTo('recordEntitlements');
    expect(fakes.callsTo('recordEntitlements')).toHaveLength(1);
    expect(recorded!.input.lines.map((l) => [l.benefit, l.kind, l.amount, l.startMonth, l.endMonth])).toEqual([
      ['basicPension', 'monthly', '3300.00', '2027-01', null],
      ['accountPension', 'monthly', '1294.96', '2027-01', null],
    ]);
    expect(recorded!.input.decidedBy).toBe('sv-1');
    const granted = fakes.callsTo('projectCase').at(-1)!.input;
    expect(granted.summary).toMatchObject({
      decision: { outcome: 'granted', decidedBy: 'sv-1' },
      proposal: { preparedBy: 'cw-1', tiers: ['review', 'supervisorApproval'] },
      reviewedBy: 'rv-1',
      approvedBy: 'sv-1',
    });
    expect(granted.notices?.map((n) => n.kind) ?? []).toContain('benefit_granted');
  });

  it('gives a pension claim its 20-working-day agency limit as the SLA of every step (社会保险经办条例 art. 18)', async () => {
    const fakes = fakeActivities();
    await withClaim(env, bundle, fakes, pensionClaim, async (handle, input) => {
      await claimTaskIn(handle, 'preparing');
      const projection = fakes.callsTo('projectCase').at(-1)!.input;
      const agency = projection.deadlines.find((d) => d.name === 'agencyDecision');
      expect(agency?.unit).toBe('working');
      const opened = fakes.callsTo('openTask')[0]!.input;
      expect(opened.spec).toMatchObject({ step: 'prepare', slaUnit: 'working' });
      expect(shanghaiDateOf(Date.parse(opened.dueAt) - 1)).toBe(agency?.dueDate);
      expect(agency!.dueDate > input.filedOn).toBe(true);
      await fakes.idle(); // nothing in flight to hold the test server's clock
      await handle.terminate('test over');
    });
  });

  it('refuses a pension claim short of the minimum years with the months missing and the options (社会保险法 art. 16, E10)', async () => {
    const short = (application: Parameters<typeof cleanBenefitFacts>[0]): BenefitClaimFacts => {
      const facts = cleanBenefitFacts(application);
      return facts.type === 'pension' ? { type: 'pension', pension: { ...facts.pension, contributionMonths: 179 } } : facts;
    };
    const fakes = fakeActivities({ gatherBenefitClaimFacts: async ({ application }) => ({ calendar: [], facts: short(application) }) });
    const result = await withClaim(env, bundle, fakes, pensionClaim, (handle) => handle.result());
    expect(result).toEqual({ status: 'refused' });
    const summary = fakes.callsTo('projectCase').at(-1)!.input.summary;
    expect(summary.refusals).toEqual([expect.objectContaining({ code: 'SHORT_OF_MINIMUM_YEARS', reason: expect.stringContaining('1 short') })]);
    expect(summary.options).toEqual(['extendContributions', 'lumpSum', 'transferToResidentScheme']);
    expect(fakes.callsTo('openTask')).toHaveLength(0);
  });

  it('stops an unemployment benefit from the month of re-employment, with the rest unused (社会保险法 art. 51, E4)', async () => {
    const fakes = fakeActivities();
    let registered = '';
    const result = await withClaim(env, bundle, fakes, unemploymentClaim, async (handle, input) => {
      registered = input.filedOn;
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      await claimStatusOf(handle, 'paying');
      await env.sleep(70 * DAY);
      const hired = shanghaiDateOf(await env.currentTimeMs());
      await handle.signal(benefitReemployed, { date: hired, employerCreditCode: '91330102MA2H00049H', enrollmentCaseId: 'enrollment-1' });
      return handle.result();
    });
    expect(result).toEqual({ status: 'stopped' });
    const lines = fakes.callsTo('recordEntitlements')[0]!.input.lines;
    expect(lines.map((l) => [l.benefit, l.kind, l.amount, l.startMonth, l.endMonth])).toEqual([
      ['unemploymentBenefit', 'monthly', '2070.00', monthOf(registered), monthPlus(monthOf(registered), 17)],
      ['medicalPremium', 'medicalPremium', '548.55', monthOf(registered), monthPlus(monthOf(registered), 17)],
    ]);
    const [stop] = fakes.callsTo('stopEntitlements');
    expect(stop!.input.stopMonth).toMatch(/^\d{4}-\d{2}$/);
    const paid =
      (Number(stop!.input.stopMonth.slice(0, 4)) - Number(registered.slice(0, 4))) * 12 +
      Number(stop!.input.stopMonth.slice(5)) -
      Number(registered.slice(5, 7));
    expect(stop!.input.monthsUnused).toBe(18 - paid);
    expect(
      fakes
        .callsTo('projectCase')
        .at(-1)!
        .input.notices?.map((n) => n.kind),
    ).toContain('benefit_stopped');
  });

  it('ends an unemployment benefit that ran its months, and applies a re-employment reported during review at the grant (§5.3)', async () => {
    const ran = fakeActivities();
    const ended = await withClaim(env, bundle, ran, unemploymentClaim, async (handle) => {
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      await claimStatusOf(handle, 'paying');
      await env.sleep(19 * 31 * DAY);
      return handle.result();
    });
    expect(ended).toEqual({ status: 'completed' });

    const early = fakeActivities();
    const stopped = await withClaim(env, bundle, early, unemploymentClaim, async (handle, input) => {
      await claimTaskIn(handle, 'preparing');
      await handle.signal(benefitReemployed, { date: addDays(input.filedOn, 40), employerCreditCode: null, enrollmentCaseId: 'enrollment-2' });
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      return handle.result();
    });
    expect(stopped).toEqual({ status: 'stopped' });
    const recorded = early.callsTo('recordEntitlements')[0]!.input;
    expect(recorded.stop).not.toBeNull();
    expect(recorded.lines.every((l) => l.endMonth !== null && l.endMonth < recorded.stop!.stopMonth)).toBe(true);
  });

  it('suspends a work-injury recognition while a judicial conclusion is awaited, then re-assesses and pays by grade (工伤保险条例 arts. 20, 25, 26, 35; E9)', async () => {
    const fakes = fakeActivities();
    const result = await withClaim(
      env,
      bundle,
      fakes,
      (filedOn) => workInjuryClaim(addDays(filedOn, -10)),
      async (handle) => {
        await claimTaskIn(handle, 'recognition');
        const first = fakes
          .callsTo('projectCase')
          .at(-1)!
          .input.deadlines.find((d) => d.name === 'recognitionDecision')!;
        expect(first.unit).toBe('calendar');
        await decideIn(handle, 'recognition', 'suspend', 'cw-1', {}, '等待法院对事故责任的判决');
        await claimTaskIn(handle, 'recognitionSuspended');
        await env.sleep(20 * DAY);
        const received = shanghaiDateOf(await env.currentTimeMs());
        await decideIn(handle, 'recognitionSuspended', 'resume', 'cw-1', { receivedOn: received });
        await claimTaskIn(handle, 'recognition');
        const resumed = fakes
          .callsTo('projectCase')
          .at(-1)!
          .input.deadlines.find((d) => d.name === 'recognitionDecision')!;
        expect(resumed.dueDate > first.dueDate).toBe(true);
        await decideIn(handle, 'recognition', 'recognize', 'cw-1');
        await decideIn(handle, 'assessment', 'extend', 'cw-1');
        expect(await refusalOf(handle.executeUpdate(completeTask, { args: [decide(await claimTaskIn(handle, 'assessment'), 'extend', 'cw-1')] }))).toBe(
          'OUTCOME_NOT_ALLOWED',
        );
        await decideIn(handle, 'assessment', 'conclude', 'cw-1', { grade: 5 });
        await claimStatusOf(handle, 'assessed');
        await handle.executeUpdate(requestReassessment, { args: [{ actorId: 'worker' }] });
        await decideIn(handle, 'reassessment', 'conclude', 'cw-1', { grade: 4 });
        await decideIn(handle, 'preparing', 'approve', 'cw-1');
        await decideIn(handle, 'reviewing', 'approve', 'rv-1');
        // 21 × 8 000 = 168 000.00 one-off: above 50 000.00, a supervisor approves too.
        await decideIn(handle, 'supervisorApproval', 'approve', 'sv-1');
        return handle.result();
      },
    );
    expect(result).toEqual({ status: 'granted' });
    const lines = fakes.callsTo('recordEntitlements')[0]!.input.lines;
    expect(lines.map((l) => [l.benefit, l.kind, l.payer, l.amount])).toEqual([
      ['disabilitySubsidy', 'oneOff', 'fund', '168000.00'],
      ['disabilityAllowance', 'monthly', 'fund', '6000.00'],
    ]);
    const summary = fakes.callsTo('projectCase').at(-1)!.input.summary as {
      recognition: { suspensions: { to: string | null }[] };
      disability: { grade: number; finalGrade: number; extended: boolean };
    };
    expect(summary.recognition.suspensions).toHaveLength(1);
    expect(summary.recognition.suspensions[0]!.to).not.toBeNull();
    expect(summary.disability).toMatchObject({ grade: 5, finalGrade: 4, extended: true });
  });

  it('makes the grade final when no re-assessment is asked for within 15 days, and refuses a late request (工伤保险条例 art. 26)', async () => {
    const fakes = fakeActivities();
    await withClaim(
      env,
      bundle,
      fakes,
      (filedOn) => workInjuryClaim(addDays(filedOn, -3)),
      async (handle) => {
        await decideIn(handle, 'recognition', 'recognize', 'cw-1');
        await decideIn(handle, 'assessment', 'conclude', 'cw-1', { grade: 10 });
        await claimStatusOf(handle, 'assessed');
        await env.sleep(20 * DAY);
        await claimTaskIn(handle, 'preparing');
        expect(await refusalOf(handle.executeUpdate(requestReassessment, { args: [{ actorId: 'worker' }] }))).toBe('REASSESSMENT_OUT_OF_TIME');
        const view = await handle.query(getCaseView);
        expect(view.status).toBe('preparing');
        await fakes.idle(); // nothing in flight to hold the test server's clock
        await handle.terminate('test over');
      },
    );
    const summary = fakes.callsTo('projectCase').at(-1)!.input.summary as { amounts: { lines: { amount: string }[] } };
    expect(summary.amounts.lines.map((l) => l.amount)).toEqual(['56000.00']); // grade 10: 7 × 8 000, no allowance
  });

  it('refuses a work-injury application filed after a year, and closes a case not recognised with its reason (art. 17, art. 20)', async () => {
    const late = fakeActivities();
    const refused = await withClaim(
      env,
      bundle,
      late,
      (filedOn) => ({ ...workInjuryClaim(addDays(filedOn, -400)), applicant: 'worker' as const }),
      (handle) => handle.result(),
    );
    expect(refused).toEqual({ status: 'refused' });
    expect(late.callsTo('projectCase').at(-1)!.input.summary.refusals).toEqual([expect.objectContaining({ code: 'APPLICATION_OUT_OF_TIME' })]);

    const fakes = fakeActivities();
    const result = await withClaim(
      env,
      bundle,
      fakes,
      (filedOn) => workInjuryClaim(addDays(filedOn, -5)),
      async (handle) => {
        await decideIn(handle, 'recognition', 'notRecognize', 'cw-1', {}, '事故发生在上下班途中以外的私人活动');
        return handle.result();
      },
    );
    expect(result).toEqual({ status: 'notRecognized' });
    const notice = fakes
      .callsTo('projectCase')
      .at(-1)!
      .input.notices?.find((n) => n.kind === 'injury_not_recognized');
    expect(notice?.payload).toMatchObject({ letter: { reasons: ['事故发生在上下班途中以外的私人活动'] } });
  });

  it('sends a returned decision back to its preparer and a refusal proposal to the reviewer, who confirms it with the reason (§8)', async () => {
    const fakes = fakeActivities();
    const result = await withClaim(env, bundle, fakes, pensionClaim, async (handle) => {
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'return', 'rv-1', {}, '请核对个人账户对账单');
      await until(async () => ((await handle.query(getCaseView)).status === 'preparing' ? true : undefined), 'back to preparing');
      await decideIn(handle, 'preparing', 'approve', 'cw-1', { accountBalance: '182345.60' });
      await decideIn(handle, 'reviewing', 'reject', 'rv-1', {}, '视同缴费年限证明不足');
      return handle.result();
    });
    expect(result).toEqual({ status: 'rejected' });
    const summary = fakes.callsTo('projectCase').at(-1)!.input.summary as {
      returns: number;
      amounts: { figures: { accountPension: string } };
      decision: { reason: string };
    };
    expect(summary.returns).toBe(1);
    expect(summary.amounts.figures.accountPension).toBe('1311.84'); // 182 345.60 ÷ 139
    expect(summary.decision.reason).toBe('视同缴费年限证明不足');
  });

  it('grants a maternity allowance on review alone: 29 400.00 is under the 50 000.00 threshold (§5.4, E5; §8)', async () => {
    const fakes = fakeActivities();
    const maternity = (filedOn: string): BenefitClaimApplication => ({
      type: 'maternity',
      citizenId: citizenId({ birthDate: '1994-09-03', sex: 'female' }),
      region: '330102',
      employerCreditCode: SEEDED_EMPLOYER_330102,
      event: { type: 'birth', date: addDays(filedOn, -10), difficultBirth: false, babies: 1, pregnancyMonths: null },
    });
    const result = await withClaim(env, bundle, fakes, maternity, async (handle) => {
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      return handle.result();
    });
    expect(result).toEqual({ status: 'granted' });
    expect(fakes.callsTo('recordEntitlements')[0]!.input.lines.map((l) => [l.benefit, l.kind, l.amount])).toEqual([
      ['maternityAllowance', 'oneOff', '29400.00'],
    ]);
    expect(fakes.callsTo('openTask').map((c) => c.input.spec.step)).toEqual(['prepare', 'review']);
  });

  it('grants the survivors of a work-injury death their pensions and the death grant through two tiers (工伤保险条例 art. 39)', async () => {
    const fakes = fakeActivities();
    const incomes = Array.from({ length: 30 }, (_, i) => ({ year: 2020 + i, annualAmount: '54188.00', source: 'test figure' }));
    const survivor = (filedOn: string): BenefitClaimApplication => ({
      type: 'survivor',
      citizenId: citizenId({ birthDate: '1970-01-01' }),
      region: '330102',
      deathDate: addDays(filedOn, -20),
      cause: 'workInjury',
      injuryReference: 'BC2026000009',
      dependants: [
        {
          name: '李四',
          relation: 'spouse',
          orphanOrLoneElderly: false,
          sex: 'female',
          birthDate: '1965-01-01',
          fullyDisabled: false,
          monthlyIncome: '800.00',
          closerRelativesGone: false,
        },
      ],
    });
    const result = await withClaim(
      env,
      bundle,
      fakes,
      survivor,
      async (handle) => {
        await decideIn(handle, 'preparing', 'approve', 'cw-1');
        await decideIn(handle, 'reviewing', 'approve', 'rv-1');
        await decideIn(handle, 'supervisorApproval', 'approve', 'sv-1');
        return handle.result();
      },
      { workInjuryDeath: { ...DEFAULT_WORK_INJURY_DEATH_POLICY, nationalDisposableIncome: incomes } },
    );
    expect(result).toEqual({ status: 'granted' });
    expect(fakes.callsTo('recordEntitlements')[0]!.input.lines.map((l) => [l.benefit, l.kind, l.amount, l.beneficiary])).toEqual([
      ['dependantPension', 'monthly', '3200.00', '李四'],
      ['deathGrant', 'oneOff', '1083760.00', null],
    ]);
  });

  it('§5.5 pays a dependant’s pension to the spouse and none to the parent whose income is over the 低保 limit, through two tiers (供养亲属范围规定 art. 3)', async () => {
    const fakes = fakeActivities();
    const incomes = Array.from({ length: 30 }, (_, i) => ({ year: 2020 + i, annualAmount: '54188.00', source: 'test figure' }));
    const relative = { orphanOrLoneElderly: false, fullyDisabled: false, closerRelativesGone: false };
    const survivor = (filedOn: string): BenefitClaimApplication => ({
      type: 'survivor',
      citizenId: citizenId({ birthDate: '1975-01-01' }),
      region: '330102',
      deathDate: addDays(filedOn, -20),
      cause: 'workInjury',
      injuryReference: 'BC2026000010',
      dependants: [
        // 56 or more on the death date and 800.00 a month of her own: below the limit, she lived on the deceased.
        { ...relative, name: '王芳', relation: 'spouse', sex: 'female', birthDate: addDays(filedOn, -56 * 366), monthlyIncome: '800.00' },
        // Over 60, but a pension of 2 600.00 a month: not below the limit, so no dependant's pension.
        { ...relative, name: '张父', relation: 'parent', sex: 'male', birthDate: addDays(filedOn, -75 * 366), monthlyIncome: '2600.00' },
      ],
    });
    const result = await withClaim(
      env,
      bundle,
      fakes,
      survivor,
      async (handle) => {
        await decideIn(handle, 'preparing', 'approve', 'cw-1');
        await decideIn(handle, 'reviewing', 'approve', 'rv-1');
        await decideIn(handle, 'supervisorApproval', 'approve', 'sv-1');
        return handle.result();
      },
      { workInjuryDeath: { ...DEFAULT_WORK_INJURY_DEATH_POLICY, nationalDisposableIncome: incomes, dependantIncomeLimit: '1500.00' } },
    );
    expect(result).toEqual({ status: 'granted' });
    expect(fakes.callsTo('recordEntitlements')).toHaveLength(1);
    // Own wage 8 000.00 (the facts): the spouse 40 % = 3 200.00 a month for life; the death grant 20 × 54 188.00.
    expect(fakes.callsTo('recordEntitlements')[0]!.input.lines.map((l) => [l.key, l.kind, l.amount, l.beneficiary, l.endMonth])).toEqual([
      ['dependantPension:1', 'monthly', '3200.00', '王芳', null],
      ['deathGrant', 'oneOff', '1083760.00', null, expect.any(String)],
    ]);
    const summary = fakes.callsTo('projectCase').at(-1)!.input.summary as { amounts: { figures: Record<string, unknown>; workings: string[] } };
    expect(summary.amounts.figures).toMatchObject({ dependantPensionTotal: '3200.00', dependantsQualified: '1 of 2' });
    expect(summary.amounts.workings).toContainEqual(
      expect.stringMatching(/^王芳: qualifies, 3200\.00 a month — spouse .*own income 800\.00 a month below the limit 1500\.00/),
    );
    expect(summary.amounts.workings).toContainEqual(
      expect.stringMatching(/^张父: no dependant’s pension — parent .*own income 2600\.00 a month is not below the limit 1500\.00/),
    );
    // The decision letter tells the parent why, with the review rights (社会保险法 art. 83).
    const letter = fakes
      .callsTo('projectCase')
      .flatMap((c) => c.input.notices ?? [])
      .find((n) => n.kind === 'benefit_granted')?.payload as { letter: { reasons: string[]; rights: string } } | undefined;
    expect(letter?.letter.reasons).toEqual([expect.stringMatching(/^张父: no dependant’s pension — parent /)]);
  });
});
