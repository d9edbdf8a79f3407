import type { DeclarationEffect, DeclarationStep } from '../../domain/declarations/declaration-review.js';
import { backPaymentSummary } from '../../domain/declarations/back-payment-summary.js';
import { DeclarationCase } from '../declaration-case.js';
import { localSteps as acts } from '../local-steps.js';
import type { BackPaymentInput } from './back-payment-messages.js';

/**
 * The state and named steps of one back-payment (无记录补缴); workflows/back-payment.workflow.ts runs them. The review
 * machine is the declarations' own: review, four-eyes approval and — for 36 months or more without a legal document —
 * a supervisor's approval as well (rules §6.1, §8).
 */
export class BackPaymentCase extends DeclarationCase {
  constructor(readonly input: BackPaymentInput) {
    super({
      caseId: input.caseId,
      caseType: 'backPayment',
      region: input.region,
      calendar: input.calendar,
      needsSupervisor: input.assessment.supervision.needsSupervisor,
      noun: 'back-payment',
    });
  }

  /** A supervisor's approval of a long span without legal documents comes first in the worklist. */
  protected override priorityOf(step: DeclarationStep): number {
    return step === 'supervision' ? 1 : 0;
  }

  protected async run(effect: DeclarationEffect): Promise<void> {
    const { caseId, region, assessment } = this.input;
    if (effect.kind === 'release') {
      await acts.releaseBackPaymentMonths({ caseId, region });
      this.journal.line(`${caseId}:months-released`, 'backPayment.monthsReleased', { months: assessment.months });
      return;
    }
    await acts.billBackPayment({ caseId, decidedBy: this.life.context.decision?.by ?? 'system' });
    this.journal.line(`${caseId}:billed`, 'backPayment.billed', { months: assessment.months, contribution: assessment.totals.contribution });
    this.life.send({ type: 'BOOKED' });
  }

  protected async project(): Promise<void> {
    await this.projectSummary(backPaymentSummary(this.input, this.input.assessment, this.life.context));
  }
}
