import * as wf from '@temporalio/workflow';
import { initialTransition, transition } from 'xstate';
import type { Activities } from '../activities/index.js';
import type { CalendarYear } from '../domain/calendar/holiday-calendar.js';
import type { CaseDeadline } from '../domain/case/case-projection.js';
import { toShanghaiIso } from '../domain/case/deadline-clock.js';
import { daysBetween } from '../domain/calendar/local-date.js';
import { DomainError } from '../domain/errors.js';
import { assertReviewWindowOpen, petitionClocks, type PetitionClock, reviewBodyOf } from '../domain/petition/petition-clocks.js';
import { petitionEventFor, PETITION_STEP_OUTCOMES } from '../domain/petition/petition-decision.js';
import { toPetitionEffects, type PetitionEffect } from '../domain/petition/petition-effects.js';
import type { PetitionPolicy } from '../domain/petition/petition-policy.js';
import { petitionStepOf, type PetitionStepSpec } from '../domain/petition/petition-steps.js';
import type { PetitionSubmission } from '../domain/petition/petition-submission.js';
import { petitionSummary } from '../domain/petition/petition-summary.js';
import { type PetitionContext, type PetitionEvent, petitionMachine, type PetitionStatus } from '../domain/petition/petition.machine.js';
import { parentRegionCode } from '../domain/region-code.js';
import type { TaskCompletion } from '../domain/task.js';
import { HumanTaskDesk, today } from './human-task.js';
import { type CaseView, completeTask, getCaseView, refuse } from './messages.js';

export interface PetitionInput {
  caseId: string;
  reference: string;
  petition: PetitionSubmission;
  /** The petitioner's ID number: notices and documents go to them (never shown to staff when anonymous). */
  petitionerId: string;
  /** Hash of the normalised matter (petition-submission.ts): art. 36 recognises a concluded matter by it. */
  matterKey: string;
  sensitive: boolean;
  receivedOn: string;
  policy: PetitionPolicy;
  /** Carried over by continue-as-new: the machine's state and what the workflow had loaded. */
  carried?: { value: string; context: PetitionContext; version: number; calendar: CalendarYear[]; regions: string[] | null };
}

/** The petitioner asks for review (复查, art. 35) or re-review (复核, art. 36). */
export const requestPetitionReview = wf.defineUpdate<CaseView, [{ stage: 'review' | 'rereview'; actorId: string }]>('requestPetitionReview');
/** The petitioner rates the reply (art. 34: evaluation through the petition information system), 1–5. */
export const ratePetition = wf.defineUpdate<CaseView, [{ score: number; comment: string; actorId: string }]>('ratePetition');

