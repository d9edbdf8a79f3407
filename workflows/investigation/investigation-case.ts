import type { TaskCompletion } from '../../domain/task.js';
import { INVESTIGATION_STEPS, type InvestigationStep, investigationEventFor } from '../../domain/supervision/investigation-steps.js';
import { type InvestigationEvent, investigationMachine } from '../../domain/supervision/investigation.machine.js';
import { CaseCalendar } from '../case-calendar.js';
import { HumanTaskDesk, today } from '../human-task.js';
import { Lifecycle } from '../lifecycle.js';
import { localSteps as acts } from '../local-steps.js';
import { refuse } from '../messages.js';
import { StepCase } from '../step-case.js';
import type { InvestigationInput } from './investigation-messages.js';

/** The machine asks for no effects: everything an investigation decides is in its read model. */
type NoEffect = never;
const noEffects = (): NoEffect[] => [];

/**
 * The state and steps of one investigation (稽核调查, rules §8); workflows/investigation.workflow.ts runs them. The
 * findings are the assigned investigator's; the closing supervisor is never the investigator (four eyes, through the
 * task's `preparedBy`, which CASL, the worklists and the validator all honour).
 */
export class InvestigationCase extends StepCase<typeof investigationMachine, NoEffect, InvestigationStep> {
  readonly life: Lifecycle<typeof investigationMachine, NoEffect>;
  readonly calendar: CaseCalendar;
  readonly tasks: HumanTaskDesk;

  constructor(readonly input: InvestigationInput) {
    super(input.caseId, 'investigation');
    this.life = Lifecycle.start(investigationMachine, noEffects, undefined);
    this.calendar = new CaseCalendar(input.calendar);
    this.tasks = new HumanTaskDesk({ caseId: input.caseId, caseType: 'investigation', region: input.region }, this.calendar, acts);
  }

  async openStep(step: InvestigationStep): Promise<void> {
    const ctx = this.life.context;
    const spec = INVESTIGATION_STEPS[step];
    await this.tasks.open({
      step,
      permission: spec.permission,
      slaDays: spec.slaWorkingDays,
      slaUnit: 'working',
      priority: 1,
      preparedBy: step === 'close' ? (ctx.findings?.by ?? null) : null,
      outcomes: spec.outcomes,
    });
    this.step = step;
    await this.recount();
  }

  eventFor(step: InvestigationStep, completion: TaskCompletion): InvestigationEvent | { refused: string } {
    return investigationEventFor(step, completion, today(), this.input.penaltyPolicy);
  }

  /** The findings are written by the investigator the supervisor assigned, nobody else. */
  protected override checkDuties(step: InvestigationStep, completion: TaskCompletion): void {
    const investigator = this.life.context.investigatorId;
    if (step === 'findings' && investigator !== completion.actorId) {
      throw refuse('OUTCOME_NOT_ALLOWED', `the findings are for the assigned investigator ${investigator ?? '(none)'}`);
    }
  }

  protected async run(): Promise<void> {}

  protected async project(): Promise<void> {
    const own = this.tasks.deadline('stepDecision');
    const ctx = this.life.context;
    const { hit } = this.input;
    await acts.projectCase({
      caseId: this.input.caseId,
      status: this.status(),
      version: this.life.version,
      closed: this.life.closed(),
      deadlines: own ? [own] : [],
      allowedEvents: [],
      summary: {
        control: hit.control,
        reason: hit.reason,
        amount: hit.amount,
        sourceCaseId: hit.sourceCaseId,
        foundOn: hit.foundOn,
        assignedBy: ctx.assignedBy,
        investigatorId: ctx.investigatorId,
        findings: ctx.findings,
        closedBy: ctx.closedBy,
        closedOn: ctx.closedOn,
        returns: ctx.returns,
      },
    });
  }
}
