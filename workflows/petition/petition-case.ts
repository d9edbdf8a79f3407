import type { CaseDeadline } from '../../domain/case/case-projection.js';
import { petitionClocks, type PetitionClock, receivedOn, type RegionParents, reviewBodyOf } from '../../domain/petition/petition-clocks.js';
import { petitionEventFor } from '../../domain/petition/petition-decision.js';
import { toPetitionEffects, type PetitionEffect } from '../../domain/petition/petition-effects.js';
import type { PetitionStepSpec } from '../../domain/petition/petition-steps.js';
import { petitionSummary } from '../../domain/petition/petition-summary.js';
import { type PetitionEvent, petitionMachine, type PetitionStatus } from '../../domain/petition/petition.machine.js';
import type { TaskCompletion } from '../../domain/task.js';
import { CaseCalendar } from '../case-calendar.js';
import type { HumanTaskDesk } from '../human-task.js';
import { today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import type { CaseView } from '../messages.js';
import { followUpDone } from '../task-decisions.js';
import { acts, type Loaded } from './petition-activities.js';
import { petitionDeadlines } from './petition-deadlines.js';
import type { PetitionInput } from './petition-messages.js';
import { openPetitionStep } from './petition-open-step.js';

/**
 * The state and the named steps of one petition case (信访); workflows/petition.workflow.ts is the process that runs
 * them. `rules2026` is chosen once per case and carried across continue-as-new: review bodies from region data,
 * review windows from the day of delivery, no extension once the handling period lapsed, decisions answered once
 * applied. Cases started earlier keep the rules they started with.
 */
export class PetitionCase {
  readonly life: Lifecycle<typeof petitionMachine, PetitionEffect>;
  readonly calendar: CaseCalendar;
  /** Regions this system serves (forwarding targets); null on histories recorded before the activity answered them. */
  readonly regions: string[] | null;
  readonly parents: RegionParents | null;
  readonly rules2026: boolean;
  tasks: HumanTaskDesk | null = null;
  spec: PetitionStepSpec | null = null;
  settled = 0;
  decided = 0;
  reviewAsked: 'review' | 'rereview' | null = null;

  constructor(
    readonly input: PetitionInput,
    loaded: Loaded | null,
    rules2026: boolean,
  ) {
    const { carried } = input;
    this.rules2026 = carried ? (carried.rules2026 ?? false) : rules2026;
    this.calendar = new CaseCalendar(carried?.calendar ?? loaded!.calendar);
    this.regions = carried ? carried.regions : (loaded?.regions ?? null);
    this.parents = this.rules2026 ? (carried ? (carried.parents ?? null) : (loaded?.parents ?? null)) : null;
    this.life = carried
      ? Lifecycle.resume(petitionMachine, toPetitionEffects, carried)
      : Lifecycle.start(petitionMachine, toPetitionEffects, { petition: input.petition, receivedOn: input.receivedOn });
  }

  status(): PetitionStatus {
    return this.life.status() as PetitionStatus;
  }

  view(): CaseView {
    return {
      caseId: this.input.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      openTaskId: this.tasks?.openTaskId ?? null,
      allowedEvents: this.allowedEvents(),
      settled: followUpDone(this),
    };
  }

  allowedEvents(): string[] {
    return (['REQUEST_REVIEW', 'REQUEST_REREVIEW', 'RATE'] as const).filter((type) =>
      this.life.can(type === 'RATE' ? { type, score: 1, comment: '' } : { type, on: today() }),
    );
  }

  clockDue(clock: PetitionClock) {
    return petitionClocks(this.calendar.years, this.input.policy, this.life.context, { windowsFromDelivery: this.rules2026 }).find((c) => c.clock === clock);
  }

  /** The body one or two levels up (arts. 35, 36), from region data for cases under the 2026-12 rules. */
  reviewBody(stage: 'review' | 'rereview'): string | null {
    return reviewBodyOf(this.life.context.handlingRegion, stage, this.parents ?? undefined);
  }

  /** When the petitioner received the opinion a review (or re-review) answers; null while a letter is on its way. */
  opinionReceivedOn(stage: 'review' | 'rereview'): string | null {
    const ctx = this.life.context;
    return receivedOn(stage === 'review' ? ctx.opinion : ctx.review, { windowsFromDelivery: this.rules2026 });
  }

  eventFor(completion: TaskCompletion): PetitionEvent | { refused: string } {
    const { extension, handlingRegion } = this.life.context;
    const handlingDue = this.rules2026 ? this.clockDue('handling')?.due.dueDate : undefined;
    return petitionEventFor(this.spec!.step, completion, {
      today: today(),
      policy: this.input.policy,
      extendedDays: extension?.approvedBy ? extension.days : 0,
      handlingRegion,
      handlingDue,
    });
  }

  /** Runs what the last transitions asked for, then writes the read model. */
  async runEffects(): Promise<void> {
    const ctx = () => this.life.context;
    for (let effect = this.life.nextEffect(); effect; effect = this.life.nextEffect()) {
      if (effect.kind === 'notify') await this.notify(effect.notice);
      else await acts.recordPetitionRating({ caseId: this.input.caseId, score: ctx().rating!.score, comment: ctx().rating!.comment });
    }
    const { caseId } = this.input;
    await acts.projectCase({
      caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: this.deadlines(),
      allowedEvents: this.allowedEvents(),
      summary: petitionSummary(ctx(), { forPetitioner: false }),
    });
    this.settled = this.life.version;
  }

  notify(notice: string, occurrence = this.life.version): Promise<void> {
    const { caseId, reference, petitionerId } = this.input;
    return acts.sendNotice({
      caseId,
      key: `${caseId}:${notice}:${occurrence}`,
      recipientKind: 'citizen',
      recipientId: petitionerId,
      kind: notice,
      payload: { reference, status: this.status(), deadlines: this.deadlines(), ...petitionSummary(this.life.context, { forPetitioner: true }) },
    });
  }

  /** Opens the state's human step on the right body, with the statutory clock as its SLA (petition-open-step.ts). */
  openStep(step: PetitionStepSpec): Promise<void> {
    return openPetitionStep(this, step);
  }

  /** The decision is applied: the task closed, the lifecycle moved; an online reply is received the same day. */
  async applyDecision(decision: TaskCompletion, event: PetitionEvent): Promise<void> {
    await this.tasks!.close(decision);
    this.tasks = null;
    this.spec = null;
    this.life.send(event);
    this.decided = this.life.version;
    if (this.rules2026 && event.type === 'ISSUE_OPINION' && this.input.petition.channel === 'online') {
      const document = this.status() === 'opinionIssued' ? 'opinion' : 'review';
      if (this.life.can({ type: 'DELIVERED', document, on: today() })) this.life.send({ type: 'DELIVERED', document, on: today() });
    }
  }

  deadlines(): CaseDeadline[] {
    return petitionDeadlines(this);
  }

  /** A newly loaded calendar moved a deadline: the read model shows it (a new version). */
  async recount(): Promise<void> {
    this.life.version += 1;
    await this.runEffects();
  }

  /** What continue-as-new carries into the next run. */
  carried(): NonNullable<PetitionInput['carried']> {
    return {
      value: this.status(),
      context: this.life.context,
      version: this.life.version,
      calendar: [...this.calendar.years],
      regions: this.regions,
      parents: this.parents,
      rules2026: this.rules2026,
    };
  }
}
