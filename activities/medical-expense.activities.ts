import type { MedicalCategory } from '../domain/declarations/eligibility-list.js';
import { appendAudit } from '../db/writers/case-log.js';
import { bookMedicalExpense, releaseInvoices } from '../db/writers/medical-expenses.js';
import type { ActivityDeps } from './deps.js';

/**
 * The side effects of a 离休 / 二乙 medical expense declaration (workflows/medical-expense.workflow.ts): booking the
 * approved amount to the category's ledger and the payroll, and releasing a rejected declaration's invoice numbers.
 * Each is idempotent by the case.
 */
export function createMedicalExpenseActivities({ orm, clock }: ActivityDeps) {
  return {
    bookMedicalExpense: async (input: {
      caseId: string;
      reference: string;
      region: string;
      citizenId: string;
      category: MedicalCategory;
      amount: string;
      decidedBy: string;
      decidedMonth: string;
    }): Promise<void> => {
      await bookMedicalExpense(orm.em.fork(), input, clock.now());
    },

    releaseMedicalInvoices: async (input: { caseId: string; region: string }): Promise<void> => {
      await orm.em.fork().transactional(async (tx) => {
        const released = await releaseInvoices(tx, input.caseId);
        await appendAudit(tx, {
          at: clock.now(),
          actorId: 'system',
          actorRole: 'system',
          region: input.region,
          action: 'medicalExpense.invoicesReleased',
          objectType: 'Case',
          objectId: input.caseId,
          detail: { released },
          key: `case:${input.caseId}:invoices-released`,
        });
      });
    },
  };
}
