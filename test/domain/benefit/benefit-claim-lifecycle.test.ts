import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { BenefitClaimApplication } from '../../../domain/benefit/benefit-claim.js';
import { benefitClaimClocks, benefitStepSla } from '../../../domain/benefit/benefit-claim-clocks.js';
import { benefitEventFor, type BenefitDecisionFacts, benefitStepOf } from '../../../domain/benefit/benefit-claim-decision.js';
import { toBenefitClaimEffects } from '../../../domain/benefit/benefit-claim-effects.js';
import { type BenefitClaimEvent, benefitClaimMachine } from '../../../domain/benefit/benefit-claim.machine.js';
import { DEFAULT_BENEFIT_POLICY as policy } from '../../../domain/benefit/benefit-policy.js';
import type { ClaimAssessment } from '../../../domain/benefit/claim-assessment.js';
import { CN_CALENDAR_YEARS } from '../../../domain/calendar/default-calendar.js';
import type { TaskCompletion } from '../../../domain/task.js';

const pension: BenefitClaimApplication = {
  type: 'pension',
  citizenId: '110101196607150013',
  region: '330102',
  retirementDate: '2026-12-15',
  retirementCategory: null,
  lateRetirementAgreed: false,
  contributionsExtended: false,
  deemedMonths: 0,
};
const injury: BenefitClaimApplication = {
  type: 'workInjury',
  citizenId: '110101198805200015',
  region: '330102',
  accidentDate: '2025-01-01',
  employerCreditCode: 'E',
  description: 'x',
  applicant: 'employer',
  clearCut: false,
  approvedExtensionDays: 0,
};
const grant: ClaimAssessment = {
  refusals: [],
  options: [],
  lines: [{ key: 'a', benefit: 'basicPension', kind: 'monthly', payer: 'fund', amount: '3300.00', startMonth: '2027-01', endMonth: null, beneficiary: null }],
  figures: {},
  workings: [],
};

function run(application: BenefitClaimApplication, events: BenefitClaimEvent[]) {
  let [snapshot, actions] = initialTransition(benefitClaimMachine, { application, filedOn: '2025-01-10' });
  const effects = [...toBenefitClaimEffects(actions)];
  for (const event of events) {
    [snapshot, actions] = transition(benefitClaimMachine, snapshot, event);
    effects.push(...toBenefitClaimEffects(actions));
  }
  return {
    status: String(snapshot.value),
    context: snapshot.context,
    effects,
    done: snapshot.status === 'done',
    can: (e: BenefitClaimEvent) => snapshot.can(e),
  };
}

const proposal = (tiers: ('review' | 'supervisorApproval')[], outcome: 'grant' | 'refuse' = 'grant') => ({
  outcome,
  reason: outcome === 'refuse' ? 'no proof' : null,
  preparedBy: 'cw-1',
  preparedOn: '2025-01-11',
  tiers,
});

