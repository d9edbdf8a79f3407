import type { DeclarationEffect } from '../../domain/declarations/declaration-review.js';
import { DeclarationCase } from '../declaration-case.js';
import { localSteps as acts } from '../local-steps.js';
import type { AccountSubsidyInput } from './account-subsidy-messages.js';

/**
 * The state and named steps of one 医疗帐户补助金 declaration; workflows/account-subsidy.workflow.ts runs them. Booking
 * credits every declared person's medical account once; a rejection releases the credits it held.
 */
export class AccountSubsidyCase extends DeclarationCase {
  constructor(readonly input: AccountSubsidyInput) {
    super({ caseId: input.caseId, caseType: 'accountSubsidy', region: input.region, calendar: input.calendar });
  }

  protected async run(effect: DeclarationEffect): Promise<void> {
    const { caseId, region, reference } = this.input;
    if (effect.kind === 'release') {
      await acts.releaseAccountSubsidy({ caseId, region });
      this.journal.line(`${caseId}:credits-released`, 'accountSubsidy.released', { persons: this.input.persons });
      return;
    }
    const { booked } = await acts.bookAccountSubsidy({ caseId, reference, region, decidedBy: this.life.context.decision?.by ?? 'system' });
    this.journal.line(`${caseId}:booked`, 'accountSubsidy.booked', { persons: this.input.persons, booked, total: this.input.total });
    this.life.send({ type: 'BOOKED' });
  }

  protected async project(): Promise<void> {
    const { ruleId, period, basis, declaredOn, persons, total, requestHash } = this.input;
    const ctx = this.life.context;
    await this.projectSummary({
      ruleId,
      period,
      basis,
      declaredOn,
      persons,
      total,
      requestHash,
      review: { reviewedBy: ctx.reviewedBy, approvedBy: ctx.approvedBy, returns: ctx.returns },
      decision: ctx.decision,
    });
  }
}
