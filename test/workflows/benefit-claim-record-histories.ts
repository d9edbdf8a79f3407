// Records the benefit-claim histories that test/workflows/replay.test.ts replays, and the enrollment history of a hire
// that tells an open unemployment claim about the re-employment (the `benefit-stop-on-reemployment` patch).
//
//   node --import tsx test/workflows/benefit-claim-record-histories.ts --generation 2026-12 [--only <scenario> …]
//
// Same rule as record-histories.ts: a workflow change a running case could not survive goes behind `wf.patched()`,
// and new recordings are added beside the old ones, never over them — this recorder refuses to overwrite a file
// (history-files.ts). The first recordings carry no generation (`benefitClaim-<scenario>.json`); later ones are
// `benefitClaim-<scenario>.<generation>.json`. `--only` records just the named scenarios (a path added later, such as
// `survivor-work-injury-death-granted`) without touching the others. The scenarios are those of
// benefit-claim.workflow.test.ts.
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DEFAULT_APPROVAL_THRESHOLDS } from '../../domain/benefit/approval-tiers.js';
import type { BenefitClaimApplication } from '../../domain/benefit/benefit-claim.js';
import type { BenefitPolicy } from '../../domain/benefit/benefit-policy.js';
import { DEFAULT_WORK_INJURY_DEATH_POLICY } from '../../domain/benefit/work-injury-death.js';
import { addDays, shanghaiDateOf } from '../../domain/calendar/local-date.js';
import { benefitReemployed, requestReassessment } from '../../workflows/index.js';
import { cleanBenefitFacts } from '../support/benefit-facts.js';
import { citizenId } from '../support/factories.js';
import { fakeActivities, type FakeActivities } from '../support/fake-activities.js';
import {
  type ClaimHandle,
  claimStatusOf,
  claimTaskIn,
  DAY,
  decideIn,
  pensionClaim,
  unemploymentClaim,
  withClaim,
  workInjuryClaim,
} from './benefit-claim-harness.js';
import { withEnrollmentWorker } from './enrollment-harness.js';
import { enrollmentInput } from './enrollment-input.js';
import { generationFromArgs, writeNewHistory } from './history-files.js';
import { startTimeSkipping } from './time-skipping.js';

const generation = generationFromArgs();
/** `--only a --only b`: the scenarios to record (all when none is named). */
const only = process.argv.flatMap((arg, i, all) => (all[i - 1] === '--only' ? [arg] : []));
const ENROLLMENT_SIGNAL = 'enrollment-insured-signals-unemployment-claim';

/** A work-injury death: the widow qualifies (56, 800.00 a month), the father's pension of 2 600.00 is over the 低保 limit. */
const survivorClaim = (filedOn: string): BenefitClaimApplication => {
  const relative = { orphanOrLoneElderly: false, fullyDisabled: false, closerRelativesGone: false };
  return {
    type: 'survivor',
    citizenId: citizenId({ birthDate: '1975-01-01' }),
    region: '330102',
    deathDate: addDays(filedOn, -20),
    cause: 'workInjury',
    injuryReference: 'BC2026000010',
    dependants: [
      { ...relative, name: '王芳', relation: 'spouse', sex: 'female', birthDate: addDays(filedOn, -56 * 366), monthlyIncome: '800.00' },
      { ...relative, name: '张父', relation: 'parent', sex: 'male', birthDate: addDays(filedOn, -75 * 366), monthlyIncome: '2600.00' },
    ],
  };
};

interface Scenario {
  name: string;
  application: (filedOn: string) => BenefitClaimApplication;
  policy?: Partial<BenefitPolicy>;
  fakes?: () => FakeActivities;
  drive(handle: ClaimHandle, env: TestWorkflowEnvironment): Promise<unknown>;
}

