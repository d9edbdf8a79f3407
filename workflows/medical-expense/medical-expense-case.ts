import { monthOf } from '../../domain/calendar/local-date.js';
import type { DeclarationEffect } from '../../domain/declarations/declaration-review.js';
import { medicalExpenseSummary } from '../../domain/declarations/medical-expense-summary.js';
import { DeclarationCase } from '../declaration-case.js';
import { today } from '../human-task.js';
import { localSteps as acts } from '../local-steps.js';
import type { MedicalExpenseInput } from './medical-expense-messages.js';

/**
 * The state and named steps of one 离休 / 二乙 medical expense declaration; workflows/medical-expense.workflow.ts runs
 * them. The review steps are every declaration's (workflows/declaration-case.ts); the view, the decision on a step and
 * the projection's rhythm are those of every step case (workflows/step-case.ts).
 */
export class MedicalExpenseCase extends DeclarationCase {
  constructor(readonly input: MedicalExpenseInput) {
    super({ caseId: input.caseId, caseType: 'medicalExpense', region: input.region, calendar: input.calendar });
  }

  protected async run(effect: DeclarationEffect): Promise<void> {
    const { caseId, declaration, assessment, region } = this.input;
    if (effect.kind === 'release') {
      await acts.releaseMedicalInvoices({ caseId, region });
      this.journal.line(`${caseId}:invoices-released`, 'medicalExpense.invoicesReleased', { invoices: assessment.invoices.length });
      return;
    }
    const decision = this.life.context.decision;
    await acts.bookMedicalExpense({
      caseId,
      reference: this.input.reference,
      region,
      citizenId: declaration.citizenId,
      category: assessment.ledger,
      amount: assessment.reimbursable,
      decidedBy: decision?.by ?? 'system',
      decidedMonth: monthOf(decision?.on ?? today()),
    });
    this.journal.line(`${caseId}:booked`, 'medicalExpense.booked', { ledger: assessment.ledger, amount: assessment.reimbursable });
    this.life.send({ type: 'BOOKED' });
  }

  protected async project(): Promise<void> {
    await this.projectSummary({
      ...medicalExpenseSummary(this.input.declaration, this.input.assessment, this.life.context),
      attachmentIds: this.input.attachmentIds,
    });
  }
}