describe('benefit claim lifecycle (待遇审批: checks, preparation, review, supervisor approval)', () => {
  it('asks for a supervisor only above the thresholds, and records the entitlements once approved (§8 graded approval)', () => {
    const passed: BenefitClaimEvent = { type: 'CHECKS_PASSED', assessment: grant, employerLiability: null, recognition: null };
    const small = run(pension, [
      passed,
      { type: 'PROPOSED', proposal: proposal(['review']), assessment: grant },
      { type: 'APPROVE', by: 'rv-1', on: '2025-01-12' },
    ]);
    expect(small.status).toBe('approved');
    expect(small.effects.map((e) => e.kind)).toEqual(['runChecks', 'recordEntitlements']);
    const large = run(pension, [
      passed,
      { type: 'PROPOSED', proposal: proposal(['review', 'supervisorApproval']), assessment: grant },
      { type: 'APPROVE', by: 'rv-1', on: '2025-01-12' },
    ]);
    expect(large.status).toBe('supervisorApproval');
    expect(large.context.reviewedBy).toBe('rv-1');
    const done = run(pension, [
      passed,
      { type: 'PROPOSED', proposal: proposal(['review']), assessment: grant },
      { type: 'APPROVE', by: 'rv-1', on: '2025-01-12' },
      { type: 'ENTITLEMENTS_RECORDED', stop: null },
    ]);
    expect(done).toMatchObject({ status: 'granted', done: true });
    expect(done.effects.at(-1)).toEqual({ kind: 'notify', notice: 'benefit_granted' });
  });

  it('confirms a proposed refusal with its reason, and returns a decision to the preparer (every refusal says why)', () => {
    const passed: BenefitClaimEvent = { type: 'CHECKS_PASSED', assessment: grant, employerLiability: null, recognition: null };
    const refused = run(pension, [
      passed,
      { type: 'PROPOSED', proposal: proposal(['review'], 'refuse'), assessment: null },
      { type: 'APPROVE', by: 'rv-1', on: '2025-01-12' },
    ]);
    expect(refused.status).toBe('rejected');
    expect(refused.context.decision).toEqual({ outcome: 'rejected', reason: 'no proof', decidedBy: 'rv-1', decidedOn: '2025-01-12' });
    const returned = run(pension, [
      passed,
      { type: 'PROPOSED', proposal: proposal(['review']), assessment: grant },
      { type: 'RETURN', by: 'rv-1', reason: 'check' },
    ]);
    expect(returned).toMatchObject({ status: 'preparing', context: { returns: 1 } });
  });

  it('runs a work injury through recognition (with a suspension), assessment and the re-assessment window (工伤保险条例 arts. 20, 25, 26)', () => {
    const recognition = {
      acceptedOn: '2025-01-10',
      clearCut: false,
      suspensions: [],
      outcome: null,
      decidedBy: null,
      decidedOn: null,
      reason: null,
      workings: [],
    };
    const r = run(injury, [
      { type: 'CHECKS_PASSED', assessment: null, employerLiability: null, recognition },
      { type: 'SUSPENDED', by: 'cw-1', on: '2025-01-15', reason: 'court' },
      { type: 'RESUMED', by: 'cw-1', on: '2025-02-03' },
      { type: 'RECOGNIZED', by: 'cw-1', on: '2025-02-10' },
      { type: 'ASSESSMENT_EXTENDED', by: 'cw-1' },
      { type: 'ASSESSED', by: 'cw-1', on: '2025-04-01', grade: 7 },
    ]);
    expect(r.status).toBe('assessed');
    expect(r.context.recognition?.suspensions).toEqual([{ from: '2025-01-15', to: '2025-02-03', reason: 'court' }]);
    expect(r.context.disability).toMatchObject({ requestedOn: '2025-02-10', extended: true, grade: 7, finalGrade: 7 });
    expect(r.can({ type: 'ASSESSMENT_EXTENDED', by: 'x' })).toBe(false);
    const noGrade = run(injury, [
      { type: 'CHECKS_PASSED', assessment: null, employerLiability: null, recognition },
      { type: 'RECOGNIZED', by: 'cw-1', on: '2025-02-10' },
      { type: 'ASSESSED', by: 'cw-1', on: '2025-04-01', grade: null },
      { type: 'REASSESSMENT_WINDOW_CLOSED', assessment: null },
    ]);
    expect(noGrade).toMatchObject({ status: 'noDisabilityGrade', done: true });
  });

  it('keeps a re-employment reported before the grant, and stops a benefit being paid (社会保险法 art. 51)', () => {
    const unemployment: BenefitClaimApplication = {
      type: 'unemployment',
      citizenId: 'x',
      region: '330102',
      leaveDate: '2025-01-05',
      employerCreditCode: 'E',
      registeredOn: '2025-01-10',
    };
    const passed: BenefitClaimEvent = { type: 'CHECKS_PASSED', assessment: grant, employerLiability: null, recognition: null };
    const early = run(unemployment, [passed, { type: 'REEMPLOYED', date: '2025-02-01', employerCreditCode: 'F', stop: null }]);
    expect(early).toMatchObject({ status: 'preparing', context: { reemployment: { date: '2025-02-01', employerCreditCode: 'F' } } });
    const stop = { stopMonth: '2025-03', monthsPaid: 2, monthsUnused: 16, workings: [] };
    const paying = run(unemployment, [
      passed,
      { type: 'PROPOSED', proposal: proposal(['review']), assessment: grant },
      { type: 'APPROVE', by: 'rv-1', on: '2025-01-12' },
      { type: 'ENTITLEMENTS_RECORDED', stop: null },
    ]);
    expect(paying.status).toBe('paying');
    const stopped = run(unemployment, [
      passed,
      { type: 'PROPOSED', proposal: proposal(['review']), assessment: grant },
      { type: 'APPROVE', by: 'rv-1', on: '2025-01-12' },
      { type: 'ENTITLEMENTS_RECORDED', stop: null },
      { type: 'REEMPLOYED', date: '2025-03-02', employerCreditCode: 'F', stop },
    ]);
    expect(stopped).toMatchObject({ status: 'stopped', done: true, context: { stop } });
    expect(stopped.effects.slice(-2)).toEqual([{ kind: 'stopEntitlements' }, { kind: 'notify', notice: 'benefit_stopped' }]);
  });

  it('maps each status to the step that waits on a person, and none for the waits on the clock or the claimant', () => {
    expect(['recognition', 'recognitionSuspended', 'assessment', 'reassessment', 'preparing', 'reviewing', 'supervisorApproval'].map(benefitStepOf)).toEqual([
      'recognition',
      'judicialConclusion',
      'assessment',
      'reassessment',
      'prepare',
      'review',
      'approval',
    ]);
    expect(['checking', 'assessed', 'paying', 'granted'].map(benefitStepOf)).toEqual([null, null, null, null]);
  });
});