const scenarios: Scenario[] = [
  {
    name: 'pension-two-tiers-granted',
    application: pensionClaim,
    policy: { approval: { ...DEFAULT_APPROVAL_THRESHOLDS, monthlyAbove: '4000.00' } },
    drive: async (handle) => {
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      await decideIn(handle, 'supervisorApproval', 'approve', 'sv-1');
      return handle.result();
    },
  },
  {
    name: 'pension-returned-rejected',
    application: pensionClaim,
    drive: async (handle) => {
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'return', 'rv-1', {}, '请核对个人账户对账单');
      await decideIn(handle, 'preparing', 'approve', 'cw-1', { accountBalance: '182345.60' });
      await decideIn(handle, 'reviewing', 'reject', 'rv-1', {}, '视同缴费年限证明不足');
      return handle.result();
    },
  },
  {
    name: 'refused-by-checks',
    application: pensionClaim,
    fakes: () =>
      fakeActivities({
        gatherBenefitClaimFacts: async ({ application }) => {
          const facts = cleanBenefitFacts(application);
          return { calendar: [], facts: facts.type === 'pension' ? { type: 'pension', pension: { ...facts.pension, contributionMonths: 179 } } : facts };
        },
      }),
    drive: (handle) => handle.result(),
  },
  {
    name: 'unemployment-stopped-by-reemployment',
    application: unemploymentClaim,
    drive: async (handle, env) => {
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      await claimStatusOf(handle, 'paying');
      await env.sleep(70 * DAY);
      const hired = shanghaiDateOf(await env.currentTimeMs());
      await handle.signal(benefitReemployed, { date: hired, employerCreditCode: '91330102MA2H00049H', enrollmentCaseId: 'enrollment-1' });
      return handle.result();
    },
  },
  {
    name: 'unemployment-period-completed',
    application: unemploymentClaim,
    drive: async (handle, env) => {
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      await claimStatusOf(handle, 'paying');
      await env.sleep(19 * 31 * DAY);
      return handle.result();
    },
  },
  {
    name: 'work-injury-suspended-reassessed-granted',
    application: (filedOn) => workInjuryClaim(addDays(filedOn, -10)),
    drive: async (handle, env) => {
      await decideIn(handle, 'recognition', 'suspend', 'cw-1', {}, '等待法院对事故责任的判决');
      await claimTaskIn(handle, 'recognitionSuspended');
      await env.sleep(20 * DAY);
      await decideIn(handle, 'recognitionSuspended', 'resume', 'cw-1', { receivedOn: shanghaiDateOf(await env.currentTimeMs()) });
      await decideIn(handle, 'recognition', 'recognize', 'cw-1');
      await decideIn(handle, 'assessment', 'extend', 'cw-1');
      await decideIn(handle, 'assessment', 'conclude', 'cw-1', { grade: 5 });
      await claimStatusOf(handle, 'assessed');
      await handle.executeUpdate(requestReassessment, { args: [{ actorId: 'worker' }] });
      await decideIn(handle, 'reassessment', 'conclude', 'cw-1', { grade: 4 });
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      await decideIn(handle, 'supervisorApproval', 'approve', 'sv-1');
      return handle.result();
    },
  },
  {
    name: 'work-injury-grade-final-granted',
    application: (filedOn) => workInjuryClaim(addDays(filedOn, -3)),
    drive: async (handle, env) => {
      await decideIn(handle, 'recognition', 'recognize', 'cw-1');
      await decideIn(handle, 'assessment', 'conclude', 'cw-1', { grade: 10 });
      await claimStatusOf(handle, 'assessed');
      await env.sleep(20 * DAY);
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      await decideIn(handle, 'supervisorApproval', 'approve', 'sv-1');
      return handle.result();
    },
  },
  {
    name: 'survivor-work-injury-death-granted',
    application: survivorClaim,
    policy: {
      workInjuryDeath: {
        ...DEFAULT_WORK_INJURY_DEATH_POLICY,
        nationalDisposableIncome: Array.from({ length: 30 }, (_, i) => ({ year: 2020 + i, annualAmount: '54188.00', source: 'test figure' })),
        dependantIncomeLimit: '1500.00',
      },
    },
    drive: async (handle) => {
      await decideIn(handle, 'preparing', 'approve', 'cw-1');
      await decideIn(handle, 'reviewing', 'approve', 'rv-1');
      await decideIn(handle, 'supervisorApproval', 'approve', 'sv-1');
      return handle.result();
    },
  },
  {
    name: 'work-injury-not-recognized',
    application: (filedOn) => workInjuryClaim(addDays(filedOn, -5)),
    drive: async (handle) => {
      await decideIn(handle, 'recognition', 'notRecognize', 'cw-1', {}, '事故发生在上下班途中以外的私人活动');
      return handle.result();
    },
  },
];

function write(name: string, history: Parameters<typeof writeNewHistory>[2]): void {
  console.log(`${name}: ${history.events?.length ?? 0} events → ${writeNewHistory(name, generation, history)}`);
}

const wanted = (name: string) => only.length === 0 || only.includes(name);

/** A hire insured by an employer while an unemployment claim is open: the enrollment signals the claim (patched path). */
async function recordEnrollmentSignal(env: TestWorkflowEnvironment, bundle: WorkflowBundleWithSourceMap): Promise<void> {
  const fakes = fakeActivities({
    openInsuranceRecords: async () => ({ opened: true, base: '8000.00', unemploymentClaims: ['benefit-claim-that-ended'] }),
  });
  await withEnrollmentWorker(env, bundle, fakes, async (start) => {
    const handle = await start(enrollmentInput());
    console.log(`enrollment: ${JSON.stringify(await handle.result())}`);
    write(ENROLLMENT_SIGNAL, await (handle as WorkflowHandle).fetchHistory());
  });
}

async function record(): Promise<void> {
  const { env, bundle } = await startTimeSkipping();
  try {
    const unknown = only.filter((name) => name !== ENROLLMENT_SIGNAL && !scenarios.some((s) => s.name === name));
    if (unknown.length > 0) throw new Error(`--only names no scenario: ${unknown.join(', ')}`);
    for (const scenario of scenarios.filter((s) => wanted(s.name))) {
      const fakes = scenario.fakes?.() ?? fakeActivities();
      await withClaim(
        env,
        bundle,
        fakes,
        scenario.application,
        async (handle) => {
          console.log(`${scenario.name}: ${JSON.stringify(await scenario.drive(handle, env))}`);
          write(`benefitClaim-${scenario.name}`, await handle.fetchHistory());
        },
        scenario.policy,
      );
    }
    if (wanted(ENROLLMENT_SIGNAL)) await recordEnrollmentSignal(env, bundle);
  } finally {
    await env.teardown();
  }
}

await record();