const acts = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** 信访: acceptance within 15 days, handling within 60 (+30), review and re-review windows (domain-rules §7, §9, E12). */
export async function petition(input: PetitionInput): Promise<{ status: string }> {
  const { caseId, policy } = input;
  const loaded = input.carried ? null : await acts.loadPetitionContext({ caseId, petitionerId: input.petitionerId, matterKey: input.matterKey });
  const calendar = input.carried?.calendar ?? loaded!.calendar;
  // Histories recorded before the activity answered regions replay with null: forwarding is then not checked here.
  const regions = input.carried ? input.carried.regions : (loaded?.regions ?? null);
  let snapshot = input.carried
    ? petitionMachine.resolveState({ value: input.carried.value, context: input.carried.context })
    : initialTransition(petitionMachine, { petition: input.petition, receivedOn: input.receivedOn })[0];
  const pending: PetitionEffect[] = [];
  let version = input.carried?.version ?? 1;
  let settled = 0;
  let tasks: HumanTaskDesk | null = null;
  let spec: PetitionStepSpec | null = null;
  let reviewAsked: 'review' | 'rereview' | null = null;

  const status = () => String(snapshot.value) as PetitionStatus;
  const closed = () => snapshot.status === 'done';
  const send = (event: PetitionEvent): void => {
    const [next, actions] = transition(petitionMachine, snapshot, event);
    snapshot = next;
    pending.push(...toPetitionEffects(actions));
    version += 1;
  };
  const allowedEvents = (): string[] =>
    (['REQUEST_REVIEW', 'REQUEST_REREVIEW', 'RATE'] as const).filter((type) =>
      snapshot.can(type === 'RATE' ? { type, score: 1, comment: '' } : { type, on: today() }),
    );
  const view = (): CaseView => ({ caseId, status: status(), version, closed: closed(), openTaskId: tasks?.openTaskId ?? null, allowedEvents: allowedEvents() });
  const clockDue = (clock: PetitionClock) => petitionClocks(calendar, policy, snapshot.context).find((c) => c.clock === clock);
  const decisionContext = () => {
    const { extension, handlingRegion } = snapshot.context;
    return { today: today(), policy, extendedDays: extension?.approvedBy ? extension.days : 0, handlingRegion };
  };
  const settle = async () => {
    const before = version;
    await wf.condition(() => settled > before);
    return view();
  };

  wf.setHandler(getCaseView, view);
  wf.setHandler(
    completeTask,
    async (completion) => {
      tasks!.accept(completion);
      return settle();
    },
    {
    validator: (completion: TaskCompletion) => {
      if (!tasks || !spec) throw refuse('TaskAlreadyDecided', `task ${completion.taskId} is not open for a decision`);
      tasks.validate(completion);
      // 信访工作条例 art. 36 para. 3 (§7): the accused never decides on the petition that reports them.
      if (input.petition.accusedStaff.includes(completion.actorId)) {
        throw refuse('FourEyes', 'whistle-blowing: you are accused in this petition and may not decide on it');
      }
      const event = petitionEventFor(spec.step, completion, decisionContext());
      if ('refused' in event) throw refuse('OutcomeNotAllowed', event.refused);
      if (event.type === 'FORWARD' && regions !== null && !regions.includes(event.toRegion)) {
        throw refuse('OutcomeNotAllowed', `region ${event.toRegion} is not served by this system: forward to a body that is`);
      }
      if (!snapshot.can(event)) throw refuse('OutcomeNotAllowed', `"${completion.outcome}" is not possible while the petition is ${status()}`);
    },
    },
  );
  wf.setHandler(
    requestPetitionReview,
    async ({ stage }) => {
      reviewAsked = stage;
      return settle();
    },
    {
    validator: ({ stage }: { stage: 'review' | 'rereview'; actorId: string }) => {
      const expected = stage === 'review' ? 'opinionIssued' : 'reviewed';
      if (status() !== expected || reviewAsked !== null) throw refuse('NotAllowedNow', `the petition is ${status()}: no ${stage} can be requested now`);
      const ctx = snapshot.context;
      const receivedOn = stage === 'review' ? ctx.opinion!.issuedOn : ctx.review!.issuedOn;
      try {
        assertReviewWindowOpen(calendar, policy, stage, receivedOn, today());
      } catch (error) {
        if (error instanceof DomainError) throw refuse('WindowClosed', error.message);
        throw error;
      }
      if (reviewBodyOf(ctx.handlingRegion, stage) === null) throw refuse('NotAllowedNow', `there is no body above ${stage === 'review' ? ctx.handlingRegion : parentRegionCode(ctx.handlingRegion) ?? ''} to ${stage} it`);
    },
    },
  );
  wf.setHandler(
    ratePetition,
    async ({ score, comment }) => {
      send({ type: 'RATE', score, comment });
      await runEffects();
      return view();
    },
    {
    validator: ({ score }: { score: number; comment: string; actorId: string }) => {
      if (!Number.isInteger(score) || score < 1 || score > 5) throw refuse('OutcomeNotAllowed', 'a rating is a whole number from 1 to 5');
      if (!snapshot.can({ type: 'RATE', score, comment: '' })) throw refuse('NotAllowedNow', 'there is no reply to rate, or it was rated already');
    },
    },
  );

  const deadlines = (): CaseDeadline[] => {
    const list: CaseDeadline[] = petitionClocks(calendar, policy, snapshot.context)
      .filter((c) => c.statuses.includes(status()))
      .map((c) => ({ name: c.clock, dueDate: c.due.dueDate, dueAt: toShanghaiIso(c.due.dueAtMs), unit: c.due.unit, ...(c.due.provisional ? { provisional: true } : {}) }));
    const internal = spec && spec.clock === null ? tasks?.deadline(`${spec.step}Decision`) : null;
    if (internal) list.push(internal);
    return list;
  };

  const notify = (notice: string, occurrence = version) =>
    acts.sendNotice({
      caseId,
      key: `${caseId}:${notice}:${occurrence}`,
      recipientKind: 'citizen',
      recipientId: input.petitionerId,
      kind: notice,
      payload: { reference: input.reference, status: status(), deadlines: deadlines(), ...petitionSummary(snapshot.context, { forPetitioner: true }) },
    });

  async function runEffects(): Promise<void> {
    for (let effect = pending.shift(); effect; effect = pending.shift()) {
      if (effect.kind === 'notify') await notify(effect.notice);
      else await acts.recordPetitionRating({ caseId, score: snapshot.context.rating!.score, comment: snapshot.context.rating!.comment });
    }
    await acts.projectCase({ caseId, status: status(), version, closed: closed(), deadlines: deadlines(), allowedEvents: allowedEvents(), summary: petitionSummary(snapshot.context, { forPetitioner: false }) });
    settled = version;
  }

  /** Opens the state's human step on the right body, with the statutory clock as its SLA (breach → supervisor). */
  async function openStep(step: PetitionStepSpec): Promise<void> {
    const ctx = snapshot.context;
    const region =
      step.body === 'forwardee' ? ctx.forwardedTo! : step.body === 'handling' ? ctx.handlingRegion : reviewBodyOf(ctx.handlingRegion, step.body === 'parent' ? 'review' : 'rereview')!;
    if (region !== input.petition.region) await acts.sharePetitionWithRegion({ caseId, region });
    tasks = new HumanTaskDesk({ caseId, caseType: 'petition', region }, calendar, acts);
    spec = step;
    const due = step.clock ? clockDue(step.clock) : undefined;
    const preparedBy = step.step === 'extension' ? (ctx.extension?.requestedBy ?? null) : step.step === 'review' ? (ctx.opinion?.issuedBy ?? null) : step.step === 'rereview' ? (ctx.review?.issuedBy ?? null) : null;
    await tasks.open({
      step: step.step,
      permission: step.permission,
      // The remaining statutory days; a task reopened after an extension decision keeps the original clock.
      slaDays: due ? Math.max(1, due.due.unit === 'calendar' ? daysBetween(today(), due.due.dueDate) : policy.transferObjectionWorkingDays) : policy.extensionDecisionWorkingDays,
      slaUnit: due?.due.unit ?? 'working',
      priority: input.sensitive ? 1 : 0,
      preparedBy, // four eyes: the extension's requester, or the author of the opinion under review
      outcomes: PETITION_STEP_OUTCOMES[step.step],
    });
  }

  if (!input.carried) {
    await notify('petition_registered', 0);
    // Art. 36: the same facts and reasons after a concluded re-review are recognised and answered, not handled again.
    if (loaded?.concludedReference) send({ type: 'DUPLICATE_OF_CONCLUDED', reference: loaded.concludedReference });
  }

  while (!closed()) {
    await runEffects();
    if (closed()) break;
    const step = petitionStepOf(status(), input.sensitive);
    if (step) {
      await openStep(step);
      const decision = (await tasks!.awaitDecision())!;
      const event = petitionEventFor(step.step, decision, decisionContext());
      if ('refused' in event) throw wf.ApplicationFailure.nonRetryable(event.refused, 'InvariantViolation');
      await tasks!.close(decision);
      tasks = null;
      spec = null;
      send(event);
      continue;
    }
    // Waiting on the petitioner: a review request, a rating, or the window running out (arts. 35, 36).
    const stage = status() === 'opinionIssued' ? 'review' : 'rereview';
    const window = clockDue(stage === 'review' ? 'reviewRequest' : 'rereviewRequest')!;
    if (wf.workflowInfo().continueAsNewSuggested) {
      await wf.condition(wf.allHandlersFinished);
      await wf.continueAsNew<typeof petition>({ ...input, carried: { value: status(), context: snapshot.context, version, calendar, regions } });
    }
    const before = version;
    const asked = await wf.condition(() => reviewAsked !== null || version !== before, Math.max(1, window.due.dueAtMs - Date.now()));
    if (reviewAsked !== null) {
      send(reviewAsked === 'review' ? { type: 'REQUEST_REVIEW', on: today() } : { type: 'REQUEST_REREVIEW', on: today() });
      reviewAsked = null;
    } else if (!asked) {
      await acts.appendTimeline({ caseId, key: `${caseId}:window:${stage}`, actor: 'system', action: `petition.${stage}WindowClosed`, detail: { dueDate: window.due.dueDate } });
      send({ type: 'WINDOW_CLOSED' });
    }
  }
  if (pending.length > 0 || settled < version) await runEffects();
  await wf.condition(wf.allHandlersFinished);
  return { status: status() };
}