describe('benefit decisions (benefit-claim-decision.ts)', () => {
  const completion = (outcome: string, comment = '', data: Record<string, unknown> = {}): TaskCompletion => ({
    taskId: 't',
    outcome,
    comment,
    data,
    actorId: 'cw-1',
    actorRole: 'caseworker',
  });
  const context = run(pension, [{ type: 'CHECKS_PASSED', assessment: grant, employerLiability: null, recognition: null }]).context;
  const facts: BenefitDecisionFacts = {
    today: '2025-01-11',
    context,
    amountsFor: (entries) => ({ ...grant, figures: { accountBalance: entries.accountBalance ?? 'computed' } }),
    amountsForGrade: () => grant,
    tiersFor: () => ['review'],
  };

  it('computes the proposal’s amounts and tiers from the records and the preparer’s account statement, never from typed amounts', () => {
    const event = benefitEventFor('prepare', completion('approve', '', { accountBalance: '182345.60' }), facts);
    expect(event).toMatchObject({
      type: 'PROPOSED',
      proposal: { outcome: 'grant', preparedBy: 'cw-1', tiers: ['review'] },
      assessment: { figures: { accountBalance: '182345.60' } },
    });
    expect(benefitEventFor('prepare', completion('approve', '', { accountBalance: 182345.6 }), facts)).toEqual({
      refused: expect.stringContaining('data.accountBalance'),
    });
    expect(benefitEventFor('prepare', completion('approve', '', { jobOffered: true }), facts)).toEqual({
      refused: 'data.jobOffered applies to a work-injury claim only',
    });
  });

  it('needs a reason for a refusal, a return, not recognising an injury and a suspension; a grade 0–10 for a conclusion', () => {
    for (const [step, outcome] of [
      ['prepare', 'reject'],
      ['review', 'reject'],
      ['approval', 'return'],
      ['recognition', 'notRecognize'],
      ['recognition', 'suspend'],
    ] as const) {
      expect(benefitEventFor(step, completion(outcome), facts)).toEqual({ refused: expect.stringContaining('must say why') });
    }
    expect(benefitEventFor('assessment', completion('conclude', '', { grade: 11 }), facts)).toEqual({ refused: expect.stringContaining('data.grade') });
    expect(benefitEventFor('assessment', completion('conclude', '', { grade: '0' }), facts)).toMatchObject({ type: 'ASSESSED', grade: null });
    expect(benefitEventFor('review', completion('recognize'), facts)).toEqual({ refused: 'step review takes approve, reject, return, not "recognize"' });
  });
});

describe('benefit claim clocks (经办条例 arts. 18, 24; 工伤保险条例 arts. 20, 25, 26)', () => {
  it('counts the agency limit in working days while the agency has the claim, and none once decided', () => {
    const ctx = run(pension, []).context;
    const [clock] = benefitClaimClocks(CN_CALENDAR_YEARS, { ...ctx, filedOn: '2025-09-26' }, 'preparing', policy);
    expect(clock).toMatchObject({ clock: 'agencyDecision', due: { dueDate: '2025-10-30', unit: 'working' } });
    expect(benefitClaimClocks(CN_CALENDAR_YEARS, ctx, 'granted', policy)).toEqual([]);
  });

  it('adds the suspended days to the recognition deadline and stops the clock while a suspension runs (art. 20)', () => {
    const ctx = run(injury, []).context;
    const recognition = {
      acceptedOn: '2025-01-10',
      clearCut: false,
      suspensions: [{ from: '2025-01-15', to: '2025-02-03', reason: 'court' }],
      outcome: null,
      decidedBy: null,
      decidedOn: null,
      reason: null,
      workings: [],
    };
    const [clock] = benefitClaimClocks(CN_CALENDAR_YEARS, { ...ctx, recognition }, 'recognition', policy);
    // 60 days from 10 Jan = 11 Mar; + 20 suspended days = 31 Mar 2025 (E-style count, §9)
    expect(clock).toMatchObject({ clock: 'recognitionDecision', due: { dueDate: '2025-03-31', unit: 'calendar' } });
    expect(benefitClaimClocks(CN_CALENDAR_YEARS, { ...ctx, recognition }, 'recognitionSuspended', policy)).toEqual([]);
  });

  it('gives a step what is left of its statutory clock as its SLA, else the configured days (经办条例 art. 18; 工伤保险条例 art. 20)', () => {
    const ctx = run(pension, []).context;
    const [agency] = benefitClaimClocks(CN_CALENDAR_YEARS, { ...ctx, filedOn: '2025-09-26' }, 'preparing', policy);
    // 20 working days from 26 Sep 2025 end on 30 Oct; on 9 Oct, 16 are left (the make-up Saturday 11 Oct counts).
    expect(benefitStepSla(CN_CALENDAR_YEARS, 'review', agency!.due, '2025-10-09', policy)).toEqual({ days: 16, unit: 'working' });
    expect(benefitStepSla(CN_CALENDAR_YEARS, 'review', agency!.due, '2025-11-05', policy)).toEqual({ days: 1, unit: 'working' });
    expect(benefitStepSla(CN_CALENDAR_YEARS, 'judicialConclusion', null, '2025-10-09', policy)).toEqual({ days: 90, unit: 'calendar' });
    expect(benefitStepSla(CN_CALENDAR_YEARS, 'prepare', null, '2025-10-09', policy)).toEqual({ days: 10, unit: 'working' });
  });
});
